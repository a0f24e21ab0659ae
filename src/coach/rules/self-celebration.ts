import { features } from "../features.js";
import type { Rule } from "./rule.js";

export const selfCelebration: Rule = {
  id: "self-celebration",
  dimension: "authenticity",
  kind: "concern",
  severity: "info",
  priority: 14,
  byVariant: ["strong"],
  texts: {
    en: {
      default: {
        message: "Celebration: words of achievement or status about yourself.",
        suggestion: "There's nothing wrong with sharing a win; add what it could mean for the reader.",
        question: "You mention {q}. What would a reader who is not there yet take from your story?",
      },
    },
    fr: {
      default: {
        message: "Célébration : des mots de réussite ou de statut à votre sujet.",
        suggestion: "Partager une victoire n'a rien de mal ; ajoutez ce qu'elle peut apporter au lecteur.",
        question:
          "Vous évoquez {q}. Qu'est-ce qu'un lecteur qui n'en est pas encore là retirerait de votre histoire ?",
      },
    },
  },
  run: (ctx) =>
    features(ctx).celebration.map((c) =>
      c.strong ? { start: c.start, end: c.end, variant: "strong" } : { start: c.start, end: c.end },
    ),
};
