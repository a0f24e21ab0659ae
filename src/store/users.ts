import { z } from "zod";
import { PLATFORMS } from "../coach/types.js";
import type { ZoneSpan } from "../mentoring/streaks.js";
import { nextWeekStart } from "../mentoring/weeks.js";
import type { Sql } from "./sql.js";
import { team } from "./team.js";

export interface UserSettings {
  tz?: string;
  tzCheckedAt?: number;
  language: "auto" | "en" | "fr";
  platform: "linkedin" | "x" | "slack" | "blog";
  showInDigest: boolean;
  storeDrafts: boolean;
}

export const DEFAULT_SETTINGS: UserSettings = {
  language: "auto",
  platform: "linkedin",
  showInDigest: false,
  storeDrafts: false,
};

export const LANGUAGE_SETTINGS = ["auto", "en", "fr"] as const;

/**
 * A stored row as the code may use it. A value the code doesn't know (stored by an older version,
 * or by hand) reads as the default, so that one bad value never stops a user's coaching.
 */
const StoredSettings = z.object({
  tz: z.string().nullable().catch(null),
  tz_checked_at: z.number().nullable().catch(null),
  language: z.enum(LANGUAGE_SETTINGS).catch(DEFAULT_SETTINGS.language),
  platform: z.enum(PLATFORMS).catch(DEFAULT_SETTINGS.platform),
  show_in_digest: z.number().catch(0),
  store_drafts: z.number().catch(0),
});

/** Coaching options from the user's defaults, overridden by what they typed (--fr, --x). */
export function applyDefaults(
  settings: UserSettings | undefined,
  typed: { lang?: "en" | "fr"; platform?: UserSettings["platform"] },
): { lang?: "en" | "fr"; platform?: UserSettings["platform"] } {
  const lang = typed.lang ?? (settings && settings.language !== "auto" ? settings.language : undefined);
  const platform = typed.platform ?? settings?.platform;
  return { ...(lang ? { lang } : {}), ...(platform ? { platform } : {}) };
}

export type SettingsPatch = Partial<
  Pick<UserSettings, "language" | "platform" | "showInDigest" | "storeDrafts">
>;

export interface UserStore {
  get(teamId: string, userId: string): Promise<UserSettings>;
  update(teamId: string, userId: string, patch: SettingsPatch): Promise<void>;
  /**
   * Records the user's time zone as Slack reports it. A change applies from the next week boundary
   * in the old zone, so the week in progress is never split, counted twice or dropped.
   */
  setTimeZone(teamId: string, userId: string, tz: string, at: number): Promise<void>;
  zones(teamId: string, userId: string): Promise<ZoneSpan[]>;
}

export function usersStore(sql: Sql, now: () => number): UserStore {
  return {
    get: async (teamId, userId) => {
      const row = await sql.get(
        `SELECT tz, tz_checked_at, language, platform, show_in_digest, store_drafts FROM user_settings
         WHERE team_id = ? AND user_id = ?`,
        [team(teamId), userId],
      );
      if (!row) return { ...DEFAULT_SETTINGS };
      const r = StoredSettings.parse(row);
      return {
        tz: r.tz ?? undefined,
        tzCheckedAt: r.tz_checked_at ?? undefined,
        language: r.language,
        platform: r.platform,
        showInDigest: r.show_in_digest === 1,
        storeDrafts: r.store_drafts === 1,
      };
    },
    // One statement: two replicas changing two different options of one user both land.
    update: async (teamId, userId, patch) => {
      const flag = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);
      const first = { ...DEFAULT_SETTINGS, ...patch };
      await sql.run(
        `INSERT INTO user_settings (team_id, user_id, language, platform, show_in_digest, store_drafts, updated_at)
         VALUES (@teamId, @userId, @firstLanguage, @firstPlatform, @firstShow, @firstStore, @at)
         ON CONFLICT (team_id, user_id) DO UPDATE SET
           language = COALESCE(@language, user_settings.language),
           platform = COALESCE(@platform, user_settings.platform),
           show_in_digest = COALESCE(@show, user_settings.show_in_digest),
           store_drafts = COALESCE(@store, user_settings.store_drafts),
           updated_at = excluded.updated_at`,
        {
          teamId: team(teamId),
          userId,
          at: now(),
          firstLanguage: first.language,
          firstPlatform: first.platform,
          firstShow: first.showInDigest ? 1 : 0,
          firstStore: first.storeDrafts ? 1 : 0,
          language: patch.language ?? null,
          platform: patch.platform ?? null,
          show: flag(patch.showInDigest),
          store: flag(patch.storeDrafts),
        },
      );
    },
    setTimeZone: async (teamId, userId, tz, at) => {
      const t = team(teamId);
      await sql.transaction(async (tx) => {
        await tx.run(
          "INSERT INTO user_settings (team_id, user_id, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          [t, userId, at],
        );
        // The UPDATE locks the row (PostgreSQL) until the zone history is written.
        const current = (
          await tx.get<{ tz: string | null }>(
            "UPDATE user_settings SET tz_checked_at = ? WHERE team_id = ? AND user_id = ? RETURNING tz",
            [at, t, userId],
          )
        )?.tz;
        if (current === tz) return;
        await tx.run("UPDATE user_settings SET tz = ? WHERE team_id = ? AND user_id = ?", [tz, t, userId]);
        // The first zone applies from the beginning; a later one from the next Monday in the old zone.
        await tx.run(
          `INSERT INTO tz_changes (team_id, user_id, tz, effective_from) VALUES (?, ?, ?, ?)
           ON CONFLICT (team_id, user_id, effective_from) DO UPDATE SET tz = excluded.tz`,
          [t, userId, tz, current ? nextWeekStart(at, current) : 0],
        );
      });
    },
    zones: async (teamId, userId) => {
      const rows = (
        await sql.all<{ tz: string; effective_from: number }>(
          "SELECT tz, effective_from FROM tz_changes WHERE team_id = ? AND user_id = ? ORDER BY effective_from",
          [team(teamId), userId],
        )
      ).map((r) => ({ tz: r.tz, from: r.effective_from }));
      return rows.length > 0 ? rows : [{ tz: "UTC", from: 0 }];
    },
  };
}
