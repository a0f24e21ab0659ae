import { z } from "zod";
import { PLATFORMS } from "../coach/types.js";
import type { ZoneSpan } from "../mentoring/streaks.js";
import { nextWeekStart } from "../mentoring/weeks.js";
import type { Db } from "./db.js";

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

export function sqliteUsers(db: Db, now: () => number): UserStore {
  const get = db.prepare<[string, string], unknown>(
    "SELECT tz, tz_checked_at, language, platform, show_in_digest, store_drafts FROM user_settings WHERE team_id = ? AND user_id = ?",
  );
  const ensure = db.prepare(
    "INSERT OR IGNORE INTO user_settings (team_id, user_id, updated_at) VALUES (?, ?, ?)",
  );
  const update = db.prepare(
    `UPDATE user_settings SET language = @language, platform = @platform, show_in_digest = @showInDigest,
       store_drafts = @storeDrafts, updated_at = @at WHERE team_id = @teamId AND user_id = @userId`,
  );
  const setTz = db.prepare(
    "UPDATE user_settings SET tz = ?, tz_checked_at = ? WHERE team_id = ? AND user_id = ?",
  );
  const addZone = db.prepare(
    "INSERT OR REPLACE INTO tz_changes (team_id, user_id, tz, effective_from) VALUES (?, ?, ?, ?)",
  );
  const zones = db.prepare<[string, string], { tz: string; effective_from: number }>(
    "SELECT tz, effective_from FROM tz_changes WHERE team_id = ? AND user_id = ? ORDER BY effective_from",
  );
  const read = (teamId: string, userId: string): UserSettings => {
    const row = get.get(teamId, userId);
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
  };
  const changeTz = db.transaction((teamId: string, userId: string, tz: string, at: number) => {
    ensure.run(teamId, userId, at);
    const current = read(teamId, userId).tz;
    setTz.run(tz, at, teamId, userId);
    if (current === tz) return;
    // The first zone applies from the beginning; a later one from the next Monday in the old zone.
    addZone.run(teamId, userId, tz, current ? nextWeekStart(at, current) : 0);
  });
  return {
    get: async (teamId, userId) => read(teamId, userId),
    update: async (teamId, userId, patch) => {
      const at = now();
      ensure.run(teamId, userId, at);
      const s = { ...read(teamId, userId), ...patch };
      update.run({
        teamId,
        userId,
        at,
        language: s.language,
        platform: s.platform,
        showInDigest: s.showInDigest ? 1 : 0,
        storeDrafts: s.storeDrafts ? 1 : 0,
      });
    },
    setTimeZone: async (teamId, userId, tz, at) => {
      changeTz.immediate(teamId, userId, tz, at);
    },
    zones: async (teamId, userId) => {
      const rows = zones.all(teamId, userId).map((r) => ({ tz: r.tz, from: r.effective_from }));
      return rows.length > 0 ? rows : [{ tz: "UTC", from: 0 }];
    },
  };
}
