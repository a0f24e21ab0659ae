import type { Token } from "./text.js";
import type { Lang } from "./types.js";
import { STOP_EN, STOP_FR } from "./words.js";

/** The first words decide: a post does not switch language halfway, and long drafts stay cheap. */
const SAMPLE_WORDS = 150;
const FR_ACCENTS = /[éèêàùâîôûçœ]/;

/** Whether a word has any letter beyond ASCII: only then can it carry a French accent. */
function hasLatinLetterAbove(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0xc0) return true;
  return false;
}

/** Votes for English and French: function words, and French accents on other words (half a vote). */
export function languageVotes(words: readonly Token[]): { en: number; fr: number } {
  let en = 0;
  let fr = 0;
  const n = Math.min(words.length, SAMPLE_WORDS);
  for (let i = 0; i < n; i++) {
    const t = words[i]!;
    if (t.cls & STOP_EN) en++;
    if (t.cls & STOP_FR) fr++;
    else if (hasLatinLetterAbove(t.word) && FR_ACCENTS.test(t.word)) fr += 0.5;
  }
  return { en, fr };
}

/**
 * English or French from function-word counts, with French accents as a tie-breaker; on a tie
 * still, the first function word ("Je like.").
 */
export function detectLanguage(words: readonly Token[]): Lang {
  const { en, fr } = languageVotes(words);
  if (fr !== en) return fr > en ? "fr" : "en";
  const first = words.find((t) => t.cls & (STOP_EN | STOP_FR));
  return first !== undefined && (first.cls & STOP_EN) === 0 ? "fr" : "en";
}
