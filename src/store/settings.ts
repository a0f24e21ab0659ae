import type { Sql } from "./sql.js";
import { team } from "./team.js";

export interface ChannelSettings {
  /** Coaching replies to link shares go to the thread for everyone, not just to the sharer. */
  publicFeedback: boolean;
}

export interface SettingsStore {
  channel(teamId: string, channelId: string): Promise<ChannelSettings>;
  setChannelFeedback(teamId: string, channelId: string, publicFeedback: boolean, by: string): Promise<void>;
}

export function settingsStore(sql: Sql, now: () => number): SettingsStore {
  return {
    channel: async (teamId, channelId) => ({
      publicFeedback:
        (
          await sql.get<{ public_feedback: number }>(
            "SELECT public_feedback FROM channel_settings WHERE team_id = ? AND channel_id = ?",
            [team(teamId), channelId],
          )
        )?.public_feedback === 1,
    }),
    setChannelFeedback: async (teamId, channelId, publicFeedback, by) => {
      await sql.run(
        `INSERT INTO channel_settings (team_id, channel_id, public_feedback, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (team_id, channel_id) DO UPDATE SET public_feedback = excluded.public_feedback,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [team(teamId), channelId, publicFeedback ? 1 : 0, by, now()],
      );
    },
  };
}
