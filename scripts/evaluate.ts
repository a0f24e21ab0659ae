/**
 * How the committed coach behaves on real labelled data and on 1,600 real LinkedIn posts: each
 * rule's precision and recall, the score bands, how often each finding and question form comes up.
 * These use the shipped weights, which were fitted on these very posts: the separation figures
 * here are in-sample. Honest separation figures come from `npm run fit` (cross-validated, and the
 * lockbox with `-- --lockbox`). docs/scoring.md says which figure comes from where.
 *
 * Corpora live outside the repository (../shared/corpora, data/private): what is absent is said and
 * skipped.
 */
import { fileURLToPath } from "node:url";
import { analyze, BANDS, type CoachResult } from "../src/coach/index.js";
import {
  BRAG_TYPES,
  type Example,
  FRENCH_TRANSLATIONS,
  LINKEDIN_PATH,
  loadFrenchTweets,
  loadLinkedIn,
  loadLinkedInAll,
  loadTweets,
  TWEETS_PATH,
} from "./lib/corpora.js";
import { auc } from "./lib/logistic.js";

export { auc };

const TYPES: readonly string[] = BRAG_TYPES;
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;

/** AUC of the score for "lower means self-promotional". */
export function scoreAuc(items: readonly { score: number; positive: boolean }[]): number {
  return auc(items.map((i) => ({ value: -i.score, positive: i.positive })));
}

interface Scored {
  e: Example;
  r: CoachResult;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!;
}

function separation(label: string, scored: readonly Scored[]): void {
  const a = scoreAuc(scored.map(({ e, r }) => ({ score: r.score, positive: e.positive })));
  const pos = scored.filter((s) => s.e.positive).map((s) => s.r.score);
  const neg = scored.filter((s) => !s.e.positive).map((s) => s.r.score);
  console.log(
    `${label}: n=${scored.length} (${pos.length} self-promotional)  AUC ${a.toFixed(3)}  median score ${median(pos)} vs ${median(neg)}`,
  );
  if (scored.some((s) => TYPES.includes(s.e.kind ?? ""))) {
    const per = TYPES.map((t) => {
      const sub = scored.filter((s) => s.e.kind === t || !s.e.positive);
      return `${t} ${scoreAuc(sub.map(({ e, r }) => ({ score: r.score, positive: e.positive }))).toFixed(3)}`;
    });
    console.log(`  per type: ${per.join("  ")}`);
  }
}

// The score's bands, and the few words too short to tell (they keep their score).
const BAND_NAMES = [...BANDS.map((b) => b.band), "too-short"] as const;

function bands(label: string, scored: readonly Scored[]): void {
  const names = BAND_NAMES;
  const row = (pred: (s: Scored) => boolean) => {
    const sub = scored.filter(pred);
    return names.map((b) => pct(sub.filter((s) => s.r.band === b).length, sub.length)).join(" | ");
  };
  console.log(`  ${label} bands (${names.join(" | ")})`);
  console.log(`    self-promotional: ${row((s) => s.e.positive)}`);
  console.log(`    other:            ${row((s) => !s.e.positive)}`);
}

/** Each rule's precision and recall for "the post is self-promotional" (a rule fires = predicts yes). */
function rulePrecisionRecall(scored: readonly Scored[]): void {
  const rules = [...new Set(scored.flatMap((s) => s.r.findings.map((f) => f.rule)))].sort();
  const positives = scored.filter((s) => s.e.positive).length;
  const typed = scored.some((s) => TYPES.includes(s.e.kind ?? ""));
  console.log(`  rule                         fires   precision  recall${typed ? "   recall per type" : ""}`);
  for (const rule of rules) {
    const fired = scored.filter((s) => s.r.findings.some((f) => f.rule === rule));
    const tp = fired.filter((s) => s.e.positive).length;
    const perType = typed
      ? TYPES.map((t) => {
          const ofType = scored.filter((s) => s.e.kind === t);
          return `${t.slice(0, 4)} ${pct(ofType.filter((s) => s.r.findings.some((f) => f.rule === rule)).length, ofType.length)}`;
        })
      : [];
    console.log(
      `  ${rule.padEnd(28)} ${String(fired.length).padStart(5)}   ${pct(tp, fired.length).padStart(8)}  ${pct(tp, positives).padStart(7)}   ${perType.join("  ")}`,
    );
  }
}

