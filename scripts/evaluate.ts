/**
 * How well the score separates self-promotion from other posts (AUC on the labelled dev set),
 * and how the coach behaves on 1,600 real LinkedIn posts (score distribution, how often each
 * rule fires). Run: npm run evaluate
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyze, type Lang } from "../src/coach/index.js";

export interface Labelled {
  text: string;
  label: "self-promotion" | "other";
  lang: Lang;
}

const root = fileURLToPath(new URL("..", import.meta.url));
export const CORPUS_PATH = `${root}../shared/corpora/linkedin-influencers-1600.jsonl`;

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}

/** LinkedIn-style drafts, English and French, written for development. */
export function loadDevSet(): Labelled[] {
  return readJsonl<Labelled>(`${root}tests/fixtures/dev-set.jsonl`);
}

/** Everyday short posts (tweets): bragging of Jin et al.'s six types vs ordinary posts. */
export function loadTweets(): Labelled[] {
  return readJsonl<Labelled>(`${root}tests/fixtures/tweets.jsonl`);
}

/**
 * Area under the ROC curve for "a lower score means self-promotion": the probability that a random
 * self-promotional post scores below a random other post (ties count half).
 */
export function auc(items: readonly { score: number; positive: boolean }[]): number {
  const pos = items.filter((i) => i.positive).map((i) => i.score);
  const neg = items.filter((i) => !i.positive).map((i) => i.score);
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p < n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

export function setAuc(set: readonly Labelled[], lang?: Lang): number {
  return auc(
    set
      .filter((d) => !lang || d.lang === lang)
      .map((d) => ({ score: analyze(d.text).score, positive: d.label === "self-promotion" })),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function main(): void {
  const dev = loadDevSet();
  console.log(`Dev set: ${dev.length} drafts`);
  console.log(
    `  AUC all ${setAuc(dev).toFixed(3)}  en ${setAuc(dev, "en").toFixed(3)}  fr ${setAuc(dev, "fr").toFixed(3)}`,
  );

  const tweets = loadTweets();
  console.log(`Everyday posts: ${tweets.length}\n  AUC ${setAuc(tweets).toFixed(3)}`);

  const corpus = readJsonl<{ text: string; topic: string }>(CORPUS_PATH);
  const results = corpus.map((p) => analyze(p.text));
  const scores = results.map((r) => r.score).sort((a, b) => a - b);
  console.log(`\nLinkedIn corpus: ${corpus.length} posts`);
  console.log(
    `  score p10 ${percentile(scores, 10)}  p25 ${percentile(scores, 25)}  p50 ${percentile(scores, 50)}  p75 ${percentile(scores, 75)}  p90 ${percentile(scores, 90)}`,
  );
  const langs = { en: 0, fr: 0 };
  for (const r of results) langs[r.language]++;
  console.log(`  detected languages: en ${langs.en}, fr ${langs.fr}`);
  const fired = new Map<string, number>();
  for (const r of results)
    for (const rule of new Set(r.findings.map((f) => f.rule))) fired.set(rule, (fired.get(rule) ?? 0) + 1);
  console.log("  posts with each finding:");
  for (const [rule, n] of [...fired].sort((a, b) => b[1] - a[1])) {
    console.log(
      `    ${rule.padEnd(26)} ${String(n).padStart(5)}  ${((100 * n) / corpus.length).toFixed(1)} %`,
    );
  }
  const byTopic = new Map<string, number[]>();
  corpus.forEach((p, i) => {
    const list = byTopic.get(p.topic) ?? [];
    list.push(results[i]!.score);
    byTopic.set(p.topic, list);
  });
  console.log("  median score by topic:");
  for (const [topic, list] of byTopic)
    console.log(
      `    ${topic.padEnd(24)} ${percentile(
        list.sort((a, b) => a - b),
        50,
      )} (n=${list.length})`,
    );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
