import type {
  AllMiddlewareArgs,
  MessageShortcut as BoltMessageShortcut,
  SlackShortcutMiddlewareArgs,
} from "@slack/bolt";
import type { Services } from "../services.js";
import { messageText } from "../slack/mrkdwn.js";
import { MessageShortcut, readPayload, teamOf } from "./payloads.js";

export const CHECK_POST_CALLBACK = "check_post";

const NO_TEXT =
  "That message has no text I can read (only files or images). Try it on a message with words in it.";

/** The message shortcut "Check this post": coaches any message, privately, for whoever used it. */
export function checkPostShortcut(services: Services) {
  return async ({
    ack,
    shortcut: raw,
    respond,
    client,
  }: SlackShortcutMiddlewareArgs<BoltMessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    const shortcut = readPayload(MessageShortcut, raw, services.logger, "a message shortcut");
    const draft = shortcut ? messageText(shortcut.message) : "";
    if (!shortcut || draft === "") {
      await ack();
      await respond?.({ response_type: "ephemeral", text: NO_TEXT });
      return;
    }
    const ticket = await services.replies.owe({
      surface: "shortcut",
      teamId: teamOf(shortcut),
      userId: shortcut.user.id,
      channelId: shortcut.channel.id,
      draft,
      typed: {},
      to: { via: "response_url", url: shortcut.response_url },
      buttons: { canAskTeammate: false },
    });
    await ack();
    await services.replies.answer(ticket, { respond, client });
  };
}
