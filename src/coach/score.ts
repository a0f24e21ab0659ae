import type { Hit, Rule } from "./rules/index.js";
import { DIMENSIONS, type Dimension } from "./types.js";

/** Where a draft with no signal at all stands on each dimension. See docs/scoring.md. */
export const BASELINE: Record<Dimension, number> = {
  audience: 45,
  authenticity: 70,
  vulnerability: 55,
  platformFit: 100,
};

export const WEIGHTS: Record<Dimension, number> = {
  audience: 0.35,
  authenticity: 0.35,
  vulnerability: 0.2,
  platformFit: 0.1,
};

export interface RuleHits {
  rule: Rule;
  hits: Hit[];
}

export function ruleContribution({ rule, hits }: RuleHits): number {
  let total = 0;
  for (const h of hits) total += h.points ?? rule.points;
  return Math.max(-rule.cap, Math.min(rule.cap, total));
}

export function scoreDimensions(results: readonly RuleHits[]): Record<Dimension, number> {
  const raw = { ...BASELINE };
  for (const r of results) if (r.hits.length > 0) raw[r.rule.dimension] += ruleContribution(r);
  for (const d of DIMENSIONS) raw[d] = Math.round(Math.max(0, Math.min(100, raw[d])));
  return raw;
}

export function overallScore(dimensions: Record<Dimension, number>): number {
  let s = 0;
  for (const d of DIMENSIONS) s += WEIGHTS[d] * dimensions[d];
  return Math.round(s);
}
