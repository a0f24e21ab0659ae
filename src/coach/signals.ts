import {
  AFFECTION,
  CREDIT,
  conceptAt,
  deniesNothing,
  EMPHASIS,
  forReader,
  INTENSE,
  inGreeting,
  MINE,
  NEGATION,
  NEGATIVE,
  OTHERS,
  offersToReader,
  PRAISE,
  PUBLIC,
  pastTense,
  QUANTITY,
  TIME,
  valenceAt,
  WISH,
} from "./concepts.js";
import { CLAUSE_BREAK, isSubject, layout, lossOfAuthor, praisesOthers } from "./context.js";
import { subjectDropped } from "./features.js";
import { isDigitCode, memo, memoized, type RuleContext, sentenceAt, type Token } from "./text.js";
import type { Dimension, Lang } from "./types.js";
import { PERSON } from "./words.js";

/**
 * General signals: what the whole draft does, where no single phrase is to blame (how much of it is
 * about "I", whether it talks about other people, wishes or complains). They weigh in the score
 * next to the rules' findings and are listed with their points, so a user can see why.
 */
export interface Signal {
  id: string;
  dimension: Dimension;
  /** "self": more of it reads as more self-promotional; "reader": less. */
  direction: "self" | "reader";
  label: Record<Lang, string>;
  value(counts: SignalCounts): number;
}

/** Counted once per draft, in one walk over its words. */
export interface SignalCounts {
  words: number;
  firstSingular: number;
  /** "my", "mon": the author's things and people. */
  mine: number;
  /** "he", "they", "people": other people told about. */
  others: number;
  /** "you", "vous": the person spoken to. */
  addressee: number;
  wishes: number;
  negative: number;
  /** Counted only in sentences about the author ("I", "we", or the subject dropped). */
  selfCredit: number;
  selfTime: number;
  selfPraise: number;
  selfQuantity: number;
  selfNegation: number;
  selfIntense: number;
  selfPast: number;
  emphasis: number;
  publicAffairs: number;
  /** AFINN valence: positive words about the author, negative words anywhere (negation flips). */
  selfPositive: number;
  negativeValence: number;
  exclamations: number;
  /** "Thursday 11am PT", "Dec. 9th", "jeudi 18h": what an invitation to an event says. */
  eventDetails: number;
  links: number;
  /** People named by a mention: "@sam", "<@U024BE7LH>" (not "@here", nor a channel). */
  peopleNamed: number;
}

/** At most this many of a kind count: the fourth exclamation mark says nothing new. */
const MAX_COUNT = 3;
const capped = (n: number) => Math.min(n, MAX_COUNT);
const share = (n: number, words: number) => (words === 0 ? 0 : n / words);

/**
 * Share of the words about other people the draft tells of ("they", "people"), not counting the
 * person it speaks to: "you" is the reader, and a post to them passes nothing on.
 */
export function thirdPersonShare(c: Readonly<SignalCounts>): number {
  return share(c.others, c.words);
}

