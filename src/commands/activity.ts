import type { webApi } from "@slack/bolt";
import type { CoachResult } from "../coach/index.js";
import { type CheckInput, recordCheck } from "../mentoring/activity.js";
import { isValidTimeZone } from "../mentoring/weeks.js";
import type { Services } from "../services.js";
import type { UserSettings } from "../store/index.js";

const TZ_REFRESH_MS = 24 * 60 * 60 * 1000;

/**
 * Records a check for the mentee streak and returns the milestone message, if any. Storage
 * problems (a full disk) are logged and never stop the coaching.
 */
export async function noteCheck(
  services: Services,
  client: webApi.WebClient | undefined,
  input: Omit<CheckInput, "now" | "result"> & { result: CoachResult },
): Promise<string | undefined> {
  try {
    const milestone = await recordCheck(services.store, { ...input, now: services.now() });
    if (client) void refreshTimeZone(services, client, input.teamId, input.userId, input.settings);
    return milestone;
  } catch (err) {
    services.logger.warn(`check not recorded: ${(err as Error).message}`);
    return undefined;
  }
}

/** Keeps the user's time zone as Slack knows it (users.info), checked at most once a day. */
export async function refreshTimeZone(
  services: Services,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
  /** The settings, when the caller has just read them. */
  known?: UserSettings,
): Promise<void> {
  try {
    const settings = known ?? (await services.store.users.get(teamId, userId));
    if (settings.tzCheckedAt && services.now() - settings.tzCheckedAt < TZ_REFRESH_MS) return;
    const info = await client.users.info({ user: userId });
    const tz = info.user?.tz;
    if (tz && isValidTimeZone(tz)) await services.store.users.setTimeZone(teamId, userId, tz, services.now());
  } catch (err) {
    services.logger.debug(`time zone not refreshed: ${(err as Error).message}`);
  }
}
