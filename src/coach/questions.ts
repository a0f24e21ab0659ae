import { GENERAL_QUESTIONS, quote, SHARPER_QUESTION } from "./messages.js";
import type { Hit, Rule } from "./rules/index.js";
import type { RuleHits } from "./score.js";
import { DIMENSIONS, type Dimension, type Lang } from "./types.js";

export const MIN_QUESTIONS = 2;
export const MAX_QUESTIONS = 5;
const MAX_CONCERN_QUESTIONS = 3;

interface QuestionInput {
  text: string;
  lang: Lang;
  results: readonly RuleHits[];
  dimensions: Record<Dimension, number>;
  good: boolean;
}

function ask(rule: Rule, hit: Hit, text: string, lang: Lang): string | undefined {
  const texts = rule.texts[lang];
  const template = (hit.variant && texts[hit.variant]?.question) || texts.default?.question;
  return template?.replace("{q}", quote(text.slice(hit.start, hit.end), lang));
}

function opening(text: string): string {
  const trimmed = text.trimStart();
  const end = trimmed.search(/[.!?\n]/);
  return end > 0 ? trimmed.slice(0, end) : trimmed;
}

/**
 * Picks 2–5 reflective questions: first the concerns that matter most (each quoting the draft),
 * then, for a good draft, a sharper question built on what already works, then general questions
 * on the weakest dimensions.
 */
export function chooseQuestions({ text, lang, results, dimensions, good }: QuestionInput): string[] {
  const questions: string[] = [];
  const add = (q: string | undefined) => {
    if (q && questions.length < MAX_QUESTIONS && !questions.includes(q)) questions.push(q);
  };
  const withHits = results.filter((r) => r.hits.length > 0);
  const byPriority = (a: RuleHits, b: RuleHits) => a.rule.priority - b.rule.priority;
  const concerns = withHits.filter((r) => r.rule.kind === "concern").sort(byPriority);
  const strengths = withHits.filter((r) => r.rule.kind === "strength").sort(byPriority);

  // One question per rule and per quoted span, and general questions only for dimensions no
  // specific question has looked at yet.
  const asked: { start: number; end: number }[] = [];
  const covered = new Set<Dimension>();
  for (const r of concerns) {
    if (asked.length >= MAX_CONCERN_QUESTIONS) break;
    const hit = r.hits.find((h) => !asked.some((a) => a.start === h.start && a.end === h.end));
    if (!hit) continue;
    asked.push(hit);
    covered.add(r.rule.dimension);
    add(ask(r.rule, hit, text, lang));
  }
  if (good) {
    const best = strengths[0];
    if (best) add(ask(best.rule, best.hits[0]!, text, lang));
    add(SHARPER_QUESTION[lang]);
  }
  const weakest = [...DIMENSIONS]
    .filter((d) => d !== "platformFit")
    .sort((a, b) => dimensions[a] - dimensions[b]);
  const open = opening(text);
  for (const d of weakest) {
    if (questions.length >= MIN_QUESTIONS && (good || dimensions[d] >= 50 || questions.length >= 4)) break;
    if (covered.has(d) && questions.length >= MIN_QUESTIONS) continue;
    const general = GENERAL_QUESTIONS[lang][d];
    add(general.includes("{q}") ? (open ? general.replace("{q}", quote(open, lang)) : undefined) : general);
  }
  // A draft with no usable opening still gets its two questions.
  for (const d of weakest) {
    if (questions.length >= MIN_QUESTIONS) break;
    if (!GENERAL_QUESTIONS[lang][d].includes("{q}")) add(GENERAL_QUESTIONS[lang][d]);
  }
  if (questions.length < MIN_QUESTIONS) add(SHARPER_QUESTION[lang]);
  return questions;
}
