import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { UNINSTALL_GRACE_DAYS } from "../schedules.js";
import type { Services } from "../services.js";
import { eventTeam, readPayload, TokensRevokedEvent } from "./payloads.js";

const DAY_MS = 86_400_000;

interface Envelope {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
  authorizations?: { is_enterprise_install?: boolean }[];
}

/**
 * A workspace removed postcoach (or revoked its bot token): its installation is deleted at once,
 * and its data after UNINSTALL_GRACE_DAYS (installing again within it keeps everything). An
 * organisation's uninstall does the same for each of its workspaces postcoach has served.
 */
export async function workspaceLeft(services: Services, body: Envelope): Promise<void> {
  const { store, logger } = services;
  const teamId = eventTeam(body);
  const enterpriseId = body.enterprise_id || undefined;
  const isEnterpriseInstall =
    body.is_enterprise_install === true || body.authorizations?.[0]?.is_enterprise_install === true;
  if (isEnterpriseInstall && enterpriseId)
    await store.installations.remove({ enterpriseId, isEnterpriseInstall: true });
  else if (teamId) await store.installations.remove({ teamId, isEnterpriseInstall: false });
  const teams = new Set<string>(teamId && !isEnterpriseInstall ? [teamId] : []);
  if (isEnterpriseInstall && enterpriseId)
    for (const t of await store.installations.enterpriseTeams(enterpriseId)) teams.add(t);
  const now = services.now();
  for (const t of teams) await store.workspaces.removed(t, now, now + UNINSTALL_GRACE_DAYS * DAY_MS);
  logger.info(
    `postcoach was removed from ${isEnterpriseInstall ? `organisation ${enterpriseId}` : `workspace ${teamId}`}: installation deleted; its data goes in ${UNINSTALL_GRACE_DAYS} days unless it installs again`,
  );
}

export function appUninstalled(services: Services) {
  return async ({ body }: SlackEventMiddlewareArgs<"app_uninstalled"> & AllMiddlewareArgs) => {
    await workspaceLeft(services, body as Envelope);
  };
}

/** Only the bot's token matters: a user revoking their own token leaves the workspace installed. */
export function tokensRevoked(services: Services) {
  return async ({ event: raw, body }: SlackEventMiddlewareArgs<"tokens_revoked"> & AllMiddlewareArgs) => {
    // A malformed event must never be read as the bot's token revoked: that schedules a deletion.
    const event = readPayload(TokensRevokedEvent, raw, services.logger, "a tokens_revoked event");
    if (!event?.tokens.bot?.length) return;
    await workspaceLeft(services, body as Envelope);
  };
}
