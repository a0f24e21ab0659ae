import type { Hit, Rule } from "./rules/index.js";
import { RULES } from "./rules/index.js";
import { SIGNALS, signalCounts } from "./signals.js";
import type { RuleContext } from "./text.js";
import type { Dimension } from "./types.js";

/**
 * The score is a logistic model over explainable features: each rule's findings and each general
 * signal. Its weights are fitted on real labelled posts by `npm run fit` (scripts/fit.ts) and kept
 * in weights.ts as points: a feature's contribution to the 0–100 score is its points times its value.
 */
export interface Feature {
  id: string;
  dimension: Dimension;
  /** "self": can only lower the score; "reader": can only raise it. */
  direction: "self" | "reader";
}

export interface RuleHits {
  rule: Rule;
  hits: Hit[];
}

/** Findings of one kind count up to twice: the third brag says nothing new. */
export const MAX_HITS = 2;

/** The feature a hit feeds: its rule's, or its rule's per variant for rules graded by kind. */
export function featureOf(rule: Rule, hit: Hit): string {
  return rule.byVariant && hit.variant ? `${rule.id}.${hit.variant}` : rule.id;
}

/** Every feature the model knows, rules first, in a stable order. */
export const FEATURES: readonly Feature[] = [
  ...RULES.flatMap((rule) =>
    [rule.id, ...(rule.byVariant ?? []).map((v) => `${rule.id}.${v}`)].map((id) => ({
      id,
      dimension: rule.dimension,
      direction: rule.kind === "concern" ? ("self" as const) : ("reader" as const),
    })),
  ),
  ...SIGNALS.map((s) => ({ id: s.id, dimension: s.dimension, direction: s.direction })),
];

/** The value of every feature for one draft (absent: 0). */
export function featureValues(ctx: RuleContext, results: readonly RuleHits[]): Map<string, number> {
  const values = new Map<string, number>();
  for (const { rule, hits } of results) {
    for (const hit of hits) {
      const id = featureOf(rule, hit);
      values.set(id, Math.min(MAX_HITS, (values.get(id) ?? 0) + 1));
    }
  }
  const counts = signalCounts(ctx);
  for (const s of SIGNALS) {
    const v = s.value(counts);
    if (v !== 0) values.set(s.id, v);
  }
  return values;
}
