import { detectLanguage, languageVotes } from "./language.js";
import type { Lang, Platform } from "./types.js";
import { FIRST_EN, factsAt, hashStep, PERSON, type WordFacts } from "./words.js";

/** Longer drafts are analysed up to this many characters (a long article, not a post). */
export const MAX_ANALYZED_CHARS = 20_000;

export interface Token {
  /** Lower-cased, curly apostrophes straightened. */
  word: string;
  start: number;
  end: number;
  /** Word-class flags (see words.ts). */
  cls: number;
  /** Everything else known of the word (see words.ts). */
  facts: WordFacts;
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  question: boolean;
  /** Whether the sentence speaks in the first person singular ("I", "je") or plural ("we"). */
  firstSingular: boolean;
  firstPlural: boolean;
  /** Its first word, lower-cased, after an intensifier ("so", "très") if any; "" when it has none. */
  opener: string;
}

/**
 * Everything rules need, computed once per draft. Rules are pure functions of this context.
 * `lower` has the same length as `text`, so offsets found in one are valid in the other.
 */
export interface RuleContext {
  text: string;
  lower: string;
  lang: Lang;
  platform: Platform;
  words: Token[];
  hashtags: Span[];
  urls: Span[];
  /** @mentions (Slack's <@U…> too): someone addressed or named, not words of the post. */
  mentions: Span[];
  /** Emoji written as shortcodes (:tada:), as Slack and exported posts write them. */
  emojiCodes: Span[];
  sentences: Sentence[];
  /** What is computed once per draft from the rest (see `memoized`), by slot. */
  memos: unknown[];
}

/** A kind of value computed at most once per draft: its slot in the context's `memos`. */
export interface Memo<T> {
  readonly slot: number;
  /** Never set: ties the slot to its value's type. */
  readonly value?: T;
}

let memoSlots = 0;

export function memo<T>(): Memo<T> {
  return { slot: memoSlots++ };
}

/**
 * The value of a kind for this draft, computed on first use (clauses, lexicon matches, features,
 * shared by several rules). Kept with the context rather than in a WeakMap per kind: a hash
 * lookup per read and, per draft, a write barrier and garbage-collector work per map.
 */
export function memoized<T>(ctx: RuleContext, kind: Memo<T>, compute: (ctx: RuleContext) => T): T {
  const kept = ctx.memos[kind.slot];
  if (kept !== undefined) return kept as T;
  const value = compute(ctx);
  ctx.memos[kind.slot] = value;
  return value;
}

