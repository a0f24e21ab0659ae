import type { Sql } from "./sql.js";
import { team } from "./team.js";

export interface RateLimitStore {
  /**
   * Takes one of `limit` slots per `windowMs` for a key of a workspace (a fixed window from the
   * first take). False when the key is over its limit: every replica counts in the same row.
   */
  take(teamId: string, key: string, limit: number, windowMs: number): Promise<boolean>;
}

export function rateLimitsStore(sql: Sql, now: () => number): RateLimitStore {
  return {
    // One upsert, atomic on both databases: a new or expired window starts at 1; a live one counts
    // up while under the limit; a full one is left alone, and no row changes.
    take: async (teamId, key, limit, windowMs) => {
      const t = now();
      return (
        (await sql.run(
          `INSERT INTO rate_limits (team_id, key, count, expires_at) VALUES (@teamId, @key, 1, @expires)
           ON CONFLICT (team_id, key) DO UPDATE SET
             count = CASE WHEN rate_limits.expires_at <= @now THEN 1 ELSE rate_limits.count + 1 END,
             expires_at = CASE WHEN rate_limits.expires_at <= @now THEN excluded.expires_at
                               ELSE rate_limits.expires_at END
           WHERE rate_limits.expires_at <= @now OR rate_limits.count < @limit`,
          { teamId: team(teamId), key, expires: t + windowMs, now: t, limit },
        )) === 1
      );
    },
  };
}
