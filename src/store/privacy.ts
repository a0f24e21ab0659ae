import { type Db, truncateWal } from "./db.js";

export interface PrivacyStore {
  /** Every row about the user, as plain data (for /postcheck export). */
  export(teamId: string, userId: string): Promise<Record<string, unknown[]>>;
  /** How much is stored about the user (for /postcheck privacy). */
  summary(teamId: string, userId: string): Promise<Record<string, number>>;
  /**
   * Deletes everything about the user, for good: mentors keep their replies to the user's
   * requests, unlinked. The rows are overwritten (secure_delete), the write-ahead log emptied
   * into the database, and the LLM answer cache emptied (its questions can quote a draft, and
   * nothing tells whose). What a forget cannot reach: backups and other copies of the file.
   */
  forget(teamId: string, userId: string): Promise<void>;
}

export function sqlitePrivacy(db: Db): PrivacyStore {
  const q = {
    checks: db.prepare(
      `SELECT created_at, channel_id, score, dimensions, language, platform, surface, draft_hash, counts, growth,
              score_delta, findings, draft_text FROM checks WHERE team_id = ? AND user_id = ? ORDER BY created_at`,
    ),
    feedbackRequests: db.prepare(
      "SELECT channel_id, message_ts, created_at FROM feedback_requests WHERE team_id = ? AND author_id = ? ORDER BY created_at",
    ),
    mentoring: db.prepare(
      "SELECT reply_ts, created_at, helpful FROM mentoring_events WHERE team_id = ? AND mentor_id = ? ORDER BY created_at",
    ),
    settings: db.prepare(
      "SELECT tz, language, platform, show_in_digest, store_drafts, updated_at FROM user_settings WHERE team_id = ? AND user_id = ?",
    ),
    zones: db.prepare(
      "SELECT tz, effective_from FROM tz_changes WHERE team_id = ? AND user_id = ? ORDER BY effective_from",
    ),
    // Replies still owed and drafts behind buttons: kept minutes to an hour, then deleted.
    pendingReplies: db.prepare(
      "SELECT id, job, created_at, expires_at FROM reply_outbox WHERE team_id = ? AND user_id = ? ORDER BY created_at",
    ),
    buttonDrafts: db.prepare(
      "SELECT id, draft, options, expires_at FROM button_drafts WHERE team_id = ? AND user_id = ? ORDER BY expires_at",
    ),
    digestsSetUp: db.prepare(
      "SELECT channel_id, enabled, weekday, minute, tz, language, updated_at FROM digest_schedules WHERE team_id = ? AND updated_by = ?",
    ),
  };
  const counts = {
    checks: db.prepare("SELECT COUNT(*) AS n FROM checks WHERE team_id = ? AND user_id = ?"),
    draftsStored: db.prepare(
      "SELECT COUNT(*) AS n FROM checks WHERE team_id = ? AND user_id = ? AND draft_text IS NOT NULL",
    ),
    feedbackRequests: db.prepare(
      "SELECT COUNT(*) AS n FROM feedback_requests WHERE team_id = ? AND author_id = ?",
    ),
    mentoringReplies: db.prepare(
      "SELECT COUNT(*) AS n FROM mentoring_events WHERE team_id = ? AND mentor_id = ?",
    ),
  };
  const forget = db.transaction((teamId: string, userId: string) => {
    db.prepare("DELETE FROM checks WHERE team_id = ? AND user_id = ?").run(teamId, userId);
    db.prepare("DELETE FROM mentoring_events WHERE team_id = ? AND mentor_id = ?").run(teamId, userId);
    // Requests go; the foreign key unlinks mentors' replies to them (ON DELETE SET NULL).
    db.prepare("DELETE FROM feedback_requests WHERE team_id = ? AND author_id = ?").run(teamId, userId);
    db.prepare("DELETE FROM user_settings WHERE team_id = ? AND user_id = ?").run(teamId, userId);
    db.prepare("DELETE FROM tz_changes WHERE team_id = ? AND user_id = ?").run(teamId, userId);
    db.prepare("DELETE FROM reply_outbox WHERE team_id = ? AND user_id = ?").run(teamId, userId);
    db.prepare("DELETE FROM button_drafts WHERE team_id = ? AND user_id = ?").run(teamId, userId);
    // A channel's digest stays on; who turned it on is forgotten.
    db.prepare("UPDATE digest_schedules SET updated_by = NULL WHERE team_id = ? AND updated_by = ?").run(
      teamId,
      userId,
    );
    // Channel settings stay (they are the channel's), without who changed them last.
    db.prepare("UPDATE channel_settings SET updated_by = NULL WHERE team_id = ? AND updated_by = ?").run(
      teamId,
      userId,
    );
    db.prepare("DELETE FROM llm_cache").run();
  });
  return {
    export: async (teamId, userId) => {
      const out: Record<string, unknown[]> = {};
      for (const [name, stmt] of Object.entries(q)) out[name] = stmt.all(teamId, userId);
      return out;
    },
    summary: async (teamId, userId) => {
      const out: Record<string, number> = {};
      for (const [name, stmt] of Object.entries(counts))
        out[name] = (stmt.get(teamId, userId) as { n: number }).n;
      return out;
    },
    forget: async (teamId, userId) => {
      forget.immediate(teamId, userId);
      await truncateWal(db);
    },
  };
}
