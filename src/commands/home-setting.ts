import type { webApi } from "@slack/bolt";
import type { z } from "zod";
import type { Services } from "../services.js";
import type { SettingsPatch } from "../store/index.js";
import { readPayload, SelectChange, teamOf } from "./payloads.js";
import { publishHome } from "./publish-home.js";

/** Who changed a setting on their App Home. */
export interface HomeUser {
  teamId: string;
  userId: string;
}

/**
 * Saves a setting and shows the Home again. A value that is not one the Home offers (a forged
 * request) is never stored: the Home is shown again as it was.
 */
export async function saveHomeSetting(
  services: Services,
  client: webApi.WebClient,
  user: HomeUser,
  patch: SettingsPatch | undefined,
): Promise<void> {
  if (patch) await services.store.users.update(user.teamId, user.userId, patch);
  else services.logger.debug("ignored a Home setting that is not one of its options");
  // Unticking "keep my draft text" deletes the texts kept so far, as the Home says.
  if (patch?.storeDrafts === false) await services.store.checks.forgetDrafts(user.teamId, user.userId);
  await publishHome(services, client, user.teamId, user.userId);
}

/**
 * Saves the option picked in one of the Home's menus and shows the Home again. An option that is
 * not one of `values` (a forged request) is never stored.
 */
export async function saveHomeSelection<T>(
  services: Services,
  client: webApi.WebClient,
  body: unknown,
  values: z.ZodType<T>,
  patchOf: (value: T) => SettingsPatch,
): Promise<void> {
  const change = readPayload(SelectChange, body, services.logger, "a Home setting");
  if (!change) return;
  const value = values.safeParse(change.actions[0].selected_option.value);
  const user = { teamId: teamOf(change), userId: change.user.id };
  await saveHomeSetting(services, client, user, value.success ? patchOf(value.data) : undefined);
}
