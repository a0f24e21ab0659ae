import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DigestTime, nextSlot, slotInWeek } from "../../src/digest/calendar.js";
import { dayOfDate, zonedTime } from "../../src/mentoring/weeks.js";
import { createSqliteStore } from "../../src/store/index.js";
import { keepChannelHistory, seedCheck } from "../helpers/digest.js";
import { FakeSlack } from "../helpers/fake-slack.js";
import { loggedAt, startBotAt, type TimedBot } from "../helpers/faketime.js";
import { SIGNING_SECRET } from "../helpers/slack-requests.js";

/**
 * The real bot in its own processes, their clocks moved with libfaketime: nothing in postcoach
 * knows it is being tested. Each bot logs a "digest tick" line after each pass of its scheduler,
 * stamped by its own clock, so the tests wait for what happened rather than for time to pass.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TICK = /digest tick: /;
const mondayNine = (tz: string): DigestTime => ({ weekday: 1, minute: 540, tz });
const iso = (t: number) => new Date(t).toISOString();

describe("the weekly digest across real processes with moved clocks", { timeout: 90_000 }, () => {
  let dir: string;
  let fake: FakeSlack;
  const bots: TimedBot[] = [];
  let n = 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "postcoach-digest-processes-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    fake = await new FakeSlack().start();
    keepChannelHistory(fake);
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((b) => b.stop()));
    await fake.stop();
  });

  /** A fresh database with digests turned on (as `/postcheck digest on` would, a week before). */
  async function database(channels: { channel: string; time: DigestTime; on: number }[]) {
    const path = join(dir, `${++n}.db`);
    const store = createSqliteStore(path);
    for (const c of channels) {
      await store.digestSchedules.set(
        {
          teamId: "T1",
          channelId: c.channel,
          ...c.time,
          language: "en",
          nextSlotAt: nextSlot(c.on, c.time),
        },
        "U1",
        c.on,
      );
    }
    return { path, store };
  }

  function bot(path: string, startAt: number, rate = 1): TimedBot {
    const b = startBotAt(
      iso(startAt),
      {
        SLACK_BOT_TOKEN: "xoxb-digest-test",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATABASE_PATH: path,
      },
      rate,
    );
    bots.push(b);
    return b;
  }

  const posts = () => fake.callsTo("chat.postMessage");
  const weekOfPost = (i: number) =>
    (posts()[i]!.params.metadata as { event_payload: { week: string } }).event_payload.week;

  it("two processes running across the digest time post one digest", async () => {
    const slot = slotInWeek(dayOfDate("2026-11-30"), mondayNine("Europe/Paris"));
    const { path, store } = await database([
      { channel: "C1", time: mondayNine("Europe/Paris"), on: slot - 7 * DAY },
    ]);
    await store.close();
    // Both start a minute before 09:00 in Paris, their clocks running six times faster.
    const a = bot(path, slot - MINUTE, 6);
    const b = bot(path, slot - MINUTE, 6);
    for (const x of [a, b]) expect(loggedAt(await x.waitForLine(TICK))).toBeLessThan(slot);
    // Each ticks at 09:00 and once more a minute later.
    for (const x of [a, b]) await x.waitForLine((l) => TICK.test(l) && loggedAt(l) >= slot + MINUTE);
    expect(posts()).toHaveLength(1);
    expect(weekOfPost(0)).toBe("2026-11-30");
    const posted = [a, b].flatMap((x) => x.linesMatching(/weekly digest posted in C1/));
    expect(posted).toHaveLength(1);
    expect(loggedAt(posted[0]!)).toBeGreaterThanOrEqual(slot);
    expect(loggedAt(posted[0]!)).toBeLessThan(slot + MINUTE);
  });

  it("a process started five hours late posts the missed digest once; a restart later that day posts nothing", async () => {
    const slot = slotInWeek(dayOfDate("2026-11-30"), mondayNine("Europe/Paris"));
    const { path, store } = await database([
      { channel: "C1", time: mondayNine("Europe/Paris"), on: slot - 7 * DAY },
    ]);
    await seedCheck(store, { user: "U1", channel: "C1", at: slot - DAY });
    await store.close();
    const late = bot(path, slot + 5 * HOUR);
    const line = await late.waitForLine(/weekly digest posted in C1/);
    expect(loggedAt(line)).toBeGreaterThanOrEqual(slot + 5 * HOUR);
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0]!.params.blocks)).toContain("*Drafts checked*\\n1");
    await late.stop();

    const restarted = bot(path, slot + 9 * HOUR);
    expect(await restarted.waitForLine(TICK)).toMatch(/0 posted/);
    expect(posts()).toHaveLength(1);
  });

  it("a channel in America/Los_Angeles gets it at its own 09:00, not Paris's", async () => {
    const monday = dayOfDate("2026-11-30");
    const la = slotInWeek(monday, mondayNine("America/Los_Angeles"));
    const paris = slotInWeek(monday, mondayNine("Europe/Paris"));
    expect(la - paris).toBe(9 * HOUR);
    const { path, store } = await database([
      { channel: "CPARIS", time: mondayNine("Europe/Paris"), on: paris - 7 * DAY },
      { channel: "CLA", time: mondayNine("America/Los_Angeles"), on: paris - 7 * DAY },
    ]);
    await store.close();
    // Started at 08:59 in Los Angeles: Paris's digest is due (nine hours ago), LA's in a minute.
    const x = bot(path, la - MINUTE, 6);
    const first = await x.waitForLine(TICK);
    expect(loggedAt(first)).toBeLessThan(la);
    expect(posts().map((p) => p.params.channel)).toEqual(["CPARIS"]);
    const laPosted = await x.waitForLine(/weekly digest posted in CLA/);
    expect(loggedAt(laPosted)).toBeGreaterThanOrEqual(la);
    expect(loggedAt(laPosted)).toBeLessThan(la + MINUTE);
    expect(posts().map((p) => p.params.channel)).toEqual(["CPARIS", "CLA"]);
    expect(weekOfPost(1)).toBe("2026-11-30");
  });

  describe("the week after each DST change: local midnight to midnight", () => {
    for (const [tz, mondayAfter, range] of [
      ["Europe/Paris", "2026-03-30", "March 23 – 29"],
      ["Europe/Paris", "2026-10-26", "October 19 – 25"],
      ["America/New_York", "2026-03-09", "March 2 – 8"],
      ["America/New_York", "2026-11-02", "October 26 – November 1"],
    ] as const) {
      it(`${tz}, digest of Monday ${mondayAfter}`, async () => {
        const monday = dayOfDate(mondayAfter);
        const slot = slotInWeek(monday, mondayNine(tz));
        const { path, store } = await database([{ channel: "C1", time: mondayNine(tz), on: slot - 7 * DAY }]);
        const local = (day: number, minute: number) => zonedTime(day, minute, tz);
        const seeds: [number, boolean][] = [
          [local(monday - 7, 0) + 30_000, true], // the week's first minute
          [local(monday - 1, 23 * 60 + 30), true], // Sunday 23:30, after the change
          [local(monday - 8, 23 * 60 + 30), false], // the Sunday before: last week's digest
          [local(monday, 0) + 30_000, false], // this Monday: next week's digest
        ];
        for (const [i, [at]] of seeds.entries()) await seedCheck(store, { user: `U${i}`, channel: "C1", at });
        await store.close();
        const x = bot(path, slot + 30_000);
        await x.waitForLine(/weekly digest posted in C1/);
        const blocks = JSON.stringify(posts()[0]!.params.blocks).replace(/\\u2009|\u2009/g, " ");
        expect(blocks).toContain(`Last week, ${range}`);
        expect(blocks).toContain(`*Drafts checked*\\n${seeds.filter(([, inside]) => inside).length}`);
        expect(weekOfPost(0)).toBe(mondayAfter);
      });
    }
  });
});