export const SIGNALS: readonly Signal[] = [
  {
    id: "self-focus",
    dimension: "audience",
    direction: "self",
    label: { en: "Words about yourself (I, me, my)", fr: "Mots sur vous-même (je, moi, mon)" },
    value: (c) => share(c.firstSingular, c.words),
  },
  {
    id: "my-things",
    dimension: "audience",
    direction: "self",
    label: { en: "Your things and people (my…)", fr: "Vos biens et vos proches (mon, ma…)" },
    value: (c) => share(c.mine, c.words),
  },
  {
    id: "others-focus",
    dimension: "authenticity",
    direction: "reader",
    label: { en: "Words about other people (you, they)", fr: "Mots sur d'autres personnes (vous, ils)" },
    // A mention is not among the words: it counts as one more, about someone else.
    value: (c) => share(c.others + c.addressee + c.peopleNamed, c.words + c.peopleNamed),
  },
  {
    id: "public-affairs",
    dimension: "audience",
    direction: "reader",
    label: { en: "About public affairs", fr: "Sur la vie publique" },
    value: (c) => capped(c.publicAffairs),
  },
  {
    id: "wishes",
    dimension: "authenticity",
    direction: "reader",
    label: { en: "Wishes and open questions", fr: "Des souhaits et des questions ouvertes" },
    value: (c) => capped(c.wishes),
  },
  {
    id: "negative-feeling",
    dimension: "vulnerability",
    direction: "reader",
    label: { en: "A frustration or a sorrow", fr: "Une frustration ou une peine" },
    value: (c) => capped(c.negative),
  },
  {
    id: "self-negation",
    dimension: "authenticity",
    direction: "reader",
    label: { en: "Something you did not do or have", fr: "Ce que vous n'avez pas fait ou pas eu" },
    value: (c) => capped(c.selfNegation),
  },
  {
    id: "self-positive",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Positive words about your own news", fr: "Des mots positifs sur vos nouvelles" },
    value: (c) => Math.min(c.selfPositive / 3, MAX_COUNT),
  },
  {
    id: "negative-words",
    dimension: "vulnerability",
    direction: "reader",
    label: { en: "Negative words", fr: "Des mots négatifs" },
    value: (c) => Math.min(c.negativeValence / 3, MAX_COUNT),
  },
  {
    id: "self-credit",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Things you did or got", fr: "Ce que vous avez fait ou obtenu" },
    value: (c) => capped(c.selfCredit),
  },
  {
    id: "self-praise",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Praise about your own news", fr: "Des éloges sur vos propres nouvelles" },
    value: (c) => capped(c.selfPraise),
  },
  {
    id: "self-time",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Time and effort markers about yourself", fr: "Des repères de temps et d'effort sur vous" },
    value: (c) => capped(c.selfTime),
  },
  {
    id: "self-numbers",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Numbers about yourself", fr: "Des chiffres sur vous" },
    value: (c) => capped(c.selfQuantity),
  },
  {
    id: "self-intensity",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Intensifiers about yourself (so, really)", fr: "Des intensifs sur vous (tellement, trop)" },
    value: (c) => capped(c.selfIntense),
  },
  {
    id: "self-past",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Things you did, told in the past", fr: "Ce que vous avez fait, au passé" },
    value: (c) => capped(c.selfPast),
  },
  {
    id: "emphasis",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Emphasis on yourself (myself, my own)", fr: "De l'insistance sur vous (moi-même)" },
    value: (c) => capped(c.emphasis),
  },
  {
    id: "exclamations",
    dimension: "authenticity",
    direction: "self",
    label: { en: "Exclamation marks", fr: "Des points d'exclamation" },
    value: (c) => capped(c.exclamations),
  },
  {
    id: "event-details",
    dimension: "audience",
    direction: "self",
    label: { en: "Dates and times of an event", fr: "Les dates et heures d'un événement" },
    value: (c) => capped(c.eventDetails),
  },
  {
    id: "link-teaser",
    dimension: "audience",
    direction: "self",
    label: {
      en: "A short post that mostly points to a link",
      fr: "Un post court qui renvoie surtout à un lien",
    },
    value: (c) => (c.links > 0 && c.words < 30 ? 1 : 0),
  },
];

const EXCLAMATIONS_RE = /!+/g;
// The time of an event ("11am", "2 p.m.") and its date ("Dec. 9th", "le 12 mars").
const EVENT_TIME_RE = /\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)\b/gi;
const EVENT_DATE_RE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/gi;
// A date sets an event only beside what makes one, in its sentence or the one before: "back on June
// 3" in a leave notice or "blocked until Oct 3" in an update invites no one.
const EVENT_CUE_RE =
  /(?<![\p{L}\p{N}])(?:webinars?|webinaires?|talks?|sessions?|meetups?|meet-ups?|conferences?|conférences?|workshops?|ateliers?|events?|événements?|évènements?|summits?|panels?|keynotes?|masterclass|livestream|live stream|en direct|register|registration|rsvp|tickets?|billets?|join (?:us|me)|rejoignez|inscri\p{L}*|rendez-vous|see you|à bientôt|salons?|stand|booth|table ronde|launch(?:ing)?|lancement|lance|ama|soirée|party|fête|celebrate|célébrer|doors open|save the date|hackathon|bootcamp|formation)(?![\p{L}\p{N}])/u;
