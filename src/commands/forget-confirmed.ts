import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { ButtonClick, readPayload, teamOf } from "./payloads.js";
import { forgetLanguage, PRIVACY_REPLIES } from "./privacy.js";

/** "Delete everything" (the button /postcheck forget shows: privacy.ts), clicked: the user's data is gone. */
export function forgetConfirmed(services: Services) {
  return async ({ ack, body, respond }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const click = readPayload(ButtonClick, body, services.logger, "a forget confirmation");
    if (!click) return;
    const t = PRIVACY_REPLIES[forgetLanguage(click.actions[0].value)];
    try {
      await services.store.privacy.forget(teamOf(click), click.user.id);
      await respond({ response_type: "ephemeral", replace_original: true, text: t.deleted });
    } catch (err) {
      services.logger.error("forget failed:", err);
      await respond({ response_type: "ephemeral", replace_original: false, text: t.notDeleted });
    }
  };
}
