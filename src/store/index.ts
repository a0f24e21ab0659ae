import type { LlmCache } from "../coach/index.js";
import { type CheckStore, sqliteChecks } from "./checks.js";
import { type Db, openDatabase } from "./db.js";
import { type DigestStore, sqliteDigest } from "./digest.js";
import { type EventStore, sqliteEvents } from "./events.js";
import { sqliteLlmCache } from "./llm-cache.js";
import { type MentoringStore, sqliteMentoring } from "./mentoring.js";
import { type PrivacyStore, sqlitePrivacy } from "./privacy.js";
import { type ScheduleStore, sqliteSchedules } from "./schedules.js";
import { type SettingsStore, sqliteSettings } from "./settings.js";
import { sqliteUsers, type UserStore } from "./users.js";

export type { CheckRow, CheckStore, NewCheck } from "./checks.js";
export type { ChannelWeek, DigestStore } from "./digest.js";
export type { EventStore } from "./events.js";
export type { MentoringStore } from "./mentoring.js";
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
  close(): Promise<void>;
}

export interface StoreOptions {
  now?: () => number;
}

export function createSqliteStore(path: string, options: StoreOptions = {}): Store & { db: Db } {
  const db = openDatabase(path);
  const now = options.now ?? Date.now;
  return {
    db,
    events: sqliteEvents(db, now),
    settings: sqliteSettings(db, now),
    llmCache: sqliteLlmCache(db, now),
    checks: sqliteChecks(db),
    mentoring: sqliteMentoring(db),
    users: sqliteUsers(db, now),
    schedules: sqliteSchedules(db),
    privacy: sqlitePrivacy(db),
    digest: sqliteDigest(db),
    close: async () => {
      db.close();
    },
  };
}