// A time zone after a time: "11am PT", "14h CET", "noon ET". Capitals: "et" is French for "and".
// Alone ("the CSV dates are in UTC") or after a bare number ("3 PT sessions a week") it sets no event.
// Most drafts name no time zone: a cheap scan for one before the full pattern.
const ANY_TIME_ZONE_RE = /(?:PT|ET|CET|GMT|EST|PST|BST|CEST|UTC)\b/;
const TIME_ZONE_RE =
  /(?:\d\s?(?:[aApP]\.?[mM]\.?|h\d{0,2})|\d:\d{2}|\b(?:noon|midnight|midi|minuit))\s?(?:PT|ET|CET|GMT|EST|PST|BST|CEST|UTC)\b/g;
const startsWithDigit = (word: string) => isDigitCode(word.charCodeAt(0));
// Every time and date EVENT_TIME_RE and EVENT_DATE_RE know has a digit; most drafts have none.
const ANY_DIGIT_RE = /\d/;
// What the author did, told in the past: English regular past tense ("fixed"); French passé composé,
// a participle right after an auxiliary ("j'ai terminé", "je suis allée").
const FR_PARTICIPLE_RE = /^[a-zà-ÿ]{2,}(?:é|ée|és|ées|i|ie|is|u|ue|us|it|ert|erte)$/;
const FR_AUXILIARY = new Set([
  "ai",
  "j'ai",
  "as",
  "a",
  "avons",
  "avez",
  "ont",
  "suis",
  "es",
  "est",
  "sommes",
  "êtes",
  "sont",
  "été",
  "enfin",
  "déjà",
  "bien",
  "finalement",
]);

function isPast(lang: Lang, words: readonly Token[], i: number, from: number): boolean {
  const word = words[i]!.word;
  if (lang === "en") return pastTense(word);
  // "Été" is "been" (or "summer"), as English "been" is no past tense: "on a été quinze à partir"
  // did nothing; in "j'ai été promu" the participle after it tells what was done.
  if (word === "été" || !FR_PARTICIPLE_RE.test(word)) return false;
  for (let j = i - 1; j >= Math.max(from, i - 2); j--) if (FR_AUXILIARY.has(words[j]!.word)) return true;
  return false;
}

function eventTimesAndDates(ctx: RuleContext): number {
  let n = ctx.text.match(EVENT_TIME_RE)?.length ?? 0;
  EVENT_DATE_RE.lastIndex = 0;
  for (let m = EVENT_DATE_RE.exec(ctx.text); m !== null; m = EVENT_DATE_RE.exec(ctx.text)) {
    const sentence = sentenceAt(ctx, m.index);
    const i = sentence ? ctx.sentences.indexOf(sentence) : -1;
    const from = ctx.sentences[Math.max(0, i - 1)]?.start ?? 0;
    const to = sentence?.end ?? ctx.text.length;
    if (EVENT_CUE_RE.test(ctx.lower.slice(from, to))) n++;
  }
  return n;
}

const COUNTS = memo<Readonly<SignalCounts>>();

/** Every signal's ingredients, counted in one walk over the draft's sentences and words. */
export function signalCounts(ctx: RuleContext): Readonly<SignalCounts> {
  return memoized(ctx, COUNTS, countSignals);
}

