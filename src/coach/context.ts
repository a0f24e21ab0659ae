import { BRAGS } from "./brag-lexicon.js";
import {
  CONDITION,
  conceptAt,
  conceptOf,
  deniesNothing,
  FAILURE,
  FILLER,
  impersonal,
  LESSON,
  NEGATION,
  PRAISE,
  pastTense,
  SUBJECT,
  WISH,
} from "./concepts.js";
import { findAll, findGroups, groupedLexicon, type Lexicon, lexicon } from "./lexicon.js";
import { memo, memoized, type RuleContext, type Span, sentenceAt, type Token } from "./text.js";
import type { Lang } from "./types.js";
import { PERSON } from "./words.js";

/**
 * What around a phrase of self-praise changes its meaning, and who the phrase is about. The coach
 * reads self-praise only where the author is its subject and none of these applies: a negation in
 * its clause ("not proud of"), a condition or wish governing it ("if I get promoted"), a failure or
 * a lesson told ("my first failed launch", "what I learned from my first on-call shift"), praise
 * pointed at someone else ("so proud of my students"), a quotation, or a name ("Music Awards").
 */

/** Punctuation that closes a clause. */
export const CLAUSE_BREAK = /[,;—–()]|:(?!\d)/;

/** A clause: a run of words between clause breaks, within one sentence. */
interface Clause {
  /** Word indices [from, to). */
  from: number;
  to: number;
  /** A failure or a lesson is told in this clause's sentence ("zero mistakes" is no failure). */
  story: boolean;
  /** Who the clause speaks as: "I" (singular), "we" (plural), or no one named. */
  subject: "singular" | "plural" | undefined;
  /** The clause opens on someone else as its subject: "she found the bug", "elle a trouvé". */
  other: boolean;
  /** It opens on someone whose news is their own: "my manager got promoted", "mon amie a gagné". */
  someoneElses: boolean;
}

interface Layout {
  clauses: Clause[];
  /** For each word, the index of its clause. */
  clauseOf: Int32Array;
  quotes: Span[];
  /** For each word, 1 when it is inside quotation marks. */
  quoted: Uint8Array;
  /**
   * For each word, CONDITIONED when a condition or wish comes before it in its sentence ("if",
   * "before"); AFTER_READER_CONDITION in the clauses after a condition on the reader ("if you…").
   */
  conditioned: Uint8Array;
}

const CONDITIONED = 1;
const AFTER_READER_CONDITION = 2;

const LAYOUT = memo<Layout>();

const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, "g");

/** Where the text has a clause break, in order: one scan instead of a test between every two words. */
function clauseBreaks(text: string): number[] {
  const at: number[] = [];
  CLAUSE_BREAKS.lastIndex = 0;
  for (let m = CLAUSE_BREAKS.exec(text); m !== null; m = CLAUSE_BREAKS.exec(text)) at.push(m.index);
  return at;
}

/** Clauses and quotations of a draft, computed once and kept with its context. */
export function layout(ctx: RuleContext): Layout {
  return memoized(ctx, LAYOUT, computeLayout);
}

function computeLayout(ctx: RuleContext): Layout {
  const { words, text } = ctx;
  const clauses: Clause[] = [];
  const clauseOf = new Int32Array(words.length);
  const phrases = findAll(FAILURE_PHRASES[ctx.lang], ctx);
  const conditioned = new Uint8Array(words.length);
  const breaks = clauseBreaks(text);
  const { second } = PERSON[ctx.lang];
  let b = 0;
  let w = 0;
  for (const s of ctx.sentences) {
    while (w < words.length && words[w]!.start < s.start) w++;
    let from = w;
    const sentenceFirst = clauses.length;
    let condition = 0;
    let onReader = false;
    for (; w < words.length && words[w]!.start < s.end; w++) {
      // Is there a clause break between the previous word and this one?
      while (b < breaks.length && breaks[b]! < (w > 0 ? words[w - 1]!.end : 0)) b++;
      if (w > from && b < breaks.length && breaks[b]! < words[w]!.start) {
        clauses.push(makeClause(ctx, from, w));
        from = w;
        if (onReader) condition = AFTER_READER_CONDITION;
      }
      conditioned[w] = condition;
      if (conceptAt(ctx.lang, words, w) & CONDITION) {
        condition = CONDITIONED;
        // "If you need an expert, I'm the best": a condition on the reader leaves the author's claim
        // after it standing; "if I get promoted, I'll celebrate" governs the whole sentence.
        onReader = ((words[w + 1]?.cls ?? 0) & second) !== 0;
      }
      clauseOf[w] = clauses.length;
    }
    if (w > from) clauses.push(makeClause(ctx, from, w));
    // A failure told anywhere in the sentence makes all of it a story: "my first launch: a flop".
    const story = clauses.slice(sentenceFirst).some((c) => c.story) || failurePhraseIn(phrases, s);
    for (let c = sentenceFirst; c < clauses.length; c++) clauses[c]!.story = story;
  }
  const quotes = quotations(text);
  const quoted = new Uint8Array(words.length);
  for (const q of quotes)
    for (let i = firstWordFrom(words, q.start); i < words.length && words[i]!.start < q.end; i++)
      quoted[i] = 1;
  return { clauses, clauseOf, quotes, quoted, conditioned };
}