// "HTTPURL" is how anonymised corpora write a link.
const URL_RE = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+|\bHTTPURL\b/gi;
// Slack's <@U…>, <#C…|general>, <!here>, <!subteam^S…|@eng>, <!date^…|Feb 18, 2014>, or an @handle;
// not "<!-- a comment -->" nor "<# of users>": Slack's ids and keywords start with a letter.
const MENTION_RE = /<[@#!][A-Za-z][^<>\n]*>|(?<![\p{L}\p{N}_@.])@[\p{L}\p{N}_][\p{L}\p{N}_.-]*/gu;
const EMOJI_CODE_RE = /:(?:[+-]1|[a-z][a-z0-9_+-]*)(?:::skin-tone-\d)?:/g;
const HASHTAG_RE = /(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/uy;
const SENTENCE_END_RE = /[.!?…]+|\n+/g;

/** Lower-case without changing the string length (a few characters, such as "İ", grow when lowered). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  const fast = lower.length === text.length ? lower : slowLower(text);
  return fast.includes("’") ? fast.replaceAll("’", "'") : fast;
}

function slowLower(text: string): string {
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function collect(re: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/**
 * The matches of a global regex, as `text.matchAll(re)` finds them, without the copy of the regex
 * that matchAll makes on every call (a regex compiled anew, a few hundred ns each time).
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    // An empty match moves on by one character (a whole code point in Unicode mode), as matchAll does.
    if (m[0] === "") re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  return found;
}

/**
 * What `collect` finds, for a sticky pattern whose every match starts with the character `first`:
 * tried only where that character is, rather than at every position of the text (a Unicode
 * lookbehind tested at each position cost more than the whole tokenizer).
 */
export function collectFrom(sticky: RegExp, text: string, first: string): Span[] {
  const spans: Span[] = [];
  for (let i = text.indexOf(first); i !== -1; ) {
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (m === null) {
      i = text.indexOf(first, i + 1);
      continue;
    }
    const end = i + m[0].length;
    spans.push({ start: i, end });
    i = text.indexOf(first, end);
  }
  return spans;
}

export function startsInside(pos: number, spans: readonly Span[]): boolean {
  for (const s of spans) if (pos >= s.start && pos < s.end) return true;
  return false;
}

export function insideAny(span: Span, spans: readonly Span[]): boolean {
  return startsInside(span.start, spans);
}

/** A letter of English or French (Latin, accents included) or a digit, on lower-cased text. */
export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || isDigitCode(code) || (code >= 0xc0 && code <= 0x24f);
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

const APOSTROPHE = 39;
const HYPHEN = 45;
/** Words before "mine" that make it a pit ("a gold mine"), not the author's (concepts.ts reads the cls). */
const PIT_BEFORE: ReadonlySet<string> = new Set(["a", "the", "gold", "coal", "diamond", "salt", "land"]);
const DOT = 46;

/**
 * Whether a dot and one more letter alone follow a letter at `end - 1`, as in an initialism ("u.s",
 * "i.e"; not "3.5", nor "b.next" where a sentence lacks its space).
 */
function isInitialism(lower: string, end: number): boolean {
  const next = lower.charCodeAt(end + 1);
  return (
    !isDigitCode(lower.charCodeAt(end - 1)) &&
    lower.charCodeAt(end) === DOT &&
    isWordCode(next) &&
    !isDigitCode(next) &&
    !isWordCode(lower.charCodeAt(end + 2)) &&
    lower.charCodeAt(end + 2) !== APOSTROPHE
  );
}

/**
 * The words of English and French in lower-cased text: letters and digits, with inner apostrophes
 * and hyphens ("aujourd'hui", "top-rated") and a trailing apostrophe ("students'"). Other scripts
 * carry no signal for these rules and are skipped. Read by character code: a regex match per word
 * cost twice as much.
 */
export function tokenize(lower: string, skip: Span[]): Token[] {
  const words: Token[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const first = lower.charCodeAt(i);
    if (!isWordCode(first)) {
      i++;
      continue;
    }
    const start = i;
    // The word runs over letters, apostrophes and hyphens, and ends on its last letter; its hash
    // is taken as it is read (factsAt).
    let last = i;
    let hash = hashStep(0, first);
    let hashToLast = hash;
    for (i++; i < n; i++) {
      const code = lower.charCodeAt(i);
      if (isWordCode(code)) last = i;
      else if (code !== APOSTROPHE && code !== HYPHEN) break;
      hash = hashStep(hash, code);
      if (last === i) hashToLast = hash;
    }
    let end = last + 1;
    // An initialism ("U.S.", "i.e.", "A.I.") is one word, "u.s": not "u" (you) nor "i" (I).
    if (end - start === 1 && isInitialism(lower, end)) {
      while (isInitialism(lower, end)) {
        hashToLast = hashStep(hashStep(hashToLast, DOT), lower.charCodeAt(end + 1));
        end += 2;
      }
    } else if (lower.charCodeAt(end) === APOSTROPHE) {
      end++;
      hashToLast = hashStep(hashToLast, APOSTROPHE);
    }
    i = end;
    if (skip.length > 0 && startsInside(start, skip)) continue;
    const facts = factsAt(lower, start, end, hashToLast);
    // "A gold mine", "the mine": a pit, not the author's.
    const pit =
      (facts.cls & FIRST_EN) !== 0 && facts.word === "mine" && PIT_BEFORE.has(words.at(-1)?.word ?? "");
    words.push({ word: facts.word, start, end, cls: pit ? facts.cls & ~FIRST_EN : facts.cls, facts });
  }
  return words;
}

/**
 * Sentences, split at . ! ? … and line breaks. A mark inside a link or a mention ("example.com",
 * "faq?id=3"), a dot between digits or letters ("v2.3.1", "3.5", "e.g"), after an initial
 * ("M. Dupont", "U.S.") or after a common abbreviation ("Dr.", "p. ex.") ends nothing: a question
 * must quote a whole phrase, not "…that Dr".
 */
export function splitSentences(
  text: string,
  unsplittable: readonly Span[] = [],
  max = Number.POSITIVE_INFINITY,
): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(text); m !== null; m = SENTENCE_END_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (
      m[0] === "." ? !dotEndsSentence(text, m.index, unsplittable) : markJoins(text, m[0], end, unsplittable)
    )
      continue;
    pushSentence(text, start, end, m[0].includes("?"), sentences);
    start = end;
    if (sentences.length >= max) return sentences;
  }
  pushSentence(text, start, text.length, false, sentences);
  return sentences;
}

