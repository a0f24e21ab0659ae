import type { Logger } from "@slack/bolt";
import { type AnalyzeOptions, analyze, type CoachResult, LlmCoach } from "./coach/index.js";
import type { Config } from "./config.js";
import type { FetchPolicy } from "./links/fetch.js";
import { type ChannelLimiter, channelLimiter } from "./rate-limit.js";
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
  channelLimiter: ChannelLimiter;
  now: () => number;
  coach: (draft: string, options?: AnalyzeOptions) => CoachResult;
  /** Builds and sends /postcheck replies off the main thread. */
  replies: ReplyPool;
  retentionDays: number;
  /** A workspace's LLM coach (answers cached per workspace) when OPENAI_API_KEY is set. */
  llm?: (teamId: string) => LlmCoach;
  close(): Promise<void>;
}

export function createServices(
  store: Store,
  logger: Logger,
  options: {
    linkPolicy: FetchPolicy;
    /** The SQLite file, or the PostgreSQL URL, opened again by the reply worker. */
    databasePath: string;
    databaseUrl?: string;
    now?: () => number;
    llm?: Config["llm"];
    retentionDays?: number;
    /** Limits of the /postcheck reply queue (tests make them small). */
    replyQueue?: ConstructorParameters<typeof ReplyPool>[1];
  },
): Services {
  const now = options.now ?? Date.now;
  const replies = new ReplyPool(
    { databasePath: options.databasePath, databaseUrl: options.databaseUrl },
    options.replyQueue,
  );
  const llmConfig = options.llm;
  const apiKey = llmConfig?.apiKey;
  const coaches = new Map<string, LlmCoach>();
  const llm =
    llmConfig && apiKey
      ? (teamId: string) => {
          let coach = coaches.get(teamId);
          if (!coach) {
            if (coaches.size >= 1000) coaches.clear();
            coach = new LlmCoach({
              apiKey,
              baseUrl: llmConfig.baseUrl,
              model: llmConfig.model,
              timeoutMs: llmConfig.timeoutMs,
              // No team, no cache: nothing is stored under an empty team id.
              cache: teamId ? store.llmCache.forTeam(teamId) : undefined,
              log: (line) => logger.debug(line),
            });
            coaches.set(teamId, coach);
          }
          return coach;
        }
      : undefined;
  return {
    store,
    logger,
    refs: new DraftRefs(now),
    linkPolicy: options.linkPolicy,
    channelLimiter: channelLimiter(store, logger),
    now,
    coach: analyze,
    replies,
    llm,
    retentionDays: options.retentionDays ?? 365,
    close: () => replies.close(),
  };
}
