import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { ButtonClick, readPayload, teamOf } from "./payloads.js";
import { exportToDm } from "./privacy.js";

/** The Home's export button: everything stored about the user, as a file in their DM. */
export function homeExport(services: Services) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const click = readPayload(ButtonClick, body, services.logger, "a Home button");
    if (!click) return;
    await exportToDm(services, client, teamOf(click), click.user.id).catch((err: Error) =>
      services.logger.warn(`export failed: ${err.message}`),
    );
  };
}
