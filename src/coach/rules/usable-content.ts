import { conceptOf, NEGATION } from "../concepts.js";
import { clauseOfWord, firstWordFrom, negationBefore } from "../context.js";
import { findAll, type Lexicon, lexicon } from "../lexicon.js";
import { type RuleContext, type Span, sentenceAt, startsInside } from "../text.js";
import type { Lang } from "../types.js";
import { PERSON } from "../words.js";
import type { Rule } from "./rule.js";

const USABLE: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "tips?",
    "here'?s (?:how|what|why)",
    "how to",
    // "A big step", "new step": a milestone of the author's, not steps to follow.
    "(?<!(?:new|big|huge|giant|major) )steps?(?: \\d)?",
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
    "(?<!(?:nouvelle|grande|belle|énorme) )étapes?(?: \\d)?",
    "leçons?",
    "enseignements?",
    "guide",
    // "Modèle" is a template only as one: not a role model ("mon modèle") nor a language model.
    "modèles? (?:de (?:cv|mail|e-mail|lettre|message|contrat|devis|facture|présentation|compte rendu|post|plan|budget|tableau|fiche)|d'(?:e-?mail|offre|entretien)|à télécharger|gratuits?|prêts? à l'emploi)",
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

/** Asking for something, which gives the reader nothing: "looking for a template", "je cherche". */
const REQUEST: Record<Lang, Lexicon> = {
  en: lexicon("en", [
    "(?:looking|searching|asking) for",
    "(?:anyone|anybody|someone|somebody) (?:have|has|got|know|knows|recommend)",
    "(?:i|we) need(?! to\\b)",
  ]),
  fr: lexicon("fr", [
    "(?:je|nous|on) (?:cherche|cherchons|recherche|recherchons)",
    "à la recherche",
    "(?:quelqu'un|qqn) (?:a|aurait|connaît|connait)",
    "(?:j'ai|nous avons|on a) besoin",
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
    const found = findAll(USABLE[ctx.lang], ctx);
    const requests = found.length > 0 ? findAll(REQUEST[ctx.lang], ctx) : [];
    const spans: Span[] = found.filter((s) => !withheld(ctx, s, requests));
    if (ctx.text.includes("\n")) {
      for (const start of listItemStarts(ctx.text)) {
        const lineEnd = ctx.text.indexOf("\n", start);
        spans.push({ start, end: lineEnd === -1 ? ctx.text.length : lineEnd });
      }
    }
    return spans
      .sort((a, b) => a.start - b.start)
      .map((s) => (isLabel(ctx.text, s) ? labelled(ctx, s) : { ...s }));
  },
};

// "Tip:", "Astuce :", "💡 Lesson —": a word that opens its line or sentence, then a colon or a dash.
const LABEL_AFTER_RE = /^\s?[:—–]/;
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;

/** What a label introduces, to its sentence's end: the tip itself, which a question can quote. */
function labelled(ctx: RuleContext, label: Span): Span {
  const m = LABEL_AFTER_RE.exec(ctx.text.slice(label.end, label.end + 3))!;
  let start = label.end + m[0].length;
  while (start < ctx.text.length && /\s/.test(ctx.text[start]!)) start++;
  let end = sentenceAt(ctx, start)?.end ?? ctx.text.length;
  while (end > start && /[\s.!?…]/.test(ctx.text[end - 1]!)) end--;
  // "Template: https://…" introduces a link, which is nothing usable in the post itself.
  return end > start && !startsInside(start, ctx.urls) ? { start, end } : { ...label };
}

function isLabel(text: string, span: Span): boolean {
  // One word: "Tip:", "Astuce :"; "Here's why: I was scared" introduces no tip.
  if (text.slice(span.start, span.end).includes(" ")) return false;
  if (!LABEL_AFTER_RE.test(text.slice(span.end, span.end + 3))) return false;
  // Back to the line's or the sentence's start over bullets, emoji and spaces only.
  for (let i = span.start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === "\n" || c === "." || c === "!" || c === "?") return true;
    if (LETTER_OR_DIGIT_RE.test(c)) return false;
  }
  return true;
}

