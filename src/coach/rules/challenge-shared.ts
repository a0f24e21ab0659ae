import { clauseOfWord, firstWordFrom, NO_FAILURE } from "../context.js";
import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import { memo, memoized, type RuleContext, type Span, sentenceAt } from "../text.js";
import type { Lang } from "../types.js";
import { PERSON } from "../words.js";
import type { Hit, Rule } from "./rule.js";

const CHALLENGE: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "fail(?:ed|ure|ures|ing)?",
    "mistakes?",
    "struggl(?:e|ed|es|ing)",
    "hard(?:er|est)? (?:time|part|lesson|truth|thing|year|road)",
    "(?:wasn'?t|was not|isn'?t|is not|not) easy",
    "difficult(?:y|ies)?",
    "doubts?",
    "doubted",
    "afraid",
    "fears?",
    "feared",
    "scared",
    "terrified",
    "anxious",
    "anxiety",
    "nervous",
    "imp[oa]st[eo]r",
    "reject(?:ed|ion|ions)",
    "setbacks?",
    "embarrass(?:ed|ing|ment)",
    "ashamed",
    "laid off",
    "(?:run|ran|running) out of (?:money|cash|runway)",
    "messed up",
    "screwed up",
    "got it wrong",
    "i was wrong",
    "went wrong",
    "almost (?:quit|gave up)",
    "(?:learned|learnt) the hard way",
    "i admit",
    "confess",
    "vulnerable",
    // "I hit burnout" is the author's; "an article on burnout", "helps teams avoid burnout" a topic.
    "burned out|burnt out|(?<!(?:on|about|avoid|avoiding|prevent|preventing|against|reduce|reducing|fight|fighting) )burn-?out",
    "overwhelmed",
    "uncertain(?:ty)?",
    "didn'?t know (?:how|what|if)",
    "no idea (?:how|what|if)",
    "(?:lost|losing) (?:my|our|the)",
    "lost (?:again|today|the game|the match)",
    "worr(?:y|ied|ying)",
    "devastated",
    "disappoint(?:ed|ing|ment)",
    "frustrat(?:ed|ing|ion)",
    "harder than (?:i )?(?:thought|expected)",
    // "None stuck", "the name stuck" (stick) are no difficulty.
    "(?<!(?:none|nothing|it|that|name|habit|which|what) )stuck",
    "sad",
    "i miss",
    "wish me luck",
    "can'?t (?:find|figure out|understand|sleep)",
  ]),
  fr: lexicon("fr", [
    "échecs?",
    "échoué",
    "erreurs?",
    "je me suis trompée?",
    "difficiles?",
    "difficultés?",
    "pas (?:été )?facile",
    // "Sans doute", "nul doute", "sans aucun doute" say "probably" and "surely": no doubt told.
    "(?<!(?:sans|sans aucun|nul) )doutes?",
    "douté",
    "peurs?",
    "angoisses?",
    "stress",
    "imposteur|imposture",
    "rejetée?",
    "refusée?",
    "revers",
    "ratée?s?",
    "honte",
    "licenciée?s?",
    "galère|galéré",
    "perdu",
    "failli (?:abandonner|tout arrêter|lâcher)",
    // "J'avoue, ce resto est top" only agrees: an avowal says what ("j'avoue que…", "je l'avoue").
    "j'avoue (?:que|qu'|avoir)|je l'avoue|je dois l'avouer",
    "vulnérable",
    "(?<!(?:sur|contre|éviter|prévenir|parler)(?: le| du)? )burn-?out",
    // Overwhelmed ("je me suis senti dépassé") or exceeded ("dépassé mes objectifs"): see exceeded().
    "dépassée?",
    "je ne savais pas",
    "incertitude",
    "inquiète?",
    "déçue?|décevant",
    "triste",
    "frustrée?|frustrant",
    "plus (?:dur|difficile) que prévu",
    "bloquée?",
    "souhaitez-moi bonne chance",
    "me manque",
  ]),
};

const CHALLENGES = memo<Span[]>();

