/**
 * When a channel's weekly digest is due and which days it covers, in the channel's own time zone.
 * Pure functions of instants (ms since the epoch) and IANA zones: DST-safe through weeks.ts.
 */
import { dateOfDay, localDay, localMinute, mondayOf, weekOf, zonedTime } from "../mentoring/weeks.js";

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DigestTime {
  weekday: Weekday;
  /** Minutes after local midnight. */
  minute: number;
  tz: string;
}

export const DEFAULT_DIGEST_TIME: Omit<DigestTime, "tz"> = { weekday: 1, minute: 9 * 60 };

/** How long after its time a digest is still worth posting (a bot that was down catches up). */
export const CATCH_UP_MS = 48 * 3_600_000;

/** The digest time in the week starting on a Monday (a day number). */
export function slotInWeek(monday: number, time: DigestTime): number {
  return zonedTime(monday + time.weekday - 1, time.minute, time.tz);
}

/** The first digest time at or after an instant. */
export function nextSlot(at: number, time: DigestTime): number {
  const monday = weekOf(at, time.tz);
  const slot = slotInWeek(monday, time);
  return slot >= at ? slot : slotInWeek(monday + 7, time);
}

/** The last digest time at or before an instant. */
export function previousSlot(at: number, time: DigestTime): number {
  const monday = weekOf(at, time.tz);
  const slot = slotInWeek(monday, time);
  return slot <= at ? slot : slotInWeek(monday - 7, time);
}

/**
 * The channel-week a digest belongs to: the local date of the Monday of the week it is posted in.
 * One digest per key, whatever the time chosen or changed during that week.
 */
export function weekKey(at: number, tz: string): string {
  return dateOfDay(weekOf(at, tz));
}

export interface Period {
  start: number;
  end: number;
}

/**
 * The days a digest posted at `slotAt` covers, and the same days of the weeks before, oldest
 * first (the last one is the digest's own). Posted Monday to Thursday, it looks back at the last
 * calendar week; Friday to Sunday, it wraps up the week so far, up to the digest time.
 */
export function digestPeriods(slotAt: number, tz: string, weeks: number): Period[] {
  const day = localDay(slotAt, tz);
  const monday = mondayOf(day);
  const wrapUp = wrapsUpItsWeek(slotAt, tz);
  const minute = localMinute(slotAt, tz);
  const periods: Period[] = [];
  // Whole weeks share their bounds: one Monday midnight ends a week and starts the next.
  let start = zonedTime(monday - 7 * (wrapUp ? weeks - 1 : weeks), 0, tz);
  for (let k = weeks - 1; k >= 0; k--) {
    const shift = 7 * k;
    const end = wrapUp ? zonedTime(day - shift, minute, tz) : zonedTime(monday - shift, 0, tz);
    periods.push({ start, end });
    start = wrapUp ? zonedTime(monday - shift + 7, 0, tz) : end;
  }
  return periods;
}

/** Whether the digest posted at `slotAt` wraps up its own week (Friday to Sunday). */
export function wrapsUpItsWeek(slotAt: number, tz: string): boolean {
  const day = localDay(slotAt, tz);
  return day - mondayOf(day) >= 4;
}
