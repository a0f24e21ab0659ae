import type pg from "pg";
import { type ButtonDraftStore, buttonDraftsStore } from "./button-drafts.js";
import { type CheckStore, checksStore } from "./checks.js";
import {
  type Db,
  DEFAULT_BUSY_TIMEOUT_MS,
  isBusy,
  openDatabase,
  openFailureCause,
  truncateWal,
  walScrubber,
} from "./db.js";
import { type DigestStore, digestStore } from "./digest.js";
import { type DigestScheduleStore, digestSchedulesStore } from "./digest-schedules.js";
import { type EventStore, eventsStore } from "./events.js";
import { type InstallationsStore, installationsStore } from "./installations.js";
import { type LlmCacheStore, llmCacheStore } from "./llm-cache.js";
import { type MentoringStore, mentoringStore } from "./mentoring.js";
import { type OauthStateStore, oauthStatesStore } from "./oauth-states.js";
import { type OutboxStore, outboxStore } from "./outbox.js";
import {
  createPool,
  describeUrl,
  isPostgresBusy,
  migratePostgres,
  POSTGRES_DEFAULTS,
  type PostgresOptions,
} from "./postgres.js";
import { FORGET_TABLES, type PrivacyStore, privacyStore } from "./privacy.js";
import { type RateLimitStore, rateLimitsStore } from "./rate-limits.js";
import { type ScheduleStore, schedulesStore } from "./schedules.js";
import { type SettingsStore, settingsStore } from "./settings.js";
import { checkout, postgresSql, type Sql, sqliteSql } from "./sql.js";
import { type UserStore, usersStore } from "./users.js";
import { type WorkspaceStore, workspacesStore } from "./workspaces.js";

export type { ButtonDraft, ButtonDraftStore } from "./button-drafts.js";
export type { CheckRow, CheckStore, NewCheck } from "./checks.js";
export type { ChannelActivity, DigestStore, WeekNumbers, Window } from "./digest.js";
export type {
  DeliveryKey,
  DeliveryStatus,
  DigestDelivery,
  DigestLanguage,
  DigestSchedule,
  DigestScheduleStore,
  NewDelivery,
} from "./digest-schedules.js";
export type { EventStore } from "./events.js";
export {
  type BotCredentials,
  type InstallationKey,
  type InstallationsStore,
  installationKey,
  MIN_SECRET_LENGTH,
  MissingEncryptionKeyError,
} from "./installations.js";
export type { LlmCacheStore } from "./llm-cache.js";
export type { MentoringStore } from "./mentoring.js";
export { OAUTH_STATE_TTL_MS, type OauthStateStore } from "./oauth-states.js";
export type { OutboxEntry, OutboxStore } from "./outbox.js";
export type { PrivacyStore, PrivacySummary } from "./privacy.js";
export type { RateLimitStore } from "./rate-limits.js";
export type { ScheduleStore } from "./schedules.js";
export type { ChannelSettings, SettingsStore } from "./settings.js";
export { MissingTeamError } from "./team.js";
export {
  applyDefaults,
  LANGUAGE_SETTINGS,
  type SettingsPatch,
  type UserSettings,
  type UserStore,
} from "./users.js";
export { WORKSPACE_TABLES, type WorkspaceStore } from "./workspaces.js";

/**
 * Everything postcoach keeps, one module per concept, each written once against `Sql` and so the
 * same on SQLite (the embedded default) and PostgreSQL (several replicas). Every call is async;
 * nothing that must hold across replicas lives in a process: claims, counters and caches are rows
 * with unique keys.
 *
 * A new module: a file exporting its interface and `fooStore(sql: Sql, …)`, every method taking
 * the team id through team(); its tables in the next migration (migrations.ts); one line in
 * modules() below; its tests in tests/store/, run on both backends by describeEachBackend.
 */
