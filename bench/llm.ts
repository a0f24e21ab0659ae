import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze } from "../src/coach/index.js";
import { userPrompt } from "../src/coach/prompt.js";
import { cacheKey, redact, validateAnswer } from "../src/llm/index.js";
import { createSqliteStore } from "../src/store/index.js";
import { benchCorpus } from "./coach.js";
import { fmt, timeEach } from "./stats.js";

/**
 * What postcoach adds around an LLM call, per draft: redaction, prompt building, the cache key and a
 * SQLite cache lookup, and validating an answer. The network call itself is not counted.
 */
export async function benchLlm(): Promise<void> {
  const corpus = benchCorpus();
  console.log(`\n## LLM overhead: ${corpus.length} drafts, everything but the network call`);
  const dir = mkdtempSync(join(tmpdir(), "postcoach-llm-bench-"));
  const store = createSqliteStore(join(dir, "cache.db"));
  const cache = store.llmCache.forTeam("T1");
  const answer = {
    questions: [
      "What will your reader do differently after reading this?",
      "Which part of this was hard for you?",
      "Who is this for?",
    ],
    observations: { audience: "The reader appears late in the post." },
  };
  // Half the drafts are in the cache, as after a day of use.
  const prepared = corpus.map((draft, i) => ({ draft, result: analyze(draft), cached: i % 2 === 0 }));
  for (const p of prepared) {
    if (p.cached) await cache.set(cacheKey("m", redact(p.draft), p.result, "linkedin"), answer, 60_000);
  }
  const raw = JSON.stringify(answer);
  const t = await timeEach(prepared, async ({ draft, result }) => {
    const redacted = redact(draft);
    userPrompt({ draft: redacted, result, platform: "linkedin" });
    const key = cacheKey("m", redacted, result, "linkedin");
    const hit = await cache.get(key);
    if (!hit) validateAnswer(JSON.parse(raw));
  });
  console.log(
    `per draft: p50 ${fmt(t.p50, 4)} ms, p99 ${fmt(t.p99, 4)} ms, ${fmt(t.perSecond, 0)} drafts/s (target p99 < 2 ms)`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
