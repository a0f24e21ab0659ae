import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../services.js";
import { LANGUAGE_SETTINGS } from "../store/index.js";
import { saveHomeSelection } from "./home-setting.js";

const Language = z.enum(LANGUAGE_SETTINGS);

/** The Home's language menu: the language replies use when a draft doesn't say. */
export function homeLanguage(services: Services) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    await saveHomeSelection(services, client, body, Language, (language) => ({ language }));
  };
}
