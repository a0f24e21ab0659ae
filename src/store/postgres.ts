import pg from "pg";
import { MIGRATIONS, type Migration, postgresDdl, RENUMBERED } from "./migrations.js";

/** How the bot's pool behaves; the defaults suit the CLI and workers, MAIN_THREAD_STORE the bot. */
export interface PostgresOptions {
  /** Connections at most (each replica has its own pool). */
  poolSize?: number;
  /** How long a call waits for a free connection, or for a new one to open. */
  connectTimeoutMs?: number;
  /** How long one statement may wait for a row or table lock another transaction holds. */
  lockTimeoutMs?: number;
  /** How long one statement may run. */
  statementTimeoutMs?: number;
  /** Called with an idle connection's error (the server restarted): the pool drops it and goes on. */
  onIdleError?: (err: Error) => void;
}

export const POSTGRES_DEFAULTS = {
  poolSize: 10,
  connectTimeoutMs: 5000,
  lockTimeoutMs: 5000,
  statementTimeoutMs: 60_000,
} as const;

/**
 * Numbers come back as numbers: times are milliseconds (BIGINT, well within 2^53), counts are
 * BIGINT and averages NUMERIC. Set on this pool only, not pg's global parsers.
 */
const TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** Where a URL points, without its password: what error messages and logs may show. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const db = u.pathname.replace(/^\//, "") || "(default database)";
    return `${u.hostname || "localhost"}:${u.port || "5432"}/${db}`;
  } catch {
    return "(an unreadable URL)";
  }
}

export function createPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const o = { ...POSTGRES_DEFAULTS, ...options };
  const pool = new pg.Pool({
    connectionString: url,
    max: o.poolSize,
    connectionTimeoutMillis: o.connectTimeoutMs,
    lock_timeout: o.lockTimeoutMs,
    statement_timeout: o.statementTimeoutMs,
    // A process stopped in the middle of a transaction must not keep its locks.
    idle_in_transaction_session_timeout: 60_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: "postcoach",
    types: TYPES,
  });
  // Without a listener, an idle connection's error (server restart, network cut) ends the process.
  pool.on("error", (err) => options.onIdleError?.(err));
  return pool;
}

/** Lock and transient errors: the statement was not applied, running it again is safe. */
export function isPostgresBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  // lock_not_available (lock_timeout), serialization_failure, deadlock_detected
  if (code === "55P03" || code === "40001" || code === "40P01") return true;
  // The pool had no free connection in time: nothing was sent.
  return err instanceof Error && /timeout exceeded when trying to connect/i.test(err.message);
}

/**
 * Applies the migrations not yet applied, each in its own transaction. Replicas starting together
 * take turns on an advisory lock (per schema), so each migration runs once.
 */
export async function migratePostgres(
  url: string,
  migrations: readonly Migration[] = MIGRATIONS,
  connectTimeoutMs: number = POSTGRES_DEFAULTS.connectTimeoutMs,
): Promise<number> {
  const client = new pg.Client({
    connectionString: url,
    application_name: "postcoach migrations",
    connectionTimeoutMillis: connectTimeoutMs,
  });
  // An error after connecting (the server going away) rejects the pending query; without a
  // listener it would also end the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('postcoach migrations ' || current_schema()))");
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`,
    );
    await undoRenumbered(client);
    let version = await postgresSchemaVersion(client);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= version) continue;
      await client.query("BEGIN");
      try {
        await client.query(postgresDdl(m));
        await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          m.version,
          m.name,
          Date.now(),
        ]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`);
      }
      version = m.version;
    }
    return version;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema that applied today's version 7 under the number 6 goes back to 5 (see RENUMBERED). */
async function undoRenumbered(client: pg.Client): Promise<void> {
  if ((await postgresSchemaVersion(client)) !== RENUMBERED.version) return;
  const exists = async (table: string) =>
    (await client.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [table])).rows[0]?.t !=
    null;
  if (!(await exists(RENUMBERED.present)) || (await exists(RENUMBERED.absent))) return;
  await client.query("BEGIN");
  try {
    for (const statement of RENUMBERED.undoPostgres) await client.query(statement);
    await client.query("DELETE FROM schema_migrations WHERE version = $1", [RENUMBERED.version]);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

export async function postgresSchemaVersion(client: pg.ClientBase | pg.Pool): Promise<number> {
  const r = await client.query<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_migrations");
  return r.rows[0]?.v ?? 0;
}
