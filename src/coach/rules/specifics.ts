import { features } from "../features.js";
import { allMatches, insideAny, sentenceAt } from "../text.js";
import type { Hit, Rule } from "./rule.js";
import { selfPromotion } from "./self-promotion.js";

// Numbers, amounts, dates and durations: concrete details make a post credible and usable.
const SPECIFIC_RE = /(?<![a-z0-9\u00c0-\u024f#])\d[\d,.\u00a0\u202f ]{0,12}(?:%|k\b|€|\$|£|h\b|min\b)?/g;

export const specifics: Rule = {
  id: "specifics",
  dimension: "authenticity",
  kind: "strength",
  severity: "info",
  priority: 50,
  texts: {
    en: {
      default: {
        message: "Concrete details: numbers and specifics make it credible.",
        suggestion: "Specifics show rather than claim.",
        question: "You give a concrete detail ({q}). What does it mean for your reader's own situation?",
      },
    },
    fr: {
      default: {
        message: "Détails concrets : chiffres et précisions rendent le propos crédible.",
        suggestion: "Le concret montre au lieu d'affirmer.",
        question:
          "Vous donnez un détail concret ({q}). Que signifie-t-il pour la situation de votre lecteur ?",
      },
    },
  },
  run(ctx) {
    const hits: Hit[] = [];
    const f = features(ctx);
    // A number inside a brag ("180% of quota") is the brag, not a detail for the reader; nor is one
    // in a sales pitch ("Only 20 seats left!").
    const praise = [...f.brags, ...f.celebration, ...f.selfCongratulation, ...selfPromotion.run(ctx)];
    const praised = new Set(praise.map((p) => sentenceAt(ctx, p.start)));
    for (const m of allMatches(SPECIFIC_RE, ctx.lower)) {
      if (praised.size > 0 && praised.has(sentenceAt(ctx, m.index))) continue;
      const text = m[0].trimEnd();
      const hit = { start: m.index, end: m.index + text.length };
      // "example.com/award-2026", "<@U024BE7LH>": an address, not a detail told to the reader.
      if (insideAny(hit, ctx.urls) || insideAny(hit, ctx.mentions)) continue;
      hits.push(hit);
    }
    return hits;
  },
};