function failurePhraseIn(phrases: readonly Span[], s: Span): boolean {
  for (const p of phrases) if (p.start >= s.start && p.start < s.end) return true;
  return false;
}

function makeClause(ctx: RuleContext, from: number, to: number): Clause {
  const { words, lang } = ctx;
  const opener = words[from]?.word;
  const at = opener !== undefined && CONJUNCTION[lang].has(opener) ? from + 1 : from;
  const first = words[at]?.word;
  const other =
    first !== undefined &&
    ((THIRD_PERSON_SUBJECT[lang].has(first) && !(lang === "fr" && first === "il" && impersonal(words, at))) ||
      namedSubject(ctx, at));
  const someoneElses =
    first !== undefined && POSSESSIVE[lang].has(first) && THEIR_OWN_NEWS[lang].has(words[at + 1]?.word ?? "");
  let story = false;
  let subject: Clause["subject"];
  for (let i = from; i < to; i++) {
    const t = words[i]!;
    // After someone else as the subject, "nous" is an object: "Inès est arrivée chez nous".
    if (isSubject(lang, t) && !(other && t.word === "nous"))
      subject = t.cls & PERSON[lang].first ? "singular" : (subject ?? "plural");
    if (story || !(conceptOf(lang, t) & (FAILURE | LESSON))) continue;
    // "zero mistakes", "no regrets", "sans erreur" deny the failure.
    const before = i > from ? words[i - 1]!.word : "";
    story = !NO_FAILURE.has(before);
  }
  return { from, to, story, subject, other, someoneElses };
}

// What a person named at the head of a clause does: "Lena Okafor joined us", "Priya wrote".
const NAMED_DEED = new Set(
  "joined wrote built led ran made gave took found got won did said told came left became started shipped rewrote stayed".split(
    " ",
  ),
);
// Days and months open sentences as names do: "Monday was huge", "Lundi a été incroyable".
const CALENDAR = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(
    " ",
  ),
);
// What the named one gave the author is the author's news: "Gartner (has) ranked our platform",
// "Station F nous a sélectionnés" (not "Lena joined us", "Inès nous a rejoints": theirs).
const AWARDING = new Set(
  "ranked named selected chose picked awarded gave invited featured hired funded backed acquired recognized recognised nominated listed".split(
    " ",
  ),
);
const AWARDING_FR =
  /^(?:sélectionn|choisi|nomm|class|récompens|invit|recrut|financ|rachet|distingu|élu|retenu|prim)/;
const TO_AUTHOR = new Set(["us", "our", "me", "my", "nous", "notre", "nos", "mon", "ma", "mes"]);
// A French past participle: "arrivée", "parti", "devenue", "refait".
const FR_PARTICIPLE = /^[a-zà-ÿ]{2,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|t|te|ts|tes)$/;

function capitalised(text: string, t: Token): boolean {
  const c = text.charCodeAt(t.start);
  return (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215);
}

/** A word no list knows, capitalised, not a day: "Lena", "Okafor", "Inès". Cheapest tests first. */
function isName(ctx: RuleContext, t: Token | undefined): boolean {
  return (
    t !== undefined &&
    t.cls === 0 &&
    capitalised(ctx.text, t) &&
    conceptOf(ctx.lang, t) === 0 &&
    !CALENDAR.has(t.word)
  );
}

/** Whether the author's "us", "our", "nous"… is among the two words from `from`. */
function namedGaveAuthor(words: readonly Token[], from: number): boolean {
  for (let j = from; j <= from + 1 && j < words.length; j++) if (TO_AUTHOR.has(words[j]!.word)) return true;
  return false;
}

/**
 * Whether a clause opens on a person named as its subject doing something: one or two capitalised
 * words no list knows, then a deed. "Lena Okafor joined us" (her news, not the author's), "Priya
 * wrote the script", "Lena is leading", "Inès est arrivée chez nous". Not a state ("Paris was
 * huge", "Pâques a été incroyable"), not what the named one gave the author ("Gartner ranked our
 * platform"), not "Today I shipped", "Shipped today".
 */
