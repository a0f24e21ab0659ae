import { randomUUID } from "node:crypto";
import type { Logger } from "@slack/bolt";
import { analyze } from "./coach/analyze.js";
import type { AnalyzeOptions, CoachResult } from "./coach/types.js";
import { Replies, type RepliesOptions } from "./commands/replies.js";
import type { Config } from "./config.js";
import type { FetchPolicy } from "./links/fetch.js";
import { LlmCoach } from "./llm/client.js";
import { type ChannelLimiter, channelLimiter } from "./rate-limit.js";
import { DraftRefs } from "./slack/draft-ref.js";
import type { Store } from "./store/index.js";

/**
 * What the Slack surfaces share: the store, the coach, the reply path, and small helpers.
 * Built once in main.ts (or by a test) and handed to every listener.
 */
export interface Services {
  store: Store;
  logger: Logger;
  /** Drafts behind buttons (kept in the store when too long for a button's value). */
  refs: DraftRefs;
  linkPolicy: FetchPolicy;
  /** Coaching replies to link shares per channel, counted in the store (shared by every replica). */
  channelLimiter: ChannelLimiter;
  now: () => number;
  coach: (draft: string, options?: AnalyzeOptions) => CoachResult;
  /** The one reply path: recorded in the outbox, answered, replayed after a crash, drained on SIGTERM. */
  replies: Replies;
  retentionDays: number;
  /** Keys the hash of each recorded draft (see draftHash); main.ts derives it from a server secret. */
  draftKey?: Uint8Array;
  /** A workspace's LLM coach (answers cached per workspace) when OPENAI_API_KEY is set. */
  llm?: (teamId: string) => LlmCoach;
}

export function createServices(
  store: Store,
  logger: Logger,
  options: {
    linkPolicy: FetchPolicy;
    now?: () => number;
    llm?: Config["llm"];
    retentionDays?: number;
    draftKey?: Uint8Array;
    /** The reply path's timings (tests make them short). */
    replies?: Partial<RepliesOptions>;
  },
): Services {
  const now = options.now ?? Date.now;
  const services = {
    store,
    logger,
    refs: new DraftRefs(store.buttonDrafts, now),
    linkPolicy: options.linkPolicy,
    channelLimiter: channelLimiter(store, logger),
    now,
    coach: analyze,
    llm: llmCoaches(store, logger, options.llm),
    retentionDays: options.retentionDays ?? 365,
    draftKey: options.draftKey,
  } as Services;
  services.replies = new Replies(services, { owner: `postcoach-${randomUUID()}`, ...options.replies });
  return services;
}

/** One LLM coach, seen per workspace: each reads and fills only its own workspace's cache. */
function llmCoaches(
  store: Store,
  logger: Logger,
  config: Config["llm"] | undefined,
): ((teamId: string) => LlmCoach) | undefined {
  if (!config?.apiKey) return undefined;
  const coach = new LlmCoach({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    model: config.model,
    timeoutMs: config.timeoutMs,
    log: (line) => logger.debug(line),
  });
  return (teamId: string) => coach.withCache(store.llmCache.forTeam(teamId));
}
