import type { Sql } from "./sql.js";
import { team } from "./team.js";

/**
 * Workspaces that uninstalled postcoach (or revoked its token): their data is deleted after a grace
 * period, in case the uninstall was a mistake; installing again within it keeps everything.
 */
export interface WorkspaceStore {
  /** Notes that a workspace left: its data goes at `purgeAt` (the first removal's date stands). */
  removed(teamId: string, at: number, purgeAt: number): Promise<void>;
  /** A workspace installed again: nothing of it is deleted. True when a removal was pending. */
  restored(teamId: string): Promise<boolean>;
  /** When a workspace's data is due to go, if it left. */
  pendingRemoval(teamId: string): Promise<number | undefined>;
  /** Deletes the data of every workspace whose grace period is over; resolves the rows deleted per team. */
  purgeRemoved(now: number): Promise<Record<string, number>>;
}

/** Every table holding a workspace's data, by its team id. */
export const WORKSPACE_TABLES = [
  "checks",
  "mentoring_events",
  "feedback_requests",
  "user_settings",
  "tz_changes",
  "channel_settings",
  "digest_schedules",
  "digest_deliveries",
  "llm_cache",
  "rate_limits",
  "reply_outbox",
  "button_drafts",
  "enterprise_teams",
] as const;

/** `erased` is told when rows were deleted, so that the backend erases them from its files. */
export function workspacesStore(sql: Sql, erased: () => void = () => undefined): WorkspaceStore {
  return {
    removed: async (teamId, at, purgeAt) => {
      await sql.run(
        "INSERT INTO workspace_removals (team_id, removed_at, purge_at) VALUES (?, ?, ?) ON CONFLICT (team_id) DO NOTHING",
        [team(teamId), at, purgeAt],
      );
    },
    restored: async (teamId) =>
      (await sql.run("DELETE FROM workspace_removals WHERE team_id = ?", [team(teamId)])) === 1,
    pendingRemoval: async (teamId) =>
      (
        await sql.get<{ purge_at: number }>("SELECT purge_at FROM workspace_removals WHERE team_id = ?", [
          team(teamId),
        ])
      )?.purge_at,
    purgeRemoved: async (now) => {
      const due = await sql.all<{ team_id: string }>(
        "SELECT team_id FROM workspace_removals WHERE purge_at <= ? ORDER BY purge_at",
        [now],
      );
      const out: Record<string, number> = {};
      for (const { team_id } of due) {
        // One workspace per transaction: a large one does not hold the database for all the others.
        out[team_id] = await sql.transaction(async (tx) => {
          // Claimed first: a replica purging at the same moment finds it gone and skips it.
          if (
            (await tx.run("DELETE FROM workspace_removals WHERE team_id = ? AND purge_at <= ?", [
              team_id,
              now,
            ])) === 0
          )
            return 0;
          let n = 0;
          for (const table of WORKSPACE_TABLES)
            n += await tx.run(`DELETE FROM ${table} WHERE team_id = ?`, [team_id]);
          return n;
        });
      }
      if (Object.values(out).some((n) => n > 0)) erased();
      return out;
    },
  };
}
