import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DigestTime,
  digestPeriods,
  nextSlot,
  previousSlot,
  slotInWeek,
  weekKey,
} from "../../src/digest/calendar.js";
import { dayOfDate, localMinute, zonedTime } from "../../src/mentoring/weeks.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const mondayNine = (tz: string): DigestTime => ({ weekday: 1, minute: 540, tz });

describe("zonedTime", () => {
  it("finds the instant of a wall time in a zone, on both sides of each DST change", () => {
    // Paris: CET (+1) until Sunday 2026-03-29 02:00, CEST (+2) until Sunday 2026-10-25 03:00.
    expect(zonedTime(dayOfDate("2026-03-30"), 540, "Europe/Paris")).toBe(at("2026-03-30T07:00:00Z"));
    expect(zonedTime(dayOfDate("2026-03-28"), 540, "Europe/Paris")).toBe(at("2026-03-28T08:00:00Z"));
    expect(zonedTime(dayOfDate("2026-10-26"), 540, "Europe/Paris")).toBe(at("2026-10-26T08:00:00Z"));
    // New York: EST (-5) until Sunday 2026-03-08, EDT (-4) until Sunday 2026-11-01.
    expect(zonedTime(dayOfDate("2026-03-09"), 540, "America/New_York")).toBe(at("2026-03-09T13:00:00Z"));
    expect(zonedTime(dayOfDate("2026-11-02"), 540, "America/New_York")).toBe(at("2026-11-02T14:00:00Z"));
  });

  it("moves a wall time skipped by the spring change forward, and takes the first of a repeated one", () => {
    // 02:30 does not exist in Paris on 2026-03-29: it becomes 03:30 CEST.
    expect(zonedTime(dayOfDate("2026-03-29"), 150, "Europe/Paris")).toBe(at("2026-03-29T01:30:00Z"));
    // 01:30 happens twice in New York on 2026-11-01: the first is EDT.
    expect(zonedTime(dayOfDate("2026-11-01"), 90, "America/New_York")).toBe(at("2026-11-01T05:30:00Z"));
  });

  it("always lands on the asked wall time when it exists (property, several zones, two years)", () => {
    const zones = [
      "Europe/Paris",
      "America/New_York",
      "America/Los_Angeles",
      "Australia/Lord_Howe",
      "Asia/Kolkata",
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: dayOfDate("2025-01-01"), max: dayOfDate("2027-12-31") }),
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom(...zones),
        (day, minute, tz) => {
          const t = zonedTime(day, minute, tz);
          // Skipped wall times land less than the gap (at most an hour) after the asked time.
          const shown = localMinute(t, tz);
          expect((shown - minute + 1440) % 1440).toBeLessThanOrEqual(60);
        },
      ),
    );
  });
});

describe("digest slots", () => {
  it("puts a channel's digest at its own 09:00: Los Angeles is nine hours after Paris", () => {
    const monday = dayOfDate("2026-11-30");
    expect(slotInWeek(monday, mondayNine("Europe/Paris"))).toBe(at("2026-11-30T08:00:00Z"));
    expect(slotInWeek(monday, mondayNine("America/Los_Angeles"))).toBe(at("2026-11-30T17:00:00Z"));
  });

  it("finds the next and the previous slot, the slot itself included", () => {
    const time = { weekday: 5, minute: 16 * 60, tz: "Europe/Paris" } as const;
    const friday = at("2026-12-04T15:00:00Z");
    expect(nextSlot(friday, time)).toBe(friday);
    expect(previousSlot(friday, time)).toBe(friday);
    expect(nextSlot(friday + 1, time)).toBe(friday + 7 * DAY);
    expect(previousSlot(friday - 1, time)).toBe(at("2026-11-27T15:00:00Z"));
  });

  it("keys a digest by the local Monday of the week it is posted in", () => {
    // Sunday 23:30 in Paris is already Monday in Tokyo.
    const t = at("2026-11-29T22:30:00Z");
    expect(weekKey(t, "Europe/Paris")).toBe("2026-11-23");
    expect(weekKey(t, "Asia/Tokyo")).toBe("2026-11-30");
  });
});

describe("the days a digest covers", () => {
  it("posted on a Monday: the last calendar week, Monday 00:00 to Monday 00:00 local", () => {
    const slot = slotInWeek(dayOfDate("2026-11-30"), mondayNine("America/Los_Angeles"));
    const [before, own] = digestPeriods(slot, "America/Los_Angeles", 2);
    expect(own).toEqual({ start: at("2026-11-23T08:00:00Z"), end: at("2026-11-30T08:00:00Z") });
    expect(before).toEqual({ start: at("2026-11-16T08:00:00Z"), end: at("2026-11-23T08:00:00Z") });
  });

  it("posted on a Friday: the week so far, up to the digest time, and the same days before", () => {
    const slot = at("2026-12-04T15:00:00Z"); // Friday 16:00 in Paris
    const [before, own] = digestPeriods(slot, "Europe/Paris", 2);
    expect(own).toEqual({ start: at("2026-11-29T23:00:00Z"), end: slot });
    expect(before).toEqual({ start: at("2026-11-22T23:00:00Z"), end: slot - 7 * DAY });
  });

  for (const [tz, monday, hours] of [
    ["Europe/Paris", "2026-03-30", 167],
    ["Europe/Paris", "2026-10-26", 169],
    ["America/New_York", "2026-03-09", 167],
    ["America/New_York", "2026-11-02", 169],
  ] as const) {
    it(`the Monday after a DST change (${tz}, ${monday}): a ${hours}-hour week, local midnight to midnight`, () => {
      const slot = slotInWeek(dayOfDate(monday), mondayNine(tz));
      expect(localMinute(slot, tz)).toBe(540);
      const periods = digestPeriods(slot, tz, 8);
      const own = periods.at(-1)!;
      expect((own.end - own.start) / HOUR).toBe(hours);
      expect(localMinute(own.start, tz)).toBe(0);
      expect(localMinute(own.end, tz)).toBe(0);
      // Eight consecutive weeks, without gap or overlap.
      for (let i = 1; i < periods.length; i++) expect(periods[i]!.start).toBe(periods[i - 1]!.end);
    });
  }
});