/** Difficulties, doubts and mistakes told in the draft; shared with success-without-struggle. */
export function challengeSpans(ctx: RuleContext): Span[] {
  return memoized(ctx, CHALLENGES, (c) =>
    findAll(CHALLENGE[c.lang], c).filter(
      (s) => !denied(c, s) && !readersDifficulty(c, s) && !notOverwhelmedByHardship(c, s),
    ),
  );
}

/**
 * "With zero failed transactions", "no doubt", "sans stress": the word says there was none. A
 * denier itself denied ("it wasn't without doubts", "pas sans peur") says there was some.
 */
function denied(ctx: RuleContext, span: Span): boolean {
  const { words } = ctx;
  // A finding is made of words: its first one exists.
  const i = firstWordFrom(words, span.start);
  const from = clauseOfWord(ctx, i).from;
  if (i <= from || !NO_FAILURE.has(words[i - 1]!.word)) return false;
  return !(i - 2 >= from && NEGATED_DENIER_BEFORE.test(words[i - 2]!.word));
}

// What turns a denier over: "wasn't", "not", "never", "pas", "jamais", "non".
const NEGATED_DENIER_BEFORE = /(?:n't|^not|^never|^pas|^jamais|^non)$/;

/**
 * A difficulty of the reader's, not the author's: the last person its clause names before it is
 * "you" ("If you're stuck…", "Si vous connaissez une équipe qui galère"). "You made me doubt" and
 * "thank you for staying when I failed" are the author's.
 */
function readersDifficulty(ctx: RuleContext, span: Span): boolean {
  const { words } = ctx;
  const { first, plural, second } = PERSON[ctx.lang];
  const i = firstWordFrom(words, span.start);
  for (let j = i - 1; j >= clauseOfWord(ctx, i).from; j--) {
    const cls = words[j]!.cls;
    if (cls & (first | plural)) return false;
    if (cls & second) return true;
  }
  return false;
}

// "Overwhelmed" and "dépassé" by kindness, not by work: congratulations, kind words or wishes
// overwhelm ("…by all your kind messages"), or, with no cause named, the sentence or the one before
// is made of them ("So many congratulations! I'm overwhelmed"). Any "messages" or "thanks" is not
// enough: "overwhelmed by Slack messages", "thanks to my therapist for helping me when I was
// overwhelmed" tell a struggle. So does any other cause ("Birthday wishes aside, I was overwhelmed
// by the workload", "Merci pour vos félicitations ! … dépassé par la migration"), and a contrast
// between the kind words and the feeling ("Merci pour vos vœux. Par contre je suis dépassé").
const AMBIGUOUS_FEELING: Record<Lang, RegExp> = { en: /^overwhelmed$/, fr: /^dépassée?$/ };
const KIND_WORDS: Record<Lang, string> = {
  en: "congratulat\\w*|(?:kind|warm|lovely|sweet|nice|supportive|encouraging|heartfelt|birthday|your) (?:\\S+ )?(?:words|messages|notes|comments|wishes)|(?:good |best )?wishes|love and support|outpouring",
  fr: "félicit\\p{L}*|vœux|(?:mots|messages|commentaires) (?:\\S+ )?(?:gentils|doux|bienveillants|chaleureux|adorables|de soutien|d'encouragement|de félicitations)|(?:vos|tes|gentils|adorables|beaux|chaleureux) (?:\\S+ )?(?:mots|messages|commentaires)",
};
const BY_KINDNESS: Record<Lang, RegExp> = {
  en: new RegExp(
    `^\\s+(?:by|with)\\s+(?:\\S+\\s+){0,3}?(?:love|support|kindness|gratitude|joy|emotions?|${KIND_WORDS.en})(?=[\\s,.;:!?]|$)`,
    "u",
  ),
  fr: new RegExp(
    `^\\s+(?:par|de)\\s+(?:\\S+\\s+){0,3}?(?:amour|soutien|bienveillance|gratitude|joie|émotions?|${KIND_WORDS.fr})(?=[\\s,.;:!?]|$)`,
    "u",
  ),
};
const KINDNESS_NEAR: Record<Lang, RegExp> = {
  en: new RegExp(`(?:^|[^\\p{L}])(?:${KIND_WORDS.en})(?=[^\\p{L}]|$)`, "gu"),
  fr: new RegExp(`(?:^|[^\\p{L}])(?:${KIND_WORDS.fr})(?=[^\\p{L}]|$)`, "gu"),
};
// A cause other than kindness: "by the workload", "par la migration". French "de" stays out:
// "dépassé de 30 %" is no cause.
const CAUSE: Record<Lang, RegExp> = { en: /^\s+(?:by|with)\s/, fr: /^\s+par\s/ };
const CONTRAST: Record<Lang, RegExp> = {
  en: /\b(?:but|however|aside|apart|though|although|yet|that said)\b/,
  fr: /(?:^|[^\p{L}])(?:mais|par contre|en revanche|cependant|pourtant|toutefois|à part|hormis)(?=[^\p{L}]|$)/u,
};

// "J'ai toujours dépassé mes objectifs", "dépassé les 10 000": "dépassé" exceeded a goal or a figure,
// a boast. After "senti", "suis", "étais", "complètement", it is a feeling whatever follows ("je me
// suis senti dépassé tous les jours", "j'étais complètement dépassé la plupart du temps").
const FEELING_BEFORE_RE =
  /(?:^|\s)(?:senti|sentie|sens|sent|suis|es|est|étais|était|été|complètement|totalement|vite|un peu|très|trop)\s+$/;
// A budget exceeded is an overrun, a struggle ("le projet a dépassé le budget de 30 %"). A figure
// is one only right after "dépassé" or its article ("les 10 000"), not words later ("le budget de 30").
const DETERMINER = "(?:mes|mon|ma|nos|notre|vos|votre|les|le|la|l'|ses|son|sa|leurs?|tous|toutes)";
const EXCEEDED_RE = new RegExp(
  `^\\s+(?:(?:largement|de loin|même|encore|enfin|déjà)\\s+)?(?:(?:${DETERMINER}\\s*(?:\\S+\\s+){0,2}?)?(?:objectifs?|attentes|prévisions|pronostics|estimations?|ambitions|espérances|records?|quotas?|cibles?|chiffres?|cap|barre|seuil|millions?|milliers?|milliards?)(?=[^\\p{L}]|$)|(?:${DETERMINER}\\s*)?\\d)`,
  "u",
);

function exceeded(lower: string, span: Span): boolean {
  return (
    !FEELING_BEFORE_RE.test(lower.slice(Math.max(0, span.start - 16), span.start)) &&
    EXCEEDED_RE.test(lower.slice(span.end, span.end + 50))
  );
}

function notOverwhelmedByHardship(ctx: RuleContext, span: Span): boolean {
  const { lang, lower, sentences } = ctx;
  if (!AMBIGUOUS_FEELING[lang].test(lower.slice(span.start, span.end))) return false;
  if (lang === "fr" && exceeded(lower, span)) return true;
  const after = lower.slice(span.end, span.end + 60);
  if (BY_KINDNESS[lang].test(after)) return true;
  if (CAUSE[lang].test(after)) return false;
  const s = sentences.indexOf(sentenceAt(ctx, span.start)!);
  if (s === -1) return false;
  const near = lower.slice(sentences[Math.max(0, s - 1)]!.start, span.start);
  // What comes after the last kind words before the feeling: no contrast in it.
  let afterKindness: number | undefined;
  for (const m of near.matchAll(KINDNESS_NEAR[lang])) afterKindness = m.index + m[0].length;
  if (afterKindness !== undefined) return !CONTRAST[lang].test(near.slice(afterKindness));
  // "I'm overwhelmed, so many kind words!"
  const rest = lower.slice(span.end, sentences[s]!.end);
  KINDNESS_NEAR[lang].lastIndex = 0;
  return KINDNESS_NEAR[lang].test(rest);
}

// A difficulty not behind the author yet: "we haven't fixed it yet", "I'm still stuck", "toujours
// pas résolu", "I'm struggling with burnout right now", "je galère encore". "What did you do about
// it?" would take it for solved. A memory is no "still" ("I still remember the fear"), nor is
// "toujours" before a participle, which says "always" ("j'ai toujours eu peur").
const STILL_BEFORE: Record<Lang, RegExp> = {
  en: /\bstill\s+(?!(?:remember|recall|think|laugh|smile|cringe|get|feel the|have the)\b)(?:\S+\s+){0,2}$/,
  fr: /(?:^|\s)(?:encore|toujours)\s+(?!(?:eu|été|\p{L}+(?:é|ée|és|ées))(?:\s|$))(?:\S+\s+){0,2}$/u,
};
// "I'm struggling", "we've been stuck": told in the present of the one telling.
const PRESENT_BEFORE: Record<Lang, RegExp> = {
  en: /(?:\bi'm|\bi am|\bwe're|\bwe are|\bi've been|\bwe've been|\bi have been|\bwe have been)\s+(?:\S+\s+)?$/,
  fr: /(?:^|\s)(?:je|on|nous)\s+(?:\S+\s+)?$/,
};
const NOW_AFTER: Record<Lang, RegExp> = {
  en: /^\S*\s+(?:\S+\s+){0,4}?(?:right now|at the moment|these days|currently)\b|\b(?:i|we) (?:don't|do not) (?:yet )?know (?:how|what|if|where|when)\b/,
  fr: /^\S*\s+(?:encore|toujours)(?!\s+(?:une fois|plus|moins|mieux|et|pas)\b)(?=[\s,.;:!?]|$)|\b(?:en ce moment|actuellement|aujourd'hui encore|encore aujourd'hui)\b|\bje ne sais (?:toujours )?pas (?:comment|quoi|si|où|quand)\b/u,
};
const NOT_YET_AFTER: Record<Lang, RegExp> = {
  en: /(?:\bnot|n't|\bnever)\s+(?:\S+\s+){0,4}?yet\b/,
  fr: /\bpas encore\b|\btoujours pas\b/,
};

function ongoing(ctx: RuleContext, hit: Span): boolean {
  const { lang, lower } = ctx;
  const clause = clauseOfWord(ctx, firstWordFrom(ctx.words, hit.start));
  const before = lower.slice(ctx.words[clause.from]!.start, hit.start);
  if (STILL_BEFORE[lang].test(before)) return true;
  const end = sentenceAt(ctx, hit.start)?.end ?? lower.length;
  const after = lower.slice(hit.end, end);
  if (NOT_YET_AFTER[lang].test(after)) return true;
  // Present tense alone tells too little ("I'm afraid that…"): with "now" or "encore" it is now.
  return PRESENT_BEFORE[lang].test(before) && NOW_AFTER[lang].test(lower.slice(hit.start, end));
}

export const challengeShared: Rule = {
  id: "challenge-shared",
  dimension: "vulnerability",
  kind: "strength",
  severity: "info",
  priority: 28,
  texts: {
    en: {
      default: {
        message: "You share a difficulty or a doubt along the way.",
        suggestion: "Balance helps readers relate; keep the detail to what serves them.",
        question: "You mention {q}. What did you do about it that a reader facing the same could try?",
      },
      ongoing: {
        message: "You share a difficulty you are still facing.",
        suggestion:
          "Saying where you stand helps readers in the same spot; keep the detail to what serves them.",
        question:
          "You mention {q}. Where do you stand with it now, and what would a reader facing the same want to know?",
      },
    },
    fr: {
      default: {
        message: "Vous partagez une difficulté ou un doute rencontré en chemin.",
        suggestion: "L'équilibre aide le lecteur à se reconnaître ; gardez le détail qui lui sert.",
        question:
          "Vous évoquez {q}. Qu'avez-vous fait face à cela, qu'un lecteur dans la même situation pourrait essayer ?",
      },
      ongoing: {
        message: "Vous partagez une difficulté que vous vivez encore.",
        suggestion:
          "Dire où vous en êtes aide le lecteur dans la même situation ; gardez le détail qui lui sert.",
        question:
          "Vous évoquez {q}. Où en êtes-vous aujourd'hui, et que voudrait savoir un lecteur dans la même situation ?",
      },
    },
  },
  run: (ctx) =>
    challengeSpans(ctx).map((s): Hit => (ongoing(ctx, s) ? { ...s, variant: "ongoing" } : { ...s })),
};
