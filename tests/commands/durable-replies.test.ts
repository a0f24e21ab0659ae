import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "../helpers/bot-process.js";
import { databaseEnv, describeEachBackend, freshDatabase, type TestDatabase } from "../helpers/databases.js";
import { FakeSlack } from "../helpers/fake-slack.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  blockActionPayload,
  eventCallbackBody,
  FORM,
  JSON_TYPE,
  postSigned,
  SIGNING_SECRET,
  slashCommandBody,
} from "../helpers/slack-requests.js";

const DRAFT = "I'm thrilled to announce we shipped the new onboarding flow! Here is what we learned.";

/** The bot as `npm start` runs it, on a database of the test's (SQLite or PostgreSQL), talking to the fake Slack. */
function bot(fake: FakeSlack, database: TestDatabase): Promise<BotProcess> {
  return startBot({
    SLACK_BOT_TOKEN: "xoxb-durable",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ...databaseEnv(database),
    LOG_LEVEL: "info",
  });
}

const events = (b: BotProcess) => `http://127.0.0.1:${b.port}/slack/events`;

describeEachBackend("replies outlive the process that acknowledged them", (backend) => {
  const fake = new FakeSlack();
  const running: BotProcess[] = [];
  let db: TestDatabase;
  beforeAll(async () => {
    await fake.start();
  });
  beforeEach(async () => {
    db = await freshDatabase(backend);
  });
  afterEach(async () => {
    for (const b of running.splice(0)) if (b.alive()) b.child.kill("SIGKILL");
    fake.holdResponses = false;
    fake.responseDelayMs = 0;
    await db.drop();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it("kill -9 with replies in flight: a new process on the same database answers every acknowledged one", async () => {
    const first = await bot(fake, db);
    running.push(first);
    // Slack takes the requests and never answers: the replies are in flight when the process dies.
    fake.holdResponses = true;
    for (let i = 0; i < 5; i++) {
      const res = await postSigned(
        events(first),
        slashCommandBody(`${DRAFT} (${i})`, fake.responseUrl(`crash-${i}`)),
        FORM,
      );
      expect(res.status).toBe(200);
    }
    // A DM, acknowledged by Bolt, whose reply Slack can't take for now.
    fake.on("chat.postMessage", () => ({ ok: false, error: "service_unavailable" }));
    await postSigned(
      events(first),
      eventCallbackBody({
        type: "message",
        channel: "DCRASH",
        channel_type: "im",
        user: "U9",
        text: DRAFT,
        ts: "1700000900.000100",
      }),
      JSON_TYPE,
    );
    await new Promise((r) => setTimeout(r, 300));
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    expect(fake.responses).toEqual([]);

    fake.holdResponses = false;
    fake.on("chat.postMessage", (params) => ({ ok: true, channel: params.channel, ts: "1700000901.000100" }));
    const second = await bot(fake, db);
    running.push(second);
    await fake.waitFor(
      () => fake.responses.filter((r) => r.id.startsWith("crash-")).length >= 5 || undefined,
      20_000,
    );
    const answered = new Set(fake.responses.map((r) => r.id));
    for (let i = 0; i < 5; i++) expect(answered.has(`crash-${i}`)).toBe(true);
    for (const r of fake.responses)
      expect(JSON.stringify(r.body.blocks)).toContain("Questions to ask yourself");
    const dm = await fake.waitFor(
      () => fake.callsTo("chat.postMessage").find((c) => c.params.channel === "DCRASH" && c.params.blocks),
      20_000,
    );
    expect(dm.params.thread_ts).toBe("1700000900.000100");
    expect(second.output()).toMatch(/answering a slash reply owed since/);
  }, 60_000);

  it("SIGTERM: the replies in progress are delivered before the process exits", async () => {
    const b = await bot(fake, db);
    running.push(b);
    fake.responseDelayMs = 1500;
    for (let i = 0; i < 3; i++)
      expect(
        (await postSigned(events(b), slashCommandBody(DRAFT, fake.responseUrl(`drain-${i}`)), FORM)).status,
      ).toBe(200);
    const started = Date.now();
    const code = await b.stop();
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(
      fake.responses
        .filter((r) => r.id.startsWith("drain-"))
        .map((r) => r.id)
        .sort(),
    ).toEqual(["drain-0", "drain-1", "drain-2"]);
    expect(b.output()).toMatch(/SIGTERM: shutting down/);
  }, 30_000);
});

describe("a reply Slack refuses for a moment", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, { replies: { leaseMs: 400, sweepMs: 100 } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it("is retried until it goes through, and then forgotten", async () => {
    let refusals = 0;
    h.fake.responseStatus = (id) => (id === "flaky" && refusals++ < 1 ? 503 : 200);
    await h.command(DRAFT, "flaky");
    const reply = await h.fake.waitForResponse("flaky", 8000);
    expect(JSON.stringify(reply.body.blocks)).toContain("Questions to ask yourself");
    expect(refusals).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => h.store.db.prepare("SELECT COUNT(*) AS n FROM reply_outbox").get(), { timeout: 3000 })
      .toEqual({ n: 0 });
  });

  it("is dropped, with one line, when Slack says the response_url is gone", async () => {
    h.fake.responseStatus = (id) => (id === "gone" ? 404 : 200);
    await h.command(DRAFT, "gone");
    await expect
      .poll(() => h.logs.some((l) => /not delivered, and never will be/.test(l)), { timeout: 3000 })
      .toBe(true);
    await expect
      .poll(() => h.store.db.prepare("SELECT COUNT(*) AS n FROM reply_outbox").get(), { timeout: 3000 })
      .toEqual({ n: 0 });
  });
});

describeEachBackend("a long draft's buttons", (backend) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await freshDatabase(backend);
  });
  afterEach(async () => {
    await db.drop();
  });

  it("still work after a restart, for their owner only, and the draft is kept an hour at most", async () => {
    const long = `${DRAFT} ${"We rehearsed the rollback every month, and it paid off. ".repeat(45)}`;
    const first = await startHarness(databaseEnv(db));
    await first.command(long, "long", { user_id: "UA" });
    const reply = await first.fake.waitForResponse("long");
    const actions = (reply.body.blocks as { type: string; elements?: { value?: string }[] }[]).find(
      (b) => b.type === "actions",
    )!;
    const value = actions.elements![0]!.value!;
    expect(JSON.parse(value)).toHaveProperty("k");
    const [row] = await db.query<{ user_id: string; expires_at: number }>(
      "SELECT user_id, expires_at FROM button_drafts",
    );
    expect(row?.user_id).toBe("UA");
    expect(Number(row?.expires_at) - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);
    await first.stop();

    const second = await startHarness(databaseEnv(db));
    try {
      await second.interact(
        blockActionPayload("postcheck_revise", value, {
          responseUrl: second.fake.responseUrl("b"),
          user: "UB",
        }),
      );
      expect(String((await second.fake.waitForResponse("b")).body.text)).toMatch(/no longer in my memory/);
      await second.interact(
        blockActionPayload("postcheck_revise", value, {
          responseUrl: second.fake.responseUrl("a"),
          user: "UA",
        }),
      );
      const open = await second.fake.waitForCall("views.open");
      expect(JSON.stringify(open.params.view)).toContain("We rehearsed the rollback");
      // An hour later the draft is deleted, not just hidden.
      await second.store.buttonDrafts.purgeExpired(Date.now() + 60 * 60 * 1000 + 1);
      expect(await db.query("SELECT id FROM button_drafts")).toEqual([]);
    } finally {
      await second.stop();
    }
  });
});