function namedSubject(ctx: RuleContext, at: number): boolean {
  const { words } = ctx;
  if (!isName(ctx, words[at])) return false;
  const i = isName(ctx, words[at + 1]) ? at + 2 : at + 1;
  const verb = words[i]?.word;
  if (verb === undefined) return false;
  return ctx.lang === "en" ? namedDeedEn(words, i, verb) : namedDeedFr(words, i, verb);
}

function namedDeedEn(words: readonly Token[], i: number, verb: string): boolean {
  let deed = verb;
  let at = i;
  if (verb === "is" || verb === "was" || verb === "has" || verb === "had" || verb === "just") {
    const next = words[i + 1]?.word;
    if (next === "now" || next === "just") return true;
    if (next === undefined || !(next.endsWith("ing") || pastTense(next) || NAMED_DEED.has(next)))
      return false;
    deed = next;
    at = i + 1;
  } else if (!(NAMED_DEED.has(verb) || pastTense(verb))) return false;
  return !(AWARDING.has(deed) && namedGaveAuthor(words, at + 1));
}

function namedDeedFr(words: readonly Token[], i: number, verb: string): boolean {
  // "Inès nous a rejoints" (hers), "Station F nous a sélectionnés" (the author's news).
  if (verb === "nous" || verb === "m'a" || verb === "m'ont") {
    const participle = words[verb === "nous" ? i + 2 : i + 1]?.word ?? "";
    return FR_PARTICIPLE.test(participle) && !AWARDING_FR.test(participle);
  }
  if (verb === "vient" || verb === "fut" || verb === "s'est") return true;
  if (verb === "a" || verb === "avait") {
    let participle = words[i + 1]?.word ?? "";
    if (participle === "été") participle = words[i + 2]?.word ?? "";
    if (!FR_PARTICIPLE.test(participle)) return false;
    return !(AWARDING_FR.test(participle) && namedGaveAuthor(words, i + 2));
  }
  if (verb === "est" || verb === "était") return FR_PARTICIPLE.test(words[i + 1]?.word ?? "");
  return false;
}

const CONJUNCTION: Record<Lang, ReadonlySet<string>> = {
  en: new Set(["and", "but", "then", "so"]),
  fr: new Set(["et", "mais", "puis", "alors"]),
};
const THIRD_PERSON_SUBJECT: Record<Lang, ReadonlySet<string>> = {
  en: new Set(["he", "she", "they", "he's", "she's", "they're", "he'd", "she'd", "they've"]),
  fr: new Set(["il", "elle", "ils", "elles"]),
};

/**
 * Losses: a death, a job lost, an illness. Nothing won ("got laid off" is no credit, "my father
 * passed away" no news of the author's), and no detail to ask the reader about. A death is grouped
 * apart: whoever died, a post telling it is asked about gently.
 */
// "My laptop died", "mon ordinateur est mort": a thing broke. "No one died" denies it, and "how I died
// back in 1849" is a joke: an author who died does not post.
const NOT_A_PERSON_EN =
  "(?<!(?:laptop|macbook|mac|pc|iphone|ipad|phone|battery|computer|car|engine|bike|server|printer|drive|disk|router|wifi|internet|mic|camera|screen|monitor|keyboard|headphones|airpods|tv|fridge|plant|plants|no one|nobody|i|pipeline|build|project|app|site|website|demo|deal|idea|startup|company|product|feature|repo|database|thread|meeting|conversation|trend|account|podcast|newsletter|blog|dream|hope|motivation) )";
const NOT_A_PERSON_FR =
  "(?<!(?:ordinateur|ordi|mac|pc|iphone|téléphone|portable|batterie|voiture|moteur|vélo|serveur|imprimante|disque|box|wifi|connexion|micro|écran|clavier|télé|frigo|plante|projet|appli|site|base) )";
