import { insideQuotation } from "../context.js";
import type { RuleContext, Sentence } from "../text.js";
import { PERSON } from "../words.js";
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
      .filter(
        (s, i) =>
          s.question &&
          // A question quoted ("ask « who did this? »") is someone else's, not one put to the reader,
          // unless the author puts it to the reader that way.
          (!(insideQuotation(ctx, ctx.text.lastIndexOf("?", s.end - 1)) || singleQuoted(ctx, s)) ||
            putToReader(ctx, s, i)) &&
          !FILLER_RE.test(ctx.lower.slice(s.start, s.end)) &&
          !answeredByAuthor(ctx, i),
      )
      // A quoted question keeps its closing quote: "'What would you cut first?'", and leaves the
      // one that closed the quotation before it ("» Je vous pose la même : « … ? »").
      .map((s) => ({
        start: s.start + (LEADING_CLOSE_RE.exec(ctx.text.slice(s.start, s.end))?.[0].length ?? 0),
        end: s.end + (CLOSING_QUOTE_RE.exec(ctx.text.slice(s.end))?.[0].length ?? 0),
      })),
};

const CLOSING_QUOTE_RE = /^[\u00a0\u202f ]?['’»”"]/;
// A closing quote: "»", or a straight or curly one before a space ("'What…" opens one).
const LEADING_CLOSE_RE = /^(?:»|['’”"](?=[\s\u00a0\u202f]))[\s\u00a0\u202f]*/;

// An opening single quote: after a space, a colon or a bracket, before a letter ("don't" is none).
const OPENING_SINGLE_QUOTE_RE = /(?:^|[\s:(])['‘]\p{L}/u;

/**
 * A question in single quotes, which context's quotations leave out (an apostrophe looks the
 * same): "Ask questions instead of giving orders: 'what happens if this list is empty?' beats…",
 * an example inside a tip. The sentence ends on "?" and the quote closes right after it.
 */
function singleQuoted(ctx: RuleContext, s: Sentence): boolean {
  const mark = ctx.text.lastIndexOf("?", s.end - 1);
  const close = ctx.text.charAt(mark + 1);
  return (close === "'" || close === "’") && OPENING_SINGLE_QUOTE_RE.test(ctx.text.slice(s.start, mark));
}

// "So I'll ask you the same: 'What would you cut first?'", "ma question pour vous : « … ? »".
const ASKS_READER_RE =
  /\b(?:ask(?:ing)? you|question (?:for|to) you|over to you|my question\s*:|je vous (?:pose|demande|retourne)|je te (?:pose|demande|retourne)|(?:ma|la) question (?:pour|à) (?:vous|toi)|ma question\s*:)/;
// A tip telling the reader what to ask others: "ask 'why?'", "demandez « pourquoi ? »".
const ASK_OTHERS_RE = /\b(?:ask|demandez|demande)\b(?![\s-]+(?:you|yourself|vous|toi)\b)/;
// What may follow a draft's last quote: its closing mark, spaces, emoji, hashtags.
const TRAILER_RE = /^[\s'’"”»]*(?:\p{Extended_Pictographic}|\u200d|\ufe0f|\s|#\S+)*$/u;

// A question someone was asked, reported: "My manager once asked me: '…?'", "il m'a demandé : « … ? »".
const REPORTED_RE =
  /\b(?:asked|was asking|used to ask|says|said|told|wondered|wanted to know)\b|(?:^|[^\p{L}])(?:demandé|demandait|demandaient|dit|disait|disaient|posé)(?=[^\p{L}]|$)/u;
// A sentence that opens on a closing quote continues the one before: "ask 'what's blocking you?' |
// instead of 'when…?'".
const CONTINUED_RE = /^['’"”»]/;

/**
 * A quoted question the author puts to the reader: introduced as such ("I'll ask you the same:
 * '…?'"), or closing the draft, unless someone else asked it or the sentence tells the reader what
 * to ask others. Both are read from where the sentence holding the quotation begins.
 */
function putToReader(ctx: RuleContext, s: Sentence, i: number): boolean {
  const mark = ctx.text.lastIndexOf("?", s.end - 1);
  let first = i;
  while (first > 0 && CONTINUED_RE.test(ctx.text.slice(ctx.sentences[first]!.start))) first--;
  const before = ctx.lower.slice(ctx.sentences[first - 1]?.start ?? ctx.sentences[first]!.start, mark);
  if (ASKS_READER_RE.test(before)) return true;
  const own = ctx.lower.slice(ctx.sentences[first]!.start, mark);
  if (REPORTED_RE.test(own)) return false;
  // Closing the draft: nothing but its closing quote, emoji or hashtags after it.
  return TRAILER_RE.test(ctx.text.slice(mark + 1)) && !ASK_OTHERS_RE.test(own);
}

// "You know what?", "Devinez quoi ?": a way of saying "listen", asking nothing.
const FILLER_RE =
  /^(?:you know what|guess what|know what|tu sais quoi|vous savez quoi|devinez quoi|devine quoi)\W*$/;

// The words a hook opens with: "Why did I quit?", "Comment j'ai fait ?". "Should I…?" asks.
const HOOK_OPENERS = new Set(
  "why how what where when pourquoi comment qu'est-ce que quoi où quand".split(" "),
);

/**
 * A hook the author answers at once ("Why did I quit? I was bored."): a question about the author,
 * opening on "why", "how"…, with no "you" in it, followed by a statement. "Should I take the offer?
 * I have until Friday." still asks.
 */
function answeredByAuthor(ctx: RuleContext, i: number): boolean {
  const s = ctx.sentences[i]!;
  const next = ctx.sentences[i + 1];
  if (!s.firstSingular || next === undefined || next.question || !HOOK_OPENERS.has(s.opener)) return false;
  const second = PERSON[ctx.lang].second;
  return !ctx.words.some((t) => t.start >= s.start && t.start < s.end && (t.cls & second) !== 0);
}
