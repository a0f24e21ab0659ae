import { findAll, type Lexicon, lexicon } from "./lexicon.js";
import { challengeSpans } from "./rules/challenge-shared.js";
import type { RuleContext } from "./text.js";
import type { Lang } from "./types.js";

/** The effort behind a success, told: "three years of hard work paid off", "fière du chemin parcouru". */
const EFFORT: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "hard work",
    "(?:a lot of|lots of|so much|tons of) (?:hard )?(?:work|effort|practice|sweat)",
    "(?:years|months|weeks) of (?:\\w+ )?(?:work|effort|practice|training|trying|rejections?|study|studying)",
    "after (?:\\d+|two|three|four|five|six|ten|many) (?:years|months|attempts|tries|rejections)",
    "paid off",
    "(?:long|bumpy|hard) road",
    "the (?:road|journey|path) (?:here|to)",
    "(?:sleepless|late) nights",
    "countless (?:hours|nights|attempts)",
    "blood,? sweat",
    "(?:tried|applied) (?:\\d+|many|so many|several) times",
    // Where one started from, when: "A year ago I couldn't run 5k", "I used to be terrified of…".
    // Not "we couldn't do it without our customers", "I couldn't even finish my coffee before the
    // third VC called".
    "(?:ago|back then|at first|when i started|when i began|at the start)[,:]? (?:i|we) (?:couldn'?t|could not|could barely|wasn'?t able to|was not able to|had never) (?:even )?(?:run|walk|swim|lift|speak|read|write|code|cook|finish|afford|pass|climb|play|sing|stand)(?! (?:\\S+ ){0,3}(?:without|before) (?:my|our|the|a))",
    "(?:i|we) used to (?:be (?:terrified|afraid|scared|bad|awful|terrible|hopeless)|struggle|fail|hate)",
  ]),
  fr: lexicon("fr", [
    "chemin parcouru",
    "travail acharné",
    "(?:beaucoup|énormément|tellement) (?:de travail|d'efforts?|de sueur)",
    "(?:des|\\d+) (?:années|mois|semaines|ans) (?:de|d') (?:travail|efforts?|pratique|entraînement|essais|refus|études)",
    "après (?:\\d+|deux|trois|quatre|cinq|six|dix|de nombreuses|des) (?:années|ans|mois|tentatives|essais|refus)",
    "(?:porte|a porté|portent|ont porté) (?:ses|leurs) fruits",
    "(?:a|ont) payé",
    "(?:long|dur) chemin",
    "nuits blanches",
    "(?:j'ai|on a) (?:essayé|postulé|tenté) (?:\\d+|plusieurs|tant de|de nombreuses) fois",
    "(?:il y a \\S+ (?:ans?|mois)|au début|à l'époque|quand j'ai commencé)[,]? (?:je n'arrivais|j'arrivais|je ne pouvais|je pouvais|on n'arrivait|on arrivait) (?:même |plus )?pas (?:à )?(?:courir|marcher|nager|parler|lire|écrire|coder|cuisiner|finir|terminer|payer|réussir|monter|jouer)(?! (?:\\S+ ){0,3}(?:tellement|sans|avant))",
    "(?:j'étais|j'avais) (?:nulle?|terrifiée?|mauvaise?|incapable|une peur bleue)",
  ]),
};

/** Whether the draft tells the road to its success: a difficulty, a doubt or the effort it took. */
export function roadTold(ctx: RuleContext): boolean {
  return challengeSpans(ctx).length > 0 || findAll(EFFORT[ctx.lang], ctx).length > 0;
}
