import type { webApi } from "@slack/bolt";
import type { Services } from "../services.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import type { OnceGuard } from "./dedupe.js";

/** A message with links, shared where the bot is a member. */
export interface Share {
  team: string;
  channel: string;
  user: string;
  ts: string;
  threadTs?: string;
  /** The message as Slack sent it (mrkdwn). */
  text: string;
  links: string[];
}

/**
 * Coaches a shared link together with its message, in the message's thread: privately for the
 * sharer, or for everyone in channels that opted in. Both `message` and `link_shared` can arrive
 * for one message; it is answered once.
 */
export async function coachShare(
  services: Services,
  guard: OnceGuard,
  client: webApi.WebClient,
  share: Share,
): Promise<void> {
  if (!(await guard.claim(`share:${share.team}:${share.channel}:${share.ts}`))) return;
  if (!(await services.channelLimiter.take(share.team, share.channel))) {
    services.logger.info(`link coaching skipped in ${share.channel}: channel rate limit`);
    return;
  }
  const settings = await services.store.settings
    .channel(share.team, share.channel)
    .catch(() => ({ publicFeedback: false }));
  const ticket = await services.replies.owe({
    surface: "link",
    teamId: share.team,
    userId: share.user,
    channelId: share.channel,
    // The message and its links: the pages are read again if the reply is replayed.
    draft: slackToPlain(share.text).trim(),
    links: share.links,
    typed: {},
    to: {
      via: "thread",
      channel: share.channel,
      threadTs: share.threadTs ?? share.ts,
      ...(settings.publicFeedback ? {} : { ephemeralFor: share.user }),
    },
    ...(settings.publicFeedback ? {} : { buttons: { canAskTeammate: false } }),
  });
  await services.replies.answer(ticket, { client });
}
