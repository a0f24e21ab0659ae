import type { Services } from "../services.js";
import type { DraftRef } from "../slack/draft-ref.js";
import { STRINGS } from "../slack/strings.js";
import { ButtonClick, readPayload, teamOf } from "./payloads.js";
import { withUserDefaults } from "./reply.js";

type Respond = (msg: {
  response_type: "ephemeral";
  replace_original: false;
  text: string;
}) => Promise<unknown>;

/** A coaching button's click, its draft, and who clicked. */
export interface Click extends DraftRef {
  teamId: string;
  userId: string;
  triggerId?: string;
  channelId?: string;
}

/**
 * The draft behind a clicked button, or undefined after telling the user why there is none: the
 * value could not be read (forged, or from an older version), or the draft expired, or it was
 * coached for someone else.
 */
export async function draftOfButton(
  services: Services,
  body: unknown,
  /** Absent when a forged click had no response_url. */
  respond: Respond | undefined,
): Promise<Click | undefined> {
  const click = readPayload(ButtonClick, body, services.logger, "a button click");
  const teamId = click ? teamOf(click) : "";
  const decoded = click
    ? await services.refs.decode(click.actions[0].value, { teamId, userId: click.user.id })
    : ({ ok: false, reason: "unreadable" } as const);
  if (!click || !decoded.ok) {
    const reason = decoded.ok ? "unreadable" : decoded.reason;
    const text = reason === "expired" ? STRINGS.en.expired : STRINGS.en.unreadableButton;
    await respond?.({ response_type: "ephemeral", replace_original: false, text });
    return undefined;
  }
  // The button carries what was typed; the user's defaults apply again, as when it was coached.
  return {
    draft: decoded.ref.draft,
    options: await withUserDefaults(services, teamId, click.user.id, decoded.ref.options),
    teamId,
    userId: click.user.id,
    triggerId: click.trigger_id,
    channelId: click.channel?.id,
  };
}