export interface Store {
  readonly backend: "sqlite" | "postgres";
  events: EventStore;
  settings: SettingsStore;
  llmCache: LlmCacheStore;
  rateLimits: RateLimitStore;
  checks: CheckStore;
  mentoring: MentoringStore;
  users: UserStore;
  schedules: ScheduleStore;
  privacy: PrivacyStore;
  digest: DigestStore;
  digestSchedules: DigestScheduleStore;
  outbox: OutboxStore;
  buttonDrafts: ButtonDraftStore;
  installations: InstallationsStore;
  oauthStates: OauthStateStore;
  workspaces: WorkspaceStore;
  /** Whether the database answers (for /healthz): a locked SQLite file does; an unreachable server does not. */
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}

export interface StoreOptions {
  now?: () => number;
  /**
   * How long one statement waits for a lock another connection holds (SQLite's busy_timeout,
   * blocking its thread; PostgreSQL's lock_timeout). See DEFAULT_BUSY_TIMEOUT_MS.
   */
  lockWaitMs?: number;
  /** How long a call is retried, pausing without blocking, while the database stays locked. */
  retryForMs?: number;
  /** PostgreSQL's pool and timeouts. */
  postgres?: PostgresOptions;
  /** The key that encrypts stored installations (installationKey(INSTALLATION_ENCRYPTION_KEY)). */
  installationKey?: Buffer;
  /** Where the store reports what it recovers from (an idle connection lost, a vacuum refused). */
  warn?: (line: string) => void;
}

/**
 * The bot's main thread acknowledges every Slack request: a statement waiting there for a lock
 * (another process in a long write) stalls every ack and /healthz with it on SQLite, and holds a
 * pooled connection on PostgreSQL. So it waits a few milliseconds at most, and the call is retried
 * between other work until the lock is free. On PostgreSQL a statement runs 10 s at most and a
 * call waits 2 s at most for one of the pool's 10 connections.
 */
export const MAIN_THREAD_STORE: StoreOptions = {
  lockWaitMs: 20,
  retryForMs: 15_000,
  postgres: { poolSize: 10, connectTimeoutMs: 2000, statementTimeoutMs: 10_000 },
};

/** The modules, the same for both databases. */
function modules(
  sql: Sql,
  now: () => number,
  afterForget: () => Promise<unknown>,
  { retryForMs = 0, installationKey }: StoreOptions,
  draftsErased: () => void = () => undefined,
) {
  const busy = sql.dialect === "sqlite" ? isBusy : isPostgresBusy;
  const p = <T extends object>(m: T) => patient(m, retryForMs, busy);
  return {
    backend: sql.dialect,
    events: p(eventsStore(sql, now)),
    settings: p(settingsStore(sql, now)),
    llmCache: llmCacheStore(sql, now),
    rateLimits: p(rateLimitsStore(sql, now)),
    checks: p(checksStore(sql, draftsErased)),
    mentoring: p(mentoringStore(sql)),
    users: p(usersStore(sql, now)),
    schedules: p(schedulesStore(sql, draftsErased)),
    privacy: p(privacyStore(sql, afterForget)),
    digest: p(digestStore(sql)),
    digestSchedules: p(digestSchedulesStore(sql)),
    outbox: p(outboxStore(sql, draftsErased)),
    buttonDrafts: p(buttonDraftsStore(sql, draftsErased)),
    installations: p(installationsStore(sql, installationKey, now)),
    oauthStates: p(oauthStatesStore(sql, now)),
    workspaces: p(workspacesStore(sql, draftsErased)),
  };
}

