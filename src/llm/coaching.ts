import { analyze } from "../coach/analyze.js";
import { LLM_UNAVAILABLE } from "../coach/messages.js";
import type { AnalyzeOptions, CoachResult } from "../coach/types.js";
import type { LlmAnswer } from "./answer.js";
// Types only: the CLI imports this module without loading the openai SDK (docs/benchmarks.md).
import type { LlmCoach, LlmOutcome } from "./client.js";

/** The heuristic result, with the LLM's questions when it answered in time. */
export interface Coaching extends CoachResult {
  coachedBy: "llm" | "heuristics";
  observations?: LlmAnswer["observations"];
  /** One line for the user when the LLM was configured but unavailable. */
  note?: string;
}

/** Merges an LLM outcome into a heuristic result. */
export function withLlm(result: CoachResult, outcome: LlmOutcome | undefined): Coaching {
  if (!outcome) return { ...result, coachedBy: "heuristics" };
  if (!outcome.ok) return { ...result, coachedBy: "heuristics", note: LLM_UNAVAILABLE[result.language] };
  return { ...result, questions: outcome.questions, observations: outcome.observations, coachedBy: "llm" };
}

export type LlmFailure = Extract<LlmOutcome, { ok: false }>;

/**
 * Coaches a draft with the heuristics, then asks the LLM (when there is one) within its budget.
 * `onFailure` hears why the LLM did not answer (never the draft): the result only says it didn't.
 */
export async function coach(
  draft: string,
  options: AnalyzeOptions = {},
  llm?: LlmCoach,
  onFailure?: (failure: LlmFailure) => void,
): Promise<Coaching> {
  const result = analyze(draft, options);
  if (!llm || draft.trim() === "") return withLlm(result, undefined);
  const outcome = await llm.refine(draft, result);
  if (!outcome.ok) onFailure?.(outcome);
  return withLlm(result, outcome);
}
