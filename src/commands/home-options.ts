import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { z } from "zod";
import type { Services } from "../services.js";
import { saveHomeSetting } from "./home-setting.js";
import { CheckboxesChange, readPayload, teamOf } from "./payloads.js";

const HOME_OPTIONS = ["show_in_digest", "store_drafts"] as const;

/** The Home's checkboxes: named in the digest, draft text kept. */
export function homeOptions(services: Services) {
  return async ({ ack, body, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const change = readPayload(CheckboxesChange, body, services.logger, "a Home setting");
    if (!change) return;
    const on = z
      .array(z.enum(HOME_OPTIONS))
      .safeParse(change.actions[0].selected_options.map((o) => o.value));
    const user = { teamId: teamOf(change), userId: change.user.id };
    await saveHomeSetting(
      services,
      client,
      user,
      on.data && {
        showInDigest: on.data.includes("show_in_digest"),
        storeDrafts: on.data.includes("store_drafts"),
      },
    );
  };
}
