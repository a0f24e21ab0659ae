import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackEventMiddlewareArgs,
  webApi,
} from "@slack/bolt";
import { z } from "zod";
import { homeData } from "../mentoring/activity.js";
import type { Services } from "../services.js";
import { homeView } from "../slack/home.js";
import { LANGUAGE_SETTINGS, type SettingsPatch } from "../store/index.js";
import {
  AppHomeOpenedEvent,
  ButtonClick,
  CheckboxesChange,
  Platform,
  readPayload,
  SelectChange,
  teamOf,
} from "./payloads.js";
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

const Language = z.enum(LANGUAGE_SETTINGS);
const HOME_OPTIONS = ["show_in_digest", "store_drafts"] as const;

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** The App Home dashboard, and the settings and privacy controls on it: one handler each. */
export function homeHandlers(services: Services) {
  const retentionDays = services.retentionDays;
  /**
   * Saves a setting and shows the Home again. A value that is not one the Home offers (a forged
   * request) is never stored: the Home is shown again as it was.
   */
  const update = async (
    user: { teamId: string; userId: string },
    client: webApi.WebClient,
    patch: SettingsPatch | undefined,
  ) => {
    if (patch) await services.store.users.update(user.teamId, user.userId, patch);
    else services.logger.debug("ignored a Home setting that is not one of its options");
    await publishHome(services, client, user.teamId, user.userId, retentionDays);
  };
  const select = <T>(body: unknown, values: z.ZodType<T>) => {
    const change = readPayload(SelectChange, body, services.logger, "a Home setting");
    if (!change) return undefined;
    const value = values.safeParse(change.actions[0].selected_option.value);
    return { user: { teamId: teamOf(change), userId: change.user.id }, value: value.data };
  };
  return {
    opened: async ({
      event: raw,
      body,
      client,
    }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
      const event = readPayload(AppHomeOpenedEvent, raw, services.logger, "an app_home_opened event");
      if (event?.tab !== "home") return;
      const teamId = (body as { team_id?: string }).team_id ?? "";
      try {
        await publishHome(services, client, teamId, event.user, retentionDays);
      } catch (err) {
        services.logger.warn(`App Home not published: ${(err as Error).message}`);
      }
    },
    language: async ({ ack, body, client }: ActionArgs) => {
      await ack();
      const change = select(body, Language);
      if (change) await update(change.user, client, change.value && { language: change.value });
    },
    platform: async ({ ack, body, client }: ActionArgs) => {
      await ack();
      const change = select(body, Platform);
      if (change) await update(change.user, client, change.value && { platform: change.value });
    },
    options: async ({ ack, body, client }: ActionArgs) => {
      await ack();
      const change = readPayload(CheckboxesChange, body, services.logger, "a Home setting");
      if (!change) return;
      const on = z
        .array(z.enum(HOME_OPTIONS))
        .safeParse(change.actions[0].selected_options.map((o) => o.value));
      const user = { teamId: teamOf(change), userId: change.user.id };
      await update(
        user,
        client,
        on.data && {
          showInDigest: on.data.includes("show_in_digest"),
          storeDrafts: on.data.includes("store_drafts"),
        },
      );
    },
    export: async ({ ack, body, client }: ActionArgs) => {
      await ack();
      const click = readPayload(ButtonClick, body, services.logger, "a Home button");
      if (!click) return;
      await exportToDm(services, client, teamOf(click), click.user.id).catch((err: Error) =>
        services.logger.warn(`export failed: ${err.message}`),
      );
    },
    forget: async ({ ack, body, client }: ActionArgs) => {
      await ack();
      const click = readPayload(ButtonClick, body, services.logger, "a Home button");
      if (!click) return;
      const teamId = teamOf(click);
      await services.store.privacy.forget(teamId, click.user.id);
      await publishHome(services, client, teamId, click.user.id, retentionDays);
    },
  };
}
