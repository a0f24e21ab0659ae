import type { Logger } from "@slack/bolt";
import type { Store } from "./store/index.js";

/** Coaching replies to link shares, per channel: at most `limit` per `windowMs`. */
export const LINK_REPLIES_PER_CHANNEL = { limit: 6, windowMs: 60_000 } as const;

export interface ChannelLimiter {
  /** Takes one slot for the channel; false when it is over its limit for the current window. */
  take(teamId: string, channelId: string): Promise<boolean>;
}

/**
 * The per-channel limit lives in the store, so that every replica counts in the same window. When
 * the store cannot answer, the reply goes out: a few extra replies harm less than silencing users.
 */
export function channelLimiter(
  store: Pick<Store, "rateLimits">,
  logger: Pick<Logger, "warn">,
  { limit, windowMs }: { limit: number; windowMs: number } = LINK_REPLIES_PER_CHANNEL,
): ChannelLimiter {
  return {
    take: (teamId, channelId) =>
      store.rateLimits.take(teamId, `channel:${channelId}`, limit, windowMs).catch((err: Error) => {
        logger.warn(`channel rate limit unavailable, replying anyway: ${err.message}`);
        return true;
      }),
  };
}
