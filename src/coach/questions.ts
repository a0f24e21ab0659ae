import { LENS_QUESTIONS, type Lens, quote } from "./messages.js";
import type { RuleHits } from "./model.js";
import type { Hit, Rule } from "./rules/index.js";
import type { Lang } from "./types.js";

export const MIN_QUESTIONS = 2;
/** Rules that ask about the road to a success rather than about the news itself. */
const ROAD_RULES = new Set(["success-without-struggle"]);
export const MAX_QUESTIONS = 5;
const MAX_CONCERN_QUESTIONS = 3;

/** What the draft does, as far as choosing questions goes. */
export interface DraftShape {
  words: number;
  /** Links in it: a short post with a link shares something without saying it. */
  links: number;
  /** The draft tells a success of the author's (or their company's). */
  success: boolean;
  /** It tells what the author did: a story, not only news or an opinion. */
  story: boolean;
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
  return template?.replace("{q}", quote(text.slice(...clauseAround(text, hit)), lang));
}

// Punctuation ends a clause; so does a control character (a quote never carries one).
const BOUNDARY = /[.!?\n,;:—–()\u0000-\u001f\u007f-\u009f]/;

/**
 * The words a question quotes: the clause around a finding, so that a reader recognises it
 * ("Just finished my first marathon under 4 hours", not "Just finished my first"), kept short.
 */
export function clauseAround(text: string, span: { start: number; end: number }): [number, number] {
  // A colon in a time or a score ("3:58", "2:1") does not end a clause.
  const isBoundary = (i: number) =>
    BOUNDARY.test(text[i]!) &&
    !(text[i] === ":" && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""));
  let start = span.start;
  while (start > 0 && span.start - start < 30 && !isBoundary(start - 1)) start--;
  if (start > 0 && !isBoundary(start - 1)) start = span.start;
  let end = span.end;
  while (end < text.length && end - span.end < 45 && !isBoundary(end)) end++;
  // Never end inside a word.
  if (end < text.length && !isBoundary(end)) {
    const space = text.lastIndexOf(" ", end);
    end = Math.max(space, span.end);
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The draft's first sentence, links left out: what a reader sees first. */
function opening(text: string): string {
  const trimmed = text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, " ").trim();
  const end = trimmed.search(/[.!?\n]/);
  const first = (end > 0 ? trimmed.slice(0, end) : trimmed).trim();
  return first.split(/\s+/).length >= 2 ? first : "";
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
  // A lesson is asked of a story long enough to hold one, not of "I just voted".
  else if (shape.story && shape.words >= 20 && shape.selfShare >= 0.05 && !shape.success)
    lenses.push("lesson");
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

  // One question per rule, and per clause one about the news and one about the road to it: "what
  // will the reader learn" and "what was hard on the way" differ; three takes on one talk don't.
  const asked: { clause: [number, number]; road: boolean }[] = [];
  for (const r of concerns) {
    if (asked.length >= MAX_CONCERN_QUESTIONS) break;
    const road = ROAD_RULES.has(r.rule.id);
    const hit = r.hits.find((h) => {
      const [start, end] = clauseAround(text, h);
      return !asked.some((a) => a.road === road && a.clause[0] < end && start < a.clause[1]);
    });
    if (!hit) continue;
    asked.push({ clause: clauseAround(text, hit), road });
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
  // A question already quoting the opening makes "Your post opens with…" a repeat.
  const openingAsked = asked.some((a) => a.clause[0] < open.length + (text.length - text.trimStart().length));
  for (const lens of lensesFor(shape)) {
    if (questions.length >= target) break;
    // "road" asks what success-without-struggle already asks when that rule fired.
    if (lens === "road" && concerns.some((c) => c.rule.id === "success-without-struggle")) continue;
    if (lens === "reader" && openingAsked) continue;
    const q = LENS_QUESTIONS[lang][lens];
    add(q.includes("{q}") ? (open ? q.replace("{q}", quote(open, lang)) : undefined) : q);
  }
  // Whatever else is asked, a draft always gets its two questions.
  if (questions.length < MIN_QUESTIONS) add(LENS_QUESTIONS[lang].sharpen);
  if (questions.length < MIN_QUESTIONS) add(LENS_QUESTIONS[lang].voice);
  return questions;
}
