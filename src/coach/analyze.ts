import { lossOfAuthor } from "./context.js";
import { BAND_LABELS, bandOf, DIMENSION_LABELS, SUMMARIES, TRUNCATED_FINDING } from "./messages.js";
import { FEATURES, featureValues, type RuleHits } from "./model.js";
import { normalizeDraft } from "./offsets.js";
import { chooseQuestions, type DraftShape } from "./questions.js";
import { roadTold } from "./road.js";
import { RULES } from "./rules/index.js";
import { successOf } from "./rules/success-without-struggle.js";
import { hitContributions, score } from "./score.js";
import { SIGNALS, signalCounts, thirdPersonShare } from "./signals.js";
import { buildContext, MAX_ANALYZED_CHARS } from "./text.js";
import {
  type AnalyzeOptions,
  type CoachResult,
  DIMENSIONS,
  type Dimension,
  type Finding,
  type SignalResult,
  type Strength,
} from "./types.js";

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

/** A draft is good when it has no warning and reads as written for the reader, or nearly so with strengths. */
export const GOOD_SCORE = 65;
const GOOD_WITH_STRENGTHS = 58;
/**
 * A draft of a few words with nothing wrong in it ("Hello", "Meeting at 3pm.") gives the reader
 * nothing yet either: it is never called good nor "written for the reader", but "too short to
 * tell". Its score is the model's as for any draft (a post that short is rarely self-promotion),
 * so that scores keep ranking drafts the same way.
 */
export const THIN_WORDS = 8;

const DIMENSION_OF = new Map<string, Dimension>(FEATURES.map((f) => [f.id, f.dimension]));
const dimensionOf = (id: string): Dimension => DIMENSION_OF.get(id) ?? "authenticity";

/** Points shown to people: one decimal is enough to compare. */
const shown = (points: number) => Math.round(points * 10) / 10;

const byPosition = (a: { start: number; rule: string }, b: { start: number; rule: string }) =>
  a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

/**
 * Coaches one draft: deterministic, explainable findings, a score, and reflective questions.
 * Pure: no I/O, same input gives the same output.
 */
export function analyze(draft: string, options: AnalyzeOptions = {}): CoachResult {
  const source = typeof draft === "string" ? draft : "";
  // Read in NFC; every offset and excerpt shown is the draft's own (see offsets.ts).
  const { text: input, toDraft } = normalizeDraft(source);
  const text = truncate(input);
  const platform = options.platform ?? "linkedin";
  const ctx = buildContext(text, platform, options.lang);
  const lang = ctx.lang;

  const results: RuleHits[] = RULES.map((rule) => ({ rule, hits: rule.run(ctx) }));
  const values = featureValues(ctx, results);
  const scored = score(values, dimensionOf, ctx.words.length);

  const findings: Finding[] = [];
  const strengths: Strength[] = [];
  for (const r of results) {
    const { rule, hits } = r;
    if (hits.length === 0) continue;
    const points = hitContributions(r, scored.contributions);
    hits.forEach((hit, i) => {
      const texts = rule.texts[lang];
      const t = (hit.variant && texts[hit.variant]) || texts.default!;
      const start = toDraft(hit.start, false);
      const end = toDraft(hit.end, true);
      const excerpt = source.slice(start, end);
      const contribution = shown(points[i]!);
      if (rule.kind === "concern") {
        findings.push({
          rule: rule.id,
          message: t.message,
          severity: rule.severity,
          excerpt,
          start,
          end,
          suggestion: t.suggestion,
          dimension: rule.dimension,
          contribution,
        });
      } else if (i < MAX_STRENGTHS_PER_RULE) {
        strengths.push({
          rule: rule.id,
          message: t.message,
          excerpt,
          start,
          end,
          dimension: rule.dimension,
          contribution,
        });
      }
    });
  }
  const truncated = text.length < input.length;
  if (truncated) {
    const start = toDraft(Math.max(0, text.length - 40), false);
    const end = toDraft(text.length, true);
    findings.push({
      rule: "draft-truncated",
      ...TRUNCATED_FINDING[lang],
      severity: "info",
      excerpt: source.slice(start, end),
      start,
      end,
      dimension: "platformFit",
      contribution: 0,
    });
  }
  findings.sort(byPosition);
  strengths.sort(byPosition);

  const signals: SignalResult[] = [];
  for (const s of SIGNALS) {
    const contribution = scored.contributions.get(s.id);
    if (contribution === undefined || Math.abs(contribution) < 0.5) continue;
    signals.push({
      signal: s.id,
      label: s.label[lang],
      value: Math.round((values.get(s.id) ?? 0) * 1000) / 1000,
      contribution: shown(contribution),
    });
  }
  signals.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));

  const { dimensions } = scored;
  const scoredBand = bandOf(scored.score);
  const thin =
    text.trim() !== "" &&
    ctx.words.length < THIN_WORDS &&
    findings.length === 0 &&
    (scoredBand === "balanced" || scoredBand === "reader-focused");
  const hasWarning = findings.some((f) => f.severity === "warning");
  const good =
    !thin &&
    !hasWarning &&
    (scored.score >= GOOD_SCORE || (scored.score >= GOOD_WITH_STRENGTHS && strengths.length >= 2));
  const success = successOf(ctx) !== undefined;
  const advice = results.some((r) => r.rule.id === "usable-content" && r.hits.length > 0);
  const shape: DraftShape = {
    words: ctx.words.length,
    links: ctx.urls.length,
    success,
    story: values.has("self-past") || values.has("self-credit"),
    challenge: roadTold(ctx),
    advice,
    // Advice drawn from a loss ("what helped me after I was laid off: 1…") is coached as advice.
    loss: !advice && lossOfAuthor(ctx),
    selfShare: values.get("self-focus") ?? 0,
    othersShare: thirdPersonShare(signalCounts(ctx)),
  };
  const unquotable = ctx.mentions.length > 0 ? [...ctx.urls, ...ctx.mentions] : ctx.urls;
  const questions = chooseQuestions({ text, unquotable, lang, results, good, shape });
  const band = thin ? "too-short" : scoredBand;

  const summaries = SUMMARIES[lang];
  let summary: string;
  if (text.trim() === "") summary = summaries.empty;
  else if (shape.loss) summary = summaries.loss;
  else if (thin) summary = summaries.thin;
  else if (good) summary = summaries.good;
  else {
    const weakest = [...DIMENSIONS].sort((a, b) => dimensions[a] - dimensions[b])[0]!;
    summary = summaries.focus(DIMENSION_LABELS[lang][weakest]);
  }
  if (truncated) summary = `${summary} ${summaries.truncated(MAX_ANALYZED_CHARS)}`;

  return {
    language: lang,
    platform,
    score: scored.score,
    band,
    bandLabel: BAND_LABELS[lang][band],
    dimensions,
    findings,
    strengths,
    signals,
    questions,
    summary,
    analyzedLength: toDraft(text.length, true),
    truncated,
  };
}
