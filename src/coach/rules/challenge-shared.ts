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
    // Overwhelmed ("je me suis senti dépassé"), not exceeded: "dépassé mes objectifs", "les 10 000".
    "dépassée?(?! (?:mes|nos|les|le|la|l'|ses|son|sa|leurs?|notre|votre|vos|tous|toutes|largement|de loin|\\d))",
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
      (s) => !denied(c, s) && !readers(c, s) && !notOverwhelmedByHardship(c, s),
    ),
  );
}

/** "With zero failed transactions", "no doubt", "sans stress": the word says there was none. */
function denied(ctx: RuleContext, span: Span): boolean {
  // A finding is made of words: its first one exists.
  const i = firstWordFrom(ctx.words, span.start);
  return i > clauseOfWord(ctx, i).from && NO_FAILURE.has(ctx.words[i - 1]!.word);
}

/**
 * A difficulty of the reader's, not the author's: the last person its clause names before it is
 * "you" ("If you're stuck…", "Si vous connaissez une équipe qui galère"). "You made me doubt" and
 * "thank you for staying when I failed" are the author's.
 */
function readers(ctx: RuleContext, span: Span): boolean {
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

// "Overwhelmed" and "dépassé" by kindness, not by work: what overwhelms follows ("…by all your
// messages"), or the sentence or the one before thanks or counts the messages ("500 messages, I'm
// overwhelmed"). A "dépassé" that exceeded something is no feeling at all.
const AMBIGUOUS_FEELING: Record<Lang, RegExp> = { en: /^overwhelmed$/, fr: /^dépassée?$/ };
const BY_KINDNESS: Record<Lang, RegExp> = {
  en: /^\s+(?:by|with)\s+(?:\S+\s+){0,3}?(?:love|support|kindness|gratitude|joy|emotions?|messages|wishes|congratulations|kind words|response|outpouring)\b/,
  fr: /^\s+(?:par|de)\s+(?:\S+\s+){0,3}?(?:amour|soutien|bienveillance|gratitude|joie|émotions?|messages|vœux|félicitations|mots)(?=[\s,.;:!?]|$)/,
};
const THANKS: Record<Lang, RegExp> = {
  en: /\b(?:thank(?:s| you)?|grateful|congratulat\w*|messages|wishes|kind words)\b/,
  fr: /(?:^|[^\p{L}])(?:merci|reconnaissante?|félicit\p{L}*|messages|vœux)(?=[^\p{L}]|$)/u,
};

// "J'ai toujours dépassé mes objectifs": "dépassé" with an object exceeded it, a boast.
const EXCEEDED_RE =
  /^\s+(?:mes|mon|ma|nos|notre|les|le|la|l'|tous|toutes|ses|son|sa|leurs?|largement|même)(?=[\s']|$)/;

function notOverwhelmedByHardship(ctx: RuleContext, span: Span): boolean {
  const { lang, lower, sentences } = ctx;
  if (!AMBIGUOUS_FEELING[lang].test(lower.slice(span.start, span.end))) return false;
  if (lang === "fr" && EXCEEDED_RE.test(lower.slice(span.end, span.end + 12))) return true;
  if (BY_KINDNESS[lang].test(lower.slice(span.end, span.end + 60))) return true;
  const s = sentences.indexOf(sentenceAt(ctx, span.start)!);
  return s !== -1 && THANKS[lang].test(lower.slice(sentences[Math.max(0, s - 1)]!.start, sentences[s]!.end));
}

// A difficulty not behind the author yet: "we haven't fixed it yet", "I'm still stuck", "toujours
// pas résolu". "What did you do about it?" would take it for solved.
const STILL_BEFORE: Record<Lang, RegExp> = {
  en: /\bstill\s+(?:\S+\s+){0,2}$/,
  fr: /(?:^|\s)(?:encore|toujours)\s+(?:\S+\s+){0,2}$/,
};
const NOT_YET_AFTER: Record<Lang, RegExp> = {
  en: /(?:\bnot|n't|\bnever)\s+(?:\S+\s+){0,4}?yet\b/,
  fr: /\bpas encore\b|\btoujours pas\b/,
};

function ongoing(ctx: RuleContext, hit: Span): boolean {
  const { lang, lower } = ctx;
  const clause = clauseOfWord(ctx, firstWordFrom(ctx.words, hit.start));
  if (STILL_BEFORE[lang].test(lower.slice(ctx.words[clause.from]!.start, hit.start))) return true;
  const end = sentenceAt(ctx, hit.start)?.end ?? lower.length;
  return NOT_YET_AFTER[lang].test(lower.slice(hit.end, end));
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
