import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { saveHomeSelection } from "./home-setting.js";
import { Platform } from "./payloads.js";

/** The Home's platform menu: the platform drafts are coached for when they don't say. */
export function homePlatform(services: Services) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    await saveHomeSelection(services, client, body, Platform, (platform) => ({ platform }));
  };
}
