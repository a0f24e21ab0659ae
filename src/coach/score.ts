import { featureOf, type RuleHits } from "./model.js";
import { DIMENSIONS, type Dimension } from "./types.js";
import { MODEL } from "./weights.js";

export type { RuleHits } from "./model.js";

/** The fitted model as points: a base and per-feature points, each [short post, long post]. */
export interface Model {
  gate: { readonly from: number; readonly to: number };
  base: readonly [number, number];
  points: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * How much of the long-post weights a draft gets: short posts (tweets, chat) and long ones (LinkedIn,
 * blogs) brag differently, so the model has a set of weights for each and blends them by length.
 */
export function lengthGate(words: number, model: Model = MODEL): number {
  const { from, to } = model.gate;
  return Math.max(0, Math.min(1, (words - from) / (to - from)));
}

/** A feature's points per unit of value for a draft of this length (absent from the model: 0). */
export function pointsOf(feature: string, gate: number, model: Model = MODEL): number {
  const p = model.points[feature];
  return p ? (1 - gate) * p[0] + gate * p[1] : 0;
}

/** The score before it is clamped to 0–100: the base for this length plus every feature's points. */
export function rawScore(values: Iterable<[string, number]>, words: number, model: Model = MODEL): number {
  const gate = lengthGate(words, model);
  let total = (1 - gate) * model.base[0] + gate * model.base[1];
  for (const [id, value] of values) if (value !== 0) total += value * pointsOf(id, gate, model);
  return total;
}

export interface Scored {
  score: number;
  dimensions: Record<Dimension, number>;
  /** Each feature's points in the score (value × points), nonzero ones only. */
  contributions: Map<string, number>;
}

/** Where a dimension stands with no signal at all; its features' points move it from there. */
export const DIMENSION_BASE: Record<Dimension, number> = {
  audience: 50,
  authenticity: 70,
  vulnerability: 60,
  platformFit: 100,
};

/**
 * Dimensions are a profile of the draft, read with the short- and long-post weights alike, so that
 * adding a sentence can move a dimension only through what the sentence says, never through length.
 */
const DIMENSION_GATE = 0.5;

const clamp = (n: number) => Math.round(Math.max(0, Math.min(100, n)));

/** The score, clamped to 0–100, its dimensions, and what each feature contributed to it. */
export function score(
  values: ReadonlyMap<string, number>,
  featureDimension: (id: string) => Dimension,
  words: number,
): Scored {
  const gate = lengthGate(words);
  const byDimension: Record<Dimension, number> = {
    audience: 0,
    authenticity: 0,
    vulnerability: 0,
    platformFit: 0,
  };
  const contributions = new Map<string, number>();
  for (const [id, value] of values) {
    const c = value * pointsOf(id, gate);
    if (c === 0) continue;
    contributions.set(id, c);
    byDimension[featureDimension(id)] += value * pointsOf(id, DIMENSION_GATE);
  }
  const dimensions = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) dimensions[d] = clamp(DIMENSION_BASE[d] + byDimension[d]);
  return { score: clamp(rawScore(values, words)), dimensions, contributions };
}

/** Each hit's share of its feature's points: split evenly among the hits that fed the feature. */
export function hitContributions(r: RuleHits, contributions: ReadonlyMap<string, number>): number[] {
  const ids = r.hits.map((h) => featureOf(r.rule, h));
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return ids.map((id) => (contributions.get(id) ?? 0) / counts.get(id)!);
}
