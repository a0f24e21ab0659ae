import { afterEach, beforeEach, expect, it } from "vitest";
import { type DigestTime, nextSlot, slotInWeek } from "../../src/digest/calendar.js";
import {
  DIGEST_EVENT_TYPE,
  DigestScheduler,
  digestClient,
  GIVE_UP_AFTER_MS,
  LEASE_MS,
} from "../../src/digest/deliveries.js";
import { createLogger } from "../../src/logger.js";
import { dayOfDate } from "../../src/mentoring/weeks.js";
import type { Store } from "../../src/store/index.js";
import { describeEachBackend, freshDatabase, type TestDatabase } from "../helpers/databases.js";
import { keepChannelHistory, seedCheck } from "../helpers/digest.js";
import { FakeSlack } from "../helpers/fake-slack.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PARIS: DigestTime = { weekday: 1, minute: 540, tz: "Europe/Paris" };
/** Monday 2026-11-30, 09:00 in Paris. */
const SLOT = slotInWeek(dayOfDate("2026-11-30"), PARIS);

let database: TestDatabase;
let fake: FakeSlack;
let logs: string[];

/** A process: its own connection to the shared database, its own clock and its own owner id. */
async function aProcess(clock: { now: number }, teams = ["T1"]) {
  const store = await database.open({ now: () => clock.now });
  const client = digestClient("xoxb-digest", fake.apiUrl);
  const scheduler = new DigestScheduler({
    store,
    logger: createLogger("debug", (l) => logs.push(l)),
    clientFor: async (team) => (teams.includes(team) ? client : undefined),
    now: () => clock.now,
  });
  return { store, scheduler, client };
}

async function turnOn(store: Store, channelId: string, time: DigestTime, at: number, teamId = "T1") {
  await store.digestSchedules.set(
    { teamId, channelId, ...time, language: "auto", nextSlotAt: nextSlot(at, time) },
    "U1",
    at,
  );
}

const posts = () => fake.callsTo("chat.postMessage");
const WEEK_KEY = { teamId: "T1", channelId: "C1", week: "2026-11-30" };

/** Another process claimed C1's week at the digest time and holds it (or held it, and died). */
function claimedElsewhere(store: Store, owner: string) {
  return store.digestSchedules.claim(
    { ...WEEK_KEY, slotAt: SLOT, tz: PARIS.tz },
    "pending",
    owner,
    SLOT,
    SLOT + LEASE_MS,
  );
}

