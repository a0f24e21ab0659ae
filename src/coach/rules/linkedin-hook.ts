import { features } from "../features.js";
import type { Rule } from "./rule.js";

/** LinkedIn shows about this many characters before "…see more". */
export const LINKEDIN_PREVIEW = 210;

export const linkedinHook: Rule = {
  id: "linkedin-hook",
  dimension: "platformFit",
  kind: "concern",
  severity: "info",
  priority: 32,
  texts: {
    en: {
      default: {
        message:
          "LinkedIn shows about the first 210 characters: nothing there yet tells the reader why to read on.",
        suggestion: "Put what the reader gets, or the question you ask them, in the first two lines.",
        question:
          "LinkedIn shows only the start, {q}. Would a reader know from it why this post is for them?",
      },
    },
    fr: {
      default: {
        message:
          "LinkedIn n'affiche qu'environ 210 caractères : rien n'y dit encore au lecteur pourquoi continuer.",
        suggestion: "Mettez ce que le lecteur y gagne, ou votre question, dans les deux premières lignes.",
        question:
          "LinkedIn n'affiche que le début, {q}. Un lecteur saurait-il pourquoi ce post est pour lui ?",
      },
    },
  },
  run(ctx) {
    if (ctx.platform !== "linkedin" || ctx.text.length <= LINKEDIN_PREVIEW) return [];
    const f = features(ctx);
    const preview = ctx.text.slice(0, LINKEDIN_PREVIEW);
    const hooked =
      f.secondPersonSpans.some((s) => s.start < LINKEDIN_PREVIEW) ||
      ctx.sentences.some((s) => s.question && s.start < LINKEDIN_PREVIEW) ||
      /\d/.test(preview);
    if (hooked) return [];
    const first = ctx.sentences[0];
    if (!first) return [];
    return [{ start: first.start, end: Math.min(first.end, LINKEDIN_PREVIEW) }];
  },
};