function countSignals(ctx: RuleContext): SignalCounts {
  const { first, second } = PERSON[ctx.lang];
  const c: SignalCounts = {
    words: ctx.words.length,
    firstSingular: 0,
    mine: 0,
    others: 0,
    addressee: 0,
    wishes: 0,
    negative: 0,
    selfCredit: 0,
    selfTime: 0,
    selfPraise: 0,
    selfQuantity: 0,
    selfNegation: 0,
    selfIntense: 0,
    selfPast: 0,
    emphasis: 0,
    publicAffairs: 0,
    selfPositive: 0,
    negativeValence: 0,
    exclamations: ctx.text.includes("!") ? (ctx.text.match(EXCLAMATIONS_RE)?.length ?? 0) : 0,
    eventDetails:
      (ANY_DIGIT_RE.test(ctx.text) ? eventTimesAndDates(ctx) : 0) +
      (ANY_TIME_ZONE_RE.test(ctx.text) ? (ctx.text.match(TIME_ZONE_RE)?.length ?? 0) : 0),
    links: ctx.urls.length,
    peopleNamed: capped(peopleNamed(ctx)),
  };
  let w = 0;
  const words = ctx.words;
  const { clauses, clauseOf, quoted } = layout(ctx);
  // A loss told ("I was laid off", "diagnosed with") is no win: what the author did, got or is
  // grateful for there sells nothing, as in a failure told.
  const loss = lossOfAuthor(ctx);
  for (const s of ctx.sentences) {
    while (w < words.length && words[w]!.start < s.start) w++;
    const from = w;
    let end = w;
    while (end < words.length && words[end]!.start < s.end) end++;
    // Questions and wishes still count: real brags ask ("Anyone been to Boston? Trying to plan a
    // trip!") and hope as often as they state, so excluding them made the score worse.
    const sentenceAboutSelf = s.firstSingular || s.firstPlural || subjectDropped(ctx.lang, s);
    let aboutSelf = sentenceAboutSelf;
    let clause = -1;
    let negatedUntil = -1;
    let theirsUntilSubject = false;
    for (; w < end; w++) {
      // A clause with its own subject is about the author or about someone else ("she found the
      // bug"); a clause without one goes on with the subject before it ("…, and wrote a postmortem").
      if (clauseOf[w] !== clause) {
        clause = clauseOf[w]!;
        const { subject, other, someoneElses } = clauses[clause]!;
        // "My manager got promoted and I'm so proud": her news until the author speaks.
        theirsUntilSubject = someoneElses;
        if (someoneElses) aboutSelf = false;
        else if (subject) aboutSelf = true;
        else if (other && !s.firstSingular) aboutSelf = false;
      }
      // Someone else's words, quoted, say nothing about the author.
      if (quoted[w]) continue;
      const t = words[w]!;
      if (theirsUntilSubject && isSubject(ctx.lang, t)) {
        theirsUntilSubject = false;
        aboutSelf = true;
      }
      if (negatedUntil >= w && w > from && CLAUSE_BREAK.test(ctx.text.slice(words[w - 1]!.end, t.start)))
        negatedUntil = -1;
      if (t.cls & first) c.firstSingular++;
      if (t.cls & second) c.addressee++;
      const k = conceptAt(ctx.lang, words, w);
      let v = valenceAt(ctx.lang, words, w);
      // Warm words of a greeting ("happy birthday") are asked about once, for valence and praise.
      const greeting = (v > 0 || (k & PRAISE) !== 0) && inGreeting(ctx.lang, words, w);
      if (v !== 0) {
        // "not happy", "pas content": a negation within three words before turns the feeling over.
        if (w <= negatedUntil) v = -v;
        if (v < 0) c.negativeValence -= v;
        else if (
          aboutSelf &&
          !loss &&
          !greeting &&
          !aimedAtOthers(k, words, w) &&
          !forReader(ctx.lang, words, w) &&
          !offersToReader(ctx.lang, ctx.lower, t.end) &&
          !praisesOthers(ctx, t.end)
        )
          c.selfPositive += v;
      }
      const comparative =
        (k & NEGATION) !== 0 && (comparativeFollows(words, w, end) || deniesNothing(ctx.lang, words, w));
      // "Je ne pourrais pas être plus enthousiaste" and "pas peu fière" say more, not less: they
      // close any negation.
      if (k & NEGATION) negatedUntil = comparative ? -1 : w + 3;
      if (aboutSelf && !loss && isPast(ctx.lang, words, w, from)) c.selfPast++;
      if (k === 0 && !(aboutSelf && startsWithDigit(t.word))) continue;
      if (k & OTHERS) c.others++;
      if (k & WISH) c.wishes++;
      if (k & NEGATIVE) c.negative++;
      if (k & EMPHASIS) c.emphasis++;
      if (k & MINE) c.mine++;
      if (k & PUBLIC && !ownNews(words, w)) c.publicAffairs++;
      if (!aboutSelf) continue;
      if (k & NEGATION && !comparative) c.selfNegation++;
      // A failure or a lesson told in the clause makes its "first" and "finished" a story, not a win.
      if (w <= negatedUntil || loss || clauses[clauseOf[w]!]!.story) continue;
      if (k & INTENSE) c.selfIntense++;
      if (k & CREDIT) c.selfCredit++;
      if (k & TIME) c.selfTime++;
      if (k & PRAISE && !greeting && !praisesOthers(ctx, t.end)) c.selfPraise++;
      if (k & QUANTITY || startsWithDigit(t.word)) c.selfQuantity++;
    }
  }
  return c;
}

