import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { linksIn } from "../slack/mrkdwn.js";
import { coachShare } from "./coach-share.js";
import type { OnceGuard } from "./dedupe.js";
import { byPerson, eventTeam, MessageEvent, readPayload } from "./payloads.js";

/**
 * A message with a link in a channel the bot is in gets coaching on the shared page together with
 * the message, in the message's thread (see coach-share.ts).
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
    if (!byPerson(e, context.botUserId)) return;
    if (e.channel_type !== "channel" && e.channel_type !== "group") return;
    const links = linksIn(e.text ?? "");
    if (links.length === 0) return;
    const team = eventTeam(body, e);
    if (!team) return;
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
