import { features } from "../features.js";
import { challengeSpans } from "./challenge-shared.js";
import type { Rule } from "./rule.js";

export const successWithoutStruggle: Rule = {
  id: "success-without-struggle",
  dimension: "vulnerability",
  kind: "concern",
  severity: "info",
  points: -20,
  cap: 20,
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
    if (!success || challengeSpans(ctx).length > 0) return [];
    return [{ start: success.start, end: success.end }];
  },
};
