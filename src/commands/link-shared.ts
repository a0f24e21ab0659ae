import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from "@slack/bolt";
import type { Services } from "../services.js";
import { linksIn } from "../slack/mrkdwn.js";
import { coachShare } from "./coach-share.js";
import type { OnceGuard } from "./dedupe.js";
import { eventTeam, LinkSharedEvent, readPayload } from "./payloads.js";

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
    const team = eventTeam(body);
    if (!team) return;
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
  client: webApi.WebClient,
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
