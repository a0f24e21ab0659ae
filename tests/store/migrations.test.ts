import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openDatabase, schemaVersion } from "../../src/store/db.js";
import { createSqliteStore } from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations.js";

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

describe("processed events", () => {
  it("claims a key once until it expires", async () => {
    let now = 1_000_000;
    const store = createSqliteStore(join(dir, "events.db"), { now: () => now });
    expect(await store.events.claim("event:T1:Ev1", 60_000)).toBe(true);
    expect(await store.events.claim("event:T1:Ev1", 60_000)).toBe(false);
    now += 59_999;
    expect(await store.events.claim("event:T1:Ev1", 60_000)).toBe(false);
    now += 1;
    expect(await store.events.claim("event:T1:Ev1", 60_000)).toBe(true);
    now += 120_000;
    expect(await store.events.purgeExpired()).toBe(1);
    await store.close();
  });
});
