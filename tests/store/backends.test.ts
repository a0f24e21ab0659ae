import { beforeEach, expect, it } from "vitest";
import type { MissingTeamError, NewCheck } from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { describeEachBackend, freshStoreEach } from "../helpers/databases.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-26T12:00:00Z");

function check(over: Partial<NewCheck> = {}): NewCheck {
  return {
    teamId: "T1",
    userId: "U1",
    channelId: "C1",
    at: NOW,
    score: 60,
    dimensions: { audience: 60 },
    language: "en",
    platform: "linkedin",
    surface: "slash",
    draftHash: "h1",
    counts: true,
    findings: ["bragging", "bragging", "hashtags"],
    ...over,
  };
}

/** C1's digest on Mondays at 09:00 UTC, next time not computed yet. */
const MONDAY_9_UTC = {
  teamId: "T1",
  channelId: "C1",
  weekday: 1 as const,
  minute: 540,
  tz: "UTC",
  language: "auto" as const,
  nextSlotAt: null,
};

const ANSWER = { questions: ["Who is this for?", "What was hard?"], observations: {} };

describeEachBackend("the store", (backend) => {
  let now = NOW;
  beforeEach(() => {
    now = NOW;
  });
  const fresh = freshStoreEach(backend, () => ({ now: () => now }));

  it("is migrated to the latest version, and opening it again changes nothing", async () => {
    const version =
      backend === "sqlite"
        ? (await fresh.db.query<{ user_version: number }>("PRAGMA user_version"))[0]!.user_version
        : (await fresh.db.query<{ v: number }>("SELECT MAX(version) AS v FROM schema_migrations"))[0]!.v;
    expect(version).toBe(MIGRATIONS.length);
    await fresh.store.checks.record(check());
    const again = await fresh.db.open();
    expect(await again.checks.count("T1", "U1")).toBe(1);
  });

  it("records checks and reads them back: counts, recent rows, distinct drafts, history", async () => {
    await fresh.store.checks.record(check({ at: NOW - 3 * DAY, draftHash: "a" }));
    await fresh.store.checks.record(
      check({ at: NOW - 2 * DAY, draftHash: "a", growth: true, scoreDelta: 7 }),
    );
    await fresh.store.checks.record(check({ at: NOW - DAY, draftHash: "b", counts: false }));
    expect(await fresh.store.checks.count("T1", "U1")).toBe(3);
    expect(await fresh.store.checks.activity("T1", "U1")).toEqual([NOW - 3 * DAY]);
    expect(await fresh.store.checks.since("T1", "U1", NOW - 2 * DAY)).toEqual([
      { at: NOW - 2 * DAY, score: 60, growth: true, scoreDelta: 7, findings: ["bragging", "hashtags"] },
      { at: NOW - DAY, score: 60, growth: false, scoreDelta: null, findings: ["bragging", "hashtags"] },
    ]);
    expect(await fresh.store.checks.history("T1", "U1", NOW - 2 * DAY)).toEqual({
      any: true,
      countedSince: true,
    });
    expect(await fresh.store.checks.history("T1", "U1", NOW - DAY)).toEqual({
      any: true,
      countedSince: false,
    });
    expect(await fresh.store.checks.history("T1", "U2", 0)).toEqual({ any: false, countedSince: false });
  });

  it("forgets the text of one user's kept drafts, keeping their checks and everyone else's texts", async () => {
    await fresh.store.users.update("T1", "U1", { storeDrafts: true });
    await fresh.store.users.update("T1", "U2", { storeDrafts: true });
    await fresh.store.checks.record(check({ draftText: "mine, kept" }));
    await fresh.store.checks.record(check({ draftHash: "h2" }));
    await fresh.store.checks.record(check({ userId: "U2", draftText: "theirs, kept" }));
    expect((await fresh.store.privacy.summary("T1", "U1")).draftsStored).toBe(1);
    expect(await fresh.store.checks.forgetDrafts("T1", "U1")).toBe(1);
    expect(await fresh.store.checks.forgetDrafts("T1", "U1")).toBe(0);
    expect(await fresh.store.privacy.summary("T1", "U1")).toMatchObject({ checks: 2, draftsStored: 0 });
    expect((await fresh.store.privacy.summary("T1", "U2")).draftsStored).toBe(1);
  });

  it("keeps a draft's text only for a user who keeps drafts as it is recorded", async () => {
    // The reply read the settings before coaching; the user unticked the box meanwhile.
    await fresh.store.users.update("T1", "U1", { storeDrafts: false });
    await fresh.store.checks.record(check({ draftText: "coached while the box was unticked" }));
    expect(await fresh.store.privacy.summary("T1", "U1")).toMatchObject({ checks: 1, draftsStored: 0 });
  });

  it("records mentoring once per mentor and request; only the request's author marks it helpful", async () => {
    await fresh.store.mentoring.recordRequest("T1", "C1", "1.1", "UA", NOW);
    await fresh.store.mentoring.recordRequest("T1", "C1", "1.1", "UA", NOW + 1);
    const request = await fresh.store.mentoring.request("T1", "C1", "1.1");
    expect(request).toMatchObject({ authorId: "UA" });
    expect(await fresh.store.mentoring.recordReply("T1", request!.id, "UM", "1.2", NOW + DAY)).toBe(true);
    expect(await fresh.store.mentoring.recordReply("T1", request!.id, "UM", "1.3", NOW + DAY)).toBe(false);
    expect(await fresh.store.mentoring.markHelpful("T1", "1.2", "UX")).toBe(false);
    expect(await fresh.store.mentoring.markHelpful("T2", "1.2", "UA")).toBe(false);
    expect(await fresh.store.mentoring.markHelpful("T1", "1.2", "UA")).toBe(true);
    expect(await fresh.store.mentoring.markHelpful("T1", "1.2", "UA")).toBe(false);
    expect(await fresh.store.mentoring.activity("T1", "UM")).toEqual([NOW + DAY]);
    expect(await fresh.store.mentoring.activeSince("T1", "UM", NOW + DAY)).toBe(true);
    expect(await fresh.store.mentoring.activeSince("T1", "UM", NOW + DAY + 1)).toBe(false);
    expect(await fresh.store.mentoring.helpful("T1", "UM")).toBe(1);
  });

  it("keeps user settings; two writers changing two options both land", async () => {
    expect(await fresh.store.users.get("T1", "U1")).toEqual({
      language: "auto",
      platform: "linkedin",
      showInDigest: false,
      storeDrafts: false,
    });
    const other = await fresh.db.open();
    await Promise.all([
      fresh.store.users.update("T1", "U1", { language: "fr" }),
      other.users.update("T1", "U1", { storeDrafts: true }),
    ]);
    await fresh.store.users.update("T1", "U1", { platform: "x" });
    expect(await fresh.store.users.get("T1", "U1")).toMatchObject({
      language: "fr",
      platform: "x",
      storeDrafts: true,
      showInDigest: false,
    });
  });

  it("records time zone changes from the next week boundary, once", async () => {
    await fresh.store.users.setTimeZone("T1", "U1", "Europe/Paris", NOW);
    await fresh.store.users.setTimeZone("T1", "U1", "Europe/Paris", NOW + 1);
    // Thursday 26 Nov: the new zone applies from Monday 30 Nov, 00:00 in Paris.
    await fresh.store.users.setTimeZone("T1", "U1", "Asia/Tokyo", NOW + 2);
    expect(await fresh.store.users.zones("T1", "U1")).toEqual([
      { tz: "Europe/Paris", from: 0 },
      { tz: "Asia/Tokyo", from: Date.parse("2026-11-29T23:00:00Z") },
    ]);
    expect(await fresh.store.users.get("T1", "U1")).toMatchObject({ tz: "Asia/Tokyo", tzCheckedAt: NOW + 2 });
    expect(await fresh.store.users.zones("T1", "U2")).toEqual([{ tz: "UTC", from: 0 }]);
  });

  it("keeps channel settings", async () => {
    expect(await fresh.store.settings.channel("T1", "C1")).toEqual({ publicFeedback: false });
    await fresh.store.settings.setChannelFeedback("T1", "C1", true, "U1");
    expect(await fresh.store.settings.channel("T1", "C1")).toEqual({ publicFeedback: true });
    expect(await fresh.store.settings.channel("T2", "C1")).toEqual({ publicFeedback: false });
  });

  it("claims an event key once until it expires, whichever replica asks", async () => {
    const other = await fresh.db.open({ now: () => now });
    const claims = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? fresh.store : other).events.claim("event:T1:Ev1", 60_000),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    now += 59_999;
    expect(await fresh.store.events.claim("event:T1:Ev1", 60_000)).toBe(false);
    now += 1;
    expect(await other.events.claim("event:T1:Ev1", 60_000)).toBe(true);
    now += 120_000;
    expect(await fresh.store.events.purgeExpired()).toBe(1);
  });

  it("rate-limits a channel across replicas: exactly the limit per window", async () => {
    const other = await fresh.db.open({ now: () => now });
    const takes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? fresh.store : other).rateLimits.take("T1", "c:C1", 6, 60_000),
      ),
    );
    expect(takes.filter(Boolean)).toHaveLength(6);
    expect(await fresh.store.rateLimits.take("T2", "c:C1", 6, 60_000)).toBe(true);
    now += 60_000;
    expect(await fresh.store.rateLimits.take("T1", "c:C1", 6, 60_000)).toBe(true);
  });

  it("caches LLM answers per workspace, until they expire", async () => {
    await fresh.store.llmCache.forTeam("T1").set("k", ANSWER, 1000);
    expect(await fresh.store.llmCache.forTeam("T1").get("k")).toEqual(ANSWER);
    expect(await fresh.store.llmCache.forTeam("T2").get("k")).toBeUndefined();
    await fresh.store.llmCache
      .forTeam("T1")
      .set("k", { ...ANSWER, questions: ["Why now?", "For whom?"] }, 1000);
    expect((await fresh.store.llmCache.forTeam("T1").get("k"))?.questions).toEqual(["Why now?", "For whom?"]);
    now += 1000;
    expect(await fresh.store.llmCache.forTeam("T1").get("k")).toBeUndefined();
    expect(await fresh.store.llmCache.purgeExpired()).toBe(1);
  });

  it("refuses an empty team id at its edge, and the database refuses it too", async () => {
    const refusals: Promise<unknown>[] = [
      fresh.store.checks.record(check({ teamId: "" })),
      fresh.store.checks.count("", "U1"),
      fresh.store.mentoring.recordRequest("", "C1", "1.1", "U1", NOW),
      fresh.store.users.update("", "U1", { language: "fr" }),
      fresh.store.users.setTimeZone("", "U1", "UTC", NOW),
      fresh.store.settings.setChannelFeedback("", "C1", true, "U1"),
      fresh.store.rateLimits.take("", "c:C1", 6, 1000),
      fresh.store.privacy.export("", "U1"),
      fresh.store.privacy.forget("", "U1"),
      fresh.store.digestSchedules.set({ ...MONDAY_9_UTC, teamId: "" }, "U1", NOW),
      fresh.store.digest.channelActivity("", "C1", [
        { start: 0, end: 1 },
        { start: 1, end: 2 },
      ]),
    ];
    for (const refused of refusals) {
      await expect(refused).rejects.toMatchObject({
        name: "MissingTeamError",
      } satisfies Partial<MissingTeamError>);
    }
    expect(() => fresh.store.llmCache.forTeam("")).toThrow(/without a team id/);
    for (const [table, columns, values] of [
      [
        "checks",
        "team_id, user_id, created_at, score, dimensions, language, platform, surface, draft_hash, counts",
        "'', 'U', 1, 1, '{}', 'en', 'x', 'slash', 'h', 1",
      ],
      ["user_settings", "team_id, user_id, updated_at", "'', 'U', 1"],
      ["feedback_requests", "team_id, channel_id, message_ts, author_id, created_at", "'', 'C', '1', 'U', 1"],
    ] as const) {
      await expect(fresh.db.query(`INSERT INTO ${table} (${columns}) VALUES (${values})`)).rejects.toThrow(
        /team_id/,
      );
    }
    const rows = await fresh.db.query<{ n: number }>(
      "SELECT (SELECT COUNT(*) FROM checks) + (SELECT COUNT(*) FROM user_settings) + (SELECT COUNT(*) FROM rate_limits) AS n",
    );
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("exports one user's data of one workspace, and forgets it without touching anyone else's", async () => {
    for (const [teamId, userId] of [
      ["T1", "U1"],
      ["T1", "U2"],
      ["T2", "U1"],
    ] as const) {
      await fresh.store.users.update(teamId, userId, { storeDrafts: true });
      await fresh.store.checks.record(check({ teamId, userId, draftText: `draft of ${teamId}/${userId}` }));
      await fresh.store.llmCache.forTeam(teamId).set(`k-${userId}`, ANSWER, DAY);
    }
    await fresh.store.mentoring.recordRequest("T1", "C1", "1.1", "U1", NOW);
    const request = await fresh.store.mentoring.request("T1", "C1", "1.1");
    await fresh.store.mentoring.recordReply("T1", request!.id, "U2", "1.2", NOW);
    await fresh.store.digestSchedules.set(MONDAY_9_UTC, "U1", NOW);

    const exported = await fresh.store.privacy.export("T1", "U1");
    expect(exported.checks).toHaveLength(1);
    expect(exported.checks![0]).toMatchObject({ draft_text: "draft of T1/U1", created_at: NOW, counts: 1 });
    expect(exported.feedbackRequests).toEqual([{ channel_id: "C1", message_ts: "1.1", created_at: NOW }]);
    expect(exported.digestsSetUp).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain("T1/U2");
    expect(JSON.stringify(exported)).not.toContain("T2/U1");
    expect(await fresh.store.privacy.summary("T1", "U1")).toEqual({
      checks: 1,
      draftsStored: 1,
      feedbackRequests: 1,
      mentoringReplies: 0,
      pendingReplies: 0,
      buttonDrafts: 0,
      digestsSetUp: 1,
    });

    await fresh.store.privacy.forget("T1", "U1");
    expect(await fresh.store.privacy.summary("T1", "U1")).toEqual({
      checks: 0,
      draftsStored: 0,
      feedbackRequests: 0,
      mentoringReplies: 0,
      pendingReplies: 0,
      buttonDrafts: 0,
      digestsSetUp: 0,
    });
    expect(await fresh.store.users.get("T1", "U1")).toMatchObject({ storeDrafts: false });
    // Others keep theirs; the mentor keeps the reply, unlinked; the channel keeps its digest.
    expect(await fresh.store.checks.count("T1", "U2")).toBe(1);
    expect(await fresh.store.checks.count("T2", "U1")).toBe(1);
    expect(await fresh.store.mentoring.activity("T1", "U2")).toEqual([NOW]);
    expect((await fresh.store.digestSchedules.get("T1", "C1"))?.enabled).toBe(true);
    const all = JSON.stringify(await fresh.db.query("SELECT * FROM digest_schedules"));
    expect(all).not.toContain("U1");
    // The workspace's LLM answers go (they may quote the draft); the other workspace's stay.
    expect(await fresh.store.llmCache.forTeam("T1").get("k-U2")).toBeUndefined();
    expect(await fresh.store.llmCache.forTeam("T2").get("k-U1")).toEqual(ANSWER);
    const left = JSON.stringify(await fresh.db.query("SELECT * FROM checks"));
    expect(left).not.toContain("T1/U1");
  });

  it("purges what is older than the retention period, and what expired", async () => {
    await fresh.store.checks.record(check({ at: NOW - 400 * DAY, draftHash: "old" }));
    await fresh.store.checks.record(check({ at: NOW - 10 * DAY, draftHash: "new" }));
    await fresh.store.mentoring.recordRequest("T1", "C1", "1.1", "U1", NOW - 400 * DAY);
    await fresh.store.llmCache.forTeam("T1").set("k", ANSWER, -1);
    await fresh.store.rateLimits.take("T1", "c:C1", 6, -1);
    await fresh.store.events.claim("e", -1);
    const purged = await fresh.store.schedules.purge(NOW - 365 * DAY, NOW);
    expect(purged).toMatchObject({
      checks: 1,
      feedbackRequests: 1,
      llmCache: 1,
      rateLimits: 1,
      processedEvents: 1,
    });
    expect(await fresh.store.checks.count("T1", "U1")).toBe(1);
    await fresh.store.schedules.markServiceDay(NOW);
    await fresh.store.schedules.markServiceDay(NOW + 1);
    expect([...(await fresh.store.schedules.serviceDays())]).toEqual([Math.floor(NOW / DAY)]);
    await fresh.store.schedules.recordRun("retention", NOW, "x");
    await fresh.store.schedules.recordRun("retention", NOW + 1, "y");
    expect(await fresh.store.schedules.lastRun("retention")).toBe(NOW + 1);
  });

  it("claims a channel-week exactly once among replicas racing for it, and hands each retry to one", async () => {
    const replicas = [fresh.store, await fresh.db.open(), await fresh.db.open()];
    const week = { teamId: "T1", channelId: "C1", week: "2026-11-30", slotAt: NOW, tz: "UTC" };
    const claims = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        replicas[i % 3]!.digestSchedules.claim(week, "pending", `owner-${i}`, NOW, NOW + 60_000),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const owner = (await fresh.store.digestSchedules.delivery(week))!.owner;
    await fresh.store.digestSchedules.attemptFailed(week, owner, "slack down", NOW + 1000);
    expect(await fresh.store.digestSchedules.retriesDue(NOW + 1000)).toHaveLength(1);
    const acquired = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        replicas[i % 3]!.digestSchedules.acquire(week, "retry", `r-${i}`, NOW + 1000, NOW + 61_000),
      ),
    );
    expect(acquired.filter(Boolean)).toHaveLength(1);
    expect(acquired.find(Boolean)).toMatchObject({
      attempts: 2,
      status: "pending",
      leaseUntil: NOW + 61_000,
    });
    await fresh.store.digestSchedules.posted(week, NOW + 2000, "123.456");
    expect(await fresh.store.digestSchedules.delivery(week)).toMatchObject({
      status: "posted",
      messageTs: "123.456",
    });
    expect(
      await fresh.store.digestSchedules.acquire(week, "manual", "m", NOW + 3000, NOW + 9000),
    ).toBeUndefined();
  });

  it("moves a digest schedule on once, whichever replica does it first", async () => {
    const schedule = { teamId: "T1", channelId: "C1", weekday: 1 as const, minute: 540, tz: "UTC" };
    await fresh.store.digestSchedules.set({ ...schedule, language: "fr", nextSlotAt: null }, "U1", NOW);
    await fresh.store.digestSchedules.set(
      { ...schedule, channelId: "C2", language: "en", nextSlotAt: NOW + DAY },
      "U1",
      NOW,
    );
    expect((await fresh.store.digestSchedules.due(NOW)).map((s) => s.channelId)).toEqual(["C1"]);
    expect((await fresh.store.digestSchedules.due(NOW + DAY)).map((s) => s.channelId)).toEqual(["C1", "C2"]);
    const other = await fresh.db.open();
    const moved = await Promise.all([
      fresh.store.digestSchedules.advance("T1", "C1", null, NOW + 7 * DAY),
      other.digestSchedules.advance("T1", "C1", null, NOW + 7 * DAY),
    ]);
    expect(moved.filter(Boolean)).toHaveLength(1);
    expect(await fresh.store.digestSchedules.disable("T1", "C2", "U2", NOW)).toBe(true);
    expect(await fresh.store.digestSchedules.disable("T1", "C2", "U2", NOW)).toBe(false);
    await fresh.store.checks.record(check({ teamId: "T2", channelId: "C1" }));
    expect(await fresh.store.digestSchedules.teamsOfChannel("C1")).toEqual(["T1", "T2"]);
  });

  it("gives a channel's digest numbers from its own workspace only", async () => {
    const week = (i: number) => ({ start: NOW - (2 - i) * 7 * DAY, end: NOW - (1 - i) * 7 * DAY });
    await fresh.store.checks.record(check({ at: NOW - 3 * DAY, score: 40, userId: "U1" }));
    await fresh.store.checks.record(check({ at: NOW - 2 * DAY, score: 61, userId: "U2", language: "fr" }));
    await fresh.store.checks.record(check({ at: NOW - 9 * DAY, score: 50 }));
    await fresh.store.checks.record(check({ teamId: "T2", at: NOW - 3 * DAY, score: 99 }));
    await fresh.store.mentoring.recordRequest("T1", "C1", "1.1", "U1", NOW - 4 * DAY);
    const request = await fresh.store.mentoring.request("T1", "C1", "1.1");
    await fresh.store.mentoring.recordReply("T1", request!.id, "U9", "1.2", NOW - 3 * DAY);
    await fresh.store.users.update("T1", "U9", { showInDigest: true });
    const activity = await fresh.store.digest.channelActivity("T1", "C1", [week(0), week(1)]);
    expect(activity).toEqual({
      trend: [
        { checks: 1, averageScore: 50 },
        { checks: 2, averageScore: 51 },
      ],
      current: {
        checks: 2,
        people: 2,
        averageScore: 51,
        feedbackRequests: 1,
        mentoringReplies: 1,
        helpful: 0,
      },
      previous: {
        checks: 1,
        people: 1,
        averageScore: 50,
        feedbackRequests: 0,
        mentoringReplies: 0,
        helpful: 0,
      },
      findings: [
        { rule: "bragging", count: 2 },
        { rule: "hashtags", count: 2 },
      ],
      namedMentors: ["U9"],
      mentors: 1,
      languages: { en: 2, fr: 1 },
    });
  });
});
