import type { webApi } from "@slack/bolt";
import { homeData } from "../mentoring/activity.js";
import type { Services } from "../services.js";
import { homeView } from "../slack/home.js";

/** Publishes the user's App Home as it is now: their activity and settings. */
export async function publishHome(
  services: Services,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
): Promise<void> {
  const [data, settings] = await Promise.all([
    homeData(services.store, teamId, userId, services.now()),
    services.store.users.get(teamId, userId),
  ]);
  await client.views.publish({ user_id: userId, view: homeView(data, settings, services.retentionDays) });
}
