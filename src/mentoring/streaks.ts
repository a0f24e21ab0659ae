import { weekOf } from "./weeks.js";

/** A time zone and the instant from which it applies (the first one applies from the start). */
export interface ZoneSpan {
  tz: string;
  from: number;
}

export interface StreakInput {
  /** Instants of activity (a counted check, a mentoring reply). */
  activity: readonly number[];
  zones: readonly ZoneSpan[];
  now: number;
  /** UTC day numbers on which postcoach ran; weeks after the first with none are outages. */
  serviceDays?: ReadonlySet<number>;
}

export interface Streak {
  current: number;
  longest: number;
  /** A missed week would be forgiven: earned by four weeks of streak, at most one held. */
  repairAvailable: boolean;
  activeThisWeek: boolean;
}

export const WEEKS_PER_REPAIR = 4;

function zoneAt(zones: readonly ZoneSpan[], t: number): string {
  let tz = zones[0]?.tz ?? "UTC";
  for (const z of zones) if (z.from <= t) tz = z.tz;
  return tz;
}

function isOutage(
  week: number,
  serviceDays: ReadonlySet<number> | undefined,
  firstServiceDay: number,
): boolean {
  if (!serviceDays || serviceDays.size === 0 || week + 6 < firstServiceDay) return false;
  for (let d = week; d < week + 7; d++) if (serviceDays.has(d)) return false;
  return true;
}

/**
 * Consecutive Monday-start weeks with at least one activity, in the person's time zone.
 * The week in progress never breaks a streak; a week postcoach did not run neither counts nor
 * breaks; one missed week is repaired per four weeks of streak, never more than one held.
 * Derived from the activity log at read time: nothing to reset, nothing to drift.
 */
export function computeStreak({ activity, zones, now, serviceDays }: StreakInput): Streak {
  const active = new Set<number>();
  for (const t of activity) if (t <= now) active.add(weekOf(t, zoneAt(zones, t)));
  const thisWeek = weekOf(now, zoneAt(zones, now));
  const empty = { current: 0, longest: 0, repairAvailable: false, activeThisWeek: false };
  if (active.size === 0) return empty;
  const firstServiceDay =
    serviceDays && serviceDays.size > 0 ? Math.min(...serviceDays) : Number.POSITIVE_INFINITY;

  let streak = 0;
  let longest = 0;
  let repair = false;
  let sinceRepair = 0;
  for (let week = Math.min(...active); week <= thisWeek; week += 7) {
    if (active.has(week)) {
      streak++;
      if (++sinceRepair >= WEEKS_PER_REPAIR) {
        repair = true;
        sinceRepair = 0;
      }
    } else if (week === thisWeek || isOutage(week, serviceDays, firstServiceDay)) {
      continue;
    } else if (repair && streak > 0) {
      repair = false;
    } else {
      streak = 0;
      sinceRepair = 0;
      repair = false;
    }
    longest = Math.max(longest, streak);
  }
  return {
    current: streak,
    longest,
    repairAvailable: repair && streak > 0,
    activeThisWeek: active.has(thisWeek),
  };
}

export const STREAK_MILESTONES = [4, 12, 52] as const;

/** The streak milestone just reached by this week's first activity, if any. */
export function streakMilestone(before: Streak, after: Streak): number | undefined {
  if (before.activeThisWeek || !after.activeThisWeek) return undefined;
  return STREAK_MILESTONES.find((m) => after.current === m);
}
