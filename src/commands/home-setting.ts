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
  await publishHome(services, client, user.teamId, user.userId);
}

/** The option picked in one of the Home's menus, undefined when it is not one of `values`. */
export function homeSelection<T>(
  services: Services,
  body: unknown,
  values: z.ZodType<T>,
): { user: HomeUser; value: T | undefined } | undefined {
  const change = readPayload(SelectChange, body, services.logger, "a Home setting");
  if (!change) return undefined;
  const value = values.safeParse(change.actions[0].selected_option.value);
  return { user: { teamId: teamOf(change), userId: change.user.id }, value: value.data };
}
