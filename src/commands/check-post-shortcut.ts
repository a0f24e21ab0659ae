import type { MessageShortcut } from "@slack/bolt";
import type { Services } from "../services.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { noteCheck } from "./activity.js";
import type { Listeners } from "./listeners.js";
import { coachingMessage, refineWithLlm, userDefaults } from "./reply.js";

export const CHECK_POST_CALLBACK = "check_post";

/** The message shortcut "Check this post": coaches any message, privately, for whoever used it. */
export function registerCheckPostShortcut(listeners: Listeners, services: Services): void {
  listeners.shortcut<MessageShortcut>(CHECK_POST_CALLBACK, async ({ ack, shortcut, respond, client }) => {
    await ack();
    const draft = slackToPlain(shortcut.message.text ?? "").trim();
    if (draft === "") {
      await respond({
        response_type: "ephemeral",
        text: "That message has no text I can read (only files or attachments). Try it on a message with words in it.",
      });
      return;
    }
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? "";
    const { options, settings } = await userDefaults(services, teamId, shortcut.user.id);
    const result = services.coach(draft, options);
    const refined = refineWithLlm(services, draft, options, result);
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
      ...coachingMessage(services, draft, result, options, { notes }),
    });
    const llm = await refined;
    if (llm)
      await respond({
        response_type: "ephemeral",
        replace_original: true,
        ...coachingMessage(services, draft, result, options, { notes, llm }),
      });
  });
}
