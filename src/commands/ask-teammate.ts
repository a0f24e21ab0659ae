import type { BlockAction } from "@slack/bolt";
import type { Services } from "../services.js";
import { ACTIONS, feedbackRequestBlocks } from "../slack/blocks.js";
import { escapeText, truncate } from "../slack/mrkdwn.js";
import { STRINGS } from "../slack/strings.js";
import { draftOfButton } from "./actions.js";
import type { Listeners } from "./listeners.js";

/**
 * "Ask a teammate for feedback": after Slack's confirmation dialog, the draft goes to the channel as
 * a feedback request. Teammates answer in its thread: that is where mentoring starts.
 */
export function registerAskTeammate(listeners: Listeners, services: Services): void {
  listeners.action<BlockAction>(ACTIONS.askTeammate, async ({ ack, body, client, respond }) => {
    await ack();
    const ref = await draftOfButton(services, body, respond);
    if (!ref) return;
    const channel = body.channel?.id;
    const lang = services.coach(ref.draft, ref.options).language;
    const s = STRINGS[lang];
    if (!channel || channel.startsWith("D")) {
      await respond({ response_type: "ephemeral", replace_original: false, text: s.feedbackFailed });
      return;
    }
    try {
      const posted = await client.chat.postMessage({
        channel,
        blocks: feedbackRequestBlocks(body.user.id, ref.draft, lang),
        text: truncate(`${s.feedbackRequest(body.user.id)} ${escapeText(ref.draft)}`, 3900),
        unfurl_links: false,
        unfurl_media: false,
      });
      if (posted.ts) {
        // Replies in this thread become mentoring events (feedback-replies.ts).
        await services.store.mentoring
          .recordRequest(
            body.team?.id ?? body.user.team_id ?? "",
            channel,
            posted.ts,
            body.user.id,
            services.now(),
          )
          .catch((err: Error) => services.logger.warn(`feedback request not recorded: ${err.message}`));
      }
      await respond({ response_type: "ephemeral", replace_original: false, text: s.feedbackPosted });
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      services.logger.warn(`feedback request not posted: ${code ?? (err as Error).message}`);
      const text =
        code === "not_in_channel" || code === "channel_not_found" ? s.notInChannel : s.feedbackFailed;
      await respond({ response_type: "ephemeral", replace_original: false, text });
    }
  });
}
