import { conceptOf, NEGATION } from "./concepts.js";
import { type RuleContext, type Span, sentenceAt, type Token } from "./text.js";
import type { Lang } from "./types.js";

/**
 * What around a phrase of self-praise changes its meaning: a negation ("not proud of"), a wish or a
 * condition ("if I get promoted"), a failure told ("my first failed launch", "j'ai raté"), praise
 * pointed at someone else ("so proud of my students"), a quotation. The coach reads self-praise only
 * where none of these applies.
 */

/** Words before a phrase that make it a wish, a condition or advice rather than a fact. */
export const IRREALIS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(
    "if wish wished hope hoping want wanted wanna would could should might maybe unless whether i'd imagine before".split(
      " ",
    ),
  ),
  fr: new Set(
    "si s'il souhaite souhaiterais espère espérais veux voudrais aimerais pourrais devrais faudrait imaginez imagine avant".split(
      " ",
    ),
  ),
};

/** A failure in the same sentence turns "my first launch" into a story of learning. */
export const FAILURE: Record<Lang, RegExp> = {
  en: /^(?:fail(?:ed|ing|ure|s)?|flopped|flop|missed|lost|lose|rejected|screwed|messed|bombed|crashed|mistakes?|wrong|regret(?:ted)?|struggled?)$/,
  fr: /^(?:raté|ratée|rate|échoué|échouée|échec|échecs|perdu|perdue|loupé|loupée|manqué|manquée|planté|plantée|refusé|refusée|erreurs?|regrette|galéré)$/,
};

/** Who the praise is for, right after it: "proud of you", "fier de mes élèves". */
const OTHERS_AFTER: Record<Lang, RegExp> = {
  en: /^\s*(?:(?:of|for|with)\s+)?(?:you|your|u|him|her|them|everyone|everybody|each of you|this team|the team|our team|my (?:team|students?|kids?|son|daughter|children|colleagues?|staff|people|mentees?|friends?|wife|husband|partner|sister|brother|mom|mum|dad|parents|class|boys|girls|crew|employees))\b|^\s*(?:of|for)\s+[A-Z][a-z]+/,
  fr: /^\s*(?:(?:de|d'|pour|du)\s*)?(?:toi|vous|lui|elle|eux|elles|tous|toutes|chacun|l'équipe|notre équipe|mon équipe|mes (?:élèves|étudiants|équipes|enfants|collègues|filles|fils)|mon (?:fils|équipe|élève|mari|frère|père)|ma (?:fille|femme|sœur|mère|classe|team))\b|^\s*(?:de|pour)\s+[A-Z][a-zé]+/,
};

/** Punctuation that closes a clause. */
export const CLAUSE_BREAK = /[,;:—–()]/;

const QUOTE_PAIRS: [string, string][] = [
  ["“", "”"],
  ["«", "»"],
  ['"', '"'],
];

/** Whether a position lies between a pair of quotation marks (someone else's words). */
export function insideQuotes(text: string, pos: number): boolean {
  for (const [open, close] of QUOTE_PAIRS) {
    const before = text.lastIndexOf(open, pos - 1);
    if (before === -1) continue;
    if (open === close) {
      // Straight quotes: inside when an odd number of them precede the position.
      let n = 0;
      for (let i = text.indexOf(open); i !== -1 && i < pos; i = text.indexOf(open, i + 1)) n++;
      if (n % 2 === 1 && text.indexOf(close, pos) !== -1) return true;
      continue;
    }
    const closedBefore = text.lastIndexOf(close, pos - 1);
    if (closedBefore < before && text.indexOf(close, pos) !== -1) return true;
  }
  return false;
}

/** Whether the words right after a phrase say who the praise is for, someone other than the author. */
export function praisesOthers(ctx: RuleContext, end: number): boolean {
  const after = ctx.text.slice(end, end + 40);
  if (OTHERS_AFTER[ctx.lang].test(after)) return true;
  // "proud of" + a name: the preposition already belongs to the phrase.
  return ENDS_WITH_PREPOSITION.test(ctx.lower.slice(Math.max(0, end - 5), end)) && NAME_RE.test(after);
}

const ENDS_WITH_PREPOSITION = /(?:^|[^a-z])(?:of|for|de|pour|d')$/;
const NAME_RE = /^\s*\p{Lu}\p{Ll}+/u;

/** The index of the first word starting at or after a position (words are in order). */
function firstWordFrom(words: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function tokensOfSentence(ctx: RuleContext, span: Span): { tokens: Token[]; from: number } {
  const s = sentenceAt(ctx, span.start);
  if (!s) return { tokens: [], from: 0 };
  const first = firstWordFrom(ctx.words, s.start);
  let end = first;
  while (end < ctx.words.length && ctx.words[end]!.start < s.end) end++;
  const tokens = ctx.words.slice(first, end);
  return { tokens, from: tokens.findIndex((t) => t.start >= span.start) };
}

const UPPER_RE = /^\p{Lu}\p{Ll}/u;

/** "Awards" in "the Billboard Music Awards": one capitalised word after another, mid-sentence. */
function partOfName(ctx: RuleContext, tokens: readonly Token[], i: number, span: Span): boolean {
  const t = tokens[i];
  if (!t || i === 0 || t.end < span.end) return false;
  const prev = tokens[i - 1]!;
  return (
    UPPER_RE.test(ctx.text.slice(t.start, t.end)) &&
    UPPER_RE.test(ctx.text.slice(prev.start, prev.end)) &&
    i - 1 > 0
  );
}

/** Why a phrase of self-praise does not count here, or undefined when it does. */
export function discounted(ctx: RuleContext, span: Span): string | undefined {
  const { tokens, from } = tokensOfSentence(ctx, span);
  const first = from === -1 ? tokens.length : from;
  for (let i = Math.max(0, first - 3); i < first; i++) {
    const t = tokens[i]!;
    // Only within the same clause: "Je n'en reviens pas, j'ai été nommée" is not a denial.
    if (conceptOf(ctx.lang, t) & NEGATION && !CLAUSE_BREAK.test(ctx.text.slice(t.end, span.start)))
      return "negated";
  }
  // "pas" and "not" inside the phrase itself: "I'm not proud of", "je ne suis pas fière".
  for (const t of tokens)
    if (t.start >= span.start && t.end <= span.end && conceptOf(ctx.lang, t) & NEGATION) return "negated";
  for (let i = 0; i < first; i++) if (IRREALIS[ctx.lang].has(tokens[i]!.word)) return "wish";
  if (tokens.some((t) => FAILURE[ctx.lang].test(t.word))) return "failure";
  if (praisesOthers(ctx, span.end)) return "others";
  if (partOfName(ctx, tokens, first, span)) return "name";
  if (insideQuotes(ctx.text, span.start)) return "quote";
  return undefined;
}
