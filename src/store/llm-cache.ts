import type { LlmAnswer, LlmCache } from "../llm/answer.js";
import type { Db } from "./db.js";

/** LLM answers by a hash of (prompt version, model, redacted draft): the questions, never the draft. */
export function sqliteLlmCache(db: Db, now: () => number): LlmCache & { purgeExpired(): Promise<number> } {
  const get = db.prepare<[string, number], { answer: string }>(
    "SELECT answer FROM llm_cache WHERE key = ? AND expires_at > ?",
  );
  const set = db.prepare("INSERT OR REPLACE INTO llm_cache (key, answer, expires_at) VALUES (?, ?, ?)");
  const purge = db.prepare("DELETE FROM llm_cache WHERE expires_at <= ?");
  return {
    get: async (key) => {
      const row = get.get(key, now());
      return row ? (JSON.parse(row.answer) as LlmAnswer) : undefined;
    },
    set: async (key, answer, ttlMs) => {
      set.run(
        key,
        JSON.stringify({ questions: answer.questions, observations: answer.observations }),
        now() + ttlMs,
      );
    },
    purgeExpired: async () => purge.run(now()).changes,
  };
}
