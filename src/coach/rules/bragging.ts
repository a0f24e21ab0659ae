import { features } from "../features.js";
import type { Rule } from "./rule.js";

export const bragging: Rule = {
  id: "bragging",
  dimension: "authenticity",
  kind: "concern",
  severity: "info",
  priority: 12,
  texts: {
    en: {
      default: {
        message: "Bragging: this tells readers what you achieved, not what it means for them.",
        suggestion: "A win is worth sharing with what it took and what others can take from it.",
        question:
          "{q} tells readers what you achieved. What did it take, and what would help them do the same?",
      },
      trait: {
        message: "Bragging about yourself: readers judge traits by what you show, not what you claim.",
        suggestion: "Show it with a concrete story rather than stating it.",
        question: "You describe yourself as {q}. What story would let readers see that for themselves?",
      },
      possession: {
        message: "Showing off a possession: readers rarely gain anything from it.",
        suggestion: "Professional posting is not personal posting; keep the audience in mind.",
        question: "{q}: what would a colleague reading this take away from it?",
      },
    },
    fr: {
      default: {
        message:
          "Vantardise : le post dit ce que vous avez accompli, pas ce que cela change pour le lecteur.",
        suggestion:
          "Une réussite vaut d'être partagée avec ce qu'elle a demandé et ce que d'autres peuvent en tirer.",
        question:
          "{q} dit ce que vous avez accompli. Qu'est-ce que cela vous a demandé, et qu'est-ce qui aiderait vos lecteurs à y arriver ?",
      },
      trait: {
        message:
          "Vous vous décrivez vous-même : les lecteurs jugent sur ce que vous montrez, pas sur ce que vous affirmez.",
        suggestion: "Montrez-le par une histoire concrète plutôt que de l'affirmer.",
        question:
          "Vous vous décrivez comme {q}. Quelle histoire permettrait aux lecteurs de le voir par eux-mêmes ?",
      },
      possession: {
        message: "Vous montrez un bien : le lecteur en tire rarement quelque chose.",
        suggestion: "Publier en professionnel n'est pas publier en privé : gardez votre public à l'esprit.",
        question: "{q} : qu'est-ce qu'un collègue qui lit ceci en retirerait ?",
      },
    },
  },
  run: (ctx) => features(ctx).brags.map((b) => ({ start: b.start, end: b.end, variant: b.type })),
};
