import type { BlockAction } from "@slack/bolt";
import type { Services } from "../services.js";
import { ACTIONS, whyModal } from "../slack/blocks.js";
import { draftOfButton } from "./actions.js";
import type { Listeners } from "./listeners.js";

export function registerWhyQuestions(listeners: Listeners, services: Services): void {
  listeners.action<BlockAction>(ACTIONS.why, async ({ ack, body, client, respond }) => {
    await ack();
    const ref = await draftOfButton(services, body, respond);
    if (!ref) return;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: whyModal(services.coach(ref.draft, ref.options)),
    });
  });
}