const LOSS_ENTRIES: Record<Lang, Record<"death" | "loss", readonly string[]>> = {
  en: {
    death: [
      "passed away",
      // Not "I nearly died of embarrassment", "bored to death", "death by PowerPoint".
      `${NOT_A_PERSON_EN}(?<!(?:nearly|almost) )died(?! (?:laughing|of (?:laughter|embarrassment|shame|boredom|cringe)|a little|inside))`,
      "(?<!(?:own|to) )death(?! by)",
      "funerals?",
      "condolences",
      "in memoriam",
      "rest in peace",
      "mourn(?:ing)?",
      "lost (?:my|our) (?:father|mother|dad|mom|mum|son|daughter|wife|husband|partner|brother|sister|grand(?:mother|father|ma|pa)|baby|best friend|friend)",
    ],
    loss: [
      "laid off",
      "lay-?offs?",
      // A founder's: "we had to lay off 20 people".
      "(?:had|have|has) to lay off",
      // Not "fired up", "sick of waiting", "hurt that…": those say how the author felt.
      "(?:got|been|was|were) (?:let go|fired(?! up)|sacked|dumped|ghosted|scammed|robbed|injured|made redundant)",
      "lost (?:my|our) (?:job|jobs|position|role)",
      "(?:my|our) (?:job|role|position) (?:was|has been|got) (?:\\S+ ){0,5}?(?:eliminated|cut|made redundant)",
      "diagnosed with",
    ],
  },
  fr: {
    death: [
      "décédée?s?",
      "décès",
      // Not "morte de rire".
      `${NOT_A_PERSON_FR}(?:est|sont) morte?s?(?! de rire)`,
      "obsèques",
      "funérailles",
      "condoléances",
      // Not "faire le deuil de mon ancien poste" (letting go).
      "(?<!(?:fait|faire|faisant|fais|ferai) le )deuil",
      "nous (?:a|ont) quittée?s?",
      "perdu (?:mon|ma|notre) (?:père|mère|papa|maman|fils|fille|femme|mari|compagnon|compagne|frère|sœur|grand-mère|grand-père|bébé|meilleur ami|meilleure amie|ami|amie)",
    ],
    loss: [
      "licenciements?",
      "licenciée?s?",
      "licencier",
      // Not "une petite virée" (a trip).
      "(?:été|suis|s'est fait|me suis fait|se sont fait) virée?s?",
      "plan social",
      "perdu (?:mon|notre) (?:emploi|travail|job|poste|boulot)",
      "(?:dû|du) (?:licencier|nous séparer de)",
      "(?:on m'a |j'ai été |a été )diagnostiquée?",
    ],
  },
};

export const LOSS: Record<Lang, Lexicon> = {
  en: groupedLexicon("en", LOSS_ENTRIES.en),
  fr: groupedLexicon("fr", LOSS_ENTRIES.fr),
};

/** Failures told in several words: "a product nobody wanted", "ça n'a pas marché". */
const FAILURE_PHRASES: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "(?:nobody|no one)(?: else)? (?:wanted|needed|used|bought|came|cared|read|showed up|signed up|paid)",
    // A company ended: "I shut down my startup", "we closed the company", "went bankrupt".
    // Not "we closed the business year with record revenue".
    "(?:shut|shutting|closed|closing|wound|winding) (?:down )?(?:my|our|the) (?:startup|company|business|shop|studio|agency)(?! (?:year|quarter|deal|round|day|week))",
    "(?:shut|wound) (?:it|us) down",
    "went (?:bankrupt|bust|under)",
    // A mistake owned: "I hired the wrong person", "j'ai recruté la mauvaise personne".
    "(?:the|a) (?:wrong|bad) (?:person|hire|call|choice|decision|bet)",
    "(?:didn'?t|did not|never) (?:work|take off|sell|catch on)",
    "went nowhere",
    "fell flat",
    // Incidents, as engineers tell them.
    "took (?:\\S+ ){0,3}down",
    "broke (?:prod|production|the build|the site|the website|the app|our app|everything)",
    "rolled (?:it |them )?back",
    "(?:caused|triggered) (?:an? |the )?(?:outage|incident|crash)",
    ...LOSS_ENTRIES.en.death,
    ...LOSS_ENTRIES.en.loss,
    // Not "we ran out of tickets in 2 hours".
    "(?:ran|run|running) out of (?:time|money|cash|runway|funding|energy|patience|options|steam|ideas|savings)",
  ]),
  fr: lexicon("fr", [
    "personne (?:d'autre )?(?:ne |n')(?:voulait|voulu|utilisait|achetait|est venu|lisait|avait besoin)",
    "(?:fermé|fermer|ferme|liquidé|liquider) (?:ma|notre|la) (?:startup|start-up|boîte|entreprise|société|agence|boutique)",
    "(?:mis|mettre) la clé sous la porte",
    "(?:fait|faire) faillite",
    "(?:la |le |une |un )?(?:mauvaise|mauvais) (?:personne|recrutement|choix|décision|pari)",
    "(?:n'a|n'ont|a) (?:pas|jamais) (?:marché|fonctionné|décollé|pris)",
    "(?:ça|cela) (?:n'a|ne s'est) pas (?:marché|passé comme prévu)",
    "fait un flop",
    "fait tomber",
    "(?:cassé|planté) (?:la prod|la production|le site|l'appli|l'application|le serveur|le build)",
    ...LOSS_ENTRIES.fr.death,
    ...LOSS_ENTRIES.fr.loss,
    "(?:à court|manqué|manque) (?:de temps|d'argent|de trésorerie|de cash|de financement|d'énergie|d'idées)",
  ]),
};

