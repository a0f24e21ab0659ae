import type { Installation } from "@slack/bolt";

export const INSTALLATION_SECRET = "an installation secret long enough to be a key";

/** The environment of a postcoach installed through OAuth (several workspaces), no bot token of its own. */
export const OAUTH_ENV = {
  SLACK_BOT_TOKEN: "",
  SLACK_CLIENT_ID: "111.222",
  SLACK_CLIENT_SECRET: "the-client-secret",
  SLACK_STATE_SECRET: "the-state-secret",
  INSTALLATION_ENCRYPTION_KEY: INSTALLATION_SECRET,
} as const;

/** A workspace's installation, as Bolt hands it to the installation store after oauth.v2.access. */
export function workspaceInstallation(teamId: string, token = `xoxb-${teamId}`): Installation {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: "UINSTALLER", token: undefined, scopes: undefined },
    bot: { token, scopes: ["commands"], id: `B${teamId}`, userId: `UBOT${teamId}` },
    appId: "A1",
    tokenType: "bot",
    isEnterpriseInstall: false,
    authVersion: "v2",
  } as Installation;
}

/** Slack's oauth.v2.access answer for a bot installed in one workspace (fake Slack's handler). */
export function oauthAccessAnswer(teamId: string, token: string, botUserId: string, scope = "commands") {
  return {
    ok: true,
    app_id: "A1",
    authed_user: { id: "UINSTALLER" },
    scope,
    token_type: "bot",
    access_token: token,
    bot_user_id: botUserId,
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: null,
    is_enterprise_install: false,
  };
}
