import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { reviseBoxText, reviseModal } from "../slack/blocks.js";
import { draftOfButton } from "./draft-of-button.js";
import { outcomeOf } from "./replies.js";
import type { RevisionMetadata } from "./revision-metadata.js";

/** "Check a revised draft": a modal prefilled with the draft, carrying its outcome (never its text). */
export function reviseButton(services: Services) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const click = await draftOfButton(services, body, respond);
    if (!click?.triggerId) return;
    // The outcome of what the box holds: a revision is compared with the same text it started from.
    const result = services.coach(reviseBoxText(click.draft), click.options);
    const metadata: RevisionMetadata = { ...outcomeOf(result), options: click.options };
    await client.views.open({
      trigger_id: click.triggerId,
      view: reviseModal(result, click.draft, JSON.stringify(metadata)),
    });
  };
}