/** Words that deny the failure after them: "zero mistakes", "no regrets", "sans erreur". */
export const NO_FAILURE = new Set([
  "zero",
  "no",
  "without",
  "never",
  "sans",
  "aucune",
  "aucun",
  "zéro",
  "pas",
]);

const QUOTE_PAIRS: [string, string][] = [
  ["“", "”"],
  ["«", "»"],
  ['"', '"'],
  // Code: "the error was `you is undefined`".
  ["`", "`"],
];

/** The spans between pairs of quotation marks: someone else's words. */
function quotations(text: string): Span[] {
  const spans: Span[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let i = text.indexOf(open);
    while (i !== -1) {
      const j = text.indexOf(close, i + 1);
      if (j === -1) break;
      spans.push({ start: i + 1, end: j });
      i = text.indexOf(open, j + 1);
    }
  }
  return spans;
}

/** Whether a position of the draft lies between quotation marks: someone else's words. */
export function insideQuotation(ctx: RuleContext, pos: number): boolean {
  // Most drafts quote nothing: they need not lay out their clauses to know it.
  if (!memoized(ctx, HAS_QUOTE_MARKS, (c) => QUOTE_MARK_RE.test(c.text))) return false;
  return layout(ctx).quotes.some((q) => pos >= q.start && pos < q.end);
}

