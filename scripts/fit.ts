/**
 * Fits the score's weights on real labelled posts and writes them to src/coach/weights.ts.
 *
 *   npm run fit                 cross-validated figures only (nothing written)
 *   npm run fit -- --write      also refit on every labelled post and write the weights
 *   npm run fit -- --lockbox    also measure on the lockbox (one post in five, kept aside)
 *
 * Needs ../shared/corpora (see its README): says what is missing and exits 1 when it is absent.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FEATURES, featureValues } from "../src/coach/model.js";
import { RULES } from "../src/coach/rules/index.js";
import { SIGNALS } from "../src/coach/signals.js";
import { buildContext } from "../src/coach/text.js";
import { type Example, loadFrenchTweets, loadLinkedIn, loadTweets, SHARED } from "./lib/corpora.js";
import { auc, fitLogistic, folds, type LogisticModel, predictLogit } from "./lib/logistic.js";

/** Short posts use the first set of weights, long ones the second, blended in between (words). */
export const GATE = { from: 5, to: 40 };
/** Points of score per unit of logit, and the score of an even chance of self-promotion. */
export const SCALE = 16;
export const CENTER = 30;
/**
 * Bounds on a rule's points per finding, whatever the fit says: every finding moves the score the
 * way its meaning says (a concern at least 1 point down, a strength at least 1 up, as the article
 * would have it), and no single finding moves it more than 25 points.
 */
export const RULE_POINTS = { floor: 1, cap: 25 };
const K = 10;
const LAMBDA = Number(process.env.FIT_LAMBDA ?? 0.05);
/** LinkedIn posts weigh this share of the tweets in the fit, whatever their number. */
const LINKEDIN_SHARE = 0.3;

/**
 * Features no labelled post can teach: no post of the corpora is too long for its platform. Their
 * points are set by hand (docs/scoring.md), the same for short and long posts.
 */
export const FIXED_POINTS: Record<string, [number, number]> = { "platform-length": [-10, -10] };

const P = FEATURES.length;
const featureSigns = FEATURES.map((f) => (f.direction === "self" ? 1 : -1));
// Columns: each feature shared, its long-post and its short-post part (all with the feature's sign),
// then the length gate itself, free, so that the base score can differ by length.
const SIGNS = [...featureSigns, ...featureSigns, ...featureSigns, 0];

export interface Row {
  x: number[];
  gate: number;
}

export function vectorize(text: string, lang: Example["lang"]): Row {
  const ctx = buildContext(text, "linkedin", lang);
  const results = RULES.map((rule) => ({ rule, hits: rule.run(ctx) }));
  const values = featureValues(ctx, results);
  const x = FEATURES.map((f) => (f.id === process.env.FIT_DROP ? 0 : (values.get(f.id) ?? 0)));
  const gate = Math.max(0, Math.min(1, (ctx.words.length - GATE.from) / (GATE.to - GATE.from)));
  return { x, gate };
}

// Rules weigh the same in short and long posts, so that their bounds hold; signals may differ.
const SPLIT = FEATURES.map((f) => SIGNALS.some((s) => s.id === f.id));
function design(r: Row): number[] {
  return [
    ...r.x,
    ...r.x.map((v, j) => (SPLIT[j] ? v * r.gate : 0)),
    ...r.x.map((v, j) => (SPLIT[j] ? v * (1 - r.gate) : 0)),
    r.gate,
  ];
}

function sampleWeights(data: readonly Example[]): number[] {
  const tweets = data.filter((e) => e.set === "tweets").length;
  const linkedin = data.filter((e) => e.set === "linkedin").length;
  return data.map((e) => (e.set === "linkedin" && tweets > 0 ? (LINKEDIN_SHARE * tweets) / linkedin : 1));
}

// In logit units: a concern's weight is positive (towards self-promotion), a strength's negative.
const BOUNDS = [
  ...FEATURES.map((f): [number, number] | undefined => {
    if (SPLIT[FEATURES.indexOf(f)]) return undefined;
    const [lo, hi] = [RULE_POINTS.floor / SCALE, RULE_POINTS.cap / SCALE];
    return f.direction === "self" ? [lo, hi] : [-hi, -lo];
  }),
];

function fitModel(data: readonly Example[], rows: readonly Row[]): LogisticModel {
  return fitLogistic(
    rows.map(design),
    data.map((e) => e.positive),
    { lambda: LAMBDA, signs: SIGNS, bounds: BOUNDS, sampleWeights: sampleWeights(data) },
  );
}

export const logit = (m: LogisticModel, r: Row) => predictLogit(m, design(r));

/** The score a set of points gives a row, as src/coach/score.ts computes it before clamping. */
export function pointsScore(w: Weights, r: Row): number {
  let total = (1 - r.gate) * w.base[0] + r.gate * w.base[1];
  FEATURES.forEach((f, j) => {
    const p = w.points[f.id];
    if (p && r.x[j]) total += r.x[j]! * ((1 - r.gate) * p[0] + r.gate * p[1]);
  });
  return total;
}

export interface Weights {
  base: [number, number];
  points: Record<string, [number, number]>;
}

