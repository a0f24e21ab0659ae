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
}

/** Something the draft already does for its reader. */
export interface Strength {
  rule: string;
  message: string;
  excerpt: string;
  start: number;
  end: number;
  dimension: Dimension;
}

export interface AnalyzeOptions {
  lang?: Lang;
  platform?: Platform;
}

export interface CoachResult {
  language: Lang;
  platform: Platform;
  score: number;
  dimensions: Record<Dimension, number>;
  findings: Finding[];
  strengths: Strength[];
  questions: string[];
  /** One short line: encouragement or the main thing to look at. */
  summary: string;
  /** Characters analysed; shorter than the draft when it was truncated. */
  analyzedLength: number;
  truncated: boolean;
}
