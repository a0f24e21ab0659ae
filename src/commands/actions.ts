import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { Services } from "../services.js";
import type { DraftRef } from "../slack/draft-ref.js";
import { STRINGS } from "../slack/strings.js";

/** The draft behind a clicked button, or undefined when it expired (after telling the user). */
export async function draftOfButton(
  services: Services,
  body: BlockAction,
  respond: (msg: { response_type: "ephemeral"; replace_original: false; text: string }) => Promise<unknown>,
): Promise<DraftRef | undefined> {
  const action = body.actions[0] as ButtonAction | undefined;
  const ref = services.refs.decode(action?.value);
  if (!ref) await respond({ response_type: "ephemeral", replace_original: false, text: STRINGS.en.expired });
  return ref;
}
