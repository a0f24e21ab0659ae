import type { Db } from "./db.js";

export interface FeedbackRequest {
  id: number;
  authorId: string | null;
}

export interface MentoringStore {
  recordRequest(
    teamId: string,
    channelId: string,
    messageTs: string,
    authorId: string,
    at: number,
  ): Promise<void>;
  request(teamId: string, channelId: string, messageTs: string): Promise<FeedbackRequest | undefined>;
  /** One mentoring event per mentor per request; resolves true when this reply is the first. */
  recordReply(
    teamId: string,
    requestId: number,
    mentorId: string,
    replyTs: string,
    at: number,
  ): Promise<boolean>;
  /** The request's author marks a mentor's reply as helpful; resolves true when it changed. */
  markHelpful(teamId: string, replyTs: string, authorId: string): Promise<boolean>;
  activity(teamId: string, mentorId: string): Promise<number[]>;
  /** Whether the mentor has any mentoring event since an instant. */
  activeSince(teamId: string, mentorId: string, from: number): Promise<boolean>;
  helpful(teamId: string, mentorId: string): Promise<number>;
}

export function sqliteMentoring(db: Db): MentoringStore {
  const insertRequest = db.prepare(
    "INSERT OR IGNORE INTO feedback_requests (team_id, channel_id, message_ts, author_id, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const getRequest = db.prepare<[string, string, string], { id: number; author_id: string | null }>(
    "SELECT id, author_id FROM feedback_requests WHERE team_id = ? AND channel_id = ? AND message_ts = ?",
  );
  const insertReply = db.prepare(
    "INSERT OR IGNORE INTO mentoring_events (team_id, request_id, mentor_id, reply_ts, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const helpful = db.prepare(
    `UPDATE mentoring_events SET helpful = 1
     WHERE team_id = ? AND reply_ts = ? AND helpful = 0
       AND request_id IN (SELECT id FROM feedback_requests WHERE author_id = ?)`,
  );
  const activity = db.prepare<[string, string], { created_at: number }>(
    "SELECT created_at FROM mentoring_events WHERE team_id = ? AND mentor_id = ?",
  );
  const activeSince = db.prepare<[string, string, number], { x: number }>(
    "SELECT 1 AS x FROM mentoring_events WHERE team_id = ? AND mentor_id = ? AND created_at >= ? LIMIT 1",
  );
  const helpfulCount = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM mentoring_events WHERE team_id = ? AND mentor_id = ? AND helpful = 1",
  );
  return {
    recordRequest: async (teamId, channelId, messageTs, authorId, at) => {
      insertRequest.run(teamId, channelId, messageTs, authorId, at);
    },
    request: async (teamId, channelId, messageTs) => {
      const row = getRequest.get(teamId, channelId, messageTs);
      return row ? { id: row.id, authorId: row.author_id } : undefined;
    },
    recordReply: async (teamId, requestId, mentorId, replyTs, at) =>
      insertReply.run(teamId, requestId, mentorId, replyTs, at).changes === 1,
    markHelpful: async (teamId, replyTs, authorId) => helpful.run(teamId, replyTs, authorId).changes > 0,
    activity: async (teamId, mentorId) => activity.all(teamId, mentorId).map((r) => r.created_at),
    activeSince: async (teamId, mentorId, from) => activeSince.get(teamId, mentorId, from) !== undefined,
    helpful: async (teamId, mentorId) => helpfulCount.get(teamId, mentorId)?.n ?? 0,
  };
}
