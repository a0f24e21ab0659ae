import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Services } from "../services.js";
import type { DraftRef } from "../slack/draft-ref.js";
import { STRINGS } from "../slack/strings.js";
import { withUserDefaults } from "./reply.js";

/** The draft behind a clicked button, or undefined when it expired (after telling the user). */
export async function draftOfButton(
  services: Services,
  body: BlockAction,
  respond: (msg: { response_type: "ephemeral"; replace_original: false; text: string }) => Promise<unknown>,
): Promise<DraftRef | undefined> {
  const action = body.actions[0] as ButtonAction | undefined;
  const ref = services.refs.decode(action?.value);
  if (!ref) {
    await respond({ response_type: "ephemeral", replace_original: false, text: STRINGS.en.expired });
    return undefined;
  }
  // The button carries what was typed; the user's defaults apply again, as when it was coached.
  const teamId = body.team?.id ?? body.user.team_id ?? "";
  return { draft: ref.draft, options: await withUserDefaults(services, teamId, body.user.id, ref.options) };
}
