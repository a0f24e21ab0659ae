import type { BlockAction, CheckboxesAction, StaticSelectAction, webApi } from "@slack/bolt";
import { homeData } from "../mentoring/activity.js";
import type { Services } from "../services.js";
import { HOME_ACTIONS, homeView } from "../slack/home.js";
import type { SettingsPatch } from "../store/index.js";
import type { Listeners } from "./listeners.js";
import { exportToDm } from "./privacy.js";

export async function publishHome(
  services: Services,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
  retentionDays: number,
): Promise<void> {
  const [data, settings] = await Promise.all([
    homeData(services.store, teamId, userId, services.now()),
    services.store.users.get(teamId, userId),
  ]);
  await client.views.publish({ user_id: userId, view: homeView(data, settings, retentionDays) });
}

/** The App Home dashboard, and the settings and privacy controls on it. */
export function registerHome(listeners: Listeners, services: Services, retentionDays: number): void {
  listeners.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = (body as { team_id?: string }).team_id ?? "";
    try {
      await publishHome(services, client, teamId, event.user, retentionDays);
    } catch (err) {
      services.logger.warn(`App Home not published: ${(err as Error).message}`);
    }
  });

  const update = async (body: BlockAction, client: webApi.WebClient, patch: SettingsPatch) => {
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    await services.store.users.update(teamId, body.user.id, patch);
    await publishHome(services, client, teamId, body.user.id, retentionDays);
  };
  listeners.action<BlockAction<StaticSelectAction>>(
    HOME_ACTIONS.language,
    async ({ ack, body, action, client }) => {
      await ack();
      await update(body, client, { language: action.selected_option.value as SettingsPatch["language"] });
    },
  );
  listeners.action<BlockAction<StaticSelectAction>>(
    HOME_ACTIONS.platform,
    async ({ ack, body, action, client }) => {
      await ack();
      await update(body, client, { platform: action.selected_option.value as SettingsPatch["platform"] });
    },
  );
  listeners.action<BlockAction<CheckboxesAction>>(
    HOME_ACTIONS.options,
    async ({ ack, body, action, client }) => {
      await ack();
      const on = new Set(action.selected_options.map((o) => o.value));
      await update(body, client, {
        showInDigest: on.has("show_in_digest"),
        storeDrafts: on.has("store_drafts"),
      });
    },
  );
  listeners.action<BlockAction>(HOME_ACTIONS.export, async ({ ack, body, client }) => {
    await ack();
    await exportToDm(services, client, body.team?.id ?? body.user.team_id ?? "", body.user.id).catch(
      (err: Error) => services.logger.warn(`export failed: ${err.message}`),
    );
  });
  listeners.action<BlockAction>(HOME_ACTIONS.forget, async ({ ack, body, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? "";
    await services.store.privacy.forget(teamId, body.user.id);
    await publishHome(services, client, teamId, body.user.id, retentionDays);
  });
}
