import { insideQuotation } from "../context.js";
import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import type { Lang } from "../types.js";
import { hitsOf, type Rule } from "./rule.js";

const INVITES: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "what do you think",
    "what(?:'s| is) your (?:take|experience|view|opinion|approach|favou?rite)",
    "how do you",
    "what would you",
    "have you ever",
    "i'?d love to (?:hear|know|learn|read)",
    "let me know",
    "share your",
    "tell me",
    "curious (?:to hear|to know|what|how|if)",
    "(?:your )?thoughts\\?",
    "agree\\?",
    "anyone else",
    "how about you",
    "what about you",
  ]),
  fr: lexicon("fr", [
    "qu'en pensez-vous",
    "qu'en penses-tu",
    "et vous",
    "et toi",
    "dites-moi",
    "dis-moi",
    "partagez (?:votre|vos)",
    "(?:votre|ton) avis",
    "vos retours",
    "j'aimerais (?:avoir|connaître|savoir|lire|entendre)",
    "curieux de (?:savoir|lire|connaître)|curieuse de (?:savoir|lire|connaître)",
    "avez-vous déjà|as-tu déjà",
    "comment faites-vous|comment fais-tu",
    "quelqu'un d'autre",
  ]),
};

export const conversationInvite: Rule = {
  id: "conversation-invite",
  dimension: "audience",
  kind: "strength",
  severity: "info",
  priority: 25,
  texts: {
    en: {
      default: {
        message: "You invite the reader into a conversation.",
        suggestion: "Conversation is where connection happens.",
        question: "You invite replies with {q}. What will you do with the answers you get?",
      },
    },
    fr: {
      default: {
        message: "Vous invitez le lecteur à la conversation.",
        suggestion: "C'est dans la conversation que naissent les liens.",
        question: "Vous invitez à répondre avec {q}. Que ferez-vous des réponses reçues ?",
      },
    },
  },
  // An invitation quoted ("my mentor asked me: “what would you do…?”") is someone else's.
  run: (ctx) => hitsOf(findAll(INVITES[ctx.lang], ctx).filter((m) => !insideQuotation(ctx, m.start))),
};
