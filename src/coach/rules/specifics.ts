import type { Hit, Rule } from "./rule.js";

// Numbers, amounts, dates and durations: concrete details make a post credible and usable.
const SPECIFIC_RE = /(?<![a-z0-9\u00c0-\u024f#])\d[\d,.\u00a0\u202f ]*(?:%|k\b|€|\$|£|h\b|min\b)?/g;

export const specifics: Rule = {
  id: "specifics",
  dimension: "authenticity",
  kind: "strength",
  severity: "info",
  points: 4,
  cap: 12,
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
    for (const m of ctx.lower.matchAll(SPECIFIC_RE)) {
      const text = m[0].trimEnd();
      hits.push({ start: m.index, end: m.index + text.length });
    }
    return hits;
  },
};
