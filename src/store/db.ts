import { closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, type Migration, RENUMBERED } from "./migrations.js";

export type Db = Database.Database;

/**
 * How long one statement waits, blocking its thread, for a lock another connection holds (a
 * second replica, the CLI digest). The default suits a CLI or a worker thread; the bot's main
 * thread uses a few milliseconds and retries without blocking (see patient in index.ts).
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** Opens (creating its folder) and migrates the SQLite file. ":memory:" works for tests. */
export function openDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
  busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS,
): Db {
  if (path !== ":memory:") {
    createFolder(dirname(path));
    // The file system's own error (a folder, a file in the way, no permission, a read-only volume)
    // says more than SQLite's "unable to open database file".
    closeSync(openSync(path, "a"));
  }
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // Migrations may wait for another process starting at the same time, whatever the timeout after.
  db.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  // Checkpoint the WAL every ~16 MB rather than every 4 MB: the commit that checkpoints pays for it,
  // and a check insert should not wait on that often.
  db.pragma("wal_autocheckpoint = 4000");
  // Deleted rows are overwritten with zeros, not left readable in free space (see truncateWal).
  db.pragma("secure_delete = ON");
  migrate(db, migrations);
  db.pragma(`busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
  return db;
}

/**
 * Creates a folder and the missing ones above it, one level at a time: Node 20's recursive mkdir
 * never returns where the parent exists but takes no new folder (`/proc/x`: ENOENT, then EEXIST
 * for /proc, forever), which left the bot hanging at start with one core at 100 %.
 */
function createFolder(folder: string): void {
  const missing: string[] = [];
  for (let at = folder; !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at);
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (err) {
      // Another process starting at the same time may have made it.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || !statSync(level).isDirectory()) throw err;
    }
  }
}

/**
 * Why a SQLite file cannot be opened at `path`, in words that say what to change: the likely
 * cause from the file system's or SQLite's error code, else the error's own message.
 */
export function openFailureCause(path: string, err: unknown): string {
  const { code, message } = err as { code?: unknown; message?: unknown };
  const folder = dirname(path);
  switch (code) {
    case "EISDIR":
      return `it is a folder: name a file in it, such as ${join(path, "postcoach.db")}`;
    case "ENOTDIR":
    case "EEXIST":
      return `${fileOnTheWay(path) ?? "a part of the path"} is a file, not a folder`;
    case "ENOENT":
      return `the folder ${folder} cannot be created there (a system folder such as /proc or /sys takes none): choose a path on a data volume`;
    case "EACCES":
    case "EPERM":
      return `no permission to write ${existsSync(path) ? path : `in ${folder}`} for this user: give it write access, or choose another path`;
    case "EROFS":
    case "SQLITE_READONLY":
      return "the file system there is read-only: point it at a writable volume";
    case "ENOSPC":
    case "SQLITE_FULL":
      return "the disk is full";
    case "SQLITE_NOTADB":
      return "the file is not a SQLite database: is DATABASE_PATH pointing at another file?";
    case "SQLITE_CORRUPT":
      return "the file is damaged: restore it from a backup, or move it away to start afresh";
    default:
      return isBusy(err) ? "another process kept the file locked for over 5 s" : String(message ?? err);
  }
}

/** The file that stands where `path` needs a folder, if any. */
function fileOnTheWay(path: string): string | undefined {
  for (let at = dirname(path); dirname(at) !== at; at = dirname(at)) {
    try {
      return statSync(at).isDirectory() ? undefined : at;
    } catch {
      // Missing, or under the file: look one level up.
    }
  }
  return undefined;
}

/** SQLITE_BUSY and its variants: another connection holds the lock this statement needs. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/**
 * Copies the write-ahead log into the database and empties it. With secure_delete, deleted rows
 * are zeros in the database file; the log still holds the pages as they were before, until this.
 * Resolves false when another connection kept it from completing (it is retried a few times).
 */
export async function truncateWal(db: Db, attempts = 20, pauseMs = 50): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    try {
      const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
      if (result?.busy === 0) return true;
    } catch (err) {
      if (!isBusy(err)) throw err;
    }
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  return false;
}

/** How soon after a draft leaves the database its bytes leave the write-ahead log too. */
export const WAL_SCRUB_DELAY_MS = 2000;
/** Tries before the scrubber waits for the next deletion: ~2 minutes of a busy database. */
const WAL_SCRUB_TRIES = 12;

/**
 * Empties the write-ahead log a little after rows holding draft text were deleted (a reply sent, a
 * button's draft expired, "keep my drafts" unticked, retention): secure_delete zeroes them in the
 * database file, but the log keeps their old pages until a checkpoint, ~16 MB of writes later. One
 * checkpoint serves every deletion of the last WAL_SCRUB_DELAY_MS, off the acknowledgement path.
 * It never waits on a lock: while this connection is inside a transaction, or another connection
 * (a reader, a replica, the digest CLI) keeps the checkpoint from completing, it tries again later.
 */
export function walScrubber(db: Db, delayMs = WAL_SCRUB_DELAY_MS): { soon: () => void; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const schedule = (tries: number, wait: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      if (!db.open) return;
      if (!db.inTransaction && checkpointNow(db)) return;
      if (tries + 1 < WAL_SCRUB_TRIES) schedule(tries + 1, Math.min(wait * 2, 30_000));
    }, wait);
    timer.unref();
  };
  return {
    soon: () => {
      if (!timer && db.open) schedule(0, delayMs);
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** One checkpoint that empties the log, without waiting for any lock; true when it completed. */
function checkpointNow(db: Db): boolean {
  const wait = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma("busy_timeout = 0");
  try {
    const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    return result?.busy === 0;
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  undoRenumbered(db);
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

/** A database that applied today's version 7 under the number 6 goes back to 5 (see RENUMBERED). */
function undoRenumbered(db: Db): void {
  const table = db.prepare<[string], { name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?",
  );
  db.transaction(() => {
    if (schemaVersion(db) !== RENUMBERED.version) return;
    if (!table.get(RENUMBERED.present) || table.get(RENUMBERED.absent)) return;
    for (const statement of RENUMBERED.undo) db.exec(statement);
    db.pragma(`user_version = ${RENUMBERED.version - 1}`);
  }).immediate();
}
