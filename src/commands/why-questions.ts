import type { Services } from "../services.js";
import { ACTIONS, whyModal } from "../slack/blocks.js";
import { draftOfButton } from "./actions.js";
import type { Listeners } from "./listeners.js";

export function registerWhyQuestions(listeners: Listeners, services: Services): void {
  listeners.action(ACTIONS.why, async ({ ack, body, client, respond }) => {
    await ack();
    const click = await draftOfButton(services, body, respond);
    if (!click?.triggerId) return;
    await client.views.open({
      trigger_id: click.triggerId,
      view: whyModal(services.coach(click.draft, click.options)),
    });
  });
}