export function createSqliteStore(path: string, options: StoreOptions = {}): Store & { db: Db } {
  const db = openDatabase(path, undefined, options.lockWaitMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  const scrubber = walScrubber(db);
  return {
    db,
    ...modules(sqliteSql(db), options.now ?? Date.now, () => truncateWal(db), options, scrubber.soon),
    health: async () => ({ ok: db.open }),
    close: async () => {
      scrubber.stop();
      db.close();
    },
  };
}

export class DatabaseUnavailableError extends Error {}

/**
 * Connects to PostgreSQL and migrates it. Fails with one line naming the server (never the
 * password) when it cannot be reached.
 */
export async function createPostgresStore(
  url: string,
  options: StoreOptions = {},
): Promise<Store & { pool: pg.Pool }> {
  try {
    await migratePostgres(url, undefined, options.postgres?.connectTimeoutMs);
  } catch (err) {
    throw new DatabaseUnavailableError(
      `DATABASE_URL: cannot use PostgreSQL at ${describeUrl(url)}: ${(err as Error).message}`,
    );
  }
  const warn = options.warn ?? (() => undefined);
  const pool = createPool(url, {
    ...options.postgres,
    lockTimeoutMs: options.lockWaitMs ?? options.postgres?.lockTimeoutMs ?? POSTGRES_DEFAULTS.lockTimeoutMs,
    onIdleError: (err) => warn(`PostgreSQL connection lost (the pool opens another): ${err.message}`),
  });
  // PostgreSQL has no secure_delete: VACUUM at least frees the deleted rows' space at once
  // rather than whenever autovacuum comes (see the README for what it does not reach).
  const vacuum = async () => {
    const connection = await checkout(pool).catch(() => undefined);
    if (!connection)
      return warn("VACUUM after a forget skipped: no connection (autovacuum will do it later)");
    const { client } = connection;
    try {
      // A large table takes longer than the bot's per-statement limit.
      await client.query("SET statement_timeout = 0");
      await client.query(`VACUUM (SKIP_LOCKED) ${FORGET_TABLES.join(", ")}`);
      await client.query("RESET statement_timeout");
      connection.release();
    } catch (err) {
      connection.release(true);
      warn(`VACUUM after a forget failed (autovacuum will do it later): ${(err as Error).message}`);
    }
  };
  const store = modules(postgresSql(pool), options.now ?? Date.now, vacuum, options);
  return {
    pool,
    ...store,
    health: async () => {
      try {
        await pool.query("SELECT 1");
        return { ok: true };
      } catch (err) {
        return { ok: false, detail: `PostgreSQL unavailable: ${(err as Error).message}` };
      }
    },
    close: () => pool.end(),
  };
}

/** Where the data lives: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export interface StoreTarget {
  databaseUrl?: string;
  databasePath: string;
}

export async function openStore(target: StoreTarget, options: StoreOptions = {}): Promise<Store> {
  if (target.databaseUrl) return createPostgresStore(target.databaseUrl, options);
  try {
    return createSqliteStore(target.databasePath, options);
  } catch (err) {
    throw new DatabaseUnavailableError(
      `DATABASE_PATH ${target.databasePath} cannot be opened: ${openFailureCause(target.databasePath, err)}`,
    );
  }
}

/**
 * A store module whose calls, when the database is locked, are retried after a pause (5 ms,
 * doubling to 250 ms) for up to `retryForMs`, then fail with the lock error for the caller to log.
 * Running a call again is safe: the statement or transaction that met the lock was not applied,
 * and any statement before it in the same call is idempotent (INSERT … ON CONFLICT DO NOTHING, reads).
 */
function patient<T extends object>(module: T, retryForMs: number, busy: (err: unknown) => boolean): T {
  if (retryForMs <= 0) return module;
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(module)) {
    if (typeof fn !== "function") {
      wrapped[name] = fn;
      continue;
    }
    wrapped[name] = async (...args: unknown[]) => {
      const giveUpAt = Date.now() + retryForMs;
      for (let pause = 5; ; pause = Math.min(pause * 2, 250)) {
        try {
          return await fn(...args);
        } catch (err) {
          if (!busy(err) || Date.now() + pause > giveUpAt) throw err;
          await new Promise((r) => setTimeout(r, pause));
        }
      }
    };
  }
  return wrapped as T;
}
