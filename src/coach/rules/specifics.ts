import { LOSS } from "../context.js";
import { features } from "../features.js";
import { findAll } from "../lexicon.js";
import { phoneNumbers } from "../pii.js";
import { allMatches, insideAny, type Sentence, type Span, sentenceAt } from "../text.js";
import type { Hit, Rule } from "./rule.js";
import { selfPromotion } from "./self-promotion.js";

// Numbers, amounts, dates and durations: concrete details make a post credible and usable.
// One number is one detail: "12 000 €", "3,5 %", "$5k", and "12/03/2026", "14h30", "9:30", "24/7",
// "5-10" whole; never two numbers joined across ", " ("Room 42, 3rd"), never the "," or "." after it.
// Not a number glued to a word by a hyphen: "COVID-19", "B-52", "Windows-11", "top-10" name a thing.
const SPECIFIC_RE =
  /(?<![a-z0-9\u00c0-\u024f#])(?<![a-z\u00c0-\u024f]-)[$£€]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+|\d+)(?:(?:[.,:/\-\u2013]|h(?=\d\d))\d+)*(?:[ \u00a0\u202f]?(?:%|€|\$|£|(?:k|h|min)\b))?/g;

/**
 * "1. Ship small", "  - 2) testez", "…three steps: 1. Listen. 2. Ask", "1/ Why…": a list's or a
 * thread's numbering, not a detail. It opens a line or follows a sentence's or a lead's end; a
 * number and ")" marks a list wherever no "(" opens it ("Deux conseils : 1) relisez, 2) testez"),
 * or in "(1)".
 */
function isListMarker(lower: string, start: number, end: number): boolean {
  const mark = lower[end];
  if (end - start > 2 || (mark !== "." && mark !== ")" && mark !== "/")) return false;
  const after = lower[end + 1];
  if (after !== undefined && after !== " " && after !== "\n" && after !== "\t") return false;
  let i = start - 1;
  while (i >= 0 && " \t\u00a0-*•·>".includes(lower[i]!)) i--;
  if (i < 0 || "\n:.;!?".includes(lower[i]!)) return true;
  // "…: 1. breathe 2. call friends 3. rest": a number after the one before it, marked the same way.
  const n = Number(lower.slice(start, end));
  if (n > 1 && lower.lastIndexOf(`${n - 1}${mark} `, start) !== -1) return true;
  if (mark !== ")") return false;
  const open = lower.lastIndexOf("(", start);
  return (
    open === start - 1 || open <= Math.max(lower.lastIndexOf(")", start), lower.lastIndexOf("\n", start))
  );
}

// "Over 500 messages", "10k followers", "1 million de vues": a count of the attention the author
// got helps no reader. Up to two words between ("500 kind messages", "1 million de vues"), none of
// them a number or a "to".
const ATTENTION_AFTER_RE =
  /^\+?\s+(?:(?!(?:to|à|and|et|or|ou|vs|->|→)\s)[^\s\d]+\s+){0,2}?(likes|views|followers|subscribers|connections|comments|reactions|shares|reposts|impressions|congratulations|messages|dms|wishes|j'aime|vues|abonnée?s|commentaires|réactions|partages|félicitations|relations)(?=[\s,.;:!?)]|$)/;
const RANGE_TO_RE = /^\s*(?:to|à|->|→)\s*\d(?:[\d,.]|[\s\u00a0\u202f]\d)*[km]?/;
// "I sent 200 cold messages and got 3 replies": the author's own effort, a real detail.
const AUTHORS_EFFORT_BEFORE_RE =
  /\b(?:sent|wrote|posted|answered|replied to|envoyé|écrit|publié|répondu à)\s+(?:\S+\s+)?$/;
// What a system also carries: messages, connections, comments, shares.
const SYSTEM_ALSO = new Set([
  "connections",
  "comments",
  "reactions",
  "shares",
  "messages",
  "dms",
  "commentaires",
  "réactions",
  "partages",
  "relations",
]);
// Of those, a rate ("2 million messages per second", "300 messages a day") is traffic, and a
// measurement ("our cluster handles…", "from 500 to 40 connections") a system's: both details.
const RATE_AFTER_RE =
  /^[\s,]*(?:per|a|an|each|every|\/|par|chaque|à la|by the)\s*(?:second|sec|s|minute|min|hour|h|day|week|month|seconde|heure|jour|semaine|mois)(?=[^\p{L}]|$)/u;
const MEASURED_BEFORE_RE =
  /(?:\b(?:handles?|handled|process(?:es|ed)?|serves?|served|ingests?|ingested|queues?|queued|stores?|stored|holds?|delivers?|delivered|pushes|pushed|traite|traité|gère|géré|absorbe)\s+(?:\S+\s+)?|\b(?:from|between|de|entre)\s+\d\S*\s+(?:to|and|à|et)\s+|(?:->|→)\s*|\b(?:from|between)\s+)$/;

function countsAttention(lower: string, hit: Span): boolean {
  // "From 500 to 5,000 followers": the first number of a range counts what the second does.
  const to = RANGE_TO_RE.exec(lower.slice(hit.end, hit.end + 20));
  const end = hit.end + (to?.[0].length ?? 0);
  const after = ATTENTION_AFTER_RE.exec(lower.slice(end, end + 50));
  if (after === null) return false;
  const before = lower.slice(Math.max(0, hit.start - 30), hit.start);
  if (AUTHORS_EFFORT_BEFORE_RE.test(before)) return false;
  if (!SYSTEM_ALSO.has(after[1]!)) return true;
  const rest = end + after[0].length;
  return !RATE_AFTER_RE.test(lower.slice(rest, rest + 20)) && !MEASURED_BEFORE_RE.test(before);
}

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
    const matches = allMatches(SPECIFIC_RE, ctx.lower);
    if (matches.length === 0) return [];
    const hits: Hit[] = [];
    const f = features(ctx);
    // A number inside a brag ("180% of quota") is the brag, not a detail for the reader; nor is one
    // in a sales pitch ("Only 20 seats left!").
    const praise = [...f.brags, ...f.celebration, ...f.selfCongratulation, ...selfPromotion.run(ctx)];
    const skipped = new Set<Sentence | undefined>(praise.map((p) => sentenceAt(ctx, p.start)));
    // A number told of a death or of jobs lost asks nothing about the reader's own situation.
    for (const loss of findAll(LOSS[ctx.lang], ctx)) skipped.add(sentenceAt(ctx, loss.start));
    // "06 12 34 56 78" is contact data (oversharing asks about it), not a detail.
    const unquotable = [...ctx.urls, ...ctx.mentions, ...phoneNumbers(ctx)];
    for (const m of matches) {
      const hit = { start: m.index, end: m.index + m[0].length };
      if (skipped.size > 0 && skipped.has(sentenceAt(ctx, m.index))) continue;
      // "example.com/award-2026", "<@U024BE7LH>": an address, not a detail told to the reader.
      if (insideAny(hit, unquotable) || isListMarker(ctx.lower, hit.start, hit.end)) continue;
      if (countsAttention(ctx.lower, hit)) continue;
      hits.push(hit);
    }
    return hits;
  },
};
