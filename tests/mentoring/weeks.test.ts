import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { weekOf, weekStartAt, zonedMidnight } from "../../src/mentoring/weeks.js";

const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"];
const HOUR = 3_600_000;

describe("weekStartAt (remembered per zone)", () => {
  it("always agrees with the uncached computation, in any order of instants", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
            fc.constantFrom(...ZONES),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (checks) => {
          for (const [t, tz] of checks) expect(weekStartAt(t, tz)).toBe(zonedMidnight(weekOf(t, tz), tz));
        },
      ),
    );
  });

  it("moves to the next week exactly at local Monday midnight, across a DST change", () => {
    // Paris leaves summer time on Sunday 2026-10-25; the next week starts Monday 26 at 00:00 CET (23:00 UTC on the 25th).
    const monday = Date.UTC(2026, 9, 25, 23);
    expect(weekStartAt(monday - 1, "Europe/Paris")).toBe(Date.UTC(2026, 9, 18, 22));
    expect(weekStartAt(monday, "Europe/Paris")).toBe(monday);
    expect(weekStartAt(monday + 6 * 24 * HOUR, "Europe/Paris")).toBe(monday);
    expect(weekStartAt(monday - 1, "Europe/Paris")).toBe(Date.UTC(2026, 9, 18, 22));
  });
});
