import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import { memo, memoized, type RuleContext, type Span } from "../text.js";
import type { Lang } from "../types.js";
import { hitsOf, type Rule } from "./rule.js";

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
  return memoized(ctx, CHALLENGES, (c) => findAll(CHALLENGE[c.lang], c));
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
    },
    fr: {
      default: {
        message: "Vous partagez une difficulté ou un doute rencontré en chemin.",
        suggestion: "L'équilibre aide le lecteur à se reconnaître ; gardez le détail qui lui sert.",
        question:
          "Vous évoquez {q}. Qu'avez-vous fait face à cela, qu'un lecteur dans la même situation pourrait essayer ?",
      },
    },
  },
  run: (ctx) => hitsOf(challengeSpans(ctx)),
};
