import type { Db } from "./db.js";

export interface Window {
  start: number;
  end: number;
}

export interface WeekNumbers {
  checks: number;
  people: number;
  averageScore: number | null;
  feedbackRequests: number;
  mentoringReplies: number;
  helpful: number;
}

/** What a channel's digest is made of. Counts only: never a draft, never a per-person figure. */
export interface ChannelActivity {
  /** Checks per window, oldest first (the trend); the last window is the digest's own. */
  trend: { checks: number; averageScore: number | null }[];
  /** The digest's window and the one before it. */
  current: WeekNumbers;
  previous: WeekNumbers;
  /** The findings of the digest's window, most frequent first (ties by rule id): [rule, drafts]. */
  findings: { rule: string; count: number }[];
  /** Mentors of the digest's window who chose to be named in the digest, by id (never a ranking). */
  namedMentors: string[];
  mentors: number;
  /** Drafts per language over all the windows, for the digest's language. */
  languages: Record<string, number>;
}

export interface DigestStore {
  /** A channel's activity in consecutive windows (at least two), keyed by team. */
  channelActivity(teamId: string, channelId: string, windows: readonly Window[]): Promise<ChannelActivity>;
}

export function sqliteDigest(db: Db): DigestStore {
  const checks = db.prepare<
    [string, string, number, number],
    { n: number; people: number; avg: number | null }
  >(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS people, AVG(score) AS avg FROM checks
     WHERE team_id = ? AND channel_id = ? AND created_at >= ? AND created_at < ?`,
  );
  const findings = db.prepare<[string, string, number, number], { findings: string }>(
    `SELECT findings FROM checks
     WHERE team_id = ? AND channel_id = ? AND created_at >= ? AND created_at < ? AND findings <> ''`,
  );
  const languages = db.prepare<[string, string, number, number], { language: string; n: number }>(
    `SELECT language, COUNT(*) AS n FROM checks
     WHERE team_id = ? AND channel_id = ? AND created_at >= ? AND created_at < ? GROUP BY language`,
  );
  const requests = db.prepare<[string, string, number, number], { n: number }>(
    `SELECT COUNT(*) AS n FROM feedback_requests
     WHERE team_id = ? AND channel_id = ? AND created_at >= ? AND created_at < ?`,
  );
  // Replies in the window to requests made in this channel, whenever the request was made.
  const mentoring = db.prepare<
    [string, string, number, number],
    { mentor_id: string; helpful: number; named: number | null }
  >(
    `SELECT m.mentor_id, m.helpful, s.show_in_digest AS named
     FROM feedback_requests r
     JOIN mentoring_events m ON m.request_id = r.id
     LEFT JOIN user_settings s ON s.team_id = m.team_id AND s.user_id = m.mentor_id
     WHERE r.team_id = ? AND r.channel_id = ? AND m.created_at >= ? AND m.created_at < ?`,
  );
  type Mentoring = ReturnType<typeof mentoring.all>;
  const numbers = (teamId: string, channelId: string, w: Window, replies: Mentoring): WeekNumbers => {
    const c = checks.get(teamId, channelId, w.start, w.end)!;
    return {
      checks: c.n,
      people: c.people,
      averageScore: c.avg === null ? null : Math.round(c.avg),
      feedbackRequests: requests.get(teamId, channelId, w.start, w.end)!.n,
      mentoringReplies: replies.length,
      helpful: replies.filter((r) => r.helpful === 1).length,
    };
  };
  return {
    channelActivity: async (teamId, channelId, windows) => {
      if (windows.length < 2) throw new Error("channelActivity needs the digest's window and the one before");
      const last = windows.at(-1)!;
      const before = windows.at(-2)!;
      const replies = mentoring.all(teamId, channelId, last.start, last.end);
      const current = numbers(teamId, channelId, last, replies);
      const previous = numbers(
        teamId,
        channelId,
        before,
        mentoring.all(teamId, channelId, before.start, before.end),
      );
      const trend = windows.slice(0, -2).map((w) => {
        const c = checks.get(teamId, channelId, w.start, w.end)!;
        return { checks: c.n, averageScore: c.avg === null ? null : Math.round(c.avg) };
      });
      trend.push(
        { checks: previous.checks, averageScore: previous.averageScore },
        { checks: current.checks, averageScore: current.averageScore },
      );
      const counts = new Map<string, number>();
      for (const row of findings.all(teamId, channelId, last.start, last.end)) {
        for (const rule of row.findings.split(",")) counts.set(rule, (counts.get(rule) ?? 0) + 1);
      }
      const langs: Record<string, number> = {};
      for (const r of languages.all(teamId, channelId, windows[0]!.start, last.end)) langs[r.language] = r.n;
      return {
        trend,
        current,
        previous,
        findings: [...counts]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, 5)
          .map(([rule, count]) => ({ rule, count })),
        namedMentors: [...new Set(replies.filter((r) => r.named === 1).map((r) => r.mentor_id))].sort(),
        mentors: new Set(replies.map((r) => r.mentor_id)).size,
        languages: langs,
      };
    },
  };
}
