import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dailyMaintenance } from "../../src/schedules.js";
import { createSqliteStore } from "../../src/store/index.js";
import { describeEachBackend, freshDatabase } from "../helpers/databases.js";
import { ROOT } from "../helpers/spawn.js";

const dir = mkdtempSync(join(tmpdir(), "postcoach-maint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 86_400_000;

describeEachBackend("daily maintenance", (backend) => {
  it("purges data older than RETENTION_DAYS and expired caches, and marks the service day", async () => {
    const now = Date.parse("2026-11-26T03:17:00Z");
    const database = await freshDatabase(backend);
    const store = await database.open({ now: () => now });
    const check = (at: number) =>
      store.checks.record({
        teamId: "T",
        userId: "U",
        at,
        score: 50,
        dimensions: {},
        language: "en",
        platform: "linkedin",
        surface: "slash",
        draftHash: String(at),
        counts: true,
        findings: [],
      });
    await check(now - 400 * DAY);
    await check(now - 10 * DAY);
    await store.mentoring.recordRequest("T", "C", "1.1", "U", now - 400 * DAY);
    await store.llmCache.forTeam("T").set("k", { questions: ["a?", "b?"], observations: {} }, -1);
    const week = { teamId: "T", channelId: "C", slotAt: 0, tz: "UTC" };
    await store.digestSchedules.claim({ ...week, week: "2025-10-20" }, "pending", "p", now - 400 * DAY, 0);
    await store.digestSchedules.claim({ ...week, week: "2026-11-23" }, "pending", "p", now - 3 * DAY, 0);
    const purged = await dailyMaintenance(store, 365, now);
    expect(purged).toMatchObject({ checks: 1, feedbackRequests: 1, llmCache: 1, digestDeliveries: 1 });
    expect(await store.checks.count("T", "U")).toBe(1);
    expect([...(await store.schedules.serviceDays())]).toEqual([Math.floor(now / DAY)]);
    expect(await store.schedules.lastRun("retention")).toBe(now);
    await database.drop();
  });
});

describe("two processes writing the same file", () => {
  it("never surface SQLITE_BUSY: WAL and busy_timeout make them take turns", async () => {
    const path = join(dir, "shared.db");
    createSqliteStore(path).close();
    const writer = (id: string) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const script = `
          import { createSqliteStore } from "${ROOT}src/store/index.ts";
          const store = createSqliteStore(${JSON.stringify(path)});
          for (let i = 0; i < 400; i++) {
            await store.checks.record({ teamId: "T", userId: "${id}", at: Date.now(), score: i % 100, dimensions: {}, language: "en", platform: "x", surface: "slash", draftHash: "${id}" + i, counts: true, findings: [] });
            await store.events.claim("${id}:" + i);
          }
          await store.close();`;
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
          cwd: ROOT,
        });
        let err = "";
        child.stderr.on("data", (d) => {
          err += d;
        });
        child.on("close", (code) => resolve({ code, err }));
      });
    const results = await Promise.all([writer("A"), writer("B")]);
    for (const r of results) {
      expect(r.err).not.toMatch(/SQLITE_BUSY/);
      expect(r.code).toBe(0);
    }
    const store = createSqliteStore(path);
    expect(await store.checks.count("T", "A")).toBe(400);
    expect(await store.checks.count("T", "B")).toBe(400);
    await store.close();
  });
});
