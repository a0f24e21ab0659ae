import { LENS_QUESTIONS, type Lens, quote } from "./messages.js";
import type { RuleHits } from "./model.js";
import type { Hit, Rule } from "./rules/index.js";
import type { Lang } from "./types.js";

export const MIN_QUESTIONS = 2;
export const MAX_QUESTIONS = 5;
const MAX_CONCERN_QUESTIONS = 3;

/** What the draft does, as far as choosing questions goes. */
export interface DraftShape {
  words: number;
  /** Words outside links: a post that is mostly a link shares something without saying it. */
  links: number;
  /** The draft tells a success of the author's (or their company's). */
  success: boolean;
  /** It tells a difficulty or a doubt too. */
  challenge: boolean;
  /** Share of its words about the author ("I", "my"), and about other people. */
  selfShare: number;
  othersShare: number;
}

interface QuestionInput {
  text: string;
  lang: Lang;
  results: readonly RuleHits[];
  good: boolean;
  shape: DraftShape;
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
 * The angles from which to look at this draft, most telling first. A question follows from what
 * the draft does: a success gets the road to it, a shared link what the post itself gives, a story
 * what the reader can use, news the author's own take.
 */
export function lensesFor(shape: DraftShape): Lens[] {
  const lenses: Lens[] = [];
  if (shape.success && !shape.challenge) lenses.push("road");
  if (shape.links > 0 && shape.words < 100) lenses.push("link");
  // A post about other people, or about a topic with no "I" in it, passes something on.
  const passesOn = shape.othersShare > shape.selfShare && shape.othersShare >= 0.02;
  if (passesOn) lenses.push("take");
  else if (shape.selfShare < 0.02 && shape.words >= 8) lenses.push("voice");
  else if (shape.selfShare >= 0.05 && !shape.success) lenses.push("lesson");
  lenses.push("reader");
  return lenses;
}

/**
 * Picks 2–5 reflective questions: first the concerns that matter most (each quoting the draft),
 * then what already works, sharpened, then the angles this kind of draft calls for.
 */
export function chooseQuestions({ text, lang, results, good, shape }: QuestionInput): string[] {
  const questions: string[] = [];
  const add = (q: string | undefined) => {
    if (q && questions.length < MAX_QUESTIONS && !questions.includes(q)) questions.push(q);
  };
  const withHits = results.filter((r) => r.hits.length > 0);
  const byPriority = (a: RuleHits, b: RuleHits) => a.rule.priority - b.rule.priority;
  const concerns = withHits.filter((r) => r.rule.kind === "concern").sort(byPriority);
  const strengths = withHits.filter((r) => r.rule.kind === "strength").sort(byPriority);

  // One question per rule and per quoted span.
  const asked: { start: number; end: number }[] = [];
  for (const r of concerns) {
    if (asked.length >= MAX_CONCERN_QUESTIONS) break;
    const hit = r.hits.find((h) => !asked.some((a) => a.start === h.start && a.end === h.end));
    if (!hit) continue;
    asked.push(hit);
    add(ask(r.rule, hit, text, lang));
  }
  // What works, sharpened: the best two strengths of a good draft, the best one otherwise.
  for (const s of strengths.slice(0, good ? 2 : 1)) {
    if (questions.length >= (good ? MIN_QUESTIONS : MAX_CONCERN_QUESTIONS)) break;
    add(ask(s.rule, s.hits[0]!, text, lang));
  }
  // A weak draft gets one more angle than it has concerns asked, up to four questions.
  const target = good ? MIN_QUESTIONS : Math.min(4, Math.max(MIN_QUESTIONS, asked.length + 1));
  const open = opening(text);
  for (const lens of lensesFor(shape)) {
    if (questions.length >= target) break;
    // "road" asks what success-without-struggle already asks when that rule fired.
    if (lens === "road" && concerns.some((c) => c.rule.id === "success-without-struggle")) continue;
    const q = LENS_QUESTIONS[lang][lens];
    add(q.includes("{q}") ? (open ? q.replace("{q}", quote(open, lang)) : undefined) : q);
  }
  // Whatever else is asked, a draft always gets its two questions.
  if (questions.length < MIN_QUESTIONS) add(LENS_QUESTIONS[lang].sharpen);
  if (questions.length < MIN_QUESTIONS) add(LENS_QUESTIONS[lang].voice);
  return questions;
}
