import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { eventTeam, ReactionAddedEvent, readPayload } from "./payloads.js";

/** The author's reaction on a mentor's reply in the thread of a feedback request: it helped. */
export function helpfulReaction(services: Services) {
  return async ({ event: raw, body }: SlackEventMiddlewareArgs<"reaction_added"> & AllMiddlewareArgs) => {
    const event = readPayload(ReactionAddedEvent, raw, services.logger, "a reaction_added event");
    if (event?.item.type !== "message" || !event.item.ts) return;
    const teamId = eventTeam(body);
    if (!teamId) return;
    try {
      if (await services.store.mentoring.markHelpful(teamId, event.item.ts, event.user)) {
        services.logger.debug("a mentoring reply was marked helpful");
      }
    } catch (err) {
      services.logger.warn(`helpful mark not recorded: ${(err as Error).message}`);
    }
  };
}
