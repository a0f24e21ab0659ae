import type { Services } from "../services.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { noteCheck } from "./activity.js";
import type { Listeners } from "./listeners.js";
import { MessageShortcut, readPayload, teamOf } from "./payloads.js";
import { coachingMessage, refineWithLlm, userDefaults } from "./reply.js";

export const CHECK_POST_CALLBACK = "check_post";

/** The message shortcut "Check this post": coaches any message, privately, for whoever used it. */
export function registerCheckPostShortcut(listeners: Listeners, services: Services): void {
  listeners.shortcut(CHECK_POST_CALLBACK, async ({ ack, shortcut: raw, respond, client }) => {
    await ack();
    const shortcut = readPayload(MessageShortcut, raw, services.logger, "a message shortcut");
    const draft = slackToPlain(shortcut?.message.text ?? "").trim();
    if (!shortcut || draft === "") {
      await respond?.({
        response_type: "ephemeral",
        text: "That message has no text I can read (only files or attachments). Try it on a message with words in it.",
      });
      return;
    }
    const teamId = teamOf(shortcut);
    const owner = { teamId, userId: shortcut.user.id };
    const { options, settings } = await userDefaults(services, teamId, shortcut.user.id);
    const result = services.coach(draft, options);
    const refined = refineWithLlm(services, teamId, draft, options, result);
    const milestone = await noteCheck(services, client, {
      settings,
      teamId,
      userId: shortcut.user.id,
      channelId: shortcut.channel.id,
      draft,
      result,
      surface: "shortcut",
    });
    const notes = milestone ? [milestone] : [];
    await respond({
      response_type: "ephemeral",
      ...coachingMessage(services, draft, result, options, { notes, owner }),
    });
    const llm = await refined;
    if (llm)
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        ...coachingMessage(services, draft, result, options, { notes, llm, owner }),
      });
  });
}
