import { findGroups, groupedLexicon, type Lexicon } from "../lexicon.js";
import { type RuleContext, type Span, sentenceAt } from "../text.js";
import type { Lang } from "../types.js";
import type { Hit, Rule } from "./rule.js";

// Facebook's five categories of engagement bait: vote, react, share, tag and comment baiting.
const BAIT_LEXICONS: Record<Lang, Record<string, readonly string[]>> = {
  en: {
    react: [
      "like (?:this (?:post )?)?if",
      "react with",
      "(?:hit|smash|tap) (?:the |that )?(?:like|heart|❤️|👍)",
      "double tap if",
      "give (?:this|it) a (?:like|thumbs up)",
    ],
    vote: [
      "vote (?:by|with) (?:reacting|liking|commenting)",
      "like (?:for|=) .{1,30}(?:comment|share|love|❤️) (?:for|=)",
    ],
    share: [
      "share (?:this|if|with everyone|with (?:a|your) (?:friends?|network|colleagues?))",
      "(?:repost|retweet|rt|reshare) (?:if|this)",
      "spread the word",
      "send this to",
    ],
    tag: [
      "tag (?:a|someone|your|\\d+|two|three|a friend|a colleague|somebody)",
      "mention (?:a|someone|somebody) who",
    ],
  },
  fr: {
    react: [
      "likez? si",
      "aimez si",
      "mettez (?:un )?(?:j'aime|like|pouce|cœur|coeur)",
      "réagissez avec",
      "un like si",
    ],
    vote: ["votez (?:en|avec) (?:réagissant|likant|commentant)"],
    share: [
      "partagez? (?:si|ce post|cette publication|autour de vous|à (?:vos|tes|un))",
      "(?:repostez?|republiez?) si",
      "faites tourner",
    ],
    tag: [
      "(?:identifiez|identifie|taguez|tague|taggez|mentionnez|mentionne) (?:un|une|quelqu'un|vos|tes|\\d+|deux|trois)",
    ],
  },
};

const BAIT: Record<Lang, Lexicon> = {
  en: groupedLexicon("en", BAIT_LEXICONS.en),
  fr: groupedLexicon("fr", BAIT_LEXICONS.fr),
};

// Comment baiting names the exact word to type: "comment YES", "tapez « oui »", "type 🔥 below".
// Matched on the lower-cased text (same offsets); the original tells whether the word was shouted.
const EMOJI = "(?:[\\ud83c-\\ud83e][\\udc00-\\udfff]|[\\u2600-\\u27bf])\\ufe0f?";
// How Slack message text carries an emoji: ":eyes:", ":+1:".
const SHORTCODE = ":[a-z0-9_+-]+:";
// An emoji as typed, or as Slack's message text carries it (":eyes:").
const SLACK_EMOJI = `(?:${EMOJI}|${SHORTCODE})`;
const COMMENT_VERBS: Record<Lang, string> = {
  en: "comment|type|write|drop|reply(?: with)?|say",
  fr: "commentez|commente|tapez|tape|écrivez|écris|répondez|réponds",
};
const COMMENT_BAIT: Record<Lang, RegExp> = {
  en: commentBaitRe(COMMENT_VERBS.en),
  fr: commentBaitRe(COMMENT_VERBS.fr),
};
const COMMENT_TRIGGERS: Record<Lang, string[]> = {
  en: ["comment", "type", "write", "drop", "reply", "say"],
  fr: ["comment", "tape", "écri", "répond"],
};
const COMMENT_BAIT_FOLLOW =
  /^\s*(?:if|below|in the comments|to get|for|si|en commentaire|pour|ci-dessous|et je)/;

function commentBaitRe(verbs: string): RegExp {
  return new RegExp(
    `(?:^|[^a-z\\u00c0-\\u024f])((?:${verbs})\\s+(?:(?:an?|un|une) (?=${SLACK_EMOJI}))?(["'“«]\\s?)?([a-z0-9\\u00c0-\\u024f]+|${SLACK_EMOJI}+)\\s?[”»"']?)(?=\\s|$|[.!,])`,
    "gd",
  );
}