describeEachBackend("the weekly digest, exactly once per channel and week", (backend) => {
  beforeEach(async () => {
    database = await freshDatabase(backend);
    fake = await new FakeSlack().start();
    keepChannelHistory(fake);
    logs = [];
  });
  afterEach(async () => {
    await database.drop();
    await fake.stop();
  });

  it("two processes on one database across the digest time post one digest", async () => {
    const clock = { now: SLOT - 30 * 60_000 };
    const a = await aProcess(clock);
    const b = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, clock.now - DAY);
    await seedCheck(a.store, { user: "U1", channel: "C1", at: SLOT - 2 * DAY, findings: ["bragging"] });
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(posts()).toHaveLength(0);
    clock.now = SLOT;
    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(posts()).toHaveLength(1);
    expect([...ra.posted, ...rb.posted]).toHaveLength(1);
    expect([...ra.handledElsewhere, ...rb.handledElsewhere]).toHaveLength(1);
    const post = posts()[0]!;
    expect(post.params.channel).toBe("C1");
    expect(post.params.metadata).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { team_id: "T1", week: "2026-11-30" },
    });
    for (const minutes of [1, 60, 600]) {
      clock.now = SLOT + minutes * MINUTE;
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    }
    expect(posts()).toHaveLength(1);
    expect(await a.store.digestSchedules.delivery(WEEK_KEY)).toMatchObject({
      status: "posted",
      attempts: 1,
      slotAt: SLOT,
    });
  });

  it("a long pass claims each channel with its own fresh lease, so none is taken over mid-post", async () => {
    const clock = { now: SLOT };
    const a = await aProcess(clock);
    const channels = ["C1", "C2", "C3", "C4"];
    for (const c of channels) await turnOn(a.store, c, PARIS, SLOT - DAY);
    // Slack takes three minutes per post: the pass ends well after the first lease would have.
    fake.on("chat.postMessage", (params) => {
      clock.now += 3 * MINUTE;
      return { ok: true, channel: params.channel, ts: `${clock.now}.0001` };
    });
    await a.scheduler.tick();
    const claims = [];
    for (const c of channels) {
      const d = (await a.store.digestSchedules.delivery({ teamId: "T1", channelId: c, week: "2026-11-30" }))!;
      expect(d.status).toBe("posted");
      claims.push(d.claimedAt);
    }
    expect(claims).toEqual(channels.map((_, i) => SLOT + 3 * i * MINUTE));
  });

  it("a process started five hours late posts the missed digest once; a restart later that day posts nothing", async () => {
    const clock = { now: SLOT + 5 * HOUR };
    const first = await aProcess(clock);
    await turnOn(first.store, "C1", PARIS, SLOT - 3 * DAY);
    await seedCheck(first.store, { user: "U1", channel: "C1", at: SLOT - DAY });
    // A check made after the digest time belongs to next week's digest, even when posted late.
    await seedCheck(first.store, { user: "U2", channel: "C1", at: SLOT + HOUR });
    const report = await first.scheduler.tick();
    expect(report.posted).toHaveLength(1);
    expect(JSON.stringify(posts()[0]!.params.blocks)).toContain("*Drafts checked*\\n1");
    clock.now = SLOT + 9 * HOUR;
    const restarted = await aProcess(clock);
    expect(await restarted.scheduler.tick()).toMatchObject({ posted: [], handledElsewhere: [] });
    expect(posts()).toHaveLength(1);
  });

  it("more than 48 hours late, the week is skipped and logged once; the next week goes out", async () => {
    const clock = { now: SLOT + 49 * HOUR };
    const a = await aProcess(clock);
    const b = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(posts()).toHaveLength(0);
    expect(logs.filter((l) => l.includes("weekly digest skipped in C1"))).toHaveLength(1);
    expect(logs.find((l) => l.includes("skipped"))).toMatch(/49 h late, more than 48 h/);
    clock.now = SLOT + 7 * DAY;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
  });

  it("a bot down for weeks says how many it missed and posts the latest if within 48 hours", async () => {
    const clock = { now: SLOT + 14 * DAY + 3 * HOUR };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
    expect((posts()[0]!.params.metadata as { event_payload: { week: string } }).event_payload.week).toBe(
      "2026-12-14",
    );
    expect(logs.some((l) => /2 earlier weeks not posted in C1/.test(l))).toBe(true);
  });

  it("retries a failed post with growing backoff within the day, then gives up and logs it", async () => {
    const clock = { now: SLOT };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    fake.on("chat.postMessage", () => ({ ok: false, error: "internal_error" }));
    const attemptTimes: number[] = [];
    for (let t = SLOT; t <= SLOT + 30 * HOUR; t += 10 * MINUTE) {
      clock.now = t;
      const before = posts().length;
      await a.scheduler.tick();
      if (posts().length > before) attemptTimes.push(t);
    }
    const gaps = attemptTimes.slice(1).map((t, i) => t - attemptTimes[i]!);
    // Every gap at least as long as the one before, none longer than two hours (10-minute ticks).
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * HOUR);
    expect(attemptTimes.at(-1)! - SLOT).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
    expect(attemptTimes.length).toBeGreaterThan(8);
    const delivery = await a.store.digestSchedules.delivery({
      teamId: "T1",
      channelId: "C1",
      week: "2026-11-30",
    });
    expect(delivery).toMatchObject({ status: "failed", lastError: "internal_error" });
    expect(
      logs.filter((l) => l.includes("ERROR") && l.includes("weekly digest given up in C1")),
    ).toHaveLength(1);
    // Slack is back: nothing more for this week, and the next week goes out.
    keepChannelHistory(fake);
    const failedPosts = posts().length;
    clock.now = SLOT + 2 * DAY;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(failedPosts);
    clock.now = SLOT + 7 * DAY;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(failedPosts + 1);
  });

  it("gives up at once on an error no retry can fix (an archived channel)", async () => {
    const clock = { now: SLOT };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    fake.on("chat.postMessage", () => ({ ok: false, error: "is_archived" }));
    expect((await a.scheduler.tick()).failed).toHaveLength(1);
    clock.now = SLOT + 3 * HOUR;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
  });

  it("a process killed after Slack took the post: the next attempt finds it and does not post twice", async () => {
    const clock = { now: SLOT };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    // The dead process claimed the week, posted, and died before recording it.
    await claimedElsewhere(a.store, "dead");
    await a.client.chat.postMessage({
      channel: "C1",
      text: "digest",
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { team_id: "T1", week: "2026-11-30" } },
    });
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
    clock.now = SLOT + LEASE_MS - 1;
    await a.scheduler.tick();
    expect(fake.callsTo("conversations.history")).toHaveLength(0);
    clock.now = SLOT + LEASE_MS;
    const report = await a.scheduler.tick();
    expect(report.posted).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    // The Web API client sends form fields: booleans arrive as "true".
    expect(fake.callsTo("conversations.history")[0]!.params).toMatchObject({
      channel: "C1",
      include_all_metadata: "true",
    });
    expect(await a.store.digestSchedules.delivery(WEEK_KEY)).toMatchObject({ status: "posted", attempts: 2 });
  });

  it("a process killed before Slack got the post: the next attempt posts it", async () => {
    const clock = { now: SLOT };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    await claimedElsewhere(a.store, "dead");
    clock.now = SLOT + LEASE_MS;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
  });

  it("a manual run before the digest time takes the week; the schedule then posts nothing", async () => {
    const clock = { now: SLOT - HOUR };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    expect(await a.scheduler.postNow(a.client, "T1", "C1", false)).toMatchObject({ status: "posted" });
    clock.now = SLOT;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
    expect(await a.scheduler.postNow(a.client, "T1", "C1", false)).toMatchObject({
      status: "already-posted",
    });
    expect(posts()).toHaveLength(1);
    expect(await a.scheduler.postNow(a.client, "T1", "C1", true)).toMatchObject({ status: "posted" });
    expect(posts()).toHaveLength(2);
  });

  it("a manual run while another process holds the week says so; after a failure it may try again", async () => {
    const clock = { now: SLOT };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    await claimedElsewhere(a.store, "other");
    expect(await a.scheduler.postNow(a.client, "T1", "C1", false)).toEqual({ status: "busy" });
    await a.store.digestSchedules.attemptFailed(WEEK_KEY, "other", "internal_error", SLOT + HOUR);
    expect(await a.scheduler.postNow(a.client, "T1", "C1", false)).toMatchObject({ status: "posted" });
    expect(posts()).toHaveLength(1);
  });

  it("changing the digest day after this week's digest went out does not post a second one", async () => {
    const clock = { now: SLOT };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    await a.scheduler.tick();
    clock.now = SLOT + DAY;
    const wednesday: DigestTime = { weekday: 3, minute: 540, tz: "Europe/Paris" };
    await turnOn(a.store, "C1", wednesday, clock.now);
    clock.now = SLOT + 2 * DAY;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
    clock.now = SLOT + 9 * DAY;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(2);
  });

  it("a channel that turned the digest off is not retried", async () => {
    const clock = { now: SLOT };
    const a = await aProcess(clock);
    await turnOn(a.store, "C1", PARIS, SLOT - DAY);
    fake.on("chat.postMessage", () => ({ ok: false, error: "internal_error" }));
    await a.scheduler.tick();
    await a.store.digestSchedules.disable("T1", "C1", "U1", SLOT + MINUTE);
    keepChannelHistory(fake);
    clock.now = SLOT + HOUR;
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
    expect(await a.store.digestSchedules.delivery(WEEK_KEY)).toMatchObject({
      status: "failed",
      lastError: "digest turned off",
    });
  });

  it("keys everything by team: the same channel id in two workspaces, each with its own numbers", async () => {
    const clock = { now: SLOT };
    const t1 = await aProcess(clock, ["T1"]);
    await turnOn(t1.store, "C1", PARIS, SLOT - DAY, "T1");
    await turnOn(t1.store, "C1", PARIS, SLOT - DAY, "T2");
    await seedCheck(t1.store, { team: "T1", user: "U1", channel: "C1", at: SLOT - DAY });
    for (const user of ["U7", "U8", "U9"])
      await seedCheck(t1.store, { team: "T2", user, channel: "C1", at: SLOT - DAY });
    await t1.scheduler.tick();
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0]!.params.blocks)).toContain("*Drafts checked*\\n1");
    const t2 = await aProcess(clock, ["T2"]);
    await t2.scheduler.tick();
    expect(posts()).toHaveLength(2);
    expect(JSON.stringify(posts()[1]!.params.blocks)).toContain("*Drafts checked*\\n3");
  });

  it("a schedule carried over from before (no next time yet) waits for its next time, then posts", async () => {
    const clock = { now: SLOT + 2 * HOUR };
    const a = await aProcess(clock);
    await database.query(
      "INSERT INTO digest_schedules (team_id, channel_id, enabled, weekday, minute, tz, updated_at) VALUES ('T1', 'C1', 1, 1, 540, 'UTC', 0)",
    );
    await a.scheduler.tick();
    expect(posts()).toHaveLength(0);
    expect((await a.store.digestSchedules.get("T1", "C1"))?.nextSlotAt).toBe(
      Date.parse("2026-12-07T09:00:00Z"),
    );
    clock.now = Date.parse("2026-12-07T09:00:00Z");
    await a.scheduler.tick();
    expect(posts()).toHaveLength(1);
  });
});
