import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { feedbackRequestBlocks } from "../slack/blocks.js";
import { escapeText, truncate } from "../slack/mrkdwn.js";
import { STRINGS } from "../slack/strings.js";
import { draftOfButton } from "./draft-of-button.js";

/**
 * "Ask a teammate for feedback": after Slack's confirmation dialog, the draft goes to the channel as
 * a feedback request. Teammates answer in its thread: that is where mentoring starts.
 */
export function askTeammate(services: Services) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const click = await draftOfButton(services, body, respond);
    if (!click) return;
    const channel = click.channelId;
    const lang = services.coach(click.draft, click.options).language;
    const s = STRINGS[lang];
    if (!channel || channel.startsWith("D")) {
      await respond({ response_type: "ephemeral", replace_original: false, text: s.feedbackFailed });
      return;
    }
    try {
      const posted = await client.chat.postMessage({
        channel,
        blocks: feedbackRequestBlocks(click.userId, click.draft, lang),
        text: truncate(`${s.feedbackRequest(click.userId)} ${escapeText(click.draft)}`, 3900),
        unfurl_links: false,
        unfurl_media: false,
      });
      if (posted.ts) {
        // Replies in this thread become mentoring events (feedback-reply.ts).
        await services.store.mentoring
          .recordRequest(click.teamId, channel, posted.ts, click.userId, services.now())
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
  };
}
