import type { Logger } from "@slack/bolt";
import { type AnalyzeOptions, analyze, type CoachResult } from "./coach/index.js";
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
  close(): Promise<void>;
}

export const LINK_REPLIES_PER_CHANNEL = { limit: 6, windowMs: 60_000 } as const;

export function createServices(
  store: Store,
  logger: Logger,
  options: { linkPolicy: FetchPolicy; now?: () => number },
): Services {
  const now = options.now ?? Date.now;
  const replies = new ReplyPool();
  return {
    store,
    logger,
    refs: new DraftRefs(now),
    linkPolicy: options.linkPolicy,
    channelLimiter: new RateLimiter(LINK_REPLIES_PER_CHANNEL.limit, LINK_REPLIES_PER_CHANNEL.windowMs, now),
    now,
    coach: analyze,
    replies,
    close: () => replies.close(),
  };
}
