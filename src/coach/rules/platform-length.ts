import type { Platform } from "../types.js";
import type { Rule } from "./rule.js";

// What each platform shows or accepts: X's 280 characters, LinkedIn's 3,000 per post, and a Slack
// message past about 4,000 characters that nobody reads to the end.
export const PLATFORM_LIMITS: Record<Platform, number | undefined> = {
  x: 280,
  linkedin: 3000,
  slack: 4000,
  blog: undefined,
};

export const platformLength: Rule = {
  id: "platform-length",
  dimension: "platformFit",
  kind: "concern",
  severity: "warning",
  priority: 18,
  texts: {
    en: {
      default: {
        message: "Too long for this platform: the part from here on will be cut or skipped.",
        suggestion: "Keep the one point your reader needs; link to the rest.",
        question: "The draft runs past what this platform shows, from {q} on. What is the one point to keep?",
      },
    },
    fr: {
      default: {
        message: "Trop long pour cette plateforme : la suite, à partir d'ici, sera coupée ou sautée.",
        suggestion: "Gardez le point dont votre lecteur a besoin ; mettez le reste en lien.",
        question:
          "Le brouillon dépasse ce que cette plateforme affiche, à partir de {q}. Quel est le point à garder ?",
      },
    },
  },
  run(ctx) {
    const limit = PLATFORM_LIMITS[ctx.platform];
    // A string never has more code points than UTF-16 units.
    if (limit === undefined || ctx.text.length <= limit) return [];
    // Count characters as people see them (code points), not UTF-16 units.
    let seen = 0;
    let cut = -1;
    for (let i = 0; i < ctx.text.length; i++) {
      const code = ctx.text.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      if (++seen > limit) {
        cut = i;
        break;
      }
    }
    if (cut === -1) return [];
    let end = cut;
    while (end < ctx.text.length && end - cut < 40 && !/\s/.test(ctx.text[end]!)) end++;
    return [{ start: cut, end: Math.max(end, cut + 1) }];
  },
};
