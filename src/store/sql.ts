import type Database from "better-sqlite3";
import type { Pool, PoolClient, QueryConfig } from "pg";

export type Dialect = "sqlite" | "postgres";

/** Positional (`?`) or named (`@name`) parameters. */
export type Params = readonly unknown[] | object;

/**
 * What every store module is written against: one SQL text for both databases. The subset they
 * share is enough for postcoach (INSERT … ON CONFLICT DO NOTHING / DO UPDATE, RETURNING, CASE,
 * partial indexes); where they differ, a module asks `dialect`. Parameters are written `?` or
 * `@name`, never inside a string literal; booleans are stored as 0/1 and times as milliseconds.
 */
export interface Sql {
  readonly dialect: Dialect;
  all<T>(text: string, params?: Params): Promise<T[]>;
  get<T>(text: string, params?: Params): Promise<T | undefined>;
  /** Runs a statement; resolves the number of rows it changed. */
  run(text: string, params?: Params): Promise<number>;
  /**
   * Runs `fn` in one transaction that holds the write lock from its start on SQLite (BEGIN
   * IMMEDIATE) and is READ COMMITTED on PostgreSQL: a read-then-write there must lock its rows
   * first (an UPDATE or SELECT … FOR UPDATE). Nested calls join the outer transaction. `fn` runs
   * statements only, never a network call: on SQLite it holds the database's write lock.
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/**
 * better-sqlite3 is synchronous; its statements are prepared once per SQL text. An async
 * transaction holds the connection: calls made meanwhile by other callers wait for it, so none of
 * their statements can land inside it between two of its awaits.
 */
export function sqliteSql(db: Database.Database): Sql {
  // One executor per connection: two would each think the connection free inside the other's transaction.
  let sql = executors.get(db);
  if (!sql) {
    sql = newSqliteSql(db);
    executors.set(db, sql);
  }
  return sql;
}

const executors = new WeakMap<Database.Database, Sql>();

function newSqliteSql(db: Database.Database): Sql {
  const statements = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let s = statements.get(text);
    if (!s) {
      s = db.prepare(text);
      statements.set(text, s);
    }
    return s;
  };
  const bind = (params: Params | undefined): unknown[] =>
    params === undefined ? [] : Array.isArray(params) ? params : [params];
  const exec = {
    all: <T>(text: string, params?: Params) => prepare(text).all(...bind(params)) as T[],
    get: <T>(text: string, params?: Params) => prepare(text).get(...bind(params)) as T | undefined,
    run: (text: string, params?: Params) => prepare(text).run(...bind(params)).changes,
  };
  const inside: Sql = {
    dialect: "sqlite",
    all: async (text, params) => exec.all(text, params),
    get: async (text, params) => exec.get(text, params),
    run: async (text, params) => exec.run(text, params),
    transaction: (fn) => fn(inside),
  };
  // The transaction holding the connection. A caller waits in a loop and runs its statement in the
  // same synchronous step as the check that found the connection free: an `await` in between
  // would let another waiter start a transaction first.
  let open: Promise<unknown> | undefined;
  return {
    dialect: "sqlite",
    all: async (text, params) => {
      while (open) await open.catch(() => undefined);
      return exec.all(text, params);
    },
    get: async (text, params) => {
      while (open) await open.catch(() => undefined);
      return exec.get(text, params);
    },
    run: async (text, params) => {
      while (open) await open.catch(() => undefined);
      return exec.run(text, params);
    },
    transaction: async <T>(fn: (tx: Sql) => Promise<T>) => {
      while (open) await open.catch(() => undefined);
      prepare("BEGIN IMMEDIATE").run();
      const work = (async () => {
        try {
          const result = await fn(inside);
          prepare("COMMIT").run();
          return result;
        } catch (err) {
          if (db.inTransaction) prepare("ROLLBACK").run();
          throw err;
        }
      })();
      open = work;
      try {
        return await work;
      } finally {
        if (open === work) open = undefined;
      }
    },
  };
}

interface Translated {
  text: string;
  /** Named parameters in the order of $1, $2…; undefined for positional ones. */
  names?: string[];
  /** A prepared statement's name: PostgreSQL parses and plans it once per connection. */
  name: string;
}

/** `?` → `$1…`, `@name` → `$n` (the same name, the same number). */
export function toPostgres(text: string, id: number): Translated {
  const names: string[] = [];
  let n = 0;
  let named = false;
  const out = text.replace(/\?|@([A-Za-z_]\w*)/g, (m, name: string | undefined) => {
    if (m === "?") return `$${++n}`;
    named = true;
    let i = names.indexOf(name!);
    if (i < 0) i = names.push(name!) - 1;
    return `$${i + 1}`;
  });
  if (named && n > 0) throw new Error("a statement mixes ? and @name parameters");
  return { text: out, names: named ? names : undefined, name: `postcoach_${id}` };
}

export function postgresSql(pool: Pool): Sql {
  const translated = new Map<string, Translated>();
  const query = (text: string, params: Params | undefined): QueryConfig => {
    let t = translated.get(text);
    if (!t) {
      t = toPostgres(text, translated.size + 1);
      translated.set(text, t);
    }
    let values: unknown[] = [];
    if (t.names) {
      const named = (params ?? {}) as Record<string, unknown>;
      values = t.names.map((k) => {
        if (!(k in named)) throw new Error(`missing parameter @${k}`);
        return named[k];
      });
    } else if (params) values = [...(params as unknown[])];
    return { name: t.name, text: t.text, values };
  };
  const on = (client: Pool | PoolClient, inTransaction: boolean): Sql => {
    const sql: Sql = {
      dialect: "postgres",
      all: async <T>(text: string, params?: Params) => (await client.query(query(text, params))).rows as T[],
      get: async <T>(text: string, params?: Params) =>
        (await client.query(query(text, params))).rows[0] as T | undefined,
      run: async (text, params) => (await client.query(query(text, params))).rowCount ?? 0,
      transaction: async <T>(fn: (tx: Sql) => Promise<T>) => {
        if (inTransaction) return fn(sql);
        const c = await checkout(pool);
        let result: T;
        try {
          await c.client.query("BEGIN");
          result = await fn(on(c.client, true));
          await c.client.query("COMMIT");
        } catch (err) {
          // A connection that cannot even roll back is broken: the pool drops it.
          const broken = await c.client.query("ROLLBACK").then(
            () => false,
            () => true,
          );
          c.release(broken);
          throw err;
        }
        c.release();
        return result;
      },
    };
    return sql;
  };
  return on(pool, false);
}

/**
 * A connection taken from the pool for several statements. While it is out, pg-pool stops
 * listening to its errors, so a server that goes away between two statements would emit an error
 * nobody listens to, which ends the process. The guard keeps it, and release() drops the
 * connection rather than handing a dead one back to the pool.
 */
export async function checkout(pool: Pool): Promise<{ client: PoolClient; release(broken?: boolean): void }> {
  const client = await pool.connect();
  let lost = false;
  const onError = () => {
    lost = true;
  };
  client.on("error", onError);
  return {
    client,
    release: (broken = false) => {
      client.off("error", onError);
      client.release(broken || lost);
    },
  };
}

/**
 * What a queue's claim adds to its SELECT, inside `transaction`, so that replicas claiming at once
 * each get different rows: PostgreSQL's FOR UPDATE SKIP LOCKED (rows another transaction holds are
 * passed over, not waited for). Nothing on SQLite, where a write transaction (BEGIN IMMEDIATE)
 * already runs alone.
 */
export function skipLocked(sql: Sql): string {
  return sql.dialect === "postgres" ? " FOR UPDATE SKIP LOCKED" : "";
}
