import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WAL_SCRUB_DELAY_MS } from "../../src/store/db.js";
import { createSqliteStore } from "../../src/store/index.js";
import { sqliteSql } from "../../src/store/sql.js";
import { databaseBytes } from "../helpers/databases.js";
import { seedCheck } from "../helpers/digest.js";

const WORD = "Axolotlmarmalade";
const HOUR = 3_600_000;

/** The longest the event loop went without a turn while `ms` passed. */
async function longestStall(ms: number): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  await new Promise((r) => setTimeout(r, ms));
  clearInterval(tick);
  return longest;
}

describe("the write-ahead log scrubber (SQLite)", () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "postcoach-scrub-"));
    path = join(dir, "s.db");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const putDraft = (store: ReturnType<typeof createSqliteStore>, expiresAt: number) =>
    store.buttonDrafts.put({
      teamId: "T1",
      id: "b1",
      userId: "U1",
      draft: `A long draft about ${WORD}.`,
      options: "{}",
      expiresAt,
    });

  it("erases a deleted draft once a reader that held the log back has gone, never blocking the event loop", async () => {
    // The default lock wait (5 s, the CLI's): a checkpoint that waited on it would stall everything.
    const store = createSqliteStore(path);
    try {
      await putDraft(store, Date.now() - HOUR);
      const reader = new Database(path);
      reader.exec("BEGIN");
      reader.prepare("SELECT COUNT(*) FROM checks").get();
      expect(await store.buttonDrafts.purgeExpired(Date.now())).toBe(1);
      const stall = longestStall(WAL_SCRUB_DELAY_MS + 1000);
      expect(await stall).toBeLessThan(1000);
      expect(databaseBytes(path).includes(WORD), "kept while the reader holds the log").toBe(true);
      reader.exec("COMMIT");
      reader.close();
      await expect
        .poll(() => databaseBytes(path).includes(WORD), { timeout: 4 * WAL_SCRUB_DELAY_MS })
        .toBe(false);
    } finally {
      await store.close();
    }
  });

  it("tries again when its first try falls inside a transaction of this connection", async () => {
    const store = createSqliteStore(path);
    try {
      await putDraft(store, Date.now() - HOUR);
      expect(await store.buttonDrafts.purgeExpired(Date.now())).toBe(1);
      // A transaction that is still open when the scrubber first tries.
      let release!: () => void;
      const held = sqliteSql(store.db).transaction(() => new Promise<void>((r) => (release = r)));
      await new Promise((r) => setTimeout(r, WAL_SCRUB_DELAY_MS + 500));
      expect(databaseBytes(path).includes(WORD)).toBe(true);
      release();
      await held;
      await expect
        .poll(() => databaseBytes(path).includes(WORD), { timeout: 4 * WAL_SCRUB_DELAY_MS })
        .toBe(false);
    } finally {
      await store.close();
    }
  });

  it("erases a kept draft the daily retention deleted", async () => {
    const store = createSqliteStore(path);
    try {
      await store.users.update("T1", "U1", { storeDrafts: true });
      await seedCheck(store, {
        user: "U1",
        at: Date.now() - 400 * 24 * HOUR,
        draftText: `A kept draft about ${WORD}.`,
      });
      expect((await store.schedules.purge(Date.now() - 365 * 24 * HOUR, Date.now())).checks).toBe(1);
      await expect
        .poll(() => databaseBytes(path).includes(WORD), { timeout: 3 * WAL_SCRUB_DELAY_MS })
        .toBe(false);
    } finally {
      await store.close();
    }
  });
});
