import type { Sql } from "./sql.js";
import { team } from "./team.js";

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

export function mentoringStore(sql: Sql): MentoringStore {
  return {
    recordRequest: async (teamId, channelId, messageTs, authorId, at) => {
      await sql.run(
        `INSERT INTO feedback_requests (team_id, channel_id, message_ts, author_id, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [team(teamId), channelId, messageTs, authorId, at],
      );
    },
    request: async (teamId, channelId, messageTs) => {
      const row = await sql.get<{ id: number; author_id: string | null }>(
        "SELECT id, author_id FROM feedback_requests WHERE team_id = ? AND channel_id = ? AND message_ts = ?",
        [team(teamId), channelId, messageTs],
      );
      return row ? { id: row.id, authorId: row.author_id } : undefined;
    },
    recordReply: async (teamId, requestId, mentorId, replyTs, at) =>
      (await sql.run(
        `INSERT INTO mentoring_events (team_id, request_id, mentor_id, reply_ts, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [team(teamId), requestId, mentorId, replyTs, at],
      )) === 1,
    // The request must be the author's, in the same workspace.
    markHelpful: async (teamId, replyTs, authorId) =>
      (await sql.run(
        `UPDATE mentoring_events SET helpful = 1
         WHERE team_id = @teamId AND reply_ts = @replyTs AND helpful = 0
           AND request_id IN (SELECT id FROM feedback_requests WHERE team_id = @teamId AND author_id = @authorId)`,
        { teamId: team(teamId), replyTs, authorId },
      )) > 0,
    activity: async (teamId, mentorId) =>
      (
        await sql.all<{ created_at: number }>(
          "SELECT created_at FROM mentoring_events WHERE team_id = ? AND mentor_id = ?",
          [team(teamId), mentorId],
        )
      ).map((r) => r.created_at),
    activeSince: async (teamId, mentorId, from) =>
      (await sql.get(
        "SELECT 1 AS x FROM mentoring_events WHERE team_id = ? AND mentor_id = ? AND created_at >= ? LIMIT 1",
        [team(teamId), mentorId, from],
      )) !== undefined,
    helpful: async (teamId, mentorId) =>
      (
        await sql.get<{ n: number }>(
          "SELECT COUNT(*) AS n FROM mentoring_events WHERE team_id = ? AND mentor_id = ? AND helpful = 1",
          [team(teamId), mentorId],
        )
      )?.n ?? 0,
  };
}
