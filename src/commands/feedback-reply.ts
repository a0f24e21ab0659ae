import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { languageOf } from "../coach/index.js";
import { recordMentoring } from "../mentoring/activity.js";
import type { Services } from "../services.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { byPerson, eventTeam, MessageEvent, readPayload } from "./payloads.js";

/** A reply of real substance: a few words, not an emoji or a "+1". */
export function isSubstantial(text: string): boolean {
  const words = text
    .replace(/:[a-z0-9_+-]+:/g, " ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length >= 4 && words.join(" ").length >= 20;
}

/**
 * Mentoring happens in the thread of a feedback request: a teammate's substantial reply is a
 * mentoring event (once per mentor per request, never the author's own). A reaction from the
 * author on that reply marks it helpful (helpful-reaction.ts).
 */
export function feedbackReply(services: Services) {
  return async ({
    event,
    body,
    client,
    context,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const e = readPayload(MessageEvent, event, services.logger, "a message event");
    if (!e || e.subtype !== undefined || !byPerson(e, context.botUserId)) return;
    if (!e.thread_ts || e.thread_ts === e.ts) return;
    const teamId = eventTeam(body);
    if (!teamId) return;
    try {
      const request = await services.store.mentoring.request(teamId, e.channel, e.thread_ts);
      if (!request || request.authorId === e.user) return;
      const text = slackToPlain(e.text ?? "");
      if (!isSubstantial(text)) return;
      const lang = languageOf(text);
      const { recorded, milestone } = await recordMentoring(services.store, {
        teamId,
        requestId: request.id,
        mentorId: e.user,
        replyTs: e.ts,
        now: services.now(),
        lang,
      });
      if (recorded && milestone) {
        await client.chat.postEphemeral({
          channel: e.channel,
          user: e.user,
          thread_ts: e.thread_ts,
          text: milestone,
        });
      }
    } catch (err) {
      services.logger.warn(`mentoring reply not recorded: ${(err as Error).message}`);
    }
  };
}
