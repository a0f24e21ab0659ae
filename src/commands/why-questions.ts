import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { whyModal } from "../slack/blocks.js";
import { draftOfButton } from "./draft-of-button.js";

/** "Why these questions?": the rule and the guidance behind each finding, in a modal. */
export function whyQuestions(services: Services) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const click = await draftOfButton(services, body, respond);
    if (!click?.triggerId) return;
    await client.views.open({
      trigger_id: click.triggerId,
      view: whyModal(services.coach(click.draft, click.options)),
    });
  };
}
