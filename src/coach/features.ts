import {
  BRAGS,
  type BragType,
  CELEBRATION,
  SELF_CONGRATULATION,
  SUBJECT_DROP_OPENERS,
} from "./brag-lexicon.js";
import { offersToReader, pastTense } from "./concepts.js";
import { aboutAuthor, clauseOpensSentence, clauseSubject, discounted, insideQuotation } from "./context.js";
import { findAll, findGroups } from "./lexicon.js";
import { roadTold } from "./road.js";

export type { BragType } from "./brag-lexicon.js";

import {
  memo,
  memoized,
  type RuleContext,
  type Sentence,
  type Span,
  sentenceAt,
  type Token,
} from "./text.js";
import type { Lang } from "./types.js";
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

const FEATURES = memo<Features>();

export function features(ctx: RuleContext): Features {
  return memoized(ctx, FEATURES, computeFeatures);
}

/** A "you" that is thanked ("thank you", "thanks to you", "merci à vous", "merci à toi"). */
function thanked(lang: Lang, words: readonly Token[], i: number): boolean {
  const before = words[i - 1]?.word;
  if (lang === "en")
    return before === "thank" || (before === "to" && /^thanks?$/.test(words[i - 2]?.word ?? ""));
  return before === "à" && words[i - 2]?.word === "merci";
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
  words.forEach((t, i) => {
    if (t.cls & person.first) firstPerson++;
    else if (t.cls & person.plural) firstPersonPlural++;
    else if (t.cls & person.second) {
      // "ravi de vous annoncer" addresses the reader only to announce oneself; "thank you to the
      // judges", "thanks to you", "merci à vous" speak to whoever is thanked; a quoted "you" (my
      // boss said "you need to…", a title, code) is someone else's.
      if (!overlaps(t, congratulations) && !thanked(lang, words, i) && !insideQuotation(ctx, t.start))
        secondPersonSpans.push({ start: t.start, end: t.end });
    }
  });
  const brags: BragSpan[] = [];
  for (const { start, end, group } of findGroups(BRAGS[lang], ctx)) {
    const span = { start, end };
    // Hashtags are judged by their own rule.
    if (overlaps(span, congratulations) || overlaps(span, ctx.hashtags)) continue;
    if (aboutAuthor(ctx, span) && !discounted(ctx, span)) brags.push({ ...span, type: group as BragType });
  }
  const celebration: CelebrationSpan[] = [];
  for (const m of findGroups(CELEBRATION[lang], ctx)) {
    if (overlaps(m, congratulations) || overlaps(m, brags) || overlaps(m, ctx.hashtags)) continue;
    // "Ravie de répondre à vos questions": joy offered to the reader, not at one's own news.
    if (offersToReader(lang, ctx.lower, m.end)) continue;
    const sentence = sentenceAt(ctx, m.start);
    if (!sentence || sentence.question) continue;
    const strong = m.group === "strong";
    // A word of status is the author's when its clause has the author as subject ("I won the award
    // for Best Newcomer"), not in "so proud of my sister who won". Mild words ("first", "best") are
    // everyday words: only in the singular, and not where the road to them is told.
    const subject = clauseSubject(ctx, m.start);
    const self =
      subject === "singular" ||
      (subject === undefined && subjectDropped(lang, sentence) && clauseOpensSentence(ctx, m.start)) ||
      (strong && subject === "plural");
    if (!self || discounted(ctx, m) || (!strong && roadTold(ctx))) continue;
    celebration.push({ start: m.start, end: m.end, strong });
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

export function subjectDropped(lang: Lang, sentence: Sentence): boolean {
  return SUBJECT_DROP_OPENERS[lang].has(sentence.opener) || (lang === "en" && pastTense(sentence.opener));
}

/** Whether the sentence around a span speaks of the author in the first person singular ("my", "je"). */
export function aboutSelf(ctx: RuleContext, span: Span): boolean {
  return sentenceAt(ctx, span.start)?.firstSingular ?? false;
}
