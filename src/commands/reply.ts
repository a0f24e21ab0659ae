import { type AnalyzeOptions, type Coaching, type CoachResult, withLlm } from "../coach/index.js";
import type { Services } from "../services.js";
import { coachingBlocks, coachingText } from "../slack/blocks.js";
import type { Owner } from "../slack/draft-ref.js";
import { applyDefaults, type UserSettings } from "../store/index.js";

/** The ephemeral coaching reply shared by /postcheck, the shortcut and link shares. */
export function coachingMessage(
  services: Services,
  draft: string,
  result: CoachResult,
  options: AnalyzeOptions,
  extra: {
    /** Who the buttons are for; without it (a public reply) there are none. */
    owner?: Owner;
    canAskTeammate?: boolean;
    notes?: string[];
    llm?: LlmRefinement;
  } = {},
) {
  const draftValue = extra.owner ? services.refs.encode({ draft, options }, extra.owner) : undefined;
  const questions = extra.llm?.questions;
  return {
    blocks: coachingBlocks(result, {
      draftValue,
      canAskTeammate: extra.canAskTeammate,
      notes: [...(extra.notes ?? []), ...(extra.llm?.notes ?? [])],
      questions,
    }),
    text: coachingText(result, questions),
  };
}

/** Options a user can put before a draft: --x, --linkedin, --slack, --blog, --platform NAME, --lang en|fr. */
export function parseDraftOptions(text: string): { draft: string; options: AnalyzeOptions } {
  const options: AnalyzeOptions = {};
  let rest = text;
  for (;;) {
    const m = /^\s*--(x|twitter|linkedin|slack|blog|platform\s+(\w+)|lang\s+(en|fr)|en|fr)\b/i.exec(rest);
    if (!m) break;
    const flag = m[1]!.toLowerCase();
    if (m[2]) {
      const p = m[2].toLowerCase() === "twitter" ? "x" : m[2].toLowerCase();
      if (p === "x" || p === "linkedin" || p === "slack" || p === "blog") options.platform = p;
    } else if (m[3]) options.lang = m[3].toLowerCase() as "en" | "fr";
    else if (flag === "en" || flag === "fr") options.lang = flag;
    else options.platform = flag === "twitter" ? "x" : (flag as AnalyzeOptions["platform"]);
    rest = rest.slice(m[0].length);
  }
  return { draft: rest.trim(), options };
}

export interface LlmRefinement {
  /** The LLM's questions, when it answered. */
  questions?: string[];
  /** Its observations, or the one-line note that it was unavailable. */
  notes: string[];
}

/** Asks the LLM (when configured) about a draft; resolves undefined without one, and never throws. */
export async function refineWithLlm(
  services: Pick<Services, "llm" | "logger" | "coach">,
  teamId: string,
  draft: string,
  options: AnalyzeOptions,
  result: CoachResult = services.coach(draft, options),
): Promise<LlmRefinement | undefined> {
  if (!services.llm) return undefined;
  const outcome = await services
    .llm(teamId)
    .refine(draft, result)
    .catch((err: Error) => ({
      ok: false as const,
      reason: "unavailable" as const,
      detail: err.message,
      ms: 0,
    }));
  if (!outcome.ok) services.logger.info(`AI coach unavailable (${outcome.reason}: ${outcome.detail})`);
  const coaching = withLlm(result, outcome);
  return coaching.coachedBy === "llm"
    ? { questions: coaching.questions, notes: observationNotes(coaching) }
    : { notes: coaching.note ? [coaching.note] : [] };
}

/** The LLM's short observations, shown as context lines under the questions. */
export function observationNotes(coaching: Coaching): string[] {
  return Object.values(coaching.observations ?? {}).filter((o): o is string => typeof o === "string");
}

/**
 * The user's settings, and their defaults from the Home tab (language, platform) overridden by
 * what they typed (--fr, --x). A storage problem falls back to detection and LinkedIn. The
 * settings go on to recordCheck, so that one check reads them once.
 */
export async function userDefaults(
  services: Services,
  teamId: string,
  userId: string,
  typed: AnalyzeOptions = {},
): Promise<{ options: AnalyzeOptions; settings?: UserSettings }> {
  const settings = await services.store.users.get(teamId, userId).catch(() => undefined);
  return { options: applyDefaults(settings, typed), settings };
}

/** The analysis options alone (see userDefaults). */
export async function withUserDefaults(
  services: Services,
  teamId: string,
  userId: string,
  typed: AnalyzeOptions = {},
): Promise<AnalyzeOptions> {
  return (await userDefaults(services, teamId, userId, typed)).options;
}
