import type { webApi } from "@slack/bolt";
import type { CoachResult } from "../coach/index.js";
import { type CheckInput, recordCheck } from "../mentoring/activity.js";
import { isValidTimeZone } from "../mentoring/weeks.js";
import type { Services } from "../services.js";
import type { UserSettings } from "../store/index.js";
import { TOO_LATE, within } from "./within.js";

const TZ_REFRESH_MS = 24 * 60 * 60 * 1000;

/** How long a reply waits for its check to be recorded, for the milestone it may reach. */
export const RECORD_WAIT_MS = 500;

/**
 * Records a check for the mentee streak and returns the milestone message, if any. The reply
 * waits RECORD_WAIT_MS at most: while another process holds the database, the check is recorded
 * once it is free (or the failure logged) and the reply goes out without the milestone. Storage
 * problems (a full disk) are logged and never stop the coaching.
 */
export async function noteCheck(
  services: Services,
  client: webApi.WebClient | undefined,
  input: Omit<CheckInput, "now" | "result"> & { result: CoachResult },
): Promise<string | undefined> {
  const recording = recordCheck(services.store, {
    ...input,
    now: services.now(),
    draftKey: services.draftKey,
  }).then(
    (milestone) => {
      if (client) void refreshTimeZone(services, client, input.teamId, input.userId, input.settings);
      return milestone;
    },
    (err: Error) => {
      services.logger.warn(`check not recorded: ${err.message}`);
      return undefined;
    },
  );
  const milestone = await within(recording, RECORD_WAIT_MS);
  if (milestone !== TOO_LATE) return milestone;
  services.logger.info("the database is busy: replying before the check is recorded");
  return undefined;
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
