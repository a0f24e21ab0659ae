/**
 * Versioned, forward-only schema migrations. The database's `user_version` is the number of the
 * last one applied; each runs in its own transaction at start. Never edit a released migration:
 * add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "processed events and channel settings",
    sql: `
      CREATE TABLE processed_events (
        key TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX processed_events_expiry ON processed_events (expires_at);

      CREATE TABLE channel_settings (
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        public_feedback INTEGER NOT NULL DEFAULT 0,
        updated_by TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, channel_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: "llm answer cache",
    sql: `
      CREATE TABLE llm_cache (
        key TEXT PRIMARY KEY,
        answer TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX llm_cache_expiry ON llm_cache (expires_at);
    `,
  },
];
