import type { Logger } from "@slack/bolt";
import { type AnalyzeOptions, analyze, type CoachResult, LlmCoach } from "./coach/index.js";
import type { Config } from "./config.js";
import type { FetchPolicy } from "./links/fetch.js";
import { RateLimiter } from "./rate-limit.js";
import { DraftRefs } from "./slack/draft-ref.js";
import { ReplyPool } from "./slack/reply-pool.js";
import type { Store } from "./store/index.js";

/**
 * What the Slack surfaces share: the store, the coach, and small in-memory helpers.
 * Built once in main.ts (or by a test) and handed to every listener.
 */
export interface Services {
  store: Store;
  logger: Logger;
  refs: DraftRefs;
  linkPolicy: FetchPolicy;
  /** Coaching replies to link shares per channel. */
  channelLimiter: RateLimiter;
  now: () => number;
  coach: (draft: string, options?: AnalyzeOptions) => CoachResult;
  /** Builds and sends /postcheck replies off the main thread. */
  replies: ReplyPool;
  retentionDays: number;
  /** The LLM coach when OPENAI_API_KEY is set. */
  llm?: LlmCoach;
  close(): Promise<void>;
}

export const LINK_REPLIES_PER_CHANNEL = { limit: 6, windowMs: 60_000 } as const;

export function createServices(
  store: Store,
  logger: Logger,
  options: {
    linkPolicy: FetchPolicy;
    /** The SQLite file, opened again by the reply worker. */
    databasePath: string;
    now?: () => number;
    llm?: Config["llm"];
    retentionDays?: number;
    /** Limits of the /postcheck reply queue (tests make them small). */
    replyQueue?: ConstructorParameters<typeof ReplyPool>[1];
  },
): Services {
  const now = options.now ?? Date.now;
  const replies = new ReplyPool(options.databasePath, options.replyQueue);
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
  return {
    store,
    logger,
    refs: new DraftRefs(now),
    linkPolicy: options.linkPolicy,
    channelLimiter: new RateLimiter(LINK_REPLIES_PER_CHANNEL.limit, LINK_REPLIES_PER_CHANNEL.windowMs, now),
    now,
    coach: analyze,
    replies,
    llm,
    retentionDays: options.retentionDays ?? 365,
    close: () => replies.close(),
  };
}
