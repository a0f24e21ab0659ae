import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { text as alexText } from "alex";
import { LINKEDIN_PATH, loadLinkedInAll, readJsonl } from "../scripts/lib/corpora.js";
import type { analyze as Analyze } from "../src/coach/index.js";
import { fmt, median, row, type Timing, timeEach } from "./stats.js";

/**
 * The coach as users run it: compiled to dist/ (the bot and the CLI run that; run.ts builds it
 * first), not the TypeScript sources through tsx, whose added helpers cost 3–6 % here.
 */
async function shippedCoach(): Promise<typeof Analyze> {
  const compiled = new URL("../dist/coach/analyze.js", import.meta.url).href;
  return ((await import(compiled)) as { analyze: typeof Analyze }).analyze;
}

/** Passes over the corpus before timing (the first also measures the heap). */
const WARM_PASSES = 4;

const writeGood = createRequire(import.meta.url)("write-good") as (text: string) => unknown[];

/** The fixed corpus: the 1,600 LinkedIn posts plus the project's French drafts. */
export function benchCorpus(): string[] {
  const linkedin = loadLinkedInAll();
  if (!linkedin)
    console.log(`(${LINKEDIN_PATH} is absent: the coach is timed on the project's own drafts only)`);
  const fixtures = fileURLToPath(new URL("../tests/fixtures/dev-set.jsonl", import.meta.url));
  const french = readJsonl<{ text: string; lang: string }>(fixtures)
    .filter((d) => d.lang === "fr")
    .map((d) => d.text);
  return [...(linkedin ?? []).map((p) => p.text), ...french];
}

export async function benchCoach(): Promise<void> {
  const analyze = await shippedCoach();
  const corpus = benchCorpus();
  const avgChars = Math.round(corpus.reduce((n, t) => n + t.length, 0) / corpus.length);
  console.log(
    `\n## Coach: ${corpus.length} drafts (LinkedIn corpus + French drafts), ${avgChars} characters on average; the compiled coach (dist/)`,
  );

  // The VM's speed drifts; alternating short rounds of each tool and keeping each tool's median
  // round makes the ratios measured in the same run comparable.
  // Heap first, in a pass of the coach alone, before the other tools leave garbage behind.
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  corpus.forEach((t, i) => {
    analyze(t);
    if (i % 100 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  });
  // Steady state before timing, for each tool alike: in a fresh process the JIT keeps optimising the
  // coach for its first ~5,000 drafts (the first thousand at a fifth of the warm speed), so rounds
  // timed straight after one pass measured the warm-up, not the coach a running bot uses. The CLI
  // suite measures cold processes.
  for (let pass = 1; pass < WARM_PASSES; pass++) for (const t of corpus) analyze(t);
  for (let pass = 0; pass < WARM_PASSES; pass++) for (const t of corpus) writeGood(t);
  const coachRounds: Timing[] = [];
  const wgRounds: Timing[] = [];
  const alexRounds: Timing[] = [];
  const alexSample = corpus.slice(0, 150);
  for (let round = 0; round < 5; round++) {
    coachRounds.push(await timeEach(corpus, (t) => analyze(t)));
    wgRounds.push(await timeEach(corpus, (t) => writeGood(t)));
    alexRounds.push(await timeEach(alexSample, (t) => alexText(t), round === 0));
  }
  const rssAfter = process.resourceUsage().maxRSS / 1024;
  const coach = median(coachRounds);
  const wg = median(wgRounds);
  const alex = median(alexRounds);

  const widths = [12, 10, 12, 12, 12];
  console.log("median of 5 alternating rounds per tool");
  console.log(row(["tool", "drafts", "drafts/s", "p50 ms", "p99 ms"], widths));
  const print = (name: string, t: Timing) =>
    console.log(row([name, t.count, fmt(t.perSecond, 0), fmt(t.p50, 4), fmt(t.p99, 4)], widths));
  print("postcoach", coach);
  print("write-good", wg);
  print("alex", alex);
  console.log(
    `postcoach is ${fmt(coach.perSecond / wg.perSecond, 1)}× write-good and ${fmt(coach.perSecond / alex.perSecond, 1)}× alex (drafts/s, same process)`,
  );
  console.log(
    `peak heap during coaching ${fmt((peakHeap - heapBefore) / 1048576, 1)} MiB above start; process max RSS ${fmt(rssAfter, 0)} MiB (all three tools)`,
  );
  const ok = coach.perSecond >= 10_000 && coach.p99 <= 0.5;
  console.log(`target (≥ 10,000 drafts/s, p99 ≤ 0.5 ms): ${ok ? "met" : "NOT met"}`);
}