/** Share of posts that get each question form (the question with the draft's own words taken out). */
export function questionForms(results: readonly CoachResult[]): [string, number][] {
  const forms = new Map<string, number>();
  for (const r of results) {
    for (const q of new Set(r.questions.map((q) => q.replace(/“[^”]*”|« [^»]* »/g, "“…”")))) {
      forms.set(q, (forms.get(q) ?? 0) + 1);
    }
  }
  return [...forms].sort((a, b) => b[1] - a[1]);
}

/**
 * How far each translation scores from its English original (languages forced, so that detection
 * plays no part), for brags and for other tweets: a gap means a signal French does not read yet.
 */
function parityGap(french: readonly Example[], tweets: readonly Example[]): void {
  const gap = (positive: boolean) => {
    const pairs = french.filter((e) => e.positive === positive);
    const sum = pairs.reduce(
      (acc, e) =>
        acc + analyze(e.text, { lang: "fr" }).score - analyze(tweets[e.line - 1]!.text, { lang: "en" }).score,
      0,
    );
    return (sum / pairs.length).toFixed(1);
  };
  console.log(
    `  French minus English original, mean score: brags ${gap(true)}, other tweets ${gap(false)} points`,
  );
}

function main(): void {
  const run = (data: readonly Example[]) => data.map((e) => ({ e, r: analyze(e.text) }));

  const tweets = loadTweets();
  if (!tweets) console.log(`Bragging tweets: skipped (${TWEETS_PATH} is absent)`);
  else {
    const scored = run(tweets);
    separation("Bragging tweets (Jin et al. 2022), in-sample", scored);
    bands("tweets", scored);
    console.log("Rules on the bragging tweets (a brag of any type counts as self-promotional):");
    rulePrecisionRecall(scored);
  }

  const french = loadFrenchTweets();
  if (!french) console.log(`French translations: skipped (${FRENCH_TRANSLATIONS.join(", ")} absent)`);
  else {
    const scored = run(french);
    separation("French translations, in-sample (their English originals were fitted on)", scored);
    const fr = scored.filter((s) => s.r.language === "fr").length;
    console.log(`  detected as French: ${fr} of ${scored.length} (${pct(fr, scored.length)})`);
    if (tweets) parityGap(french, tweets);
  }

  const linkedin = loadLinkedIn();
  if (!linkedin) console.log(`LinkedIn labelled: skipped (${LINKEDIN_PATH} is absent)`);
  else {
    const scored = run(linkedin);
    separation("LinkedIn posts 1–800, labelled, in-sample", scored);
    bands("LinkedIn", scored);
    console.log("Rules on the labelled LinkedIn posts (self-promotional = labelled so):");
    rulePrecisionRecall(scored);
  }

  const all = loadLinkedInAll();
  if (all) {
    const results = all.map((p) => analyze(p.text));
    console.log(`\nAll ${all.length} LinkedIn posts: posts with each finding`);
    const fired = new Map<string, number>();
    for (const r of results)
      for (const rule of new Set(r.findings.map((f) => f.rule))) fired.set(rule, (fired.get(rule) ?? 0) + 1);
    for (const [rule, n] of [...fired].sort((a, b) => b[1] - a[1]))
      console.log(`  ${rule.padEnd(28)} ${String(n).padStart(5)}  ${pct(n, all.length)}`);
    console.log("Question forms on more than 10 % of them:");
    for (const [form, n] of questionForms(results).filter(([, n]) => n > all.length / 10))
      console.log(`  ${pct(n, all.length)}  ${form}`);
    const scores = results.map((r) => r.score).sort((a, b) => a - b);
    console.log(
      `Score p10 ${scores[160]}  median ${scores[800]}  p90 ${scores[1440]}; bands: ${BAND_NAMES.map((band) => `${band} ${pct(results.filter((r) => r.band === band).length, all.length)}`).join(", ")}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
