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
  {
    version: 3,
    name: "checks, mentoring, user settings, service days",
    sql: `
      CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        channel_id TEXT,
        created_at INTEGER NOT NULL,
        score INTEGER NOT NULL,
        dimensions TEXT NOT NULL,
        language TEXT NOT NULL,
        platform TEXT NOT NULL,
        surface TEXT NOT NULL,
        draft_hash TEXT NOT NULL,
        -- 1 when the draft is long enough to count for the mentee streak
        counts INTEGER NOT NULL,
        -- 1 when a revised draft raised the score
        growth INTEGER NOT NULL DEFAULT 0,
        score_delta INTEGER,
        findings TEXT NOT NULL DEFAULT '',
        -- only when the user opted in to keep their drafts
        draft_text TEXT
      );
      -- Covers the streak query (distinct drafts by time) for one user; the App Home's recent checks
      -- read the few rows of the last 8 weeks through it. Kept narrow: every check writes it.
      CREATE INDEX checks_by_user ON checks (team_id, user_id, created_at, counts, draft_hash);
      CREATE INDEX checks_by_channel ON checks (team_id, channel_id, created_at);
      CREATE INDEX checks_by_time ON checks (created_at);

      CREATE TABLE feedback_requests (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_ts TEXT NOT NULL,
        -- NULL once the author asked postcoach to forget them; mentors keep their activity
        author_id TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (team_id, channel_id, message_ts)
      );
      CREATE INDEX feedback_requests_by_author ON feedback_requests (team_id, author_id);
      CREATE INDEX feedback_requests_by_time ON feedback_requests (created_at);

      CREATE TABLE mentoring_events (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        request_id INTEGER REFERENCES feedback_requests (id) ON DELETE SET NULL,
        mentor_id TEXT NOT NULL,
        reply_ts TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        helpful INTEGER NOT NULL DEFAULT 0,
        UNIQUE (request_id, mentor_id)
      );
      CREATE INDEX mentoring_by_mentor ON mentoring_events (team_id, mentor_id, created_at, helpful);
      CREATE INDEX mentoring_by_reply ON mentoring_events (team_id, reply_ts);
      CREATE INDEX mentoring_by_time ON mentoring_events (created_at);

      CREATE TABLE user_settings (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        tz TEXT,
        tz_checked_at INTEGER,
        language TEXT NOT NULL DEFAULT 'auto',
        platform TEXT NOT NULL DEFAULT 'linkedin',
        show_in_digest INTEGER NOT NULL DEFAULT 0,
        store_drafts INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, user_id)
      ) WITHOUT ROWID;

      -- Time zone history: a change applies from the next week boundary in the old zone.
      CREATE TABLE tz_changes (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        tz TEXT NOT NULL,
        effective_from INTEGER NOT NULL,
        PRIMARY KEY (team_id, user_id, effective_from)
      ) WITHOUT ROWID;

      -- UTC days on which postcoach ran: a week it did not run never breaks a streak.
      CREATE TABLE service_days (day TEXT PRIMARY KEY) WITHOUT ROWID;

      -- Scheduled jobs (retention, digest): when each last ran.
      CREATE TABLE scheduled_runs (
        name TEXT PRIMARY KEY,
        last_run_at INTEGER NOT NULL,
        detail TEXT
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: "weekly digest opt-in per channel",
    sql: `
      ALTER TABLE channel_settings ADD COLUMN weekly_digest INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX feedback_requests_by_channel ON feedback_requests (channel_id, created_at);
    `,
  },
  {
    version: 5,
    name: "digest schedules per channel, and one delivery per channel-week",
    sql: `
      -- When each channel gets its digest, in its own time zone. Channels that had the digest on
      -- keep what they were promised: Monday 09:00 UTC.
      CREATE TABLE digest_schedules (
        team_id TEXT NOT NULL CHECK (team_id <> ''),
        channel_id TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        -- 1 is Monday, 7 is Sunday
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        -- minutes after local midnight
        minute INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 1439),
        tz TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'auto',
        -- the next digest time not yet handled; NULL until the scheduler computes it
        next_slot_at INTEGER,
        updated_by TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, channel_id)
      );
      CREATE INDEX digest_schedules_due ON digest_schedules (next_slot_at) WHERE enabled = 1;
      INSERT INTO digest_schedules (team_id, channel_id, enabled, weekday, minute, tz, updated_by, updated_at)
        SELECT team_id, channel_id, 1, 1, 540, 'UTC', updated_by, updated_at
        FROM channel_settings WHERE weekly_digest = 1 AND team_id <> '';
      ALTER TABLE channel_settings DROP COLUMN weekly_digest;

      -- The claim that makes a digest go out once per channel and week, whatever the number of
      -- processes, restarts and manual runs: the primary key.
      CREATE TABLE digest_deliveries (
        team_id TEXT NOT NULL CHECK (team_id <> ''),
        channel_id TEXT NOT NULL,
        -- local date of the Monday of the week the digest is posted in
        week TEXT NOT NULL,
        slot_at INTEGER NOT NULL,
        tz TEXT NOT NULL,
        -- pending, posted, failed (given up) or skipped (too late)
        status TEXT NOT NULL,
        claimed_at INTEGER NOT NULL,
        owner TEXT NOT NULL,
        -- an attempt in progress holds the delivery until then
        lease_until INTEGER NOT NULL DEFAULT 0,
        retry_at INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        posted_at INTEGER,
        message_ts TEXT,
        PRIMARY KEY (team_id, channel_id, week)
      );
      CREATE INDEX digest_deliveries_pending ON digest_deliveries (retry_at) WHERE status = 'pending';
      CREATE INDEX digest_deliveries_by_time ON digest_deliveries (claimed_at);

      -- The digest reads a channel's requests within one workspace.
      DROP INDEX feedback_requests_by_channel;
      CREATE INDEX feedback_requests_by_channel ON feedback_requests (team_id, channel_id, created_at);
    `,
  },
  {
    version: 6,
    name: "reply outbox and button drafts",
    sql: `
      -- Every coaching reply owed to someone, recorded before (or with) the acknowledgement and
      -- deleted once answered: a crash or a deploy can at worst repeat a reply, never lose one.
      -- It holds what the reply needs (the draft, where to answer), for 30 minutes at most.
      CREATE TABLE reply_outbox (
        team_id TEXT NOT NULL,
        id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        job TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        -- Slack's response_url is valid for 30 minutes: a reply not sent by then is dropped
        expires_at INTEGER NOT NULL,
        -- the process answering it, until lease_until (then any process may take it over)
        owner TEXT NOT NULL,
        lease_until INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX reply_outbox_due ON reply_outbox (lease_until);
      CREATE INDEX reply_outbox_by_user ON reply_outbox (team_id, user_id);

      -- A long draft behind a coaching reply's buttons (too long for the button's value), for the
      -- button's lifetime (an hour), for its owner alone.
      CREATE TABLE button_drafts (
        team_id TEXT NOT NULL,
        id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        draft TEXT NOT NULL,
        options TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      CREATE INDEX button_drafts_expiry ON button_drafts (expires_at);
      CREATE INDEX button_drafts_by_user ON button_drafts (team_id, user_id);
    `,
  },
];
