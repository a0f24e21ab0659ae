import type { RuleContext } from "../text.js";
import type { Dimension, Lang, Severity } from "../types.js";

export interface Hit {
  start: number;
  end: number;
  /** Selects a message variant (for example "email" or "phone"); "default" when absent. */
  variant?: string;
  /** Overrides the rule's points for this hit (for graded signals). */
  points?: number;
}

export interface RuleText {
  message: string;
  suggestion: string;
  /** A reflective question; {q} is replaced by the quoted excerpt. */
  question?: string;
}

export type RuleTexts = Record<Lang, Record<string, RuleText>>;

/**
 * A rule is a small pure function of the draft's context. Concerns become findings and lower
 * their dimension; strengths raise it. Points add up per rule, bounded by `cap`.
 */
export interface Rule {
  id: string;
  dimension: Dimension;
  kind: "concern" | "strength";
  severity: Severity;
  /** Points per hit: negative for concerns, positive for strengths. */
  points: number;
  /** The most this rule can move its dimension, in absolute value. */
  cap: number;
  /** Lower comes first when choosing questions. */
  priority: number;
  texts: RuleTexts;
  run(ctx: RuleContext): Hit[];
}

export function hitsOf(spans: readonly { start: number; end: number }[], variant?: string): Hit[] {
  return spans.map((s) =>
    variant ? { start: s.start, end: s.end, variant } : { start: s.start, end: s.end },
  );
}