// "Some personal news", "une actualité personnelle": the author's own, not the world's. "Big news
// for the climate" and "sad news: the earthquake" stay public affairs.
const OWN_NEWS_BEFORE = new Set(["personal", "my", "our", "career"]);
const OWN_NEWS_AFTER = new Set(["personnelle", "perso", "pro"]);

function ownNews(words: readonly Token[], w: number): boolean {
  const word = words[w]!.word;
  if (word === "news") return OWN_NEWS_BEFORE.has(words[w - 1]?.word ?? "");
  return word === "actualité" && OWN_NEWS_AFTER.has(words[w + 1]?.word ?? "");
}

/**
 * Love and thanks go to someone else ("I love you"), as greetings do; "thanks to my hard work" is
 * a cause, and counts.
 */
function aimedAtOthers(k: number, words: readonly Token[], w: number): boolean {
  return (k & AFFECTION) !== 0 && !(words[w]!.word === "thanks" && words[w + 1]?.word === "to");
}

// "couldn't be more", "could not be happier", "never been happier", "pas être plus", "jamais été
// aussi": a negation that intensifies ("I'm not better than anyone" stays a negation).
const BE = new Set(["be", "been", "être", "été"]);
const MORE = new Set(["more", "happier", "prouder", "plus", "aussi"]);

function comparativeFollows(words: readonly Token[], w: number, end: number): boolean {
  for (let j = w + 1; j <= w + 2 && j + 1 < end; j++)
    // "jamais été aussi peu fier" says less.
    if (BE.has(words[j]!.word) && MORE.has(words[j + 1]!.word) && words[j + 2]?.word !== "peu") return true;
  return false;
}

// "<@U024BE7LH>", "<@W…>" (Slack) or "@sam": a person. "<!here>", "<#C…|general>", "@channel": not.
const PERSON_MENTION_RE = /^(?:<@[UW]|@(?!(?:here|channel|everyone)\b))/i;

function peopleNamed(ctx: RuleContext): number {
  let n = 0;
  for (const m of ctx.mentions) if (PERSON_MENTION_RE.test(textAt(ctx, m))) n++;
  return n;
}

function textAt(ctx: RuleContext, span: { start: number; end: number }): string {
  return ctx.text.slice(span.start, span.end);
}
