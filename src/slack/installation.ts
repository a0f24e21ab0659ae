import type { InstallationStore, Logger, StateStore, webApi } from "@slack/bolt";
import type { Store } from "../store/index.js";
import { INSTALL_LINK_REFUSED } from "./install-pages.js";

/**
 * Bolt's OAuth flow on postcoach's own database: installations (tokens encrypted) and install
 * states live in the store, so any replica can finish an install another one started, and serve
 * every workspace's requests.
 */
export function boltInstallationStore(store: Store, logger: Pick<Logger, "info">): InstallationStore {
  // Which workspaces an org-wide install serves is noted once per process and pair (a cache).
  const noted = new Set<string>();
  return {
    storeInstallation: async (installation) => {
      await store.installations.save(installation);
      const teamId = installation.team?.id;
      if (teamId && (await store.workspaces.restored(teamId)))
        logger.info(`workspace ${teamId} installed postcoach again: its data is kept`);
      const enterpriseId = installation.enterprise?.id;
      if (installation.isEnterpriseInstall && enterpriseId)
        for (const t of await store.installations.enterpriseTeams(enterpriseId))
          await store.workspaces.restored(t);
    },
    fetchInstallation: async (query) => {
      const found = await store.installations.find(query);
      if (!found) throw new Error("no installation for this workspace: install postcoach there first");
      const { enterpriseId, teamId } = query;
      if (found.isEnterpriseInstall && enterpriseId && teamId && !noted.has(`${enterpriseId}:${teamId}`)) {
        await store.installations.noteEnterpriseTeam(enterpriseId, teamId);
        noted.add(`${enterpriseId}:${teamId}`);
      }
      return found;
    },
    deleteInstallation: async (query) => {
      await store.installations.remove(query);
    },
  };
}

/** Install states in the store: random, used once, 10 minutes (a replayed or forged state is refused). */
export function boltStateStore(store: Store): StateStore {
  return {
    generateStateParam: (installOptions) => store.oauthStates.issue(JSON.stringify(installOptions)),
    verifyStateParam: async (_now, state) => {
      const options = await store.oauthStates.consume(state);
      if (options === undefined)
        throw Object.assign(new Error(INSTALL_LINK_REFUSED), {
          code: "slack_oauth_invalid_state",
        });
      return JSON.parse(options);
    },
  };
}

export type ClientFor = (teamId: string) => Promise<webApi.WebClient | undefined>;

/**
 * A workspace's Web API client without a live request (replies replayed, digests): its own
 * installation's bot token, or its organisation's. Clients are kept per token.
 */
export function installedClients(
  store: Pick<Store, "installations">,
  make: (token: string) => webApi.WebClient,
): ClientFor {
  const clients = new Map<string, webApi.WebClient>();
  return async (teamId) => {
    const bot = await store.installations.botFor(teamId);
    if (!bot) return undefined;
    let client = clients.get(bot.token);
    if (!client) {
      if (clients.size >= 1000) clients.clear();
      client = make(bot.token);
      clients.set(bot.token, client);
    }
    return client;
  };
}

/** With one bot token (SLACK_BOT_TOKEN): its client, for its own workspace only. */
export function singleWorkspaceClient(teamId: string | undefined, client: webApi.WebClient): ClientFor {
  return async (t) => (teamId !== undefined && t === teamId ? client : undefined);
}
