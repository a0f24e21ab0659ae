import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, inject } from "vitest";
import {
  createPostgresStore,
  createSqliteStore,
  type Store,
  type StoreOptions,
} from "../../src/store/index.js";

export type Backend = "sqlite" | "postgres";
export const BACKENDS: readonly Backend[] = ["sqlite", "postgres"];

/** The PostgreSQL server of this run (tests/global-setup.ts), or "" when there is none. */
export const POSTGRES_URL = inject("postgresUrl");

/** One empty database: a SQLite file, or a schema of its own on the test server. */
export interface TestDatabase {
  backend: Backend;
  /** The URL (PostgreSQL) or file (SQLite) a process would be given. */
  target: { databaseUrl?: string; databasePath: string };
  /** A store on it: each call is another connection (another process, in effect). */
  open(options?: StoreOptions): Promise<Store>;
  /** SQL run directly, beside the store (a row planted by hand, a look at what is stored). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Closes every store opened here and drops the database. */
  drop(): Promise<void>;
}

let counter = 0;

export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  const stores: Store[] = [];
  const opened = <S extends Store>(s: S) => {
    stores.push(s);
    return s;
  };
  const closeAll = async () => {
    for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  };
  if (backend === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "postcoach-store-"));
    const path = join(dir, "test.db");
    let raw: ReturnType<typeof createSqliteStore> | undefined;
    return {
      backend,
      target: { databasePath: path },
      open: async (options) => opened(createSqliteStore(path, options)),
      query: async (sql, params = []) => {
        raw ??= opened(createSqliteStore(path));
        const stmt = raw.db.prepare(sql);
        if (stmt.reader) return stmt.all(...params) as never[];
        stmt.run(...params);
        return [];
      },
      drop: async () => {
        await closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!POSTGRES_URL)
    throw new Error(
      "no PostgreSQL server for the tests: install Debian's postgresql package (.ci/run does) or set POSTCOACH_TEST_DATABASE_URL",
    );
  const schema = `t${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const databaseUrl = url.toString();
  const raw = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    backend,
    target: { databaseUrl, databasePath: "/nonexistent/unused.db" },
    open: async (options) => opened(await createPostgresStore(databaseUrl, options)),
    query: async <T>(sql: string, params: unknown[] = []) => {
      let n = 0;
      return (
        await raw.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows as T[];
    },
    drop: async () => {
      await closeAll();
      await raw.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
      await admin.end();
    },
  };
}

/**
 * `describe` once per backend. Without a PostgreSQL server its block fails, saying how to get one.
 */
export function describeEachBackend(name: string, fn: (backend: Backend) => void): void {
  for (const backend of BACKENDS) {
    describe(`${name} (${backend})`, () => fn(backend));
  }
}

/**
 * A fresh database of the backend and a store on it for each test of the enclosing `describe`,
 * dropped after it.
 */
export function freshStoreEach(
  backend: Backend,
  options?: () => StoreOptions,
): { db: TestDatabase; store: Store } {
  const current = {} as { db: TestDatabase; store: Store };
  beforeEach(async () => {
    current.db = await freshDatabase(backend);
    current.store = await current.db.open(options?.());
  });
  afterEach(async () => {
    await current.db.drop();
  });
  return current;
}

/** The environment that points a process (or the harness) at this database. */
export function databaseEnv(db: TestDatabase): Record<string, string> {
  return db.target.databaseUrl
    ? { DATABASE_URL: db.target.databaseUrl }
    : { DATABASE_PATH: db.target.databasePath };
}

/** Every byte SQLite keeps for a database: the file, its write-ahead log and its shared index. */
export function databaseBytes(path: string): Buffer {
  return Buffer.concat(
    [path, `${path}-wal`, `${path}-shm`].filter((p) => existsSync(p)).map((p) => readFileSync(p)),
  );
}
