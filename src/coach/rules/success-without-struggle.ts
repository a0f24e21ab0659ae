import { features } from "../features.js";
import { roadTold } from "../road.js";
import type { RuleContext, Span } from "../text.js";
import { companyNews } from "./company-news.js";
import type { Rule } from "./rule.js";

/**
 * The first success of the author's the draft tells: an achievement, a feeling about one's news, a
 * word of status, a company's milestone. A possession is not a success with a road to it.
 */
export function successOf(ctx: RuleContext): Span | undefined {
  const f = features(ctx);
  return (
    f.brags.find((b) => b.type !== "possession") ??
    f.selfCongratulation[0] ??
    f.celebration.find((c) => c.strong) ??
    companyNews.run(ctx)[0]
  );
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
          "Le lecteur se reconnaît dans le chemin plus que dans le résultat : qu'est-ce qui a été difficile pour en arriver à {q}, et de quoi avez-vous douté ?",
      },
    },
  },
  run(ctx) {
    const success = successOf(ctx);
    if (!success || roadTold(ctx)) return [];
    return [{ start: success.start, end: success.end }];
  },
};
