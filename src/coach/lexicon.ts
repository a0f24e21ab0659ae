import { isDigitCode, isWordCode, memo, memoized, type RuleContext, type Span, type Token } from "./text.js";
import type { Lang } from "./types.js";

/**
 * A lexicon is a list of regex fragments matched, word-bounded, against the lower-cased draft.
 *
 * Scanning large alternations at every word boundary dominated the coach's time, so the entries of
 * every lexicon of a language are indexed together by the first letters of their first word (up to
 * three). One pass over a draft's tokens looks each prefix up and runs only the few entries that can
 * start there, with sticky regexes. Entries whose start cannot be listed (a leading digit class,
 * "#") are scanned whole, only when their lexicon is asked for.
 */
export interface Lexicon {
  lang: Lang;
  /** The entries the index cannot hold, scanned whole; set when its language is indexed. */
  fallback: RegExp | null;
}

interface IndexEntry {
  lex: Lexicon;
  /** Compiled on the entry's first run: a draft runs a few dozen of a language's ~500. */
  re?: RegExp;
  /** The entries behind this key, by group. */
  bucket: Map<string, string[]>;
  /**
   * Where the entries behind this key can start, finer than the key, so that most tokens of a
   * draft ("the", "i", "my") skip the regex without running it. Listed on the key's first use,
   * not at start (the CLI coaching one draft needs a few keys).
   */
  starts?: Starts;
}

interface Starts {
  /**
   * The entries that start with a word, a space and a listable second word: those pairs, as the
   * second word's keys by first word ("the" → {"bes"}), so that no pair string is built per token.
   */
  pairs: Map<string, Set<string>>;
  /** The others: the letters each must start with ("therap" for "therap(?:y|ist)"). */
  stems: string[];
}

const INDEX: Record<Lang, Map<string, IndexEntry[]>> = { en: new Map(), fr: new Map() };

/**
 * Lexicons made but not indexed yet. A language's lexicons are indexed when its first draft is
 * read, not when the modules load: `postcheck` coaching one English draft never pays for French,
 * and listing every entry's prefixes cost ~20 ms of a ~100 ms start.
 */
const PENDING: Record<Lang, { lex: Lexicon; groups: Record<string, readonly string[]> }[]> = {
  en: [],
  fr: [],
};

/** The index of a language's lexicons, those made since its last use added first. */
function indexOf(lang: Lang): Map<string, IndexEntry[]> {
  const pending = PENDING[lang];
  if (pending.length > 0) for (const { lex, groups } of pending.splice(0)) addToIndex(lex, groups);
  return INDEX[lang];
}

export interface GroupSpan extends Span {
  group: string;
}

const WORD_CHAR = "a-z0-9\\u00c0-\\u024f";
const WORD_CHAR_RE = /[a-z0-9\u00c0-\u024f]/;
const PREFIX = 3;
const DEFAULT_GROUP = "_";

export function lexicon(lang: Lang, entries: readonly string[]): Lexicon {
  return groupedLexicon(lang, { [DEFAULT_GROUP]: entries });
}

/** Several named lexicons searched in one pass; each match says which one it came from. */
export function groupedLexicon(lang: Lang, groups: Record<string, readonly string[]>): Lexicon {
  const lex: Lexicon = { lang, fallback: null };
  PENDING[lang].push({ lex, groups });
  generation++;
  return lex;
}

function addToIndex(lex: Lexicon, groups: Record<string, readonly string[]>): void {
  const buckets = new Map<string, Map<string, string[]>>();
  const fallback = new Map<string, string[]>();
  for (const [group, entries] of Object.entries(groups)) {
    for (const entry of entries) {
      for (const alt of splitTopLevel(entry)) {
        const prefixes = leadingPrefixes(alt);
        if (prefixes === null) {
          push(fallback, group, alt);
          continue;
        }
        for (const p of prefixes) {
          let bucket = buckets.get(p);
          if (!bucket) {
            bucket = new Map();
            buckets.set(p, bucket);
          }
          push(bucket, group, alt);
        }
      }
    }
  }
  if (fallback.size > 0) lex.fallback = compile(fallback, "g", true);
  for (const [p, bucket] of buckets) push(INDEX[lex.lang], p, { lex, bucket });
}

