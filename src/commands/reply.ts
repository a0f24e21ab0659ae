import type { SayStreamFn } from "@slack/bolt";
import type { AnalyzeOptions, CoachResult, Lang } from "../coach/types.js";
import type { LlmOutcome } from "../llm/client.js";
import { type Coaching, withLlm } from "../llm/coaching.js";
import type { Services } from "../services.js";
import { STRINGS } from "../slack/strings.js";
import { applyDefaults, type UserSettings } from "../store/index.js";

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
  const outcome = await services.llm(teamId).refine(draft, result).catch(unavailable);
  return refinement(services, result, outcome);
}

const unavailable = (err: Error): LlmOutcome => ({
  ok: false,
  reason: "unavailable",
  detail: err.message,
  ms: 0,
});

function refinement(
  services: Pick<Services, "logger">,
  result: CoachResult,
  outcome: LlmOutcome,
): LlmRefinement {
  if (!outcome.ok) services.logger.info(`AI coach unavailable (${outcome.reason}: ${outcome.detail})`);
  const coaching = withLlm(result, outcome);
  return coaching.coachedBy === "llm"
    ? { questions: coaching.questions, notes: observationNotes(coaching) }
    : { notes: coaching.note ? [coaching.note] : [] };
}

/**
 * Streams the LLM's questions into a new message of the thread (Bolt's sayStream: Slack's
 * chat.startStream/appendStream/stopStream), each as soon as the LLM has written it. Resolves
 * "streamed", or the refinement to show otherwise (streaming unavailable, or the LLM was).
 */
export async function streamQuestions(
  services: Pick<Services, "llm" | "logger">,
  teamId: string,
  draft: string,
  result: CoachResult,
  sayStream: SayStreamFn | undefined,
  lang: Lang,
): Promise<"streamed" | LlmRefinement> {
  if (!services.llm) return { notes: [] };
  let streamer: ReturnType<SayStreamFn> | undefined;
  let shown = 0;
  let broken = !sayStream;
  const outcome = await services
    .llm(teamId)
    .refineStreaming(draft, result, async (question) => {
      if (broken || !sayStream) return;
      try {
        // Each question goes out as soon as it is written, not once a buffer fills.
        streamer ??= sayStream({ buffer_size: 1 });
        const title = shown === 0 ? `*${STRINGS[lang].sharperQuestions}*\n` : "";
        await streamer.append({ markdown_text: `${title}${++shown}. ${markdownLiteral(question)}\n` });
      } catch (err) {
        broken = true;
        services.logger.info(`questions not streamed (${(err as Error).message}): sent whole`);
      }
    })
    .catch(unavailable);
  if (streamer && !broken) {
    const stopped = await streamer.stop().then(
      () => true,
      () => false,
    );
    if (stopped && shown > 0) return "streamed";
  }
  return refinement(services, result, outcome);
}

/** Text for Slack's markdown_text shown as written: markdown's own characters escaped. */
export function markdownLiteral(text: string): string {
  return text.replace(/[\\`*_~<>[\]]/g, "\\$&").replace(/@(channel|here|everyone)\b/gi, "@\u2060$1");
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
