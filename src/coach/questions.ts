import { LENS_QUESTIONS, type Lens, quote } from "./messages.js";
import type { RuleHits } from "./model.js";
import type { Hit, Rule } from "./rules/index.js";
import { dotEndsSentence, type Span, splitSentences, startsInside } from "./text.js";
import type { Lang } from "./types.js";

export const MIN_QUESTIONS = 2;
/** Rules that ask about the road to a success rather than about the news itself. */
const ROAD_RULES = new Set(["success-without-struggle"]);
export const MAX_QUESTIONS = 5;
/** The concerns still asked about a loss told: what could hurt its author, not its style. */
const LOSS_CONCERNS = new Set(["oversharing", "self-promotion", "engagement-bait", "platform-length"]);
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
  /** It gives the reader something to use: tips, steps, a method. */
  advice: boolean;
  /** It tells the author's loss: a death, a job lost. Asked gently, never "what did it teach you". */
  loss: boolean;
  /** Share of its words about the author ("I", "my"), and about other people it tells of ("they"). */
  selfShare: number;
  othersShare: number;
}

interface QuestionInput {
  text: string;
  /**
   * Links and mentions in the text: a quote never takes a piece of one ("…the award https",
   * "…announce <"), nor shows a raw "<@U024BE7LH>".
   */
  unquotable: readonly Span[];
  lang: Lang;
  results: readonly RuleHits[];
  good: boolean;
  shape: DraftShape;
}

type Clause = [number, number];

/** A rule's question about one finding, quoting the clause around it. */
function ask(rule: Rule, hit: Hit, clause: Clause, input: QuestionInput): string | undefined {
  const { text, lang } = input;
  const texts = rule.texts[lang];
  const template = (hit.variant && texts[hit.variant]?.question) || texts.default?.question;
  const excerpt = text.slice(...clause);
  return template?.replace("{q}", quote(cutShort(clause, input) ? `${excerpt}…` : excerpt, lang));
}

/**
 * Whether a quoted clause stops before its end: "…in our weekly sync…", not a sentence that stops
 * there. A clause that ends on its own mark, before punctuation, or before a link or a mention
 * (which a quote never takes) is whole.
 */
function cutShort(clause: Clause, { text, unquotable }: QuestionInput): boolean {
  const end = clause[1];
  if (CLAUSE_CLOSED_RE.test(text.charAt(end - 1)) || CLAUSE_ENDS_RE.test(text.slice(end, end + 4)))
    return false;
  let next = end;
  while (next < text.length && isSpaceCode(text.charCodeAt(next))) next++;
  return !(unquotable.length > 0 && startsInside(next, unquotable));
}

// A clause that ends on its own mark ("Is it worth it?"), or what may follow a whole clause:
// nothing, punctuation (after spaces), a line break.
const CLAUSE_CLOSED_RE = /[.!?…]/;
const CLAUSE_ENDS_RE = /^(?:\s*$|\s*[.!?,;:)\]—–…"”»]|\s*\n)/;

/** The first finding whose clause `free` accepts, with that clause (each clause read once). */
function firstFree(
  text: string,
  unquotable: readonly Span[],
  hits: readonly Hit[],
  free: (clause: Clause) => boolean,
) {
  for (const hit of hits) {
    const clause = clauseAround(text, hit, unquotable);
    if (free(clause)) return { hit, clause };
  }
  return undefined;
}

const overlaps = (a: Clause, b: Clause) => a[0] < b[1] && b[0] < a[1];

// Punctuation ends a clause; so does a control character (a quote never carries one). Compared
// by character code, without a set: this runs for every character around every finding.
const isBoundaryCode = (code: number) =>
  code <= 0x1f ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 33 || // !
  code === 40 || // (
  code === 41 || // )
  code === 44 || // ,
  code === 46 || // .
  code === 58 || // :
  code === 59 || // ;
  code === 63 || // ?
  code === 0x2013 || // –
  code === 0x2014; // —
const isDigitCode = (code: number) => code >= 48 && code <= 57;
/** What /\s/ matches. */
const isSpaceCode = (code: number) =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0xa0 ||
  code === 0x1680 ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