// An entry with several prefixes sits in several buckets: its pairs are listed once.
const PAIRS_OF_ENTRY = new Map<string, string[] | null>();

function startsOf(bucket: Map<string, string[]>): Starts {
  const pairs = new Map<string, Set<string>>();
  const stems = new Set<string>();
  for (const alts of bucket.values())
    for (const alt of alts.flatMap(leadingParts)) {
      let found = PAIRS_OF_ENTRY.get(alt);
      if (found === undefined) {
        found = leadingPairs(alt);
        PAIRS_OF_ENTRY.set(alt, found);
      }
      if (found)
        for (const pair of found) {
          const space = pair.indexOf(" ");
          const first = pair.slice(0, space);
          let seconds = pairs.get(first);
          if (!seconds) {
            seconds = new Set();
            pairs.set(first, seconds);
          }
          seconds.add(pair.slice(space + 1));
        }
      else for (const stem of stemsOf(alt)) stems.add(stem);
    }
  return { pairs, stems: [...stems] };
}

const MAX_PARTS = 64;

/**
 * A fragment that opens with alternatives, as one fragment per alternative ("(?:i|we) won" as "i
 * won" and "we won"), so that the pairs of some are listed even when others cannot be. Only to
 * choose which words run an entry: its regex is unchanged.
 */
export function leadingParts(fragment: string): string[] {
  const atom = fragment.startsWith("(") ? readAtom(fragment, 0) : null;
  if (atom === null || atom.kind !== "group") return [fragment];
  const quant = fragment[atom.end];
  if (quant !== undefined && quant !== "?" && "*+{".includes(quant)) return [fragment];
  const rest = fragment.slice(quant === "?" ? atom.end + 1 : atom.end);
  const options = quant === "?" ? [...atom.options, ""] : atom.options;
  const parts = options.flatMap((option) => leadingParts(option + rest));
  return parts.length <= MAX_PARTS ? parts : [fragment];
}

/** The stems an entry that starts with no listable pair runs for (see `leadingStems`). */
function stemsOf(fragment: string): string[] {
  const stem = literalStem(fragment);
  // A leading group ("(?:series [a-d]|seed round)") would run the entry for every word of its keys.
  return stem === "" ? (leadingStems(fragment) ?? [""]) : [stem];
}

/**
 * Every run of letters and digits a match of a fragment can start with, up to its first pattern
 * or other character ("series", "seed" for "(?:series [a-d]|seed round)"); null when there are too
 * many to list. A match at a token starts with one of them: the token holds every letter and digit
 * that follows.
 */
export function leadingStems(fragment: string): string[] | null {
  const found = new Set<string>();
  return expandStem(fragment, 0, "", found, 0) ? [...found] : null;
}

const STEM_CHAR_RE = /^[a-z0-9\u00c0-\u024f]$/;

function expandStem(src: string, pos: number, acc: string, out: Set<string>, budget: number): boolean {
  if (budget > MAX_EXPANSIONS) return false;
  const atom = pos < src.length ? readAtom(src, pos) : null;
  const quant = atom ? src[atom.end] : undefined;
  // The stem ends at the fragment's end, at a pattern, at a repetition or at a lookaround.
  if (atom === null || atom.kind === "lookaround" || quant === "*" || quant === "+" || quant === "{") {
    out.add(acc);
    return true;
  }
  const after = quant === "?" ? atom.end + 1 : atom.end;
  if (quant === "?" && !expandStem(src, after, acc, out, budget + 1)) return false;
  for (const option of atom.options) {
    if (atom.kind === "group") {
      if (!expandStem(option + src.slice(after), 0, acc, out, budget + 1)) return false;
    } else if (!STEM_CHAR_RE.test(option)) out.add(acc);
    else if (!expandStem(src, after, acc + option, out, budget + 1)) return false;
  }
  return true;
}

