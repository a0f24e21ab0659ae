import type { Sql } from "./sql.js";
import { team } from "./team.js";

export interface PrivacyStore {
  /** Every row about the user, as plain data (for /postcheck export). */
  export(teamId: string, userId: string): Promise<Record<string, unknown[]>>;
  /** How much is stored about the user (for /postcheck privacy). */
  summary(teamId: string, userId: string): Promise<PrivacySummary>;
  /**
   * Deletes everything about the user, for good: mentors keep their replies to the user's
   * requests, unlinked, and the workspace's LLM answers go (they can quote a draft, and nothing
   * tells whose). On SQLite the rows are overwritten (secure_delete) and the write-ahead log
   * emptied into the database; on PostgreSQL the touched tables are vacuumed (see the README for
   * what that does and does not reach). Neither reaches backups or other copies.
   */
  forget(teamId: string, userId: string): Promise<void>;
}

const EXPORTS = {
  checks: `SELECT created_at, channel_id, score, dimensions, language, platform, surface, draft_hash, counts, growth,
             score_delta, findings, draft_text FROM checks WHERE team_id = ? AND user_id = ? ORDER BY created_at`,
  feedbackRequests:
    "SELECT channel_id, message_ts, created_at FROM feedback_requests WHERE team_id = ? AND author_id = ? ORDER BY created_at",
  mentoring:
    "SELECT reply_ts, created_at, helpful FROM mentoring_events WHERE team_id = ? AND mentor_id = ? ORDER BY created_at",
  settings:
    "SELECT tz, language, platform, show_in_digest, store_drafts, updated_at FROM user_settings WHERE team_id = ? AND user_id = ?",
  zones:
    "SELECT tz, effective_from FROM tz_changes WHERE team_id = ? AND user_id = ? ORDER BY effective_from",
  // Replies still owed and drafts behind buttons: kept minutes to an hour, then deleted.
  pendingReplies:
    "SELECT id, job, created_at, expires_at FROM reply_outbox WHERE team_id = ? AND user_id = ? ORDER BY created_at",
  buttonDrafts:
    "SELECT id, draft, options, expires_at FROM button_drafts WHERE team_id = ? AND user_id = ? ORDER BY expires_at",
  digestsSetUp:
    "SELECT channel_id, enabled, weekday, minute, tz, language, updated_at FROM digest_schedules WHERE team_id = ? AND updated_by = ? ORDER BY channel_id",
} as const;

const COUNTS = {
  checks: "SELECT COUNT(*) AS n FROM checks WHERE team_id = ? AND user_id = ?",
  draftsStored:
    "SELECT COUNT(*) AS n FROM checks WHERE team_id = ? AND user_id = ? AND draft_text IS NOT NULL",
  feedbackRequests: "SELECT COUNT(*) AS n FROM feedback_requests WHERE team_id = ? AND author_id = ?",
  mentoringReplies: "SELECT COUNT(*) AS n FROM mentoring_events WHERE team_id = ? AND mentor_id = ?",
  pendingReplies: "SELECT COUNT(*) AS n FROM reply_outbox WHERE team_id = ? AND user_id = ?",
  buttonDrafts: "SELECT COUNT(*) AS n FROM button_drafts WHERE team_id = ? AND user_id = ?",
  digestsSetUp: "SELECT COUNT(*) AS n FROM digest_schedules WHERE team_id = ? AND updated_by = ?",
} as const;

/** How many rows of each kind are stored about a user. */
export type PrivacySummary = Record<keyof typeof COUNTS, number>;

const FORGET = [
  "DELETE FROM checks WHERE team_id = ? AND user_id = ?",
  "DELETE FROM mentoring_events WHERE team_id = ? AND mentor_id = ?",
  // Requests go; the foreign key unlinks mentors' replies to them (ON DELETE SET NULL).
  "DELETE FROM feedback_requests WHERE team_id = ? AND author_id = ?",
  "DELETE FROM user_settings WHERE team_id = ? AND user_id = ?",
  "DELETE FROM tz_changes WHERE team_id = ? AND user_id = ?",
  "DELETE FROM reply_outbox WHERE team_id = ? AND user_id = ?",
  "DELETE FROM button_drafts WHERE team_id = ? AND user_id = ?",
  // A channel's digest stays on; who turned it on is forgotten.
  "UPDATE digest_schedules SET updated_by = NULL WHERE team_id = ? AND updated_by = ?",
  // Channel settings stay (they are the channel's), without who changed them last.
  "UPDATE channel_settings SET updated_by = NULL WHERE team_id = ? AND updated_by = ?",
] as const;

/** The tables a forget deletes from or rewrites: PostgreSQL vacuums them afterwards. */
export const FORGET_TABLES = [
  "checks",
  "mentoring_events",
  "feedback_requests",
  "user_settings",
  "tz_changes",
  "reply_outbox",
  "button_drafts",
  "digest_schedules",
  "channel_settings",
  "llm_cache",
] as const;

/**
 * `afterForget` is what the backend can do beyond deleting: SQLite empties its write-ahead log
 * into the (secure_delete) database file; PostgreSQL vacuums the touched tables.
 */
export function privacyStore(sql: Sql, afterForget: () => Promise<unknown>): PrivacyStore {
  return {
    export: async (teamId, userId) => {
      const t = team(teamId);
      const out: Record<string, unknown[]> = {};
      for (const [name, text] of Object.entries(EXPORTS)) out[name] = await sql.all(text, [t, userId]);
      return out;
    },
    summary: async (teamId, userId) => {
      const t = team(teamId);
      const out: Partial<PrivacySummary> = {};
      for (const [name, text] of Object.entries(COUNTS) as [keyof typeof COUNTS, string][])
        out[name] = (await sql.get<{ n: number }>(text, [t, userId]))?.n ?? 0;
      return out as PrivacySummary;
    },
    forget: async (teamId, userId) => {
      const t = team(teamId);
      await sql.transaction(async (tx) => {
        for (const text of FORGET) await tx.run(text, [t, userId]);
        // The workspace's LLM answers go too: they can quote a draft, and nothing tells whose.
        await tx.run("DELETE FROM llm_cache WHERE team_id = ?", [t]);
      });
      await afterForget();
    },
  };
}