/** The model as points on the 0–100 score: short- and long-post values for each feature. */
export function toPoints(m: LogisticModel): Weights {
  const round = (n: number) => Math.round(n * 100) / 100;
  const points: Record<string, [number, number]> = {};
  FEATURES.forEach((f, j) => {
    const shared = m.weights[j]!;
    const long = shared + m.weights[P + j]!;
    const short = shared + m.weights[2 * P + j]!;
    const pair: [number, number] = [round(-SCALE * short), round(-SCALE * long)];
    if (pair[0] !== 0 || pair[1] !== 0) points[f.id] = pair;
  });
  Object.assign(points, FIXED_POINTS);
  const gateWeight = m.weights[3 * P]!;
  return {
    base: [round(CENTER - SCALE * m.intercept), round(CENTER - SCALE * (m.intercept + gateWeight))],
    points,
  };
}

const TYPES = ["achievement", "action", "feeling", "trait", "possession", "affiliation"];

export function aucOf(
  data: readonly Example[],
  value: (i: number) => number,
  keep: (e: Example) => boolean,
): number {
  return auc(
    data.map((e, i) => ({ value: value(i), positive: e.positive })).filter((_, i) => keep(data[i]!)),
  );
}

function report(label: string, data: readonly Example[], logits: readonly number[]): void {
  const sets = [...new Set(data.map((e) => e.set))];
  const parts = sets.map(
    (s) =>
      `${s} ${aucOf(
        data,
        (i) => logits[i]!,
        (e) => e.set === s,
      ).toFixed(3)}`,
  );
  console.log(`${label}: ${parts.join("  ")}`);
  for (const s of sets.filter((x) => x.startsWith("tweets"))) {
    const perType = TYPES.map(
      (t) =>
        `${t} ${aucOf(
          data,
          (i) => logits[i]!,
          (e) => e.set === s && (e.kind === t || !e.positive),
        ).toFixed(3)}`,
    );
    console.log(`  ${s} per type: ${perType.join("  ")}`);
  }
}

/** The weights to ship: fitted on every labelled English post, lockbox included. */
export function finalWeights(tweets: readonly Example[], linkedin: readonly Example[]): Weights {
  const all = [...tweets, ...linkedin];
  return toPoints(
    fitModel(
      all,
      all.map((e) => vectorize(e.text, e.lang)),
    ),
  );
}

function writeWeights(w: Weights): void {
  const path = fileURLToPath(new URL("../src/coach/weights.ts", import.meta.url));
  const lines = Object.entries(w.points).map(([id, [s, l]]) => `    ${JSON.stringify(id)}: [${s}, ${l}],`);
  writeFileSync(
    path,
    `// Generated by \`npm run fit -- --write\` (scripts/fit.ts) from real labelled posts; do not edit.
// Points on the 0–100 score per unit of each feature, [short post, long post]; see docs/scoring.md.
export const MODEL = {
  gate: { from: ${GATE.from}, to: ${GATE.to} },
  base: [${w.base[0]}, ${w.base[1]}],
  points: {
${lines.join("\n")}
  },
} as const;
`,
  );
  console.log(`wrote ${path}`);
}

function main(): void {
  const tweets = loadTweets();
  const linkedin = loadLinkedIn();
  if (!tweets || !linkedin) {
    console.error(
      `npm run fit needs the labelled corpora in ${SHARED} (see docs/scoring.md); they are absent.`,
    );
    process.exit(1);
  }
  const french = loadFrenchTweets() ?? [];
  const dev = [...tweets, ...linkedin].filter((e) => !e.lockbox);
  const devRows = dev.map((e) => vectorize(e.text, e.lang));
  // LinkedIn posts come in runs by author: whole runs of 80 lines are held out together, so that the
  // figure says how the coach does on authors it has not seen. Tweets are folded at random.
  const random = folds(dev.length, K);
  const fold = dev.map((e, i) => (e.set === "linkedin" ? Math.floor((e.line - 1) / 80) % K : random[i]!));
  const cv = new Array<number>(dev.length);
  for (let k = 0; k < K; k++) {
    const train = dev.map((_, i) => i).filter((i) => fold[i] !== k);
    const m = fitModel(
      train.map((i) => dev[i]!),
      train.map((i) => devRows[i]!),
    );
    const w = toPoints(m);
    // Lower score = more self-promotional: the negated score ranks like the logit.
    for (let i = 0; i < dev.length; i++) if (fold[i] === k) cv[i] = -pointsScore(w, devRows[i]!);
  }
  report(`${K}-fold cross-validation`, dev, cv);
  const devPoints = toPoints(fitModel(dev, devRows));
  const frDev = french.filter((e) => !e.lockbox);
  if (frDev.length > 0)
    report(
      "French translations (English-fitted model)",
      frDev,
      frDev.map((e) => -pointsScore(devPoints, vectorize(e.text, e.lang))),
    );
  if (process.argv.includes("--lockbox")) {
    const box = [...tweets, ...linkedin, ...french].filter((e) => e.lockbox);
    report(
      "Lockbox (fitted without it)",
      box,
      box.map((e) => -pointsScore(devPoints, vectorize(e.text, e.lang))),
    );
  }
  if (process.argv.includes("--write")) writeWeights(finalWeights(tweets, linkedin));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
