import type { RuleContext } from "../text.js";
import type { Dimension, Lang, Severity } from "../types.js";

export interface Hit {
  start: number;
  end: number;
  /** Selects a message variant (for example "email" or "phone"); "default" when absent. */
  variant?: string;
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
  /** Variants that weigh differently in the score, each its own feature (e.g. bragging's six types). */
  byVariant?: readonly string[];
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
