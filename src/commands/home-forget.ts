import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { ButtonClick, readPayload, teamOf } from "./payloads.js";
import { publishHome } from "./publish-home.js";

/** The Home's delete button (Slack's confirmation dialog first): the user's data is gone. */
export function homeForget(services: Services) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const click = readPayload(ButtonClick, body, services.logger, "a Home button");
    if (!click) return;
    const teamId = teamOf(click);
    await services.store.privacy.forget(teamId, click.user.id);
    await publishHome(services, client, teamId, click.user.id);
  };
}
