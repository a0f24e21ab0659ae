import type { WordPlan } from "./lexicon.js";
import type { Lang } from "./types.js";

/**
 * What a single word tells the coach, as bit flags looked up once per token: function words for
 * language detection, and the person the word speaks in.
 */
export const STOP_EN = 1;
export const STOP_FR = 2;
export const FIRST_EN = 4;
export const PLURAL_EN = 8;
export const SECOND_EN = 16;
export const FIRST_FR = 32;
export const PLURAL_FR = 64;
export const SECOND_FR = 128;

export const PERSON: Record<Lang, { first: number; plural: number; second: number }> = {
  en: { first: FIRST_EN, plural: PLURAL_EN, second: SECOND_EN },
  fr: { first: FIRST_FR, plural: PLURAL_FR, second: SECOND_FR },
};

const LISTS: [number, string][] = [
  [
    STOP_EN,
    "the and to of a in is it that for you with on this my i be are was have not but what we your at from how they will can just about so if or do all an our me as by more when who one get there has been would their like",
  ],
  [
    STOP_FR,
    "le la les de des du et un une est que qui pour dans pas ce cette je vous nous sur avec au aux il elle en mais ou mon ma mes c'est j'ai d l qu ne plus sont été être avoir très tout tous son sa ses votre vos leur on même fait comme me te se ça ca non oui moi toi lui donc où quoi bien aussi encore alors quand ici là déjà chez trop peu suis es sommes êtes ont",
  ],
  // Words only French uses that short posts are made of ("Promu VP aujourd'hui !!", "Reçue à HEC"):
  // counted with the function words, so that a French post of three words reads as French.
  [
    STOP_FR,
    "aujourd'hui hier demain merci bravo nouveau nouvelle nouveaux enfin promu promue promus reçu reçue reçus admis admise accepté acceptée embauché embauchée nommé nommée heureux heureuse fier fière ravi ravie trop génial devient deviens devenu devenue rejoins rejoint poste directeur directrice commerciale entreprise recrute recrutons cherche cherchons boulot projet projets collègue collègues",
  ],
  [FIRST_EN, "i me my mine myself i'm i've i'll i'd im"],
  [PLURAL_EN, "we us our ours ourselves we're we've we'll"],
  [SECOND_EN, "you your yours yourself yourselves you're you've you'll you'd y'all u"],
  [FIRST_FR, "je me moi mon ma mes moi-même"],
  // "On a gagné": in speech and posts, "on" is mostly "we".
  [PLURAL_FR, "nous notre nos nous-mêmes on"],
  [SECOND_FR, "vous votre vos tu te ton ta tes toi vous-même toi-même"],
];

const CLASSES = new Map<string, number>();
for (const [flag, words] of LISTS)
  for (const w of words.split(" ")) CLASSES.set(w, (CLASSES.get(w) ?? 0) | flag);

const APOSTROPHE = 39;
// French elisions: l'équipe, qu'il (function words); j'ai, m'a (first person); t'aider (second).
const FR_ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)'/;

/** The flags of one lower-cased word. */
export function classify(word: string): number {
  const known = CLASSES.get(word) ?? 0;
  const elided = word.charCodeAt(1) === APOSTROPHE || (word.length > 3 && word.includes("'"));
  if (!elided || !FR_ELISION.test(word)) return known;
  // A listed elided word ("j'ai") keeps the person of its elision too.
  const c = word.charCodeAt(0);
  if (c === 106 || c === 109) return known | STOP_FR | FIRST_FR; // j' m'
  if (c === 116) return known | STOP_FR | SECOND_FR; // t'
  return known | STOP_FR;
}

/**
 * What the coach knows of a word, looked up once per token: most words of a draft (the, and, my)
 * are met in every draft, and a single lookup replaces one per module that reads words. The
 * per-language facts are filled in on first use by the module that owns them (concepts.ts,
 * lexicon.ts): a draft's tokens all belong to its one language. One flat object per word, read by
 * named fields: every pass over a draft's tokens reads it, and nested records per language cost a
 * cache miss and a generic keyed load each.
 */
export interface WordFacts {
  /** The word itself: a draft's tokens reuse this string rather than each slicing its own. */
  word: string;
  cls: number;
  /** Concept flags (concepts.ts), UNKNOWN until looked up. */
  conceptsEn: number;
  conceptsFr: number;
  /** Valence (concepts.ts), UNKNOWN until looked up. */
  valenceEn: number;
  valenceFr: number;
  /** The word's lexicon key (lexicon.ts), "" until read. */
  key: string;
  /** Which lexicon entries can start at the word (lexicon.ts), undefined until planned. */
  planEn: WordPlan | undefined;
  planFr: WordPlan | undefined;
}

/** A fact not looked up yet: no concept flags nor valence are negative beyond -5. */
export const UNKNOWN = -99;

const FACTS = new Map<string, WordFacts>();
// Bounded: a long run of new words (another language, a log pasted as a draft) must not grow it
// for ever, nor a "word" of a thousand characters (a pasted key) take room in it.
const MAX_WORDS = 50_000;
const MAX_KEPT_LENGTH = 40;
// V8 keeps a string of 13 characters or more sliced from a draft as a slice, which keeps the whole
// draft alive: the cache keeps a copy of such words.
const MIN_SLICE_LENGTH = 13;

export function factsOf(word: string): WordFacts {
  let facts = FACTS.get(word);
  if (facts === undefined) {
    const kept = word.length <= MAX_KEPT_LENGTH;
    facts = {
      word: kept && word.length >= MIN_SLICE_LENGTH ? word.split("").join("") : word,
      cls: classify(word),
      conceptsEn: UNKNOWN,
      conceptsFr: UNKNOWN,
      valenceEn: UNKNOWN,
      valenceFr: UNKNOWN,
      key: "",
      planEn: undefined,
      planFr: undefined,
    };
    if (kept) {
      if (FACTS.size >= MAX_WORDS) FACTS.clear();
      FACTS.set(facts.word, facts);
    }
  }
  return facts;
}

/**
 * Words met lately, by a hash of their characters that the tokenizer computes as it reads them:
 * most tokens are found here without slicing a new string and hashing it again for the map.
 */
const RECENT_SLOTS = 16384;
const recent: (WordFacts | undefined)[] = new Array(RECENT_SLOTS).fill(undefined);

/** Adds a character code to a word's hash (see `factsAt`). */
export const hashStep = (hash: number, code: number): number => (Math.imul(hash, 31) + code) | 0;

/** The facts of the word `lower.slice(start, end)`, whose hash (`hashStep` over its codes) is `hash`. */
export function factsAt(lower: string, start: number, end: number, hash: number): WordFacts {
  const slot = hash & (RECENT_SLOTS - 1);
  const seen = recent[slot];
  if (seen !== undefined && sameWord(seen.word, lower, start, end)) return seen;
  const facts = factsOf(lower.slice(start, end));
  if (end - start <= MAX_KEPT_LENGTH) recent[slot] = facts;
  return facts;
}

function sameWord(word: string, lower: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lower.charCodeAt(start + i)) return false;
  return true;
}