// Words that announce what follows, in English and French: a quote cut after one of them dangles
// ("…in our weekly sync I", "…que je ne": a subject without its verb, a negation without its end).
const DANGLING = new Set(
  "a an the to for of and or but with in on at by from as that my our your i we you he she they it pour de du des d' la le les l' et ou mais à au aux avec en sur par dans un une que qui mon ma mes notre nos votre vos je tu il elle on nous vous ils elles ne n' tant".split(
    " ",
  ),
);
const MAX_DANGLING_CUTS = 3;
const CONJUNCTIONS = ["and", "or", "but", "et", "ou", "mais"];
// What a quote never opens or closes on: an emoji, a bullet (a "-" before a space, not "-5 %"),
// and never opens on a conjunction.
const SYMBOL = "(?:[\\s\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\u200d\\ufe0f]|[-*•·▪→](?=\\s|$))";
const LEADING_RE = new RegExp(`^(?:${SYMBOL}|(?:${CONJUNCTIONS.join("|")})\\s)+`, "iu");
const TRAILING_RE = new RegExp(`${SYMBOL}+$`, "u");

/**
 * The words a question quotes: the clause around a finding, so that a reader recognises it
 * ("Just finished my first marathon under 4 hours", not "Just finished my first"), kept short.
 */
export function clauseAround(text: string, span: Span, unquotable: readonly Span[] = []): Clause {
  const isBoundary = (i: number) => {
    const code = text.charCodeAt(i);
    if (unquotable.length > 0 && startsInside(i, unquotable)) return true;
    if (!isBoundaryCode(code)) return false;
    // A colon in a time or a score ("3:58", "2:1") does not end a clause, nor a dot that ends no
    // sentence ("Dr. Smith", "v2.3.1", "3.5").
    if (code === 58) return !(isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1)));
    return code !== 46 || dotEndsSentence(text, i);
  };
  let start = span.start;
  while (start > 0 && span.start - start < 30 && !isBoundary(start - 1)) start--;
  // No clause start near: begin two words before the finding ("a Fortune 500 CEO", not "500 CEO").
  if (start > 0 && !isBoundary(start - 1)) {
    start = span.start;
    // Back over a space and a word, twice, never further than 30 characters (a draft without
    // spaces must not be searched from each finding to its start).
    for (let words = 0; words < 2; words++) {
      let space = start - 2;
      while (space >= 0 && span.start - space <= 30 && text.charCodeAt(space) !== 32) space--;
      if (space < 0 || span.start - space > 30) break;
      // "…de l'année et notre équipe est…": a clause starts after "and", "et".
      if (CONJUNCTIONS.includes(text.slice(space + 1, start - 1).toLowerCase())) break;
      start = space + 1;
    }
  }
  // Nor on its "and" ("and how to read EXPLAIN", after a comma), nor on an emoji or a bullet.
  const lead = LEADING_RE.exec(text.slice(start, span.start));
  if (lead) start += lead[0].length;
  let end = span.end;
  // A finding that ends on its own punctuation (a question: "Is it worth it?") is whole already.
  const closed = end > span.start && isBoundary(end - 1);
  while (!closed && end < text.length && end - span.end < 45 && !isBoundary(end)) end++;
  // Never end inside a word, nor on a word that leads somewhere ("…this morning for").
  if (end < text.length && !isBoundary(end)) {
    const space = text.lastIndexOf(" ", end);
    end = Math.max(space, span.end);
    for (let cut = 0; cut < MAX_DANGLING_CUTS && end > span.end; cut++) {
      const lastSpace = text.lastIndexOf(" ", end - 1);
      if (lastSpace < span.end || !DANGLING.has(text.slice(lastSpace + 1, end).toLowerCase())) break;
      end = lastSpace;
    }
  }
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  const trail = TRAILING_RE.exec(text.slice(span.end, end));
  if (trail) end -= trail[0].length;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

const TWO_WORDS_RE = /\S\s+\S/;
const TRAILING_STOPS_RE = /[.!?…]+$/;

/** The draft's first sentence, links left out: what a reader sees first. */
function opening(text: string): string {
  const trimmed = text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, " ").trim();
  const sentence = splitSentences(trimmed, [], 1)[0];
  const first = sentence ? trimmed.slice(sentence.start, sentence.end).replace(TRAILING_STOPS_RE, "") : "";
  return TWO_WORDS_RE.test(first) ? first : "";
}

/**
 * The angles from which to look at this draft, most telling first. A question follows from what
 * the draft does: a success gets the road to it, a shared link what the post itself gives, a story
 * what the reader can use, news the author's own take.
 */
