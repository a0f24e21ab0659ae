import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { AppHomeOpenedEvent, eventTeam, readPayload } from "./payloads.js";
import { publishHome } from "./publish-home.js";

/** The App Home dashboard, published each time its Home tab is opened. */
export function appHomeOpened(services: Services) {
  return async ({
    event: raw,
    body,
    client,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    const event = readPayload(AppHomeOpenedEvent, raw, services.logger, "an app_home_opened event");
    if (event?.tab !== "home") return;
    const teamId = eventTeam(body);
    if (!teamId) return;
    try {
      await publishHome(services, client, teamId, event.user);
    } catch (err) {
      services.logger.warn(`App Home not published: ${(err as Error).message}`);
    }
  };
}
