import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, type Migration } from "./migrations.js";

export type Db = Database.Database;

/** Opens (creating its folder) and migrates the SQLite file. ":memory:" works for tests. */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // Another process (a second replica, the CLI digest) may hold the write lock for a moment.
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  // Checkpoint the WAL every ~16 MB rather than every 4 MB: the commit that checkpoints pays for it,
  // and a check insert should not wait on that often.
  db.pragma("wal_autocheckpoint = 4000");
  migrate(db, migrations);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
  const run = db.transaction((m: Migration) => {
    if (schemaVersion(db) >= m.version) return;
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
  });
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (schemaVersion(db) < m.version) run.immediate(m);
  }
  return schemaVersion(db);
}
