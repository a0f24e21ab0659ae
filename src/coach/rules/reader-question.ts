import { insideQuotation } from "../context.js";
import type { Rule } from "./rule.js";

export const readerQuestion: Rule = {
  id: "reader-question",
  dimension: "audience",
  kind: "strength",
  severity: "info",
  priority: 20,
  texts: {
    en: {
      default: {
        message: "You ask your reader a question.",
        suggestion: "A real question invites people into the conversation.",
        question: "You ask {q}: who exactly do you hope will answer, and will they know enough to?",
      },
    },
    fr: {
      default: {
        message: "Vous posez une question à votre lecteur.",
        suggestion: "Une vraie question invite à la conversation.",
        question:
          "Vous demandez {q} : qui espérez-vous voir répondre, et en saura-t-il assez pour le faire ?",
      },
    },
  },
  run: (ctx) =>
    ctx.sentences
      // A question quoted ("ask « who did this? »") is someone else's, not one put to the reader.
      .filter((s) => s.question && !insideQuotation(ctx, ctx.text.lastIndexOf("?", s.end - 1)))
      .map((s) => ({ start: s.start, end: s.end })),
};