/**
 * A "?" or "!" that ends no sentence: inside a link or a mention ("<!date^…|Feb 18, 2014>"), or
 * followed at once by a letter, a digit or "=", as in a link written without "https://"
 * ("example.com/faq?id=3"). Line breaks always end one.
 */
function markJoins(text: string, mark: string, end: number, spans: readonly Span[]): boolean {
  if (mark.charCodeAt(0) === 10) return false;
  const next = text.charAt(end);
  return next === "=" || LETTER_OR_DIGIT_RE.test(next) || (spans.length > 0 && startsInside(end, spans));
}

// Lower-cased, without their dot: titles and Latin or French abbreviations that rarely end a sentence.
const ABBREVIATIONS = new Set(
  "dr mr mrs ms prof st vs jr sr e.g i.e eg ie approx dept fig mme mlle cf env réf p".split(" "),
);

// Abbreviations that also end sentences ("…, etc.", "Acme Inc."): they join a lower-case word only.
const ENDING_ABBREVIATIONS = new Set("inc ltd co corp llc etc cie".split(" "));

const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;
const INITIALS_RE = /^(?:\p{Lu}\.)*\p{Lu}$/u;
// "Ph.D", "a.m", "p.m": short dotted abbreviations, which a sentence may also end with.
const DOTTED_RE = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const LOWER_AFTER_DOT_RE = /^\s+\p{Ll}/u;

