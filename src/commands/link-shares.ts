import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from "@slack/bolt";
import type { Services } from "../services.js";
import { linksIn, slackToPlain } from "../slack/mrkdwn.js";
import type { OnceGuard } from "./dedupe.js";
import { LinkSharedEvent, MessageEvent, readPayload } from "./payloads.js";

type WebClient = webApi.WebClient;

interface Share {
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
 * A message with a link in a channel the bot is in gets coaching on the shared page together with
 * the message, in the message's thread: privately for the sharer, or for everyone in channels that
 * opted in. Both `message` and `link_shared` can arrive for one message; it is answered once.
 */
export function linkShareMessage(services: Services, guard: OnceGuard) {
  return async ({
    event,
    body,
    context,
    client,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const e = readPayload(MessageEvent, event, services.logger, "a message event");
    // Edits, deletions, joins and bot posts all carry a subtype; only plain messages are coached.
    if (!e || (e.subtype !== undefined && e.subtype !== "thread_broadcast")) return;
    if (e.bot_id || !e.user || e.user === context.botUserId) return;
    if (e.channel_type !== "channel" && e.channel_type !== "group") return;
    const links = linksIn(e.text ?? "");
    if (links.length === 0) return;
    const team = (body as { team_id?: string }).team_id ?? e.team ?? "";
    await coachShare(services, guard, client, {
      team,
      channel: e.channel,
      user: e.user,
      ts: e.ts,
      threadTs: e.thread_ts,
      text: e.text ?? "",
      links,
    });
  };
}

/**
 * Slack sends `link_shared` for any conversation where a link to an unfurl domain is posted, the
 * bot a member or not (a DM between two people): only those where it is a member are coached.
 */
export function linkShared(services: Services, guard: OnceGuard) {
  return async ({
    event: raw,
    body,
    context,
    client,
  }: SlackEventMiddlewareArgs<"link_shared"> & AllMiddlewareArgs) => {
    const event = readPayload(LinkSharedEvent, raw, services.logger, "a link_shared event");
    // While a message is being composed there is nothing to answer yet.
    if (!event || event.source === "composer" || event.channel === "COMPOSER") return;
    if (event.is_bot_user_member !== true) {
      services.logger.debug("link_shared in a conversation postcoach is not a member of: ignored");
      return;
    }
    if (event.user === context.botUserId) return;
    const team = (body as { team_id?: string }).team_id ?? "";
    const text = await messageText(client, event.channel, event.message_ts, event.thread_ts, services);
    const links = [...new Set([...linksIn(text), ...event.links.map((l) => l.url)])];
    await coachShare(services, guard, client, {
      team,
      channel: event.channel,
      user: event.user,
      ts: event.message_ts,
      threadTs: event.thread_ts,
      text,
      links,
    });
  };
}

/** The shared message's text: a reply in a thread is read from the thread, others from the channel. */
async function messageText(
  client: WebClient,
  channel: string,
  ts: string,
  threadTs: string | undefined,
  services: Services,
): Promise<string> {
  try {
    const bounds = { channel, latest: ts, oldest: ts, inclusive: true };
    // A thread's replies always start with its parent message: two, to reach the reply itself.
    const res =
      threadTs && threadTs !== ts
        ? await client.conversations.replies({ ...bounds, ts: threadTs, limit: 2 })
        : await client.conversations.history({ ...bounds, limit: 1 });
    return res.messages?.find((m) => m.ts === ts)?.text ?? "";
  } catch (err) {
    services.logger.debug(`could not read the shared message: ${(err as Error).message}`);
    return "";
  }
}

async function coachShare(
  services: Services,
  guard: OnceGuard,
  client: WebClient,
  share: Share,
): Promise<void> {
  if (!(await guard.claim(`share:${share.team}:${share.channel}:${share.ts}`))) return;
  if (!services.channelLimiter.take(`${share.team}:${share.channel}`)) {
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
