import { allMatches } from "../text.js";
import type { Hit, Rule } from "./rule.js";

const EMOJI_RUN_RE = /(?:\p{Extended_Pictographic}(?:\u{FE0F}|\u{200D}|\p{Emoji_Modifier})*\s*){4,}/gu;
const EMOJI_RE = /\p{Extended_Pictographic}/gu;
const MAYBE_EMOJI_RE = /[\u00a9\u00ae\u203c-\u2bff\u3030\u303d\u3297\u3299\ud83c-\ud83e]/;

export const emojiWall: Rule = {
  id: "emoji-wall",
  dimension: "authenticity",
  kind: "concern",
  severity: "info",
  priority: 45,
  texts: {
    en: {
      default: {
        message: "Emoji wall: a row of emoji competes with what you say.",
        suggestion: "One emoji can set a tone; a wall of them drowns the message.",
        question: "Would the post land just as well without {q}? What do they add that words don't?",
      },
    },
    fr: {
      default: {
        message: "Mur d'emoji : une rangée d'emoji fait concurrence au message.",
        suggestion: "Un emoji peut donner le ton ; une rangée noie le propos.",
        question: "Le post porterait-il autant sans {q} ? Qu'apportent-ils que les mots n'apportent pas ?",
      },
    },
  },
  run(ctx) {
    // Pictographs live in these ranges; a plain scan is much cheaper than a Unicode property test.
    if (!MAYBE_EMOJI_RE.test(ctx.text)) return [];
    const hits: Hit[] = [];
    for (const m of allMatches(EMOJI_RUN_RE, ctx.text)) {
      hits.push({ start: m.index, end: m.index + m[0].trimEnd().length });
    }
    const total = ctx.text.match(EMOJI_RE)?.length ?? 0;
    if (hits.length === 0 && total > Math.max(8, ctx.words.length / 4)) {
      const first = EMOJI_RE.exec(ctx.text);
      EMOJI_RE.lastIndex = 0;
      if (first) hits.push({ start: first.index, end: first.index + first[0].length });
    }
    return hits;
  },
};
