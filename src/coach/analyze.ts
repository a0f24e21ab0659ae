import { DIMENSION_LABELS, SUMMARIES, TRUNCATED_FINDING } from "./messages.js";
import { chooseQuestions } from "./questions.js";
import { RULES } from "./rules/index.js";
import { overallScore, type RuleHits, scoreDimensions } from "./score.js";
import { buildContext, MAX_ANALYZED_CHARS } from "./text.js";
import { type AnalyzeOptions, type CoachResult, DIMENSIONS, type Finding, type Strength } from "./types.js";

/** Cuts at a code point boundary so that a surrogate pair is never split. */
function truncate(draft: string): string {
  if (draft.length <= MAX_ANALYZED_CHARS) return draft;
  let end = MAX_ANALYZED_CHARS;
  const code = draft.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return draft.slice(0, end);
}

/** Every "you" counts for the score, but three examples say enough to the author. */
const MAX_STRENGTHS_PER_RULE = 3;

/** A draft scores as good when it has no warning and stands well on every dimension. */
const GOOD_SCORE = 70;

/**
 * Coaches one draft: deterministic, explainable findings, a score, and reflective questions.
 * Pure: no I/O, same input gives the same output.
 */
export function analyze(draft: string, options: AnalyzeOptions = {}): CoachResult {
  const input = typeof draft === "string" ? draft.normalize("NFC") : "";
  const text = truncate(input);
  const platform = options.platform ?? "linkedin";
  const ctx = buildContext(text, platform, options.lang);
  const lang = ctx.lang;

  const results: RuleHits[] = RULES.map((rule) => ({ rule, hits: rule.run(ctx) }));
  const dimensions = scoreDimensions(results);
  const score = overallScore(dimensions);

  const findings: Finding[] = [];
  const strengths: Strength[] = [];
  for (const { rule, hits } of results) {
    let strengthsOfRule = 0;
    for (const hit of hits) {
      const texts = rule.texts[lang];
      const t = (hit.variant && texts[hit.variant]) || texts.default!;
      const excerpt = text.slice(hit.start, hit.end);
      if (rule.kind === "concern") {
        findings.push({
          rule: rule.id,
          message: t.message,
          severity: rule.severity,
          excerpt,
          start: hit.start,
          end: hit.end,
          suggestion: t.suggestion,
          dimension: rule.dimension,
        });
      } else if (strengthsOfRule++ < MAX_STRENGTHS_PER_RULE) {
        strengths.push({
          rule: rule.id,
          message: t.message,
          excerpt,
          start: hit.start,
          end: hit.end,
          dimension: rule.dimension,
        });
      }
    }
  }
  const truncated = text.length < input.length;
  if (truncated) {
    const start = Math.max(0, text.length - 40);
    findings.push({
      rule: "draft-truncated",
      ...TRUNCATED_FINDING[lang],
      severity: "info",
      excerpt: text.slice(start),
      start,
      end: text.length,
      dimension: "platformFit",
    });
  }
  findings.sort((a, b) => a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  strengths.sort((a, b) => a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));

  const hasWarning = findings.some((f) => f.severity === "warning");
  const good = !hasWarning && score >= GOOD_SCORE;
  const questions = chooseQuestions({ text, lang, results, dimensions, good });

  const summaries = SUMMARIES[lang];
  let summary: string;
  if (text.trim() === "") summary = summaries.empty;
  else if (good) summary = summaries.good;
  else {
    const weakest = [...DIMENSIONS].sort((a, b) => dimensions[a] - dimensions[b])[0]!;
    summary = summaries.focus(DIMENSION_LABELS[lang][weakest]);
  }
  if (truncated) summary = `${summary} ${summaries.truncated(MAX_ANALYZED_CHARS)}`;

  return {
    language: lang,
    platform,
    score,
    dimensions,
    findings,
    strengths,
    questions,
    summary,
    analyzedLength: text.length,
    truncated,
  };
}
