import { features } from "../features.js";
import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import type { RuleContext } from "../text.js";
import type { Lang } from "../types.js";
import { challengeSpans } from "./challenge-shared.js";
import type { Rule } from "./rule.js";

/** The effort behind a success, told: "three years of hard work paid off", "fière du chemin parcouru". */
const EFFORT: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "hard work",
    "(?:years|months|weeks) of (?:\\w+ )?(?:work|effort|practice|training|trying|rejections?|study|studying)",
    "after (?:\\d+|two|three|four|five|six|ten|many) (?:years|months|attempts|tries|rejections)",
    "paid off",
    "(?:long|bumpy|hard) road",
    "the (?:road|journey|path) (?:here|to)",
    "(?:sleepless|late) nights",
    "countless (?:hours|nights|attempts)",
    "blood,? sweat",
    "(?:tried|applied) (?:\\d+|many|so many|several) times",
  ]),
  fr: lexicon("fr", [
    "chemin parcouru",
    "travail acharné",
    "(?:des|\\d+) (?:années|mois|semaines|ans) (?:de|d') (?:travail|efforts?|pratique|entraînement|essais|refus|études)",
    "après (?:\\d+|deux|trois|quatre|cinq|six|dix|de nombreuses|des) (?:années|ans|mois|tentatives|essais|refus)",
    "(?:porte|a porté|portent|ont porté) (?:ses|leurs) fruits",
    "(?:a|ont) payé",
    "(?:long|dur) chemin",
    "nuits blanches",
    "(?:j'ai|on a) (?:essayé|postulé|tenté) (?:\\d+|plusieurs|tant de|de nombreuses) fois",
  ]),
};

/** Whether the draft tells the road to its success: a difficulty, a doubt or the effort it took. */
export function roadTold(ctx: RuleContext): boolean {
  return challengeSpans(ctx).length > 0 || findAll(EFFORT[ctx.lang], ctx).length > 0;
}

export const successWithoutStruggle: Rule = {
  id: "success-without-struggle",
  dimension: "vulnerability",
  kind: "concern",
  severity: "info",
  priority: 8,
  texts: {
    en: {
      default: {
        message: "A success told without the road to it.",
        suggestion:
          "When you tell a success, also tell the challenges and doubts along the way, without oversharing.",
        question:
          "Readers relate to the road more than the result: what was hard on the way to {q}, and what did you doubt?",
      },
    },
    fr: {
      default: {
        message: "Une réussite racontée sans le chemin parcouru.",
        suggestion:
          "Quand vous parlez d'un succès, parlez aussi des défis et des doutes rencontrés, sans trop en dire.",
        question:
          "Le lecteur se reconnaît dans le chemin plus que dans le résultat : qu'est-ce qui a été difficile vers {q}, et de quoi avez-vous douté ?",
      },
    },
  },
  run(ctx) {
    const f = features(ctx);
    const success =
      f.brags.find((b) => b.type !== "possession") ??
      f.selfCongratulation[0] ??
      f.celebration.find((c) => c.strong);
    if (!success || roadTold(ctx)) return [];
    return [{ start: success.start, end: success.end }];
  },
};
