import type { types } from "@slack/bolt";
import type { Lang } from "../coach/index.js";
import { digestMessage } from "../slack/digest.js";
import type { DigestLanguage, Store } from "../store/index.js";
import { digestPeriods, wrapsUpItsWeek } from "./calendar.js";

/** Weeks in the digest's trend, its own included. */
export const TREND_WEEKS = 8;

export interface DigestTarget {
  teamId: string;
  channelId: string;
  /** The digest time the digest is built for (not when it happens to be posted). */
  slotAt: number;
  tz: string;
  language: DigestLanguage;
}

/** English unless most drafts checked in the channel lately were French. */
export function majorityLanguage(counts: Record<string, number>): Lang {
  return (counts.fr ?? 0) > (counts.en ?? 0) ? "fr" : "en";
}

/**
 * A channel's digest as of its digest time: the same message whether it goes out on time, hours
 * late after an outage, or on a retry.
 */
export async function buildDigest(
  store: Store,
  target: DigestTarget,
): Promise<{ text: string; blocks: types.KnownBlock[]; lang: Lang }> {
  const periods = digestPeriods(target.slotAt, target.tz, TREND_WEEKS);
  const activity = await store.digest.channelActivity(target.teamId, target.channelId, periods);
  const lang = target.language === "auto" ? majorityLanguage(activity.languages) : target.language;
  const message = digestMessage({
    activity,
    lang,
    period: periods.at(-1)!,
    tz: target.tz,
    wrapUp: wrapsUpItsWeek(target.slotAt, target.tz),
  });
  return { ...message, lang };
}
