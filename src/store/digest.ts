import type { Db } from "./db.js";

export interface ChannelWeek {
  checks: number;
  people: number;
  averageScore: number | null;
  findings: { rule: string; count: number }[];
  feedbackRequests: number;
  mentoringReplies: number;
  helpful: number;
  /** Mentors this week who chose to be named in the digest. */
  namedMentors: string[];
  mentors: number;
}

export interface DigestStore {
  channelWeek(channelId: string, from: number, to: number): Promise<ChannelWeek>;
  setWeeklyDigest(teamId: string, channelId: string, on: boolean, by: string, at: number): Promise<void>;
  digestChannels(): Promise<{ teamId: string; channelId: string }[]>;
}

export function sqliteDigest(db: Db): DigestStore {
  const checks = db.prepare<[string, number, number], { n: number; people: number; avg: number | null }>(
    "SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS people, AVG(score) AS avg FROM checks WHERE channel_id = ? AND created_at >= ? AND created_at < ?",
  );
  const findings = db.prepare<[string, number, number], { findings: string }>(
    "SELECT findings FROM checks WHERE channel_id = ? AND created_at >= ? AND created_at < ? AND findings != ''",
  );
  const requests = db.prepare<[string, number, number], { n: number }>(
    "SELECT COUNT(*) AS n FROM feedback_requests WHERE channel_id = ? AND created_at >= ? AND created_at < ?",
  );
  const mentoring = db.prepare<
    [string, number, number],
    { mentor_id: string; helpful: number; named: number | null }
  >(
    `SELECT m.mentor_id, m.helpful, s.show_in_digest AS named
     FROM mentoring_events m
     JOIN feedback_requests r ON r.id = m.request_id
     LEFT JOIN user_settings s ON s.team_id = m.team_id AND s.user_id = m.mentor_id
     WHERE r.channel_id = ? AND m.created_at >= ? AND m.created_at < ?`,
  );
  const setDigest = db.prepare(
    `INSERT INTO channel_settings (team_id, channel_id, weekly_digest, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (team_id, channel_id) DO UPDATE SET weekly_digest = excluded.weekly_digest,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const channels = db.prepare<[], { team_id: string; channel_id: string }>(
    "SELECT team_id, channel_id FROM channel_settings WHERE weekly_digest = 1",
  );
  return {
    channelWeek: async (channelId, from, to) => {
      const c = checks.get(channelId, from, to)!;
      const counts = new Map<string, number>();
      for (const row of findings.all(channelId, from, to)) {
        for (const rule of row.findings.split(",")) counts.set(rule, (counts.get(rule) ?? 0) + 1);
      }
      const replies = mentoring.all(channelId, from, to);
      const mentors = new Set(replies.map((r) => r.mentor_id));
      const named = new Set(replies.filter((r) => r.named === 1).map((r) => r.mentor_id));
      return {
        checks: c.n,
        people: c.people,
        averageScore: c.avg === null ? null : Math.round(c.avg),
        findings: [...counts]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, 3)
          .map(([rule, count]) => ({ rule, count })),
        feedbackRequests: requests.get(channelId, from, to)!.n,
        mentoringReplies: replies.length,
        helpful: replies.filter((r) => r.helpful === 1).length,
        // Sorted by id, not by activity: thanks, never a ranking.
        namedMentors: [...named].sort(),
        mentors: mentors.size,
      };
    },
    setWeeklyDigest: async (teamId, channelId, on, by, at) => {
      setDigest.run(teamId, channelId, on ? 1 : 0, by, at);
    },
    digestChannels: async () => channels.all().map((r) => ({ teamId: r.team_id, channelId: r.channel_id })),
  };
}
