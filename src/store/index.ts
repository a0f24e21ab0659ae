import type { LlmCache } from "../coach/index.js";
import { type Db, openDatabase } from "./db.js";
import { type EventStore, sqliteEvents } from "./events.js";
import { sqliteLlmCache } from "./llm-cache.js";
import { type SettingsStore, sqliteSettings } from "./settings.js";

export type { EventStore } from "./events.js";
export type { ChannelSettings, SettingsStore } from "./settings.js";

/**
 * Everything postcoach keeps, one module per concept. The interface is Promise-based even though
 * better-sqlite3 is synchronous, so a PostgreSQL backend (several replicas) can replace it without
 * touching any caller.
 */
export interface Store {
  events: EventStore;
  settings: SettingsStore;
  llmCache: LlmCache & { purgeExpired(): Promise<number> };
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
    close: async () => {
      db.close();
    },
  };
}
