import { detectLanguage } from "./language.js";
import type { Lang, Platform } from "./types.js";

/** Longer drafts are analysed up to this many characters (a long article, not a post). */
export const MAX_ANALYZED_CHARS = 20_000;

export interface Token {
  /** Lower-cased, curly apostrophes straightened. */
  word: string;
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  question: boolean;
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
  sentences: Sentence[];
}

const URL_RE = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/gi;
const HASHTAG_RE = /(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
// Words of English and French (Latin letters, digits, inner apostrophes and hyphens), on lower-cased
// text. Other scripts carry no signal for these rules and are skipped, which keeps tokenizing fast.
const WORD_RE = /[a-z0-9\u00c0-\u024f](?:[a-z0-9\u00c0-\u024f'-]*[a-z0-9\u00c0-\u024f])?'?/g;
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

function startsInside(pos: number, spans: readonly Span[]): boolean {
  for (const s of spans) if (pos >= s.start && pos < s.end) return true;
  return false;
}

export function insideAny(span: Span, spans: readonly Span[]): boolean {
  return startsInside(span.start, spans);
}

export function tokenize(lower: string, skip: Span[]): Token[] {
  const words: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m !== null; m = WORD_RE.exec(lower)) {
    if (skip.length > 0 && startsInside(m.index, skip)) continue;
    words.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return words;
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(text); m !== null; m = SENTENCE_END_RE.exec(text)) {
    const end = m.index + m[0].length;
    pushSentence(text, start, end, m[0].includes("?"), sentences);
    start = end;
  }
  pushSentence(text, start, text.length, false, sentences);
  return sentences;
}

function pushSentence(text: string, start: number, end: number, question: boolean, out: Sentence[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e, question });
}

/** Builds the context once per draft; the language is detected from its words unless given. */
export function buildContext(text: string, platform: Platform, lang?: Lang): RuleContext {
  const lower = lowerSameLength(text);
  // Cheap guards: most drafts have no link and no hashtag, and these scans need Unicode classes.
  const urls = text.includes("http") || text.includes("www.") ? collect(URL_RE, text) : [];
  const hashtags = text.includes("#") ? collect(HASHTAG_RE, text) : [];
  const skip = urls.length + hashtags.length > 0 ? [...urls, ...hashtags] : [];
  const words = tokenize(lower, skip);
  return {
    text,
    lower,
    lang: lang ?? detectLanguage(words),
    platform,
    words,
    hashtags,
    urls,
    sentences: splitSentences(text),
  };
}

/** Finds every match of a lexicon (see `lexicon`) in the lower-cased text. */
export function matchAll(re: RegExp, lower: string): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    const end = m.index + m[0].length;
    spans.push({ start: end - m[1]!.length, end });
  }
  return spans;
}

// Letters and digits of English and French text, for word boundaries. An explicit Latin class without
// the `u` flag, and a consumed boundary character rather than a lookbehind, let V8 scan lexicons
// about four times faster than \p{L} lookarounds. The entry itself is capture group 1.
const WORD_CHAR = "a-z0-9\\u00c0-\\u024f";
const BEFORE_WORD = `(?:^|[^${WORD_CHAR}])`;

/**
 * Builds a word-bounded alternation from lexicon entries (regex fragments, lower case), matched
 * against the lower-cased text. Longer entries first so that "proud to announce" wins over "proud".
 */
export function lexicon(entries: readonly string[]): RegExp {
  return new RegExp(`${BEFORE_WORD}(${alternation(entries)})(?![${WORD_CHAR}])`, "g");
}

/** One pass for several lexicons: each match reports which group (lexicon name) matched it. */
export function groupedLexicon(groups: Record<string, readonly string[]>): RegExp {
  const parts = Object.entries(groups).map(([name, entries]) => `(?<${name}>${alternation(entries)})`);
  return new RegExp(`${BEFORE_WORD}(${parts.join("|")})(?![${WORD_CHAR}])`, "g");
}

export function matchGroups(re: RegExp, lower: string): (Span & { group: string })[] {
  const out: (Span & { group: string })[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    const end = m.index + m[0].length;
    const groups = m.groups!;
    let group = "";
    for (const name in groups) {
      if (groups[name] !== undefined) {
        group = name;
        break;
      }
    }
    out.push({ start: end - m[1]!.length, end, group });
  }
  return out;
}

export function alternation(entries: readonly string[]): string {
  return [...entries].sort((a, b) => b.length - a.length).join("|");
}

export function sentenceAt(ctx: RuleContext, pos: number): Sentence | undefined {
  for (const s of ctx.sentences) if (pos >= s.start && pos < s.end) return s;
  return undefined;
}
