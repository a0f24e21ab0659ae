import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../services.js";
import { LANGUAGE_SETTINGS } from "../store/index.js";
import { homeSelection, saveHomeSetting } from "./home-setting.js";

const Language = z.enum(LANGUAGE_SETTINGS);

/** The Home's language menu: the language replies use when a draft doesn't say. */
export function homeLanguage(services: Services) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const change = homeSelection(services, body, Language);
    if (change)
      await saveHomeSetting(services, client, change.user, change.value && { language: change.value });
  };
}
