import type { LlmCache } from "../llm/answer.js";
import { type ButtonDraftStore, sqliteButtonDrafts } from "./button-drafts.js";
import { type CheckStore, sqliteChecks } from "./checks.js";
import { type Db, DEFAULT_BUSY_TIMEOUT_MS, isBusy, openDatabase } from "./db.js";
import { type DigestStore, sqliteDigest } from "./digest.js";
import { type DigestScheduleStore, sqliteDigestSchedules } from "./digest-schedules.js";
import { type EventStore, sqliteEvents } from "./events.js";
import { sqliteLlmCache } from "./llm-cache.js";
import { type MentoringStore, sqliteMentoring } from "./mentoring.js";
import { type OutboxStore, sqliteOutbox } from "./outbox.js";
import { type PrivacyStore, sqlitePrivacy } from "./privacy.js";
import { type ScheduleStore, sqliteSchedules } from "./schedules.js";
import { type SettingsStore, sqliteSettings } from "./settings.js";
import { sqliteUsers, type UserStore } from "./users.js";

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
export type { MentoringStore } from "./mentoring.js";
export type { OutboxEntry, OutboxStore } from "./outbox.js";
export type { PrivacyStore } from "./privacy.js";
export type { ScheduleStore } from "./schedules.js";
export type { ChannelSettings, SettingsStore } from "./settings.js";
export {
  applyDefaults,
  LANGUAGE_SETTINGS,
  type SettingsPatch,
  type UserSettings,
  type UserStore,
} from "./users.js";

/**
 * Everything postcoach keeps, one module per concept. The interface is Promise-based even though
 * better-sqlite3 is synchronous, so a PostgreSQL backend (several replicas) can replace it without
 * touching any caller.
 */
export interface Store {
  events: EventStore;
  settings: SettingsStore;
  llmCache: LlmCache & { purgeExpired(): Promise<number> };
  checks: CheckStore;
  mentoring: MentoringStore;
  users: UserStore;
  schedules: ScheduleStore;
  privacy: PrivacyStore;
  digest: DigestStore;
  digestSchedules: DigestScheduleStore;
  outbox: OutboxStore;
  buttonDrafts: ButtonDraftStore;
  close(): Promise<void>;
}

export interface StoreOptions {
  now?: () => number;
  /** How long one statement may block its thread waiting for a lock (see DEFAULT_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /** How long a call is retried, pausing without blocking, while the database stays locked. */
  retryForMs?: number;
}

/**
 * The bot's main thread acknowledges every Slack request: a statement waiting there for a lock
 * (another process in a long write) stalls every ack and /healthz with it. So it waits a few
 * milliseconds at most, and the call is retried between other work until the lock is free.
 */
export const MAIN_THREAD_STORE: StoreOptions = { busyTimeoutMs: 20, retryForMs: 15_000 };

export function createSqliteStore(path: string, options: StoreOptions = {}): Store & { db: Db } {
  const db = openDatabase(path, undefined, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  const now = options.now ?? Date.now;
  const wait = options.retryForMs ?? 0;
  return {
    db,
    events: patient(sqliteEvents(db, now), wait),
    settings: patient(sqliteSettings(db, now), wait),
    llmCache: patient(sqliteLlmCache(db, now), wait),
    checks: patient(sqliteChecks(db), wait),
    mentoring: patient(sqliteMentoring(db), wait),
    users: patient(sqliteUsers(db, now), wait),
    schedules: patient(sqliteSchedules(db), wait),
    privacy: patient(sqlitePrivacy(db), wait),
    digest: patient(sqliteDigest(db), wait),
    digestSchedules: patient(sqliteDigestSchedules(db), wait),
    outbox: patient(sqliteOutbox(db), wait),
    buttonDrafts: patient(sqliteButtonDrafts(db), wait),
    close: async () => {
      db.close();
    },
  };
}

/**
 * A store module whose calls, when the database is locked, are retried after a pause (5 ms,
 * doubling to 250 ms) for up to `retryForMs`, then fail with the lock error for the caller to log.
 * Running a call again is safe: the statement or transaction that met the lock was not applied,
 * and any statement before it in the same call is idempotent (INSERT OR IGNORE, reads).
 */
function patient<T extends object>(module: T, retryForMs: number): T {
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
          if (!isBusy(err) || Date.now() + pause > giveUpAt) throw err;
          await new Promise((r) => setTimeout(r, pause));
        }
      }
    };
  }
  return wrapped as T;
}
