import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openDatabase, schemaVersion } from "../../src/store/db.js";
import { createSqliteStore } from "../../src/store/index.js";
import { MIGRATIONS, RENUMBERED } from "../../src/store/migrations.js";

const dir = mkdtempSync(join(tmpdir(), "postcoach-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migrations", () => {
  it("are numbered 1..n without gaps", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it("bring an empty file to the latest version, with WAL and foreign keys on", () => {
    const db = openDatabase(join(dir, "sub", "fresh.db"));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
  });

  it("bring every earlier version to the latest, and running them again changes nothing", () => {
    for (let from = 0; from < MIGRATIONS.length; from++) {
      const path = join(dir, `from-${from}.db`);
      const db = new Database(path);
      migrate(db, MIGRATIONS.slice(0, from));
      expect(schemaVersion(db)).toBe(from);
      expect(migrate(db)).toBe(MIGRATIONS.length);
      expect(migrate(db)).toBe(MIGRATIONS.length);
      db.close();
    }
  });
});

describe("migration 5", () => {
  it("keeps the digest of channels that had it on: Monday 09:00 UTC, as they were promised", async () => {
    const path = join(dir, "v4.db");
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 4));
    const add = db.prepare(
      "INSERT INTO channel_settings (team_id, channel_id, public_feedback, weekly_digest, updated_by, updated_at) VALUES (?, ?, ?, ?, 'U1', 5)",
    );
    add.run("T1", "C1", 0, 1);
    add.run("T1", "C2", 1, 0);
    db.close();
    const store = createSqliteStore(path);
    expect(await store.digestSchedules.get("T1", "C1")).toEqual({
      teamId: "T1",
      channelId: "C1",
      enabled: true,
      weekday: 1,
      minute: 540,
      tz: "UTC",
      language: "auto",
      nextSlotAt: null,
    });
    expect(await store.digestSchedules.get("T1", "C2")).toBeUndefined();
    expect(await store.settings.channel("T1", "C2")).toEqual({ publicFeedback: true });
    await store.close();
  });
});

describe("the migration first numbered 6 (now 7)", () => {
  it("a database that applied it as 6 goes back to 5 and migrates to the latest, its data kept", async () => {
    const path = join(dir, "renumbered.db");
    const db = new Database(path);
    migrate(db, [...MIGRATIONS.slice(0, 5), RENUMBERED.migration]);
    expect(schemaVersion(db)).toBe(6);
    db.prepare(
      "INSERT INTO channel_settings (team_id, channel_id, public_feedback, updated_at) VALUES ('T1', 'C1', 1, 1)",
    ).run();
    db.prepare("INSERT INTO rate_limits (team_id, key, count, expires_at) VALUES ('T1', 'k', 1, 1)").run();
    db.close();
    const store = createSqliteStore(path);
    expect(schemaVersion(store.db)).toBe(MIGRATIONS.length);
    expect(await store.settings.channel("T1", "C1")).toEqual({ publicFeedback: true });
    // The outbox it missed is there, and the team guards too.
    await store.outbox.add(
      { teamId: "T1", id: "a", userId: "U1", job: "{}", createdAt: 1, expiresAt: 2 },
      "p",
      0,
    );
    expect(() =>
      store.db
        .prepare(
          "INSERT INTO checks (team_id, user_id, created_at, score, dimensions, language, platform, surface, draft_hash, counts) VALUES ('', 'U', 1, 1, '{}', 'en', 'x', 's', 'h', 1)",
        )
        .run(),
    ).toThrow(/team_id must not be empty/);
    expect(await store.rateLimits.take("T1", "k", 1, 60_000)).toBe(true);
    await store.close();
  });

  it("a database at main's 6 (the outbox) is not taken for it", () => {
    const path = join(dir, "main-6.db");
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 6));
    db.prepare(
      "INSERT INTO reply_outbox (team_id, id, user_id, job, created_at, expires_at, owner, lease_until) VALUES ('T1', 'a', 'U1', '{}', 1, 2, 'p', 0)",
    ).run();
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT id FROM reply_outbox").all()).toEqual([{ id: "a" }]);
    db.close();
  });
});

describe("migration 9", () => {
  it("deletes the kept draft texts of users who no longer keep them, and only theirs", async () => {
    const path = join(dir, "v8.db");
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 8));
    const check = db.prepare(
      `INSERT INTO checks (team_id, user_id, created_at, score, dimensions, language, platform, surface, draft_hash, counts, growth, findings, draft_text)
       VALUES ('T1', ?, 1, 50, '{}', 'en', 'linkedin', 'slash', ?, 1, 0, '', ?)`,
    );
    check.run("UKEEPS", "a", "kept on purpose");
    check.run("UUNTICKED", "b", "unticked before the fix");
    check.run("UNOSETTINGS", "c", "no settings row");
    const settings = db.prepare(
      "INSERT INTO user_settings (team_id, user_id, store_drafts, updated_at) VALUES ('T1', ?, ?, 1)",
    );
    settings.run("UKEEPS", 1);
    settings.run("UUNTICKED", 0);
    db.close();
    const store = createSqliteStore(path);
    expect(await store.privacy.summary("T1", "UKEEPS")).toMatchObject({ checks: 1, draftsStored: 1 });
    expect(await store.privacy.summary("T1", "UUNTICKED")).toMatchObject({ checks: 1, draftsStored: 0 });
    expect(await store.privacy.summary("T1", "UNOSETTINGS")).toMatchObject({ checks: 1, draftsStored: 0 });
    await store.close();
  });
});