const EMOJI_OPTION_RE = new RegExp(`^\\s*(?:(?:with|avec)\\s+)?(?:(?:an?|un|une)\\s+)?${SLACK_EMOJI}`);
const EMOJI_G = new RegExp(SLACK_EMOJI, "g");
// "React with your letter", "réagissez avec l'emoji correspondant": the options are listed in the
// post, each answered by its own emoji.
const EMOJI_CHOICE_RE =
  /^\s*(?:(?:with|avec)\s+)?(?:(?:your|the|an?)\s+(?:letter|number|choice|option|answer|pick|vote|emoji (?:for|of) your (?:choice|pick|answer))\b|(?:l'|votre |ta |ton |la |le )\s*(?:emoji (?:correspondant|de votre choix|de ton choix)|lettre|numéro|réponse|choix)\b)/;
// The options a poll lists: "A) Lisbon", "2. au vert", "B- a workshop".
const OPTION_MARKER_G = /(?:^|\s)(?:[A-Ea-e]|[1-9])[).-]\s/g;
// "… and I'll send you my pricing template", "et je vous envoie mon modèle": a reaction traded.
const TRADE_RE =
  /\b(?:and|&) i(?:'ll| will) (?:send|dm|share|give|email)\b|\bto (?:get|receive|grab) (?:my|the|a|your)\b|\b(?:et )?je (?:vous|t') ?(?:envoie|enverrai|partage)\b|\bpour (?:recevoir|avoir|obtenir) (?:mon|le|la|votre|ton)\b/;
// "Once you've read the runbook", "quand vous avez lu", "when done": a reaction that says "seen",
// not a vote. An RSVP ("if you can make it", "si vous venez") counts heads the same way.
const ACKNOWLEDGE_RE =
  /\b(?:when|once) (?:done|finished|complete|ready)\b|\bif you(?:'re| are) (?:coming|joining|in)\b|\bif you(?:'ll| will)? (?:can )?(?:make it|be there|attend|join)\b|\b(?:une fois|quand c'est) (?:fait|faite|fini|finie|terminé|terminée)\b|\bsi (?:vous venez|tu viens|vous pouvez venir|tu peux venir|vous serez (?:là|présents?)|tu seras (?:là|présente?)|vous participez|tu participes)\b|\b(?:once|when|after|as soon as|if) you(?:'ve| have)? (?:read|seen|watched|reviewed|done|finished|checked|signed|completed|tested)\b|\bto (?:acknowledge|confirm)\b|(?:une fois que|quand|dès que|lorsque|si) (?:vous avez|tu as) (?:lu|vu|regardé|relu|fait|fini|terminé|validé|signé|testé)\b|\bpour (?:confirmer|dire que)\b/;
// "… if you want my template", "if you agree": a reaction traded for a gift or an opinion is bait.
const WANTS_RE =
  /\bif you (?:want|agree|'d like|would like|need|like)\b|\bsi (?:vous voulez|tu veux|vous êtes d'accord|t'es d'accord|tu es d'accord|ça vous intéresse|vous aussi)\b/;

/**
 * In Slack, reacting with an emoji is how a channel votes and says "seen": a poll of two emoji or
 * more ("👍 for sync, :eyes: for async") or an acknowledgement ("react with 👀 once you've read the
 * runbook") is no bait there. One emoji traded for something ("comment 🔥 if you want my template")
 * is bait everywhere, as is any vote on LinkedIn or Facebook.
 */
function emojiVote(ctx: RuleContext, at: number): boolean {
  if (ctx.platform !== "slack") return false;
  const rest = ctx.lower.slice(at, sentenceAt(ctx, at)?.end ?? ctx.lower.length);
  if (WANTS_RE.test(rest) || TRADE_RE.test(rest)) return false;
  if (EMOJI_CHOICE_RE.test(rest)) return (ctx.text.match(OPTION_MARKER_G)?.length ?? 0) >= 2;
  if (!EMOJI_OPTION_RE.test(rest)) return false;
  return (rest.match(EMOJI_G)?.length ?? 0) >= 2 || ACKNOWLEDGE_RE.test(rest);
}

function commentBait(text: string, lower: string, lang: Lang): (Span & { wordStart: number })[] {
  const spans: (Span & { wordStart: number })[] = [];
  if (!COMMENT_TRIGGERS[lang].some((w) => lower.includes(w))) return spans;
  const re = COMMENT_BAIT[lang];
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    const [start, end] = m.indices![1]!;
    const [wordStart, wordEnd] = m.indices![3]!;
    const word = text.slice(wordStart, wordEnd);
    const quoted = Boolean(m[2]);
    const shouted = word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
    const emoji = !/[a-z0-9\u00c0-\u024f]/.test(m[3]!) || m[3]!.startsWith(":");
    const followed = COMMENT_BAIT_FOLLOW.test(lower.slice(end, end + 20));
    if ((quoted || shouted || emoji) && (followed || shouted || emoji)) spans.push({ start, end, wordStart });
  }
  return spans;
}

export const engagementBait: Rule = {
  id: "engagement-bait",
  dimension: "audience",
  kind: "concern",
  severity: "warning",
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
    for (const m of findGroups(BAIT[ctx.lang], ctx)) {
      if (m.group === "react" && emojiVote(ctx, m.end)) continue;
      hits.push({ start: m.start, end: m.end, variant: m.group });
    }
    for (const s of commentBait(ctx.text, ctx.lower, ctx.lang))
      if (!emojiVote(ctx, s.wordStart)) hits.push({ start: s.start, end: s.end, variant: "comment" });
    return hits.sort((a, b) => a.start - b.start);
  },
};
