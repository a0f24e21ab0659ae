import type { Token } from "./text.js";
import type { Lang } from "./types.js";

// Frequent function words: a handful of counts tells English from French in a post, in microseconds.
const EN = new Set(
  "the and to of a in is it that for you with on this my i be are was have not but what we your at from how they will can just about so if or do all an our me as by more when who one get there has been would their like".split(
    " ",
  ),
);
const FR = new Set(
  "le la les de des du et un une est que qui pour dans pas ce cette je vous nous sur avec au aux il elle en mais ou mon ma mes c'est j'ai d l qu ne plus sont été être avoir très tout tous son sa ses votre vos leur on même fait comme".split(
    " ",
  ),
);
const FR_ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)'/;
const FR_ACCENTS = /[éèêàùâîôûçœ]/;
const APOSTROPHE = 39;

function hasLatinAccent(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0xc0) return true;
  return false;
}

// One lookup per word: 1 = English, 2 = French, 3 = both.
const STOP_WORDS = new Map<string, number>();
for (const w of EN) STOP_WORDS.set(w, 1);
for (const w of FR) STOP_WORDS.set(w, (STOP_WORDS.get(w) ?? 0) | 2);

export function detectLanguage(words: readonly Token[]): Lang {
  let en = 0;
  let fr = 0;
  for (const { word } of words) {
    const kind = STOP_WORDS.get(word) ?? 0;
    if (kind & 1) en++;
    if (kind & 2) fr++;
    else if ((word.charCodeAt(1) === APOSTROPHE || word.includes("'")) && FR_ELISION.test(word)) fr++;
    else if (hasLatinAccent(word) && FR_ACCENTS.test(word)) fr += 0.5;
  }
  return fr > en ? "fr" : "en";
}
