/**
 * The labelled corpora postcoach is measured and fitted on. None of their text is in the repository:
 * the tweets and LinkedIn posts live in ../shared/corpora (see its README), the French translations in
 * data/private (see docs/scoring.md). Every loader returns null, with the reason, when its file is absent.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Lang } from "../../src/coach/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const SHARED = `${root}../shared/corpora/`;
export const TWEETS_PATH = `${SHARED}bragging-tweets-dev.jsonl`;
export const LINKEDIN_PATH = `${SHARED}linkedin-influencers-1600.jsonl`;
export const LINKEDIN_LABELS_PATH = `${root}eval/labels/linkedin-adjudicated.jsonl`;
export const FRENCH_SAMPLE_PATH = `${root}eval/labels/french-sample.jsonl`;
export const FRENCH_TRANSLATIONS = ["a", "b", "c", "d"].map(
  (part) => `${root}data/private/fr-translated-${part}.jsonl`,
);

export type BragType = "achievement" | "action" | "feeling" | "trait" | "possession" | "affiliation";

export interface Example {
  text: string;
  /** Self-promotional (a brag, or a LinkedIn post labelled "self"). */
  positive: boolean;
  /** The corpus it comes from. */
  set: "tweets" | "linkedin" | "tweets-fr";
  /** The tweet's bragging type, or the LinkedIn label's kind. */
  kind?: string;
  lang: Lang;
  /** Kept aside: never looked at while building the lexicons, only measured at the end. */
  lockbox: boolean;
  /** Line in its source file (1-based). */
  line: number;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);
}

/** One in five examples, chosen by a hash of the text, is the lockbox. */
export function inLockbox(text: string): boolean {
  return createHash("sha256").update(`lockbox:${text}`).digest().readUInt32BE(0) / 2 ** 32 < 0.2;
}

export function missing(path: string): string | null {
  return existsSync(path) ? null : `${path} is absent`;
}

export function loadTweets(): Example[] | null {
  if (missing(TWEETS_PATH)) return null;
  return readJsonl<{ text: string; label: string }>(TWEETS_PATH).map((r, i) => ({
    text: r.text,
    positive: r.label !== "not",
    set: "tweets",
    kind: r.label,
    lang: "en",
    lockbox: inLockbox(r.text),
    line: i + 1,
  }));
}

/** The first 800 LinkedIn posts, labelled by two annotators (eval/labels, docs/labelling-rubric.md). */
export function loadLinkedIn(): Example[] | null {
  if (missing(LINKEDIN_PATH)) return null;
  const posts = readJsonl<{ text: string }>(LINKEDIN_PATH);
  return readJsonl<{ line: number; label: string; kind?: string }>(LINKEDIN_LABELS_PATH).map((l) => {
    const text = posts[l.line - 1]!.text;
    return {
      text,
      positive: l.label === "self",
      set: "linkedin",
      kind: l.kind ?? "reader",
      lang: "en",
      lockbox: inLockbox(text),
      line: l.line,
    };
  });
}

/** Every LinkedIn post of the corpus, unlabelled (rates of findings, score distribution). */
export function loadLinkedInAll(): { text: string }[] | null {
  if (missing(LINKEDIN_PATH)) return null;
  return readJsonl<{ text: string }>(LINKEDIN_PATH);
}

/** Tweets of the dev half translated into French by hand; labels and lockbox follow the English tweet. */
export function loadFrenchTweets(): Example[] | null {
  const tweets = loadTweets();
  const present = FRENCH_TRANSLATIONS.filter((p) => !missing(p));
  if (!tweets || present.length === 0) return null;
  return present.flatMap((p) =>
    readJsonl<{ line: number; text: string }>(p).map((t) => {
      const en = tweets[t.line - 1]!;
      return { ...en, text: t.text, set: "tweets-fr" as const, lang: "fr" as const };
    }),
  );
}
