import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { languageOf } from "../coach/text.js";
import type { Services } from "../services.js";
import { STRINGS } from "../slack/strings.js";

/**
 * Requests of this app no listener takes: a button of a message from an older version, a command
 * added or renamed in the app's settings, a modal from an older version or one closed, a shortcut
 * postcoach doesn't have. Unacknowledged, Bolt would hold each ~3 s, answer 404 and log an ERROR,
 * and Slack would show the person an error.
 */

/** Matches every id but the known ones, so that no request is acknowledged twice. */
export function anyBut(known: readonly string[]): RegExp {
  const escaped = known.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^(?!(?:${escaped.join("|")})$)`);
}

/** A slash command postcoach has no listener for: a kind pointer to /postcheck, only for that person. */
export function unknownCommand(services: Services) {
  return async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const name = typeof command.command === "string" ? command.command : "";
    services.logger.debug(`answered the unknown command ${name.slice(0, 40)}`);
    const lang = typeof command.text === "string" && command.text.trim() ? languageOf(command.text) : "en";
    await ack({ response_type: "ephemeral", text: STRINGS[lang].unknownCommand(name) });
  };
}

/** Anything else no listener takes: acknowledged at once (a modal closes), and nothing else. */
export function acknowledgeUnknown(services: Services, what: string) {
  return async ({ ack }: { ack: () => Promise<void> }): Promise<void> => {
    services.logger.debug(`acknowledged ${what} no listener takes`);
    await ack();
  };
}
