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
const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’-]*[\p{L}\p{N}\p{M}])?'?/gu;
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

function insideAny(pos: number, spans: Span[]): boolean {
  for (const s of spans) if (pos >= s.start && pos < s.end) return true;
  return false;
}

export function tokenize(lower: string, skip: Span[]): Token[] {
  const words: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m !== null; m = WORD_RE.exec(lower)) {
    if (skip.length > 0 && insideAny(m.index, skip)) continue;
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
  const urls = collect(URL_RE, text);
  const hashtags = collect(HASHTAG_RE, text);
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

/** Finds every match of a global regex in the lower-cased text. */
export function matchAll(re: RegExp, lower: string): Span[] {
  return collect(re, lower);
}

/**
 * Builds a case-less, word-bounded alternation from lexicon entries (regex fragments, lower case).
 * Longer entries first so that "proud to announce" wins over "proud".
 */
export function lexicon(entries: readonly string[]): RegExp {
  const sorted = [...entries].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

export function sentenceAt(ctx: RuleContext, pos: number): Sentence | undefined {
  for (const s of ctx.sentences) if (pos >= s.start && pos < s.end) return s;
  return undefined;
}
