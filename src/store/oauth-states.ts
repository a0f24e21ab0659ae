import { randomBytes } from "node:crypto";
import type { Sql } from "./sql.js";

/**
 * The `state` of Slack's OAuth flow, one row per install started: random, kept 10 minutes, and
 * deleted when used. A forged state is not found; a replayed one is already gone; any replica can
 * finish an install another one started.
 */
export interface OauthStateStore {
  /** A new state carrying the install's options (JSON). */
  issue(installOptions: string): Promise<string>;
  /** The options of a state issued here, not yet used nor expired; consumed on the way. */
  consume(state: string): Promise<string | undefined>;
  purgeExpired(): Promise<number>;
}

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

export function oauthStatesStore(sql: Sql, now: () => number): OauthStateStore {
  return {
    issue: async (installOptions) => {
      const state = randomBytes(24).toString("base64url");
      await sql.run("INSERT INTO oauth_states (state, install_options, expires_at) VALUES (?, ?, ?)", [
        state,
        installOptions,
        now() + OAUTH_STATE_TTL_MS,
      ]);
      return state;
    },
    consume: async (state) =>
      (
        await sql.get<{ install_options: string }>(
          "DELETE FROM oauth_states WHERE state = ? AND expires_at > ? RETURNING install_options",
          [state, now()],
        )
      )?.install_options,
    purgeExpired: () => sql.run("DELETE FROM oauth_states WHERE expires_at <= ?", [now()]),
  };
}