export function lensesFor(shape: DraftShape): Lens[] {
  if (shape.loss) return ["loss", "private"];
  const lenses: Lens[] = [];
  if (shape.success && !shape.challenge) lenses.push("road");
  if (shape.links > 0 && shape.words < 100) lenses.push("link");
  // A post about other people (told of, not spoken to), or about a topic with no "I" in it, passes
  // something on.
  const passesOn = shape.othersShare > shape.selfShare && shape.othersShare >= 0.02;
  if (passesOn) lenses.push("take");
  // Advice with no "I" in it is asked for the author's own experience of it, other topics for a view.
  else if (shape.selfShare < 0.02 && shape.words >= 8) lenses.push(shape.advice ? "tried" : "voice");
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
export function chooseQuestions(input: QuestionInput): string[] {
  const { text, unquotable, lang, results, good, shape } = input;
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
  const asked: { rule: Rule; hit: Hit; clause: Clause; road: boolean }[] = [];
  // A loss told is asked only about what could hurt its author (oversharing, a pitch), not its style.
  for (const r of shape.loss ? concerns.filter((c) => LOSS_CONCERNS.has(c.rule.id)) : concerns) {
    if (asked.length >= MAX_CONCERN_QUESTIONS) break;
    const road = ROAD_RULES.has(r.rule.id);
    const free = firstFree(
      text,
      unquotable,
      r.hits,
      (c) => !asked.some((a) => a.road === road && overlaps(a.clause, c)),
    );
    if (free) asked.push({ rule: r.rule, ...free, road });
  }
  // The road to news another question quotes is asked without quoting the same words twice, after
  // that question ("What doubt did you meet on the way there?" follows the news it refers to).
  const roadOfQuoted = (a: (typeof asked)[number]) =>
    a.road && asked.some((b) => !b.road && overlaps(a.clause, b.clause));
  for (const a of asked) if (!roadOfQuoted(a)) add(ask(a.rule, a.hit, a.clause, input));
  if (asked.some(roadOfQuoted)) add(LENS_QUESTIONS[lang].road);
  // Clauses quoted so far, so that "Your post opens with…" doesn't quote one of them again.
  const quoted = asked.map((a) => a.clause);
  // What works, sharpened: the best two strengths of a good draft, the best one otherwise, each
  // quoting words no other question quotes.
  let sharpened = 0;
  // A loss told is not sharpened: "What did you do about it?" the day after a layoff is no help.
  for (const s of shape.loss ? [] : strengths) {
    if (sharpened >= (good ? 2 : 1) || questions.length >= (good ? MIN_QUESTIONS : MAX_CONCERN_QUESTIONS))
      break;
    const free = firstFree(text, unquotable, s.hits, (c) => !quoted.some((q) => overlaps(q, c)));
    if (!free) continue;
    quoted.push(free.clause);
    add(ask(s.rule, free.hit, free.clause, input));
    sharpened++;
  }
  // A weak draft gets one more angle than it has concerns asked, up to four questions; a loss both
  // of its own.
  const target = shape.loss
    ? questions.length + 2
    : good
      ? MIN_QUESTIONS
      : Math.min(4, Math.max(MIN_QUESTIONS, asked.length + 1));
  // Read only when a lens quotes it: most drafts have their questions before.
  let open: string | undefined;
  for (const lens of lensesFor(shape)) {
    if (questions.length >= target) break;
    // "road" asks what success-without-struggle already asks when that rule fired.
    if (lens === "road" && concerns.some((c) => c.rule.id === "success-without-struggle")) continue;
    const q = LENS_QUESTIONS[lang][lens];
    if (!q.includes("{q}")) {
      add(q);
      continue;
    }
    open ??= opening(text);
    // A question already quoting the opening makes "Your post opens with…" a repeat.
    const leading = text.length - text.trimStart().length;
    if (lens === "reader" && quoted.some((c) => c[0] < open!.length + leading)) continue;
    if (open) add(q.replace("{q}", quote(open, lang)));
  }
  // Whatever else is asked, a draft always gets its two questions.
  if (questions.length < MIN_QUESTIONS) add(LENS_QUESTIONS[lang].sharpen);
  if (questions.length < MIN_QUESTIONS) add(LENS_QUESTIONS[lang].voice);
  return questions;
}