/**
 * Whether the post names something usable without giving it: asks for it ("Any tips?", "Je
 * cherche un modèle de CV") or dismisses it ("I don't need another checklist", "Frameworks don't
 * matter"). A negated imperative still gives: "Don't skip these 3 steps".
 */
function withheld(ctx: RuleContext, span: Span, requests: readonly Span[]): boolean {
  const { words } = ctx;
  const i = firstWordFrom(words, span.start);
  const clause = clauseOfWord(ctx, i);
  const clauseStart = words[clause.from]!.start;
  // A request governs what it names: "looking for a good template", not "I need to share 3 tips".
  if (
    requests.some(
      (r) =>
        r.start >= clauseStart &&
        r.end <= span.start &&
        wordsBetween(ctx, r.end, span.start) <= REQUEST_REACH,
    )
  )
    return true;
  const sentence = sentenceAt(ctx, span.start);
  // "What worked for you, and what did you stop doing?": the author asks the reader for it.
  if (sentence?.question && i - clause.from <= 1 && ASKING[ctx.lang].has(words[i]!.word)) {
    const { second } = PERSON[ctx.lang];
    for (let j = clause.from; j < clause.to; j++) if (words[j]!.cls & second) return true;
  }
  // The clause that ends a question asks for what it names, near its end ("Any tips?", "a template
  // for OKRs?"); "Here are 3 tips — which one first?" and "- tip one. What would you do?" give.
  if (
    sentence?.question &&
    (clause.to >= words.length || words[clause.to]!.start >= sentence.end) &&
    wordsBetween(ctx, span.end, sentence.end) <= REQUEST_REACH
  )
    return true;
  // A negation dismisses what it names through a verb of wanting or needing: "I don't need another
  // checklist", "je n'ai pas besoin d'une checklist"; "I never skip these 3 steps" gives them.
  const negation = negationBefore(ctx, i, DISMISSAL_REACH);
  if (negation !== -1 && !negatedImperative(ctx, clause.from, negation) && dismisses(ctx, negation, i))
    return true;
  // "Frameworks don't matter", "les méthodes ne servent à rien": what it names is the subject denied.
  const next = firstWordFrom(words, span.end);
  return next < clause.to && negates(ctx, next);
}

/** The words a usable phrase opens on when it is a question: "what worked", "ce qui a marché". */
const ASKING: Record<Lang, ReadonlySet<string>> = {
  en: new Set(["what", "how"]),
  fr: new Set(["ce", "comment"]),
};

// "Je n'ai pas besoin d'une autre checklist": a French negation sits four words before its object.
const DISMISSAL_REACH = 4;
const DISMISSING_VERBS = new Set(
  "need needs want wants use like care believe besoin veux veut voulons utilise utilisons aime crois".split(
    " ",
  ),
);

function dismisses(ctx: RuleContext, from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (DISMISSING_VERBS.has(ctx.words[j]!.word)) return true;
  return false;
}

// "Anyone have a good onboarding checklist?": a request governs a noun three words on.
const REQUEST_REACH = 3;

function wordsBetween(ctx: RuleContext, start: number, end: number): number {
  let n = 0;
  for (let j = firstWordFrom(ctx.words, start); j < ctx.words.length && ctx.words[j]!.start < end; j++) n++;
  return n;
}

function negates(ctx: RuleContext, w: number): boolean {
  const word = ctx.words[w]!;
  if (conceptOf(ctx.lang, word) & NEGATION) return true;
  return ctx.lang === "fr" && (word.word === "ne" || word.word.startsWith("n'"));
}

/** A clause that opens on a negated verb, with no subject: "Don't skip", "Never merge", "N'oubliez pas". */
function negatedImperative(ctx: RuleContext, from: number, negation: number): boolean {
  const opener = ctx.words[from]!.word;
  if (ctx.lang === "fr") return opener === "ne" || opener.startsWith("n'");
  if (negation === from) return opener === "don't" || opener === "never";
  return negation === from + 1 && opener === "do";
}

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