/**
 * The letters every match of an entry starts with, up to its first pattern ("hono" for
 * "honou?red"); "" when it starts with one.
 */
export function literalStem(fragment: string): string {
  let stem = "";
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i]!;
    const next = fragment[i + 1];
    if (!TOKEN_CHAR_RE.test(c) || (next !== undefined && "?*+{".includes(next))) break;
    stem += c;
  }
  return stem;
}

/**
 * Which entries can start at a word, worked out once per word (most words of a draft are common
 * words met in every draft, see WordFacts) rather than per token:
 * - `always`: the entries the word starts with a stem of;
 * - `pairs`: by the key of the next word, the entries that start with this word and that word;
 * - `anyPair`: every entry that starts with a listed pair, run when the next word is not a token.
 */
export interface WordPlan {
  /** The index it was made from: a lexicon made later (tests make some) outdates it. */
  generation: number;
  none: boolean;
  always: IndexEntry[];
  anyPair: IndexEntry[];
  pairs: Map<string, IndexEntry[]> | null;
  /** The `keyBit`s of the keys in `pairs`: most next words have none of them, and skip the map. */
  pairMask: number;
}

let generation = 0;
// Most words start no entry: they share one plan.
let noPlan = emptyPlan();

function emptyPlan(): WordPlan {
  return { generation, none: true, always: [], anyPair: [], pairs: null, pairMask: 0 };
}

function planWord(index: Map<string, IndexEntry[]>, word: string, key: string): WordPlan {
  const plan = emptyPlan();
  for (const entry of index.get(key) ?? []) {
    entry.starts ??= startsOf(entry.bucket);
    const { stems, pairs } = entry.starts;
    if (stems.some((stem) => word.startsWith(stem))) plan.always.push(entry);
    else if (pairs.size > 0) {
      plan.anyPair.push(entry);
      const seconds = pairs.get(word);
      if (seconds) {
        plan.pairs ??= new Map();
        for (const second of seconds) {
          push(plan.pairs, second, entry);
          plan.pairMask |= keyBit(second);
        }
      }
    }
  }
  plan.none = plan.always.length === 0 && plan.anyPair.length === 0;
  if (!plan.none) return plan;
  if (noPlan.generation !== generation) noPlan = emptyPlan();
  return noPlan;
}

/** One of 32 bits for a key (see `pairMask`). */
function keyBit(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = hash * 31 + key.charCodeAt(i);
  return 1 << (hash & 31);
}

function planOf(lang: Lang, token: Token): WordPlan {
  const facts = token.facts;
  const known = lang === "en" ? facts.planEn : facts.planFr;
  if (known !== undefined && known.generation === generation) return known;
  const plan = planWord(indexOf(lang), token.word, keyOf(token));
  if (lang === "en") facts.planEn = plan;
  else facts.planFr = plan;
  return plan;
}

/** The key a token is indexed by (prefixKey), kept with its word. */
function keyOf(token: Token): string {
  const facts = token.facts;
  if (facts.key === "") facts.key = prefixKey(token.word);
  return facts.key;
}

/**
 * Every "first word, a space, the key of the second word" a fragment's matches can start with
 * ("the bes" for "the best part"), or null when one of them cannot be listed (a single word, a
 * repeated letter, a class other than a few literal letters).
 */
export function leadingPairs(fragment: string): string[] | null {
  const found = new Set<string>();
  return expandPair(fragment, 0, "", found, 0) && found.size > 0 ? [...found] : null;
}

