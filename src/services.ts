import { randomUUID } from "node:crypto";
import type { Logger } from "@slack/bolt";
import { analyze } from "./coach/analyze.js";
import type { AnalyzeOptions, CoachResult } from "./coach/types.js";
import { Replies, type RepliesOptions } from "./commands/replies.js";
import type { Config } from "./config.js";
import type { FetchPolicy } from "./links/fetch.js";
import { LlmCoach } from "./llm/client.js";
import { RateLimiter } from "./rate-limit.js";
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
  /** Coaching replies to link shares per channel. */
  channelLimiter: RateLimiter;
  now: () => number;
  coach: (draft: string, options?: AnalyzeOptions) => CoachResult;
  /** The one reply path: recorded in the outbox, answered, replayed after a crash, drained on SIGTERM. */
  replies: Replies;
  retentionDays: number;
  /** The LLM coach when OPENAI_API_KEY is set. */
  llm?: LlmCoach;
}

export const LINK_REPLIES_PER_CHANNEL = { limit: 6, windowMs: 60_000 } as const;

export function createServices(
  store: Store,
  logger: Logger,
  options: {
    linkPolicy: FetchPolicy;
    now?: () => number;
    llm?: Config["llm"];
    retentionDays?: number;
    /** The reply path's timings (tests make them short). */
    replies?: Partial<RepliesOptions>;
  },
): Services {
  const now = options.now ?? Date.now;
  const llmConfig = options.llm;
  const llm = llmConfig?.apiKey
    ? new LlmCoach({
        apiKey: llmConfig.apiKey,
        baseUrl: llmConfig.baseUrl,
        model: llmConfig.model,
        timeoutMs: llmConfig.timeoutMs,
        cache: store.llmCache,
        log: (line) => logger.debug(line),
      })
    : undefined;
  const services = {
    store,
    logger,
    refs: new DraftRefs(store.buttonDrafts, now),
    linkPolicy: options.linkPolicy,
    channelLimiter: new RateLimiter(LINK_REPLIES_PER_CHANNEL.limit, LINK_REPLIES_PER_CHANNEL.windowMs, now),
    now,
    coach: analyze,
    llm,
    retentionDays: options.retentionDays ?? 365,
  } as Services;
  services.replies = new Replies(services, { owner: `postcoach-${randomUUID()}`, ...options.replies });
  return services;
}
