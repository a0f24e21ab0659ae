import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import type { Span } from "../text.js";
import type { Lang } from "../types.js";
import { hitsOf, type Rule } from "./rule.js";

const USABLE: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "tips?",
    "here'?s (?:how|what|why)",
    "how to",
    "steps?(?: \\d)?",
    "lessons?",
    "takeaways?",
    "guide",
    "templates?",
    "checklists?",
    "frameworks?",
    "resources?",
    "toolkit",
    "tutorial",
    "for example|for instance|e\\.g\\.",
    "try (?:this|it|using|asking|writing|starting)",
    "\\d+ (?:ways|things|tips|lessons|mistakes|questions|ideas|books|tools|habits|rules|steps|signs|reasons)",
    "(?:two|three|four|five|six|seven|eight|nine|ten) (?:ways|things|tips|lessons|mistakes|questions|ideas|books|tools|habits|rules|steps|signs|reasons)",
    "here are",
    "what (?:worked|helped)",
    "(?:a|one) (?:simple|small|quick) (?:trick|habit|rule|change)",
  ]),
  fr: lexicon("fr", [
    "astuces?",
    "conseils?",
    "voici (?:comment|pourquoi|ce que|mes|les|\\d+)",
    "comment (?:faire|éviter|réussir|écrire|préparer|gérer)",
    "étapes?(?: \\d)?",
    "leçons?",
    "enseignements?",
    "guide",
    "modèles?",
    "checklists?",
    "méthodes?",
    "ressources?",
    "tutoriel",
    "par exemple|exemple",
    "essayez|testez",
    "\\d+ (?:façons|astuces|conseils|leçons|erreurs|questions|idées|livres|outils|habitudes|règles|étapes|raisons)",
    "(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix) (?:façons|astuces|conseils|leçons|erreurs|questions|idées|livres|outils|habitudes|règles|étapes|raisons)",
    "ce qui (?:a marché|m'a aidé|a fonctionné)",
  ]),
};

// A line that starts a list: "1.", "2)", "-", "•", "→" or an arrow/check emoji.
const LIST_ITEM_RE = /^[ \t]*(?:\d{1,2}[.)]|[-•*▪→]|✅|👉|✔️?)[ \t]+\S/muy;

export const usableContent: Rule = {
  id: "usable-content",
  dimension: "audience",
  kind: "strength",
  severity: "info",
  priority: 30,
  texts: {
    en: {
      default: {
        message: "You give your reader something usable.",
        suggestion: "A suggestion that makes their work easier is what readers keep.",
        question:
          "Your reader gets {q}. What is the one thing they should try first, and how will they know it worked?",
      },
    },
    fr: {
      default: {
        message: "Vous donnez à votre lecteur quelque chose d'utilisable.",
        suggestion: "Une suggestion qui facilite leur travail, c'est ce que les lecteurs retiennent.",
        question:
          "Votre lecteur repart avec {q}. Que devrait-il essayer en premier, et comment saura-t-il que ça marche ?",
      },
    },
  },
  run(ctx) {
    // A bare link is not something usable in the post itself.
    const spans: Span[] = findAll(USABLE[ctx.lang], ctx);
    if (ctx.text.includes("\n")) {
      for (const start of listItemStarts(ctx.text)) {
        const lineEnd = ctx.text.indexOf("\n", start);
        spans.push({ start, end: lineEnd === -1 ? ctx.text.length : lineEnd });
      }
    }
    return hitsOf(spans.sort((a, b) => a.start - b.start));
  },
};

/**
 * Where LIST_ITEM_RE matches, as a multiline scan of the whole text finds them: it is tried only
 * at the start of each line, where "^" lets it match, not at every position.
 */
export function listItemStarts(text: string): number[] {
  const starts: number[] = [];
  for (let line = 0; line !== -1; ) {
    LIST_ITEM_RE.lastIndex = line;
    const m = LIST_ITEM_RE.exec(text);
    if (m !== null) starts.push(line);
    line = nextLineStart(text, m === null ? line + 1 : line + m[0].length);
  }
  return starts;
}

/** The first position at or after `from` that starts a line ("^" in a multiline regex), or -1. */
function nextLineStart(text: string, from: number): number {
  for (let i = from - 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) return i + 1;
  }
  return -1;
}