/** Whether the dot at `dot` ends a sentence (see splitSentences); never inside `unsplittable`. */
export function dotEndsSentence(text: string, dot: number, unsplittable: readonly Span[] = []): boolean {
  // "3.5", "v2.3.1", "example.com", "e.g": a dot followed by a letter or digit joins, not ends.
  if (LETTER_OR_DIGIT_RE.test(text.charAt(dot + 1))) return false;
  // A link ending on a dot ("…see https://x.io.") still ends its sentence there.
  if (unsplittable.length > 0 && startsInside(dot + 1, unsplittable)) return false;
  let from = dot;
  while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from--;
  // No abbreviation or run of initials below is longer than "(approx": most words end here.
  if (dot - from > 7) return true;
  const before = text.slice(from, dot);
  // An initial: "M. Dupont", "J. Smith", "U.S. summit" ("U.S" without its last dot).
  if (INITIALS_RE.test(before)) return false;
  const word = before.toLowerCase().replace(/^[("«“]+/, "");
  // "p. ex." (par exemple); "ex." alone is often "my ex." ending a sentence.
  if (word === "ex" && /\bp\.\s+$/i.test(text.slice(Math.max(0, from - 4), from))) return false;
  if (ABBREVIATIONS.has(word)) return false;
  if (ENDING_ABBREVIATIONS.has(word) || (word.includes(".") && DOTTED_RE.test(word)))
    return !LOWER_AFTER_DOT_RE.test(text.slice(dot + 1, dot + 4));
  return true;
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x202f ||
    code === 0x2028 ||
    code === 0x3000
  );
}

function pushSentence(text: string, start: number, end: number, question: boolean, out: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  // The person flags and opener are filled in by describeSentences once the words are known.
  if (e > s) out.push({ start: s, end: e, question, firstSingular: false, firstPlural: false, opener: "" });
}

interface Scanned {
  urls: Span[];
  hashtags: Span[];
  mentions: Span[];
  emojiCodes: Span[];
  words: Token[];
}

/** Links, hashtags, mentions, emoji shortcodes, and the words outside them. */
function scanWords(text: string, lower: string): Scanned {
  // Cheap guards: most drafts have none of these, and their scans need Unicode classes.
  const urls = lower.includes("http") || text.includes("www.") ? collect(URL_RE, text) : [];
  const hashtags = collectFrom(HASHTAG_RE, text, "#");
  const mentions = text.includes("@") || text.includes("<") ? collect(MENTION_RE, text) : [];
  const emojiCodes = text.includes(":") ? collect(EMOJI_CODE_RE, lower) : [];
  const n = urls.length + hashtags.length + mentions.length + emojiCodes.length;
  const skip = n > 0 ? [...urls, ...hashtags, ...mentions, ...emojiCodes] : [];
  return { urls, hashtags, mentions, emojiCodes, words: tokenize(lower, skip) };
}

/** The language of a text (a thread reply, a draft handed back), read from its words as the coach does. */
export function languageOf(text: string): Lang {
  return detectLanguage(scanWords(text, lowerSameLength(text)).words);
}

/**
 * Whether a short text (an LLM's question) is clearly written in the other language than `lang`.
 * A tie is not: "Pourquoi ?" or "Why?" have no function word to tell.
 */
export function readsAsOtherLanguage(text: string, lang: Lang): boolean {
  const { en, fr } = languageVotes(scanWords(text, lowerSameLength(text)).words);
  return lang === "fr" ? en > fr : fr > en;
}

export function buildContext(text: string, platform: Platform, lang?: Lang): RuleContext {
  const lower = lowerSameLength(text);
  const { urls, hashtags, mentions, emojiCodes, words } = scanWords(text, lower);
  const detected = lang ?? detectLanguage(words);
  return {
    text,
    lower,
    lang: detected,
    platform,
    words,
    hashtags,
    urls,
    mentions,
    emojiCodes,
    sentences: describeSentences(
      splitSentences(text, urls.length + mentions.length > 0 ? [...urls, ...mentions] : []),
      words,
      detected,
    ),
    memos: [],
  };
}

// "So proud to…", "Très honorée de…": the word after an intensifier says how the sentence opens.
const INTENSIFIERS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(["so", "very", "really", "super", "truly", "incredibly", "extremely", "beyond"]),
  fr: new Set(["très", "tellement", "si", "trop", "vraiment", "super", "hyper", "extrêmement"]),
};

/** Fills in what each sentence says about its speaker, in one walk over sentences and tokens. */
function describeSentences(sentences: Sentence[], words: readonly Token[], lang: Lang): Sentence[] {
  const { first, plural } = PERSON[lang];
  let w = 0;
  for (const s of sentences) {
    while (w < words.length && words[w]!.start < s.start) w++;
    if (w < words.length && words[w]!.start < s.end) {
      const next = words[w + 1];
      const skip = INTENSIFIERS[lang].has(words[w]!.word) && next !== undefined && next.start < s.end;
      s.opener = (skip ? next : words[w]!).word;
    }
    for (; w < words.length && words[w]!.start < s.end; w++) {
      const cls = words[w]!.cls;
      if (cls & first) s.firstSingular = true;
      else if (cls & plural) s.firstPlural = true;
    }
  }
  return sentences;
}

/** The sentence that contains a position (binary search: sentences are in order). */
export function sentenceAt(ctx: RuleContext, pos: number): Sentence | undefined {
  const list = ctx.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
