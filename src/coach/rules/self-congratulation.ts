import { features } from "../features.js";
import { hitsOf, type Rule } from "./rule.js";

export const selfCongratulation: Rule = {
  id: "self-congratulation",
  dimension: "authenticity",
  kind: "concern",
  severity: "warning",
  priority: 5,
  texts: {
    en: {
      default: {
        message: "Self-congratulation: the post leads with how you feel about your news.",
        suggestion: "Post to reveal who you are and what you think, not to inflate yourself.",
        question: "You wrote {q}: what will your reader learn from this news, or be able to do with it?",
      },
    },
    fr: {
      default: {
        message: "Auto-félicitation : le post s'ouvre sur ce que vous ressentez de votre nouvelle.",
        suggestion: "Publiez pour révéler qui vous êtes et ce que vous pensez, pas pour vous gonfler.",
        question:
          "Vous écrivez {q} : qu'est-ce que votre lecteur apprend de cette nouvelle, ou peut en faire ?",
      },
    },
  },
  run: (ctx) => hitsOf(features(ctx).selfCongratulation),
};
