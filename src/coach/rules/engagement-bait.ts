import { lexicon, matchAll, type Span } from "../text.js";
import type { Lang } from "../types.js";
import type { Hit, Rule } from "./rule.js";

// Facebook's five categories of engagement bait: vote, react, share, tag and comment baiting.
const BAIT: Record<Lang, Record<string, RegExp>> = {
  en: {
    react: lexicon([
      "like (?:this (?:post )?)?if",
      "react with",
      "(?:hit|smash|tap) (?:the |that )?(?:like|heart|❤️|👍)",
      "double tap if",
      "give (?:this|it) a (?:like|thumbs up)",
    ]),
    vote: lexicon([
      "vote (?:by|with) (?:reacting|liking|commenting)",
      "like (?:for|=) .{1,30}(?:comment|share|love|❤️) (?:for|=)",
    ]),
    share: lexicon([
      "share (?:this|if|with everyone|with (?:a|your) (?:friends?|network|colleagues?))",
      "(?:repost|retweet|rt|reshare) (?:if|this)",
      "spread the word",
      "send this to",
      "♻️ ?(?:repost|share)",
    ]),
    tag: lexicon([
      "tag (?:a|someone|your|\\d+|two|three|a friend|a colleague|somebody)",
      "mention (?:a|someone|somebody) who",
    ]),
  },
  fr: {
    react: lexicon([
      "likez? si",
      "aimez si",
      "mettez (?:un )?(?:j'aime|like|pouce|cœur|coeur)",
      "réagissez avec",
      "un like si",
    ]),
    vote: lexicon(["votez (?:en|avec) (?:réagissant|likant|commentant)"]),
    share: lexicon([
      "partagez? (?:si|ce post|cette publication|autour de vous|à (?:vos|tes|un))",
      "(?:repostez?|republiez?) si",
      "faites tourner",
    ]),
    tag: lexicon([
      "(?:identifiez|identifie|taguez|tague|taggez|mentionnez|mentionne) (?:un|une|quelqu'un|vos|tes|\\d+|deux|trois)",
    ]),
  },
};

// Comment baiting names the exact word to type: "comment YES", "tapez « oui »", "type 🔥 below".
const COMMENT_BAIT: Record<Lang, RegExp> = {
  en: /(?<![\p{L}])(?:comment|type|write|drop|reply(?: with)?|say)\s+(["'“«]?)([\p{L}\p{N}]+|\p{Extended_Pictographic}+)\1?[”»]?(?=\s|$|[.!,])/giu,
  fr: /(?<![\p{L}])(?:commentez|commente|tapez|tape|écrivez|écris|répondez|réponds)\s+(["'“«]\s?)?([\p{L}\p{N}]+|\p{Extended_Pictographic}+)\s?[”»"']?(?=\s|$|[.!,])/giu,
};
const COMMENT_BAIT_FOLLOW =
  /^\s*(?:if|below|in the comments|to get|for|si|en commentaire|pour|ci-dessous|et je)/u;

function commentBait(text: string, lang: Lang): Span[] {
  const spans: Span[] = [];
  const re = COMMENT_BAIT[lang];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[2]!;
    const quoted = Boolean(m[1]);
    const shouted = word.length >= 2 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
    const emoji = /\p{Extended_Pictographic}/u.test(word);
    const end = m.index + m[0].length;
    const followed = COMMENT_BAIT_FOLLOW.test(text.slice(end, end + 20).toLowerCase());
    if ((quoted || shouted || emoji) && (followed || shouted || emoji)) spans.push({ start: m.index, end });
  }
  return spans;
}

export const engagementBait: Rule = {
  id: "engagement-bait",
  dimension: "audience",
  kind: "concern",
  severity: "warning",
  points: -15,
  cap: 30,
  priority: 15,
  texts: {
    en: {
      default: {
        message: "Engagement bait: the post asks for reactions instead of earning them.",
        suggestion: "Readers reply to posts that add to their conversation; platforms also demote bait.",
        question: "{q} asks for a reaction. What would make someone want to reply without being asked?",
      },
    },
    fr: {
      default: {
        message: "Appât à engagement : le post réclame des réactions au lieu de les mériter.",
        suggestion:
          "On répond aux posts qui enrichissent la conversation ; les plateformes pénalisent les appâts.",
        question:
          "{q} réclame une réaction. Qu'est-ce qui donnerait envie de répondre sans qu'on le demande ?",
      },
    },
  },
  run(ctx) {
    const hits: Hit[] = [];
    for (const [variant, re] of Object.entries(BAIT[ctx.lang])) {
      for (const s of matchAll(re, ctx.lower)) hits.push({ start: s.start, end: s.end, variant });
    }
    for (const s of commentBait(ctx.text, ctx.lang))
      hits.push({ start: s.start, end: s.end, variant: "comment" });
    return hits.sort((a, b) => a.start - b.start);
  },
};
