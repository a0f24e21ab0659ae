import type { Sql } from "./sql.js";
import { team } from "./team.js";

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

/**
 * `CASE WHEN t >= ? AND t < ? THEN 0 … END`: the window each row falls in, so one range scan
 * answers for every window (they may have gaps: a Friday digest's weeks stop at Friday 16:00).
 */
function windowCase(column: string, n: number): string {
  const whens = Array.from({ length: n }, (_, i) => `WHEN ${column} >= ? AND ${column} < ? THEN ${i}`);
  return `CASE ${whens.join(" ")} END`;
}

const bounds = (windows: readonly Window[]) => windows.flatMap((w) => [w.start, w.end]);

export function digestStore(sql: Sql): DigestStore {
  // By number of windows (in practice a single size): counts, people, average and the drafts in
  // French (the others are English), in one range scan of the channel's index.
  const checks = (n: number) =>
    `SELECT ${windowCase("created_at", n)} AS w, COUNT(*) AS n, COUNT(DISTINCT user_id) AS people,
       AVG(score) AS avg, SUM(CASE WHEN language = 'fr' THEN 1 ELSE 0 END) AS fr
     FROM checks WHERE team_id = ? AND channel_id = ? AND created_at >= ? AND created_at < ?
     GROUP BY w`;
  const findings = `SELECT findings FROM checks
     WHERE team_id = ? AND channel_id = ? AND created_at >= ? AND created_at < ? AND findings <> ''`;
  const requests = `SELECT ${windowCase("created_at", 2)} AS w, COUNT(*) AS n FROM feedback_requests
     WHERE team_id = ? AND channel_id = ? AND created_at >= ? AND created_at < ? GROUP BY w`;
  // Replies in the windows to requests made in this channel, whenever the request was made.
  const mentoring = `SELECT ${windowCase("m.created_at", 2)} AS w, m.mentor_id, m.helpful, s.show_in_digest AS named
     FROM feedback_requests r
     JOIN mentoring_events m ON m.request_id = r.id AND m.team_id = r.team_id
     LEFT JOIN user_settings s ON s.team_id = m.team_id AND s.user_id = m.mentor_id
     WHERE r.team_id = ? AND r.channel_id = ? AND m.created_at >= ? AND m.created_at < ?`;
  return {
    channelActivity: async (teamId, channelId, windows) => {
      if (windows.length < 2) throw new Error("channelActivity needs the digest's window and the one before");
      const last = windows.at(-1)!;
      const first = windows[0]!;
      const perWindow = windows.map(() => ({ checks: 0, people: 0, averageScore: null as number | null }));
      const languages: Record<string, number> = { en: 0, fr: 0 };
      const t = team(teamId);
      const rows = await sql.all<{
        w: number | null;
        n: number;
        people: number;
        avg: number | null;
        fr: number;
      }>(checks(windows.length), [...bounds(windows), t, channelId, first.start, last.end]);
      for (const r of rows) {
        if (r.w === null) continue;
        perWindow[r.w] = {
          checks: r.n,
          people: r.people,
          averageScore: r.avg === null ? null : Math.round(r.avg),
        };
        languages.fr! += r.fr;
        languages.en! += r.n - r.fr;
      }
      const recent = windows.slice(-2);
      const requestCounts = [0, 0];
      const requestRows = await sql.all<{ w: number | null; n: number }>(requests, [
        ...bounds(recent),
        t,
        channelId,
        recent[0]!.start,
        last.end,
      ]);
      for (const r of requestRows) {
        if (r.w !== null) requestCounts[r.w] = r.n;
      }
      const replies = (
        await sql.all<{ w: number | null; mentor_id: string; helpful: number; named: number | null }>(
          mentoring,
          [...bounds(recent), t, channelId, recent[0]!.start, last.end],
        )
      ).filter((r) => r.w !== null);
      const numbers = (w: 0 | 1): WeekNumbers => {
        const c = perWindow[windows.length - 2 + w]!;
        const mine = replies.filter((r) => r.w === w);
        return {
          ...c,
          feedbackRequests: requestCounts[w]!,
          mentoringReplies: mine.length,
          helpful: mine.filter((r) => r.helpful === 1).length,
        };
      };
      const current = replies.filter((r) => r.w === 1);
      const counts = new Map<string, number>();
      for (const row of await sql.all<{ findings: string }>(findings, [t, channelId, last.start, last.end])) {
        for (const rule of row.findings.split(",")) counts.set(rule, (counts.get(rule) ?? 0) + 1);
      }
      return {
        trend: perWindow.map((c) => ({ checks: c.checks, averageScore: c.averageScore })),
        current: numbers(1),
        previous: numbers(0),
        findings: [...counts]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, 5)
          .map(([rule, count]) => ({ rule, count })),
        namedMentors: [...new Set(current.filter((r) => r.named === 1).map((r) => r.mentor_id))].sort(),
        mentors: new Set(current.map((r) => r.mentor_id)).size,
        languages,
      };
    },
  };
}