// The characters a token can hold inside it (tokenize in text.ts).
const TOKEN_CHAR_RE = /^[a-z0-9\u00c0-\u024f'-]$/;

function expandPair(src: string, pos: number, acc: string, out: Set<string>, budget: number): boolean {
  if (budget > MAX_EXPANSIONS || pos >= src.length) return false;
  const atom = readAtom(src, pos);
  if (atom === null) return false;
  const quant = src[atom.end];
  if (quant === "*" || quant === "+" || quant === "{")
    return repeatedSecondWords(src, atom, acc, out, budget);
  const after = quant === "?" ? atom.end + 1 : atom.end;
  if (atom.kind === "lookaround") return expandPair(src, after, acc, out, budget + 1);
  if (quant === "?" && !expandPair(src, after, acc, out, budget + 1)) return false;
  for (const option of atom.options) {
    if (atom.kind === "group") {
      if (!expandPair(option + src.slice(after), 0, acc, out, budget + 1)) return false;
    } else if (option === " ") {
      // The first word is complete: the second one is keyed as a token is (prefixKey).
      const second = new Set<string>();
      if (acc === "" || !expandSecond(src, after, second, budget + 1) || second.has("")) return false;
      for (const key of second) out.add(`${acc} ${key}`);
    } else if (!TOKEN_CHAR_RE.test(option) || !expandPair(src, after, acc + option, out, budget + 1)) {
      return false;
    }
  }
  return true;
}

/**
 * The pairs of a first word followed by a repeated group of second words ("my(?: own| new){0,3}"),
 * when each repetition starts with a space and its word's key is complete within it.
 */
function repeatedSecondWords(
  src: string,
  atom: Atom,
  acc: string,
  out: Set<string>,
  budget: number,
): boolean {
  const repeat = /^(?:\*|\+|\{(\d*)(?:,\d*)?\})/.exec(src.slice(atom.end));
  if (acc === "" || atom.kind !== "group" || !repeat || budget > MAX_EXPANSIONS) return false;
  for (const option of atom.options) {
    const keys = new Set<string>();
    // A "." after the repetition stops expand where the key would run past it.
    if (!option.startsWith(" ") || !expand(`${option.slice(1)}.`, 0, "", keys, budget + 1) || keys.has(""))
      return false;
    for (const key of keys) out.add(`${acc} ${key}`);
  }
  const mayBeAbsent = repeat[0] === "*" || (repeat[0] !== "+" && Number(repeat[1] || 0) === 0);
  return !mayBeAbsent || expandPair(src, atom.end + repeat[0].length, acc, out, budget + 1);
}

// A literal that no token starts with: where the second word would be, the next token is not adjacent.
const NO_TOKEN_START_RE = /^[^a-z0-9\u00c0-\u024f\\[(.|?*+{^$)]/;
// A repeated word whose key its letters give: three of them, or fewer and a space ("so ", "such an? ").
const KEYED_WORD_RE = /^(?:[a-z0-9\u00c0-\u024f]{3}|[a-z0-9\u00c0-\u024f]{1,2} )/;

/**
 * The keys the second word of a pair can have (`expand`'s), also when it opens with a repeated
 * group of words ("i'm (?:so |really ){0,4}blessed": "so", "rea" or "ble"), which would
 * otherwise leave every entry of its first word to run at every "i'm".
 */
function expandSecond(src: string, pos: number, out: Set<string>, budget: number): boolean {
  const atom = pos < src.length ? readAtom(src, pos) : null;
  const repeat = atom?.kind === "group" ? /^(?:\*|\{(\d*)(?:,\d*)?\})/.exec(src.slice(atom.end)) : null;
  if (atom?.kind === "group" && !repeat && src[atom.end] !== "+") {
    // "i (?:will|'ll)": no token starts at an apostrophe, so every entry runs there anyway.
    const rest = src.slice(src[atom.end] === "?" ? atom.end + 1 : atom.end);
    if (src[atom.end] === "?" && !expandSecond(rest, 0, out, budget + 1)) return false;
    for (const option of atom.options)
      if (!NO_TOKEN_START_RE.test(option) && !expandSecond(option + rest, 0, out, budget + 1)) return false;
    return true;
  }
  if (!atom || !repeat) return expand(src, pos, "", out, budget);
  if (budget > MAX_EXPANSIONS || !atom.options.every((o) => KEYED_WORD_RE.test(o))) return false;
  for (const option of atom.options) out.add(prefixKey(KEYED_WORD_RE.exec(option)![0].trimEnd()));
  const mayBeAbsent = repeat[0] === "*" || Number(repeat[1] || 0) === 0;
  return !mayBeAbsent || expandSecond(src, atom.end + repeat[0].length, out, budget + 1);
}

/**
 * The key of the second word of a pair starting at this token; "" when no space follows the token
 * (no pair can start there); null when the next word is not a token (inside a link): every entry
 * runs.
 */
function nextWordKey(lower: string, token: Token, next: Token | undefined): string | null {
  if (lower.charCodeAt(token.end) !== 32) return "";
  if (next === undefined || next.start !== token.end + 1) return null;
  return keyOf(next);
}

function push<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "\\w" in an entry means a letter of English or French, accents included ("à", "é"). */
export function widenWordClass(entry: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < entry.length; i++) {
    const c = entry[i]!;
    if (c === "\\" && entry[i + 1] === "w") {
      out += inClass ? "a-z0-9_\\u00c0-\\u024f" : "[a-z0-9_\\u00c0-\\u024f]";
      i++;
      continue;
    }
    if (c === "\\") {
      out += c + (entry[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    out += c;
  }
  return out;
}

function compile(groups: Map<string, string[]>, flags: string, bounded: boolean): RegExp {
  // Longer entries first so that "proud to announce" wins over "proud".
  const parts = [...groups].map(
    ([name, alts]) =>
      `(?<${name}>${[...alts]
        .sort((a, b) => b.length - a.length)
        .map(widenWordClass)
        .join("|")})`,
  );
  const before = bounded ? `(?:^|[^${WORD_CHAR}])` : "";
  // A match never ends inside a word, nor before an elision or contraction ("won" in "won't").
  return new RegExp(`${before}(${parts.join("|")})(?![${WORD_CHAR}]|'[${WORD_CHAR}])`, flags);
}

/** The key a token looks itself up by: its first letters, up to three, stopping at a non-letter. */
export function prefixKey(word: string): string {
  if (isDigitCode(word.charCodeAt(0))) return DIGIT_KEY;
  const n = Math.min(word.length, PREFIX);
  for (let i = 1; i < n; i++) if (!isWordCode(word.charCodeAt(i))) return word.slice(0, i);
  return word.length > PREFIX ? word.slice(0, PREFIX) : word;
}

// Every token that starts with a digit shares one key, so "\\d+ tips" can be indexed.
const DIGIT_KEY = "0";

/**
 * Walks a regex fragment, skipping escapes and character classes, and calls `visit` with each
 * character and the group depth before it; stops when `visit` returns true.
 */
function walk(
  src: string,
  from: number,
  visit: (c: string, i: number, depth: number) => boolean | undefined,
): void {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") {
      inClass = true;
      continue;
    }
    if (visit(c, i, depth)) return;
    if (c === "(") depth++;
    else if (c === ")") depth--;
  }
}

/** Splits a fragment on its top-level "|" (outside groups and classes). */
export function splitTopLevel(fragment: string): string[] {
  const out: string[] = [];
  let start = 0;
  walk(fragment, 0, (c, i, depth) => {
    if (c === "|" && depth === 0) {
      out.push(fragment.slice(start, i));
      start = i + 1;
    }
    return undefined;
  });
  out.push(fragment.slice(start));
  return out;
}

/**
 * Every prefix key a fragment's matches can start with, or null when it cannot be listed.
 * Understands literals, escaped literals, non-capturing groups with alternatives, "?" and small
 * literal classes such as "[- ]": the shapes the lexicons use.
 */
export function leadingPrefixes(fragment: string): string[] | null {
  const found = new Set<string>();
  const ok = expand(fragment, 0, "", found, 0);
  return ok && found.size > 0 && ![...found].includes("") ? [...found] : null;
}

const MAX_EXPANSIONS = 400;

function expand(src: string, pos: number, acc: string, out: Set<string>, budget: number): boolean {
  if (budget > MAX_EXPANSIONS) return false;
  // The key is complete once it has three letters or meets a non-letter.
  if (acc.length >= PREFIX || pos >= src.length) {
    out.add(acc);
    return true;
  }
  if (acc === "" && (src.startsWith("\\d", pos) || isDigitCode(src.charCodeAt(pos)))) {
    out.add(DIGIT_KEY);
    return true;
  }
  const atom = readAtom(src, pos);
  if (atom === null) return false;
  const next = atom.end;
  const quant = src[next];
  const optional = quant === "?" || quant === "*";
  if (quant === "*" || quant === "{") return repeatedAfterKey(src, atom, acc, out, budget);
  const after = quant === "?" || quant === "+" ? next + 1 : next;
  // A repeated letter ("ugh+") only gives a key when the key ends with it.
  if (quant === "+" && acc.length + 1 < PREFIX) return false;
  if (atom.kind === "lookaround") return expand(src, after, acc, out, budget + 1);
  if (optional && !expand(src, after, acc, out, budget + 1)) return false;
  for (const option of atom.options) {
    if (atom.kind === "group") {
      // Expand the group's alternative followed by the rest of the fragment.
      if (!expand(option + src.slice(after), 0, acc, out, budget + 1)) return false;
      continue;
    }
    if (!WORD_CHAR_RE.test(option)) {
      out.add(acc);
      continue;
    }
    // A quantifier "+" repeats the letter: the first occurrence is enough for the key.
    if (!expand(src, quant === "+" ? next + 1 : after, acc + option, out, budget + 1)) return false;
  }
  return true;
}

/**
 * A repeated atom ("(?: own| new){0,3}") after a key's first letters: the key is still listable
 * when every option of the atom starts with a non-letter (the key ends there) and, if it may occur
 * zero times, what follows it gives keys too.
 */
function repeatedAfterKey(src: string, atom: Atom, acc: string, out: Set<string>, budget: number): boolean {
  if (acc === "" || atom.kind === "lookaround") return false;
  const startsWithNonLetter = (option: string) => {
    const first = readAtom(option, 0);
    return first !== null && first.kind === "char" && first.options.every((o) => !WORD_CHAR_RE.test(o));
  };
  if (!atom.options.every(startsWithNonLetter)) return false;
  const quant = src.slice(atom.end);
  const braces = /^\{(\d*)(?:,\d*)?\}/.exec(quant);
  if (!quant.startsWith("*") && !braces) return false;
  out.add(acc);
  const mayBeAbsent = quant.startsWith("*") || Number(braces![1] || 0) === 0;
  const after = atom.end + (quant.startsWith("*") ? 1 : braces![0].length);
  return !mayBeAbsent || expand(src, after, acc, out, budget + 1);
}

interface Atom {
  kind: "char" | "group" | "lookaround";
  options: string[];
  end: number;
}

function readAtom(src: string, pos: number): Atom | null {
  const c = src[pos]!;
  if (c === "\\") {
    const e = src[pos + 1];
    if (e === undefined || /[dDwWsSbBpPu]/.test(e)) return null;
    return { kind: "char", options: [e], end: pos + 2 };
  }
  if (c === "[") {
    const close = src.indexOf("]", pos + 1);
    const body = src.slice(pos + 1, close);
    if (close === -1 || body.startsWith("^") || body.includes("\\") || /.-./.test(body)) return null;
    return { kind: "char", options: [...body], end: close + 1 };
  }
  if (c === "(") {
    const close = matchingParen(src, pos);
    if (close === -1) return null;
    const inner = src.slice(pos + 1, close);
    if (/^\?<?[=!]/.test(inner)) return { kind: "lookaround", options: [], end: close + 1 };
    const body = inner.startsWith("?:")
      ? inner.slice(2)
      : inner.startsWith("?<")
        ? inner.slice(inner.indexOf(">") + 1)
        : inner;
    return { kind: "group", options: splitTopLevel(body), end: close + 1 };
  }
  if (c === "." || c === "^" || c === "$" || c === ")" || c === "|") return null;
  return { kind: "char", options: [c], end: pos + 1 };
}

function matchingParen(src: string, open: number): number {
  let close = -1;
  // The walk sees the opening parenthesis at depth 0; its match closes back to depth 1.
  walk(src, open, (c, i, depth) => {
    if (c === ")" && depth === 1) {
      close = i;
      return true;
    }
    return undefined;
  });
  return close;
}

const SCAN = memo<Map<Lexicon, GroupSpan[]>>();

/** One pass over the draft's tokens for every lexicon of its language. */
function scan(ctx: RuleContext): Map<Lexicon, GroupSpan[]> {
  return memoized(ctx, SCAN, scanTokens);
}

function scanTokens(ctx: RuleContext): Map<Lexicon, GroupSpan[]> {
  const found = new Map<Lexicon, GroupSpan[]>();
  const { lang, lower, words } = ctx;
  // Even a draft with no word (only hashtags) has its lexicons' fallbacks set.
  indexOf(lang);
  const run = (entry: IndexEntry, start: number) => {
    entry.re ??= compile(entry.bucket, "y", false);
    const re = entry.re;
    re.lastIndex = start;
    const m = re.exec(lower);
    if (m) push(found, entry.lex, { start, end: start + m[0].length, group: groupOf(m) });
  };
  for (let t = 0; t < words.length; t++) {
    const token = words[t]!;
    const plan = planOf(lang, token);
    if (plan.none) continue;
    for (const entry of plan.always) run(entry, token.start);
    if (plan.anyPair.length === 0) continue;
    const pairEnd = nextWordKey(lower, token, words[t + 1]);
    if (pairEnd === "") continue;
    if (pairEnd !== null && (plan.pairMask & keyBit(pairEnd)) === 0) continue;
    const entries = pairEnd === null ? plan.anyPair : plan.pairs?.get(pairEnd);
    if (entries) for (const entry of entries) run(entry, token.start);
  }
  return found;
}

/** Every match of a lexicon in the draft, left to right, without overlaps. */
export function findGroups(lex: Lexicon, ctx: RuleContext): GroupSpan[] {
  if (lex.lang !== ctx.lang) throw new Error(`a ${lex.lang} lexicon cannot read a ${ctx.lang} draft`);
  // The scan indexes the draft's language first, which sets the lexicon's fallback.
  const found = [...(scan(ctx).get(lex) ?? [])];
  const { lower } = ctx;
  if (lex.fallback) {
    const re = lex.fallback;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
      const end = m.index + m[0].length;
      found.push({ start: end - m[1]!.length, end, group: groupOf(m) });
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  // Keep the leftmost match and drop those that start inside it, like a single regex scan would.
  const out: GroupSpan[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    out.push(f);
    lastEnd = f.end;
  }
  return out;
}

export function findAll(lex: Lexicon, ctx: RuleContext): Span[] {
  return findGroups(lex, ctx).map(({ start, end }) => ({ start, end }));
}

function groupOf(m: RegExpExecArray): string {
  const groups = m.groups!;
  for (const name in groups) if (groups[name] !== undefined) return name;
  return DEFAULT_GROUP;
}
