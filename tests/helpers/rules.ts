import type { Rule } from "../../src/coach/rules/index.js";
import { buildContext } from "../../src/coach/text.js";
import type { Lang, Platform } from "../../src/coach/types.js";

/** Runs one rule on a draft and returns what it matched, as text, with the variant when there is one. */
export function excerpts(rule: Rule, text: string, lang: Lang, platform: Platform = "linkedin"): string[] {
  const ctx = buildContext(text, platform, lang);
  return rule.run(ctx).map((h) => {
    const excerpt = text.slice(h.start, h.end);
    return h.variant && h.variant !== "default" ? `${h.variant}:${excerpt}` : excerpt;
  });
}
