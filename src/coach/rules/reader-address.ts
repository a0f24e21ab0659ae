import { features } from "../features.js";
import { hitsOf, type Rule } from "./rule.js";

export const readerAddress: Rule = {
  id: "reader-address",
  dimension: "audience",
  kind: "strength",
  severity: "info",
  priority: 60,
  texts: {
    en: {
      default: {
        message: "You speak to your reader.",
        suggestion: "Keep the reader in the sentence: what changes for them?",
        question:
          "You speak to your reader ({q}): what exactly do you want them to do or notice after reading?",
      },
    },
    fr: {
      default: {
        message: "Vous vous adressez à votre lecteur.",
        suggestion: "Gardez le lecteur dans la phrase : qu'est-ce qui change pour lui ?",
        question:
          "Vous vous adressez à votre lecteur ({q}) : que voulez-vous qu'il fasse ou remarque après lecture ?",
      },
    },
  },
  run: (ctx) => hitsOf(features(ctx).secondPersonSpans),
};
