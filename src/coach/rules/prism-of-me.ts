import { features } from "../features.js";
import type { Rule } from "./rule.js";

/**
 * Self-focus counts only together with self-praise: first-person pronouns alone do not signal ego
 * (Carey et al. 2015), but bragging posts use more "I" and less "you" (Jin et al. 2022:
 * 9.0 % vs 6.5 % first person, 0.8 % vs 1.9 % second person).
 */
export const SELF_FOCUS_SHARE = 0.06;

export const prismOfMe: Rule = {
  id: "prism-of-me",
  dimension: "audience",
  kind: "concern",
  severity: "warning",
  priority: 10,
  texts: {
    en: {
      default: {
        message: "Prism of me: the post is about you and your wins more than about your reader.",
        suggestion:
          "Think about your audience: what do you add to their conversation, what problem do you remove?",
        question:
          "Most of this draft is about you ({q}). If a reader kept one idea from it for their own work, what would it be?",
      },
    },
    fr: {
      default: {
        message: "Prisme du moi : le post parle de vous et de vos succès plus que de votre lecteur.",
        suggestion:
          "Pensez à votre public : qu'ajoutez-vous à sa conversation, quel problème lui retirez-vous ?",
        question:
          "Ce brouillon parle surtout de vous ({q}). Si un lecteur en gardait une idée pour son propre travail, laquelle serait-ce ?",
      },
    },
  },
  run(ctx) {
    const f = features(ctx);
    const praise = [...f.selfCongratulation, ...f.brags].sort((a, b) => a.start - b.start);
    const words = ctx.words.length;
    if (praise.length === 0 || words === 0) return [];
    const self = f.firstPerson + f.firstPersonPlural / 2;
    const selfShare = self / words;
    const readerShare = f.secondPerson / words;
    if (self < 1 || selfShare < SELF_FOCUS_SHARE || readerShare * 3 >= selfShare) return [];
    const first = praise[0]!;
    return [{ start: first.start, end: first.end }];
  },
};
