import { describe, expect, it } from "vitest";
import { computeStreak, streakMilestone, type ZoneSpan } from "../../src/mentoring/streaks.js";
import {
  dateOfDay,
  dayOfDate,
  localDay,
  nextWeekStart,
  weekOf,
  zonedMidnight,
} from "../../src/mentoring/weeks.js";

const at = (iso: string) => Date.parse(iso);
const paris: ZoneSpan[] = [{ tz: "Europe/Paris", from: 0 }];
const ny: ZoneSpan[] = [{ tz: "America/New_York", from: 0 }];
const mondayOf = (t: number, tz: string) => dateOfDay(weekOf(t, tz));

describe("weeks in the user's time zone", () => {
  it("start on Monday 00:00 local time, across both DST changes in Paris and New York", () => {
    // Paris springs forward on Sunday 2026-03-29 and falls back on Sunday 2026-10-25.
    expect(mondayOf(at("2026-03-29T21:59:00Z"), "Europe/Paris")).toBe("2026-03-23"); // Sun 23:59 CEST
    expect(mondayOf(at("2026-03-29T22:00:00Z"), "Europe/Paris")).toBe("2026-03-30"); // Mon 00:00 CEST
    expect(mondayOf(at("2026-10-25T22:59:00Z"), "Europe/Paris")).toBe("2026-10-19"); // Sun 23:59 CET
    expect(mondayOf(at("2026-10-25T23:00:00Z"), "Europe/Paris")).toBe("2026-10-26");
    // New York: 2026-03-08 and 2026-11-01.
    expect(mondayOf(at("2026-03-09T03:59:00Z"), "America/New_York")).toBe("2026-03-02"); // Sun 23:59 EDT
    expect(mondayOf(at("2026-03-09T04:00:00Z"), "America/New_York")).toBe("2026-03-09");
    expect(mondayOf(at("2026-11-02T04:59:00Z"), "America/New_York")).toBe("2026-10-26"); // Sun 23:59 EST
    expect(mondayOf(at("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02");
  });

  it("handle ISO week 53 and the new year as ordinary consecutive weeks", () => {
    // 2026 has an ISO week 53: Monday 2026-12-28 to Sunday 2027-01-03.
    const w53 = weekOf(at("2027-01-01T12:00:00Z"), "Europe/Paris");
    expect(dateOfDay(w53)).toBe("2026-12-28");
    expect(weekOf(at("2027-01-04T12:00:00Z"), "Europe/Paris")).toBe(w53 + 7);
    expect(weekOf(at("2026-12-21T12:00:00Z"), "Europe/Paris")).toBe(w53 - 7);
  });

  it("find local midnight through DST", () => {
    expect(new Date(zonedMidnight(dayOfDate("2026-03-30"), "Europe/Paris")).toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
    expect(new Date(zonedMidnight(dayOfDate("2026-11-02"), "America/New_York")).toISOString()).toBe(
      "2026-11-02T05:00:00.000Z",
    );
    expect(localDay(at("2026-03-29T22:30:00Z"), "Europe/Paris")).toBe(dayOfDate("2026-03-30"));
  });
});

describe("streaks", () => {
  // Wednesdays at noon UTC, week after week.
  const wednesday = (n: number) => at("2026-01-07T12:00:00Z") + n * 7 * 86_400_000;

  it("count consecutive weeks, and the week in progress never breaks them", () => {
    const activity = [0, 1, 2, 3].map(wednesday);
    expect(computeStreak({ activity, zones: paris, now: wednesday(3) })).toMatchObject({
      current: 4,
      longest: 4,
      activeThisWeek: true,
    });
    // Monday of the next week, nothing yet: still 4.
    expect(computeStreak({ activity, zones: paris, now: wednesday(4) - 2 * 86_400_000 })).toMatchObject({
      current: 4,
      activeThisWeek: false,
    });
  });

  it("count a week once, however many checks it has", () => {
    const activity = [wednesday(0), wednesday(0) + 1000, wednesday(0) + 86_400_000, wednesday(1)];
    expect(computeStreak({ activity, zones: paris, now: wednesday(1) }).current).toBe(2);
  });

  it("break after a missed week with no repair, and keep the longest", () => {
    const activity = [0, 1, 3].map(wednesday);
    expect(computeStreak({ activity, zones: paris, now: wednesday(3) })).toMatchObject({
      current: 1,
      longest: 2,
    });
  });

  it("repair one missed week per four weeks of streak, without stockpiling", () => {
    // Eight weeks would earn two repairs, but only one is ever held.
    const eight = [0, 1, 2, 3, 4, 5, 6, 7];
    const oneGap = [...eight, 9, 10].map(wednesday);
    expect(computeStreak({ activity: oneGap, zones: paris, now: wednesday(10) })).toMatchObject({
      current: 10,
      repairAvailable: false,
    });
    const twoGaps = [...eight, 9, 11].map(wednesday);
    expect(computeStreak({ activity: twoGaps, zones: paris, now: wednesday(11) })).toMatchObject({
      current: 1,
      longest: 9,
    });
    expect(
      computeStreak({ activity: [0, 1, 2, 3].map(wednesday), zones: paris, now: wednesday(3) })
        .repairAvailable,
    ).toBe(true);
    expect(
      computeStreak({ activity: [0, 1, 2].map(wednesday), zones: paris, now: wednesday(2) }).repairAvailable,
    ).toBe(false);
  });

  it("never break on a week postcoach was not running", () => {
    const activity = [0, 1, 3].map(wednesday);
    const serviceDays = new Set<number>();
    for (let d = localDay(wednesday(0), "UTC") - 3; d <= localDay(wednesday(3), "UTC"); d++)
      serviceDays.add(d);
    // Week 2 had no service at all.
    for (let d = localDay(wednesday(2), "UTC") - 2; d <= localDay(wednesday(2), "UTC") + 4; d++)
      serviceDays.delete(d);
    expect(computeStreak({ activity, zones: paris, now: wednesday(3), serviceDays })).toMatchObject({
      current: 3,
    });
    expect(computeStreak({ activity, zones: paris, now: wednesday(3) }).current).toBe(1);
  });

  it("apply a time zone change from the next week boundary, without double-counting or dropping a week", () => {
    // Moves from Paris to New York on Wednesday of week 2; New York applies from Monday of week 3 (Paris time).
    const change = wednesday(2);
    const zones: ZoneSpan[] = [
      { tz: "Europe/Paris", from: 0 },
      { tz: "America/New_York", from: nextWeekStart(change, "Europe/Paris") },
    ];
    expect(new Date(zones[1]!.from).toISOString()).toBe("2026-01-25T23:00:00.000Z");
    // Just before the boundary the old zone applies (Sunday 23:30 in Paris: week 2); just after, the
    // new one (Monday 01:00 in New York: week 3). Each lands in one week; none is skipped.
    const activity = [
      wednesday(0),
      wednesday(1),
      at("2026-01-25T22:30:00Z"),
      at("2026-01-26T06:00:00Z"),
      wednesday(4),
    ];
    expect(computeStreak({ activity, zones, now: wednesday(4) }).current).toBe(5);
    // Had New York applied at once, 22:30Z on Sunday would be Sunday afternoon there: still week 2.
    // A check in New York on Sunday evening after the boundary belongs to week 2 as well, counted once.
    const late = [
      wednesday(0),
      wednesday(1),
      wednesday(2),
      at("2026-01-26T02:00:00Z"),
      at("2026-01-28T15:00:00Z"),
    ];
    expect(computeStreak({ activity: late, zones, now: at("2026-01-28T16:00:00Z") }).current).toBe(4);
  });

  it("report milestones once, on the first activity of the week", () => {
    const before = computeStreak({ activity: [0, 1, 2].map(wednesday), zones: ny, now: wednesday(3) });
    const after = computeStreak({ activity: [0, 1, 2, 3].map(wednesday), zones: ny, now: wednesday(3) });
    expect(streakMilestone(before, after)).toBe(4);
    expect(streakMilestone(after, after)).toBeUndefined();
  });

  it("is empty for someone with no activity", () => {
    expect(computeStreak({ activity: [], zones: paris, now: wednesday(0) })).toEqual({
      current: 0,
      longest: 0,
      repairAvailable: false,
      activeThisWeek: false,
    });
  });
});
