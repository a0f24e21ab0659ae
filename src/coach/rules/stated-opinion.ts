import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import type { Lang } from "../types.js";
import { hitsOf, type Rule } from "./rule.js";

const OPINION: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "i think",
    "i believe",
    "in my (?:view|opinion|experience)",
    "my take",
    "i disagree",
    "i'?d argue",
    "imh?o",
    "i'?m convinced",
    "i suspect",
    "here'?s what i (?:think|believe|learned|learnt)",
    "unpopular opinion",
    "i was wrong",
    "i changed my mind",
    "i'?ve come to (?:think|believe|realize|realise)",
    "what i (?:learned|learnt|realized|realised)",
  ]),
  fr: lexicon("fr", [
    "à mon avis",
    "je pense",
    "je crois",
    "selon moi",
    "pour moi",
    "je trouve que",
    "d'après moi",
    "je suis convaincue?",
    "mon point de vue",
    "opinion impopulaire",
    "je me suis trompée?",
    "j'ai changé d'avis",
    "ce que j'ai (?:appris|compris|retenu)",
  ]),
};

export const statedOpinion: Rule = {
  id: "stated-opinion",
  dimension: "authenticity",
  kind: "strength",
  severity: "info",
  priority: 22,
  texts: {
    en: {
      default: {
        message: "You say what you think.",
        suggestion: "A stated opinion reveals who you are; that is what people connect with.",
        question: "You write {q}. What would someone who disagrees say, and what would you answer?",
      },
    },
    fr: {
      default: {
        message: "Vous dites ce que vous pensez.",
        suggestion: "Une opinion assumée révèle qui vous êtes ; c'est ce qui crée du lien.",
        question:
          "Vous écrivez {q}. Que dirait quelqu'un qui n'est pas d'accord, et que lui répondriez-vous ?",
      },
    },
  },
  run: (ctx) => hitsOf(findAll(OPINION[ctx.lang], ctx)),
};
