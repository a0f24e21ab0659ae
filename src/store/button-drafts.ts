import type { Sql } from "./sql.js";
import { team } from "./team.js";

/** A draft kept for the buttons of a coaching reply (too long for a button's value). */
export interface ButtonDraft {
  teamId: string;
  id: string;
  /** The one user whose clicks may read it. */
  userId: string;
  draft: string;
  /** The options typed with it (JSON). */
  options: string;
  expiresAt: number;
}

/**
 * Button state in the store, so that a button works whichever process (replica, or the one after a
 * restart) receives the click; for the button's lifetime only, then deleted.
 */
export interface ButtonDraftStore {
  put(d: ButtonDraft): Promise<void>;
  /** The draft, for its owner alone and until it expires; undefined otherwise. */
  get(
    teamId: string,
    id: string,
    userId: string,
    now: number,
  ): Promise<Pick<ButtonDraft, "draft" | "options"> | undefined>;
  purgeExpired(now: number): Promise<number>;
}

/** `erased` is told when drafts were deleted, so that the backend erases them from its files. */
export function buttonDraftsStore(sql: Sql, erased: () => void = () => undefined): ButtonDraftStore {
  return {
    put: async (d) => {
      await sql.run(
        `INSERT INTO button_drafts (team_id, id, user_id, draft, options, expires_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (team_id, id) DO NOTHING`,
        [team(d.teamId), d.id, d.userId, d.draft, d.options, d.expiresAt],
      );
    },
    get: (teamId, id, userId, now) =>
      sql.get<{ draft: string; options: string }>(
        "SELECT draft, options FROM button_drafts WHERE team_id = ? AND id = ? AND user_id = ? AND expires_at > ?",
        [team(teamId), id, userId, now],
      ),
    purgeExpired: async (now) => {
      const deleted = await sql.run("DELETE FROM button_drafts WHERE expires_at <= ?", [now]);
      if (deleted > 0) erased();
      return deleted;
    },
  };
}
