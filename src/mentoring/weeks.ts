/**
 * Weeks that start on Monday, in a person's own time zone. A week is named by the day number
 * (days since 1970-01-01) of its Monday, so consecutive weeks differ by 7 whatever the year:
 * week 53 and New Year need no special case, and DST is handled by the zone's own calendar.
 */
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-CA", {
        timeZone: tz,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      f = formatter("UTC");
    }
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The local calendar fields of an instant, read back as if they were UTC. */
function localAsUtc(t: number, tz: string): number {
  const parts = formatter(tz).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** Days since 1970-01-01 of the local date of an instant. */
export function localDay(t: number, tz: string): number {
  return Math.floor(localAsUtc(t, tz) / DAY_MS);
}

/** The Monday (as a day number) of the week containing a day number. */
export function mondayOf(day: number): number {
  // 1970-01-01 was a Thursday: three days after a Monday.
  return day - ((((day + 3) % 7) + 7) % 7);
}

export function weekOf(t: number, tz: string): number {
  return mondayOf(localDay(t, tz));
}

/**
 * The instant a zone's clocks show `minute` minutes after midnight on a day number. A wall time
 * skipped by a DST change moves forward by the gap (02:30 becomes 03:30); one that happens twice
 * is its first occurrence (as Temporal's "compatible" disambiguation). Deterministic, so every
 * process computes the same instant.
 */
export function zonedTime(day: number, minute: number, tz: string): number {
  const target = day * DAY_MS + minute * 60_000;
  // Zones change offset at most once around a given day: the offsets a day either side bracket it.
  const earlier = target - (localAsUtc(target - DAY_MS, tz) - (target - DAY_MS));
  if (localAsUtc(earlier, tz) === target) return earlier;
  const later = target - (localAsUtc(target + DAY_MS, tz) - (target + DAY_MS));
  if (localAsUtc(later, tz) === target) return later;
  return earlier;
}

/** The instant of local midnight starting a day number, in a zone (DST-safe). */
export function zonedMidnight(day: number, tz: string): number {
  return zonedTime(day, 0, tz);
}

/** Minutes after local midnight of an instant, in a zone. */
export function localMinute(t: number, tz: string): number {
  return Math.floor((localAsUtc(t, tz) % DAY_MS) / 60_000);
}

const weekBounds = new Map<string, { start: number; end: number }>();

/**
 * The instant a week starts (Monday 00:00) for an instant, in a zone. Every recorded check needs
 * it, so the current week's bounds are kept per zone (a few hundred zones at most).
 */
export function weekStartAt(t: number, tz: string): number {
  const known = weekBounds.get(tz);
  if (known && t >= known.start && t < known.end) return known.start;
  const week = weekOf(t, tz);
  const bounds = { start: zonedMidnight(week, tz), end: zonedMidnight(week + 7, tz) };
  weekBounds.set(tz, bounds);
  return bounds.start;
}

/** When a zone change made at `at` takes effect: the next Monday 00:00 in the old zone. */
export function nextWeekStart(at: number, oldTz: string): number {
  return zonedMidnight(weekOf(at, oldTz) + 7, oldTz);
}

export function dayOfDate(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
