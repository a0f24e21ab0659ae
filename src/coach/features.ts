import {
  BRAGS,
  type BragType,
  CELEBRATION,
  SELF_CONGRATULATION,
  SUBJECT_DROP_OPENERS,
} from "./brag-lexicon.js";
import { discounted } from "./context.js";
import { findAll, findGroups } from "./lexicon.js";

export type { BragType } from "./brag-lexicon.js";

import { type RuleContext, type Sentence, type Span, sentenceAt } from "./text.js";
import { PERSON } from "./words.js";

/**
 * Text features several rules share: pronoun counts and the spans of self-praise.
 * Computed once per draft and memoised on the context, so each rule stays a pure function of it.
 */
export interface Features {
  firstPerson: number;
  firstPersonPlural: number;
  secondPerson: number;
  secondPersonSpans: Span[];
  selfCongratulation: Span[];
  brags: BragSpan[];
  celebration: CelebrationSpan[];
}

/** A word of achievement or status used about oneself ("gold", "promoted", "top-rated"). */
export interface CelebrationSpan extends Span {
  strong: boolean;
}

export interface BragSpan extends Span {
  type: BragType;
}

const cache = new WeakMap<RuleContext, Features>();

export function features(ctx: RuleContext): Features {
  let f = cache.get(ctx);
  if (!f) {
    f = computeFeatures(ctx);
    cache.set(ctx, f);
  }
  return f;
}

function overlaps(a: Span, spans: readonly Span[]): boolean {
  for (const s of spans) if (a.start < s.end && s.start < a.end) return true;
  return false;
}

function computeFeatures(ctx: RuleContext): Features {
  const { lang, words } = ctx;
  const person = PERSON[lang];
  const congratulations = findAll(SELF_CONGRATULATION[lang], ctx);
  const selfCongratulation = congratulations.filter((span) => !discounted(ctx, span));
  let firstPerson = 0;
  let firstPersonPlural = 0;
  const secondPersonSpans: Span[] = [];
  for (const t of words) {
    if (t.cls & person.first) firstPerson++;
    else if (t.cls & person.plural) firstPersonPlural++;
    else if (t.cls & person.second) {
      // "ravi de vous annoncer" addresses the reader only to announce oneself.
      if (!overlaps(t, congratulations)) secondPersonSpans.push({ start: t.start, end: t.end });
    }
  }
  const brags: BragSpan[] = [];
  for (const { start, end, group } of findGroups(BRAGS[lang], ctx)) {
    const span = { start, end };
    // Hashtags are judged by their own rule.
    if (overlaps(span, congratulations) || overlaps(span, ctx.hashtags)) continue;
    if (aboutTheAuthor(ctx, span) && !discounted(ctx, span)) brags.push({ ...span, type: group as BragType });
  }
  const celebration: CelebrationSpan[] = [];
  for (const m of findGroups(CELEBRATION[lang], ctx)) {
    if (overlaps(m, congratulations) || overlaps(m, brags) || overlaps(m, ctx.hashtags)) continue;
    const sentence = sentenceAt(ctx, m.start);
    if (!sentence || sentence.question) continue;
    const strong = m.group === "strong";
    // Mild words ("first", "best") are everyday words: they count only when the author speaks of
    // themselves in the singular, or with the subject dropped.
    const self = subjectDropped(sentence) || sentence.firstSingular || (strong && sentence.firstPlural);
    if (self && !discounted(ctx, m)) celebration.push({ start: m.start, end: m.end, strong });
  }
  return {
    celebration,
    brags,
    firstPerson,
    firstPersonPlural,
    secondPerson: secondPersonSpans.length,
    secondPersonSpans,
    selfCongratulation,
  };
}

// A brag is about the author when its sentence speaks in the first person, or when it opens the
// sentence with the subject dropped, as posts often do ("Just got promoted!").
function aboutTheAuthor(ctx: RuleContext, span: Span): boolean {
  const sentence = sentenceAt(ctx, span.start);
  if (!sentence) return false;
  return span.start - sentence.start <= 12 || sentence.firstSingular || sentence.firstPlural;
}

const PAST_TENSE_RE = /^[a-z]+ed$/;

export function subjectDropped(sentence: Sentence): boolean {
  return SUBJECT_DROP_OPENERS.has(sentence.opener) || PAST_TENSE_RE.test(sentence.opener);
}

/** Whether the sentence around a span speaks of the author in the first person singular ("my", "je"). */
export function aboutSelf(ctx: RuleContext, span: Span): boolean {
  return sentenceAt(ctx, span.start)?.firstSingular ?? false;
}
