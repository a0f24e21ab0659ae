import type { Sql } from "./sql.js";
import { team } from "./team.js";

export interface NewCheck {
  teamId: string;
  userId: string;
  channelId?: string;
  at: number;
  score: number;
  dimensions: Record<string, number>;
  language: string;
  platform: string;
  surface: "slash" | "shortcut" | "link" | "revise" | "dm" | "assistant";
  draftHash: string;
  /** Long enough to count for the mentee streak. */
  counts: boolean;
  growth?: boolean;
  scoreDelta?: number;
  findings: string[];
  /** Only when the user opted in. */
  draftText?: string;
}

export interface CheckRow {
  at: number;
  score: number;
  growth: boolean;
  scoreDelta: number | null;
  findings: string[];
}

export interface CheckStore {
  record(check: NewCheck): Promise<void>;
  /** When each distinct counted draft was first checked: the mentee's activity. */
  activity(teamId: string, userId: string): Promise<number[]>;
  since(teamId: string, userId: string, from: number): Promise<CheckRow[]>;
  count(teamId: string, userId: string): Promise<number>;
  /** Deletes the text of the user's kept drafts (they unticked "keep my drafts"); their checks stay. */
  forgetDrafts(teamId: string, userId: string): Promise<number>;
  /** Whether the user has any check at all, and a counted one since an instant (one query, via the index). */
  history(
    teamId: string,
    userId: string,
    countedFrom: number,
  ): Promise<{ any: boolean; countedSince: boolean }>;
}

/** `erased` is told when draft texts were deleted, so that the backend erases them from its files. */
export function checksStore(sql: Sql, erased: () => void = () => undefined): CheckStore {
  return {
    forgetDrafts: async (teamId, userId) => {
      const n = await sql.run(
        "UPDATE checks SET draft_text = NULL WHERE team_id = ? AND user_id = ? AND draft_text IS NOT NULL",
        [team(teamId), userId],
      );
      if (n > 0) erased();
      return n;
    },
    record: async (c) => {
      await sql.run(
        `INSERT INTO checks (team_id, user_id, channel_id, created_at, score, dimensions, language, platform, surface,
           draft_hash, counts, growth, score_delta, findings, draft_text)
         VALUES (@teamId, @userId, @channelId, @at, @score, @dimensions, @language, @platform, @surface,
           @draftHash, @counts, @growth, @scoreDelta, @findings,
           -- Kept only if the user still keeps drafts as it is written: one who unticked the box
           -- while this draft was coached has had their texts deleted, and this one is not kept.
           CASE WHEN EXISTS (SELECT 1 FROM user_settings s
                             WHERE s.team_id = @teamId AND s.user_id = @userId AND s.store_drafts = 1)
                THEN CAST(@draftText AS TEXT) END)`,
        {
          teamId: team(c.teamId),
          userId: c.userId,
          channelId: c.channelId ?? null,
          at: c.at,
          score: c.score,
          dimensions: JSON.stringify(c.dimensions),
          language: c.language,
          platform: c.platform,
          surface: c.surface,
          draftHash: c.draftHash,
          counts: c.counts ? 1 : 0,
          growth: c.growth ? 1 : 0,
          scoreDelta: c.scoreDelta ?? null,
          findings: [...new Set(c.findings)].join(","),
          draftText: c.draftText ?? null,
        },
      );
    },
    activity: async (teamId, userId) =>
      (
        await sql.all<{ at: number }>(
          `SELECT MIN(created_at) AS at FROM checks WHERE team_id = ? AND user_id = ? AND counts = 1
           GROUP BY draft_hash`,
          [team(teamId), userId],
        )
      ).map((r) => r.at),
    since: async (teamId, userId, from) =>
      (
        await sql.all<{
          created_at: number;
          score: number;
          growth: number;
          score_delta: number | null;
          findings: string;
        }>(
          `SELECT created_at, score, growth, score_delta, findings FROM checks
           WHERE team_id = ? AND user_id = ? AND created_at >= ? ORDER BY created_at`,
          [team(teamId), userId, from],
        )
      ).map((r) => ({
        at: r.created_at,
        score: r.score,
        growth: r.growth === 1,
        scoreDelta: r.score_delta,
        findings: r.findings ? r.findings.split(",") : [],
      })),
    count: async (teamId, userId) =>
      (
        await sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM checks WHERE team_id = ? AND user_id = ?", [
          team(teamId),
          userId,
        ])
      )?.n ?? 0,
    history: async (teamId, userId, from) => {
      const r = await sql.get<{ any: number; counted: number }>(
        `SELECT CASE WHEN EXISTS (SELECT 1 FROM checks WHERE team_id = @teamId AND user_id = @userId)
                  THEN 1 ELSE 0 END AS any,
                CASE WHEN EXISTS (SELECT 1 FROM checks WHERE team_id = @teamId AND user_id = @userId
                                  AND created_at >= @from AND counts = 1)
                  THEN 1 ELSE 0 END AS counted`,
        { teamId: team(teamId), userId, from },
      );
      return { any: r?.any === 1, countedSince: r?.counted === 1 };
    },
  };
}
