import type { LlmAnswer, LlmCache } from "../llm/answer.js";
import type { Sql } from "./sql.js";
import { team } from "./team.js";

/**
 * LLM answers by a hash of (prompt version, model, redacted draft): the questions, never the
 * draft. Each workspace has its own entries: an answer computed for one is never served to
 * another (nor does its speed tell another that the same draft was checked there).
 */
export interface LlmCacheStore {
  forTeam(teamId: string): LlmCache;
  purgeExpired(): Promise<number>;
}

export function llmCacheStore(sql: Sql, now: () => number): LlmCacheStore {
  return {
    forTeam: (teamId) => {
      const t = team(teamId);
      return {
        get: async (key) => {
          const row = await sql.get<{ answer: string }>(
            "SELECT answer FROM llm_cache WHERE team_id = ? AND key = ? AND expires_at > ?",
            [t, key, now()],
          );
          return row ? (JSON.parse(row.answer) as LlmAnswer) : undefined;
        },
        // Two replicas asking the LLM for the same draft at once both store it: the later wins.
        set: async (key, answer, ttlMs) => {
          await sql.run(
            `INSERT INTO llm_cache (team_id, key, answer, expires_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (team_id, key) DO UPDATE SET answer = excluded.answer, expires_at = excluded.expires_at`,
            [
              t,
              key,
              JSON.stringify({ questions: answer.questions, observations: answer.observations }),
              now() + ttlMs,
            ],
          );
        },
      };
    },
    purgeExpired: () => sql.run("DELETE FROM llm_cache WHERE expires_at <= ?", [now()]),
  };
}
