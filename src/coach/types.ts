export const LANGUAGES = ["en", "fr"] as const;
export type Lang = (typeof LANGUAGES)[number];

export const PLATFORMS = ["linkedin", "x", "slack", "blog"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const DIMENSIONS = ["audience", "authenticity", "vulnerability", "platformFit"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Severity = "info" | "warning";

/** One explainable observation about a span of the draft (shape after alex / write-good). */
export interface Finding {
  rule: string;
  message: string;
  severity: Severity;
  excerpt: string;
  start: number;
  end: number;
  /** Guidance from the article behind this finding; never a rewrite of the post. */
  suggestion: string;
  dimension: Dimension;
  /** Points this finding adds to (or takes from) the score; see docs/scoring.md. */
  contribution: number;
}

/** Something the draft already does for its reader. */
export interface Strength {
  rule: string;
  message: string;
  excerpt: string;
  start: number;
  end: number;
  dimension: Dimension;
  /** Points this strength adds to the score. */
  contribution: number;
}

/** A general signal of the whole draft (how much of it is about "I"…) and its points in the score. */
export interface SignalResult {
  signal: string;
  label: string;
  value: number;
  contribution: number;
}

/** Where the score stands, in words: see docs/scoring.md for the bands. */
/** Where the score falls (see BANDS), or "too-short": a few words with nothing wrong, too few to judge. */
export type Band = "self-promotion" | "self-focused" | "balanced" | "reader-focused" | "too-short";

export interface AnalyzeOptions {
  lang?: Lang;
  platform?: Platform;
}

export interface CoachResult {
  language: Lang;
  platform: Platform;
  score: number;
  band: Band;
  /** The band in the draft's language, for people. */
  bandLabel: string;
  dimensions: Record<Dimension, number>;
  findings: Finding[];
  strengths: Strength[];
  /** General signals that moved the score, largest first. */
  signals: SignalResult[];
  questions: string[];
  /** One short line: encouragement or the main thing to look at. */
  summary: string;
  /** Characters analysed; shorter than the draft when it was truncated. */
  analyzedLength: number;
  truncated: boolean;
}