const HAS_QUOTE_MARKS = memo<boolean>();
const QUOTE_MARK_RE = /[“«"`]/;

/** The index of the first word starting at or after a position (words are in order). */
export function firstWordFrom(words: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a word names whoever speaks: "I", "we", "je", "on", or a French "j'" elision. */
export function isSubject(lang: Lang, token: Token): boolean {
  return (conceptOf(lang, token) & SUBJECT) !== 0 || (lang === "fr" && token.word.startsWith("j'"));
}

const POSSESSIVE: Record<Lang, ReadonlySet<string>> = {
  en: new Set(["my", "our"]),
  fr: new Set(["mon", "ma", "mes", "notre", "nos"]),
};

/**
 * Giving, with the author as recipient, a few words before what is given: "my manager gave me the
 * innovation award", "LinkedIn m'a décerné le badge Top Voice".
 */
const GIVEN_TO_AUTHOR: Record<Lang, RegExp> = {
  en: /\b(?:gave|given|awarded|handed|offered|granted|sent|presented) (?:me|us)\b/,
  fr: /(?:^|\s)(?:m'a|m'ont|nous a|nous ont) (?:décerné|remis|donné|offert|attribué|accordé|envoyé|proposé)(?=\s|$)/,
};
const GIVEN_WITHIN = 4;

function givenToAuthor(ctx: RuleContext, i: number, clauseFrom: number): boolean {
  const from = Math.max(clauseFrom, i - GIVEN_WITHIN);
  if (from >= i) return false;
  return GIVEN_TO_AUTHOR[ctx.lang].test(ctx.lower.slice(ctx.words[from]!.start, ctx.words[i]!.start));
}

/**
 * Whether the author is who a phrase is about: the phrase starts with the author ("I won", "my new
 * car"), or only fillers separate it from "I"/"we" in its clause ("I've just finally been promoted"),
 * or its clause has no subject at all ("Just got promoted!"), or the author receives it ("LinkedIn
 * gave me the Top Voice badge"). "Maria got promoted" and "my colleague
 * Sam got promoted" are someone else's; "my son got into Harvard" is the author's family, counted as
 * Jin et al. count it (an affiliation).
 */
export function aboutAuthor(ctx: RuleContext, span: Span): boolean {
  const { words, lang } = ctx;
  const i = firstWordFrom(words, span.start);
  const first = words[i];
  if (!first || first.start >= span.end) return false;
  if (isSubject(lang, first) || POSSESSIVE[lang].has(first.word)) return true;
  const { clauses, clauseOf } = layout(ctx);
  const clause = clauses[clauseOf[i]!]!;
  let j = i - 1;
  while (j >= clause.from && conceptOf(lang, words[j]!) & FILLER) j--;
  if (j < clause.from) return true;
  if (isSubject(lang, words[j]!)) return true;
  if (givenToAuthor(ctx, i, clause.from)) return true;
  // "my son got", "our team won": one noun after the author's own possessive; not "my manager got".
  return (
    j - 1 >= clause.from &&
    POSSESSIVE[lang].has(words[j - 1]!.word) &&
    !THEIR_OWN_NEWS[lang].has(words[j]!.word)
  );
}

/**
 * People in the author's life whose news is their own ("my manager got promoted", "mon amie a
 * gagné"), unlike family and the author's own team, which Jin et al. count as affiliation.
 */
const THEIR_OWN_NEWS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(
    "manager managers boss bosses colleague colleagues coworker coworkers co-worker co-workers ceo cto cfo coo founder founders cofounder cofounders co-founder co-founders teammate teammates mentor mentors mentee mentees friend friends neighbour neighbours neighbor neighbors landlord ex competitor competitors client clients customer customers".split(
      " ",
    ),
  ),
  fr: new Set(
    "manager managers manageuse chef chefs cheffe patron patrons patronne collègue collègues pdg ceo fondateur fondateurs fondatrice cofondateur cofondatrice mentor mentors mentore ami amie amis amies pote potes voisin voisins voisine voisines propriétaire ex concurrent concurrents concurrente concurrentes client clients cliente clientes".split(
      " ",
    ),
  ),
};

const LOSS_OF_AUTHOR = memo<boolean>();

/**
 * Whether the draft tells a loss in the author's life: a death ("my colleague Daniel passed away"),
 * a job lost or an illness, the author's or someone of theirs ("I was laid off", "my teammate Sarah
 * was laid off", "diagnosed with"), not news ("I read that Meta laid off…"), and not when news of
 * the author's follows it (a comeback: "I was let go… thrilled to announce I've joined Google").
 */
export function lossOfAuthor(ctx: RuleContext): boolean {
  return memoized(ctx, LOSS_OF_AUTHOR, (c) => {
    const loss = findGroups(LOSS[c.lang], c).find(
      (l) =>
        aboutAuthor(c, l) ||
        (l.group === "death"
          ? (sentenceAt(c, l.start)?.firstSingular ?? false)
          : possessedInClause(c, l.start)),
    );
    return loss !== undefined && !comebackAfter(c, loss.end, loss.group === "death");
  });
}

// Now, after the loss: what a comeback's news says ("Today I run…", "je viens d'acheter…"). Not
// "just" or "now", which a farewell says too ("I just want to thank…").
const NOW_RE: Record<Lang, RegExp> = {
  en: /\b(?:today|since then|these days|this (?:week|month|year))\b/,
  fr: /\b(?:aujourd'hui|maintenant|désormais|depuis|vien[st] d|cette (?:semaine|année))/,
};

/**
 * Whether the author's news follows a loss: "I was let go… thrilled to announce I've joined
 * Google", "5 years ago I was laid off. Today I run a $20M company and just bought my dream
 * house". A post that ends on a win is a comeback story, coached as one; what a farewell or a
 * eulogy recalls ("we launched the mobile app", "when I joined") is no news, and after a death,
 * "today I'm grateful to my team" is no win: only a comeback's announcement counts there.
 */
// What a comeback announces: something won, bought or joined; not a feeling ("grateful").
const COMEBACK_NEWS = new Set(["achievement", "possession", "affiliation"]);

function comebackAfter(ctx: RuleContext, pos: number, death: boolean): boolean {
  if (NEW_START_RE[ctx.lang].test(ctx.lower.slice(pos))) return true;
  if (death) return false;
  for (const brag of findGroups(BRAGS[ctx.lang], ctx)) {
    if (brag.start < pos || !COMEBACK_NEWS.has(brag.group)) continue;
    const s = sentenceAt(ctx, brag.start);
    if (s && (s.firstSingular || s.firstPlural) && NOW_RE[ctx.lang].test(ctx.lower.slice(s.start, s.end)))
      return true;
  }
  return false;
}

// What a comeback announces after a loss.
const NEW_START_RE: Record<Lang, RegExp> = {
  en: /\b(?:announce|i'?ve joined|i have joined|i'?m joining|promoted|new (?:role|job|position|chapter)|starting (?:a|my) new)\b/,
  fr: /\b(?:annoncer|rejoins|rejoint|rejoindre|promue?|nouveau (?:poste|rôle|job|chapitre)|nouvelle aventure)\b/,
};

/**
 * Whether the author is the stated subject right before a phrase: "I turned down", "j'ai dû
 * refuser"; not "Refuser une offre n'est jamais simple", nor "they declined".
 */
export function authorSubjectBefore(ctx: RuleContext, span: Span): boolean {
  const { words, lang } = ctx;
  const i = firstWordFrom(words, span.start);
  if (i >= words.length) return false;
  const from = clauseOfWord(ctx, i).from;
  // "j'ai" is both the subject and an auxiliary (a filler) before the verb; "I had to politely
  // decline", "j'ai poliment décliné": an adverb comes between.
  for (let j = i - 1; j >= from; j--) {
    const w = words[j]!;
    if (isSubject(lang, w)) return true;
    if (!(conceptOf(lang, w) & FILLER) && !MANNER_ADVERB[lang].test(w.word)) return false;
  }
  // "Turned down Google. Twice.": a sentence opening on a past tense has dropped its "I".
  const sentence = sentenceAt(ctx, words[i]!.start);
  return (
    lang === "en" &&
    sentence !== undefined &&
    firstWordFrom(words, sentence.start) === i &&
    /ed$|^said$/.test(words[i]!.word)
  );
}

const MANNER_ADVERB: Record<Lang, RegExp> = { en: /^[a-z]{3,}ly$/, fr: /^[a-zé]{3,}ment$/ };

/** Whether "my", "our", "mon"… opens the clause of a position before it: "my teammate Sarah was laid off". */
export function possessedInClause(ctx: RuleContext, pos: number): boolean {
  const { words, lang } = ctx;
  const i = firstWordFrom(words, pos);
  if (i >= words.length) return false;
  for (let j = clauseOfWord(ctx, i).from; j < i; j++) if (POSSESSIVE[lang].has(words[j]!.word)) return true;
  return false;
}

/** Someone other than the author: "you", "my students", "our engineers", "Maria", "mes élèves". */
const OTHER_PERSON: Record<Lang, RegExp> = {
  en: /^\s*(?:you|your|u|him|her|them|everyone|everybody|each of you|these|those|(?:my|our|the|this|these|those)\s+(?!(?:own|achievements?|work|results?|progress|journey|growth|self|accomplishments?|wins?|award|promotion|book|first|new|latest)\b)[a-z]+|\p{Lu}\p{Ll}+)/u,
  fr: /^\s*(?:toi|vous|lui|elle|eux|elles|tous|toutes|chacun|chacune|(?:mon|ma|mes|notre|nos|ce|cette|ces|la|le|les)\s+(?!qu'on\b|que\s+(?:j'|je\b|nous\b|on\b)|(?:propre|travail|parcours|chemin|réussite|résultats?|progrès|victoire|promotion|livre|premier|première|nouveau|nouvelle|vie)\b)[a-zà-ÿ]+|l'|\p{Lu}\p{Ll}+)/u,
};
const PREPOSITION: Record<Lang, RegExp> = {
  en: /^\s*(?:of|for|with)\b/i,
  fr: /^\s*(?:de|d'|pour|du|des)(?=\s|$|')/i,
};
const ENDS_WITH_PREPOSITION = /(?:^|[^a-z])(?:of|for|with|de|d'|pour|du|des)$/;

/**
 * Whether praise is pointed at someone other than the author: "proud of you", "so proud of Maria",
 * "fière de mes élèves". What follows an announcement ("ravie de vous annoncer mon arrivée") is news.
 */
export function praisesOthers(ctx: RuleContext, end: number): boolean {
  let after = ctx.text.slice(end, end + 40);
  if (!ENDS_WITH_PREPOSITION.test(ctx.lower.slice(Math.max(0, end - 5), end))) {
    const prep = PREPOSITION[ctx.lang].exec(after);
    if (!prep) return false;
    after = after.slice(prep[0].length).replace(/^'/, "");
  }
  return OTHER_PERSON[ctx.lang].test(after);
}

const UPPER_RE = /^\p{Lu}\p{Ll}/u;

/** "Awards" in "the Billboard Music Awards": one capitalised word after another, mid-clause. */
function partOfName(ctx: RuleContext, i: number, span: Span): boolean {
  const { words, text } = ctx;
  const t = words[i];
  if (!t || t.end < span.end || i === 0) return false;
  const clause = layout(ctx).clauses[layout(ctx).clauseOf[i]!]!;
  if (i - 1 <= clause.from) return false;
  const prev = words[i - 1]!;
  return UPPER_RE.test(text.slice(t.start, t.end)) && UPPER_RE.test(text.slice(prev.start, prev.end));
}

const MODAL_OPENERS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(["should", "shall", "would", "could", "might", "may", "if", "whether", "what if"]),
  fr: new Set(["devrais", "devrions", "faudrait", "faut-il", "dois-je", "si", "pourrais", "pourrions"]),
};

/** A question that weighs a possibility ("Should I write a book?"): it announces nothing yet. */
export function hypothetical(ctx: RuleContext, pos: number): boolean {
  const s = sentenceAt(ctx, pos);
  return !!s && s.question && MODAL_OPENERS[ctx.lang].has(s.opener);
}

/** Who the clause around a position speaks as: "I" (singular), "we" (plural), or no one named. */
export function clauseSubject(ctx: RuleContext, pos: number): "singular" | "plural" | undefined {
  const { clauses, clauseOf } = layout(ctx);
  const i = Math.min(firstWordFrom(ctx.words, pos), ctx.words.length - 1);
  if (i < 0) return undefined;
  const clause = clauses[clauseOf[i]!]!;
  if (!clause.someoneElses) return clause.subject;
  // "My manager got promoted to VP and I'm so proud": the news before the author speaks is hers.
  for (let j = clause.from; j <= i; j++) if (isSubject(ctx.lang, ctx.words[j]!)) return clause.subject;
  return undefined;
}

/** Whether the clause around a position is its sentence's first. */
export function clauseOpensSentence(ctx: RuleContext, pos: number): boolean {
  const { words } = ctx;
  const { clauses, clauseOf } = layout(ctx);
  const i = Math.min(firstWordFrom(words, pos), words.length - 1);
  if (i < 0) return false;
  const from = clauses[clauseOf[i]!]!.from;
  const s = sentenceAt(ctx, words[from]!.start);
  return !!s && words[from]!.start === firstWordStart(ctx, s.start);
}

function firstWordStart(ctx: RuleContext, pos: number): number {
  return ctx.words[firstWordFrom(ctx.words, pos)]?.start ?? -1;
}

/** Whether a phrase ends on a word of pride or joy ("so proud", "fière de"): only that can be for others. */
function endsInPraise(ctx: RuleContext, span: Span): boolean {
  if (ENDS_WITH_PREPOSITION.test(ctx.lower.slice(Math.max(0, span.end - 5), span.end))) return true;
  const last = ctx.words[firstWordFrom(ctx.words, span.end) - 1];
  return !!last && (conceptOf(ctx.lang, last) & PRAISE) !== 0;
}

/** The clause around a word, as word indices [from, to). */
export function clauseOfWord(ctx: RuleContext, i: number): { from: number; to: number } {
  const { clauses, clauseOf } = layout(ctx);
  return clauses[clauseOf[i]!]!;
}

/**
 * The index of a negation among the `within` words before word `i` in its clause ("not proud of",
 * "I don't need another checklist"), or -1. "Pas peu fier" negates nothing (deniesNothing).
 */
export function negationBefore(ctx: RuleContext, i: number, within = 3): number {
  const { words, lang } = ctx;
  for (let j = Math.max(clauseOfWord(ctx, i).from, i - within); j < i; j++)
    if (
      conceptOf(lang, words[j]!) & NEGATION &&
      !deniesNothing(lang, words, j) &&
      !withoutBetween(words, j, i)
    )
      return j;
  return -1;
}

// "Never without my drive", "jamais arrivé sans ma détermination": two negations say "with".
const WITHOUT = new Set(["without", "sans"]);

function withoutBetween(words: readonly Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (WITHOUT.has(words[k]!.word)) return true;
  return false;
}

/** Why a phrase of self-praise does not count here, or undefined when it does. */
export function discounted(ctx: RuleContext, span: Span): string | undefined {
  const { words, lang } = ctx;
  const i = firstWordFrom(words, span.start);
  if (i >= words.length) return undefined;
  const { clauses, clauseOf, quotes } = layout(ctx);
  const clause = clauses[clauseOf[i]!]!;
  if (negationBefore(ctx, i) !== -1) return "negated";
  // A condition governs the rest of its sentence: "If I get promoted, I'll celebrate".
  const condition = layout(ctx).conditioned[i];
  if (condition === CONDITIONED) return "condition";
  // After a condition on the reader, only an offer stays hypothetical: "If you're in Paris, I'd be
  // thrilled to meet you", but "If you need an expert, I'm the best".
  if (condition === AFTER_READER_CONDITION)
    for (let j = Math.max(clause.from, i - 3); j < i; j++)
      if (conceptAt(lang, words, j) & WISH) return "condition";
  if (clause.story) return "story";
  // A post telling a loss in the author's life is no self-promotion: "I am grateful for every
  // message" after a diagnosis, "he was the first to review my code when I joined" in a eulogy.
  if (lossOfAuthor(ctx)) return "loss";
  // "She was so proud to have raised six children", "il était fier": someone else's pride.
  if (
    (clause.other || clause.someoneElses) &&
    clause.subject === undefined &&
    !givenToAuthor(ctx, i, clause.from)
  )
    return "others";
  if (endsInPraise(ctx, span) && praisesOthers(ctx, span.end)) return "others";
  if (partOfName(ctx, i, span)) return "name";
  for (const q of quotes) if (span.start >= q.start && span.start < q.end) return "quote";
  return undefined;
}
