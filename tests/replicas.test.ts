import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "./helpers/bot-process.js";
import { databaseEnv, freshDatabase, type TestDatabase } from "./helpers/databases.js";
import { keepChannelHistory } from "./helpers/digest.js";
import { FakeSlack } from "./helpers/fake-slack.js";
import {
  eventCallbackBody,
  FORM,
  JSON_TYPE,
  postSigned,
  SIGNING_SECRET,
  slashCommandBody,
} from "./helpers/slack-requests.js";

const DRAFT = "I'm thrilled to announce we shipped the new onboarding flow! Here is what we learned.";
const MINUTE = 60_000;

/**
 * Two replicas of the bot, as `npm start` runs them, behind no load balancer but the test itself
 * (it sends each request to one or the other, and Slack's retries to both), on one PostgreSQL.
 */
describe("two replicas on one PostgreSQL", { timeout: 90_000 }, () => {
  const fake = new FakeSlack();
  let db: TestDatabase;
  const bots: BotProcess[] = [];
  beforeAll(async () => {
    await fake.start();
    keepChannelHistory(fake);
  });
  beforeEach(async () => {
    db = await freshDatabase("postgres");
  });
  afterEach(async () => {
    for (const b of bots.splice(0)) if (b.alive()) b.child.kill("SIGKILL");
    fake.holdResponses = false;
    await db.drop();
  });
  afterAll(async () => {
    await fake.stop();
  });

  const replica = async () => {
    const b = await startBot({
      SLACK_BOT_TOKEN: "xoxb-replicas",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      ...databaseEnv(db),
      LOG_LEVEL: "info",
    });
    bots.push(b);
    return b;
  };
  const events = (b: BotProcess) => `http://127.0.0.1:${b.port}/slack/events`;

  it("a storm of retried events and digest ticks: one reply per event, one digest per channel-week", async () => {
    // Five channels whose digest was due a minute ago, as `/postcheck digest on` would have set it.
    const store = await db.open();
    const slot = Math.floor((Date.now() - MINUTE) / MINUTE) * MINUTE;
    const at = new Date(slot);
    for (let c = 1; c <= 5; c++)
      await store.digestSchedules.set(
        {
          teamId: "T1",
          channelId: `C${c}`,
          weekday: (((at.getUTCDay() + 6) % 7) + 1) as 1,
          minute: at.getUTCHours() * 60 + at.getUTCMinutes(),
          tz: "UTC",
          language: "en",
          nextSlotAt: slot,
        },
        "U1",
        slot - 7 * 24 * 60 * MINUTE,
      );
    const [a, b] = [await replica(), await replica()];
    // Each DM event delivered to both replicas, then retried on both, all at once.
    const n = 20;
    await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const body = eventCallbackBody(
          {
            type: "message",
            channel: `DSTORM${i}`,
            channel_type: "im",
            user: "U9",
            text: `${DRAFT} (${i})`,
            ts: `1700001000.${i}`,
          },
          `EvStorm${i}`,
        );
        return Promise.all(
          [a, b, a, b].map((r, k) => postSigned(events(r), body, JSON_TYPE, k < 2 ? {} : { retryNum: 1 })),
        );
      }),
    );
    const replies = () =>
      fake.callsTo("chat.postMessage").filter((c) => String(c.params.channel).startsWith("DSTORM"));
    await fake.waitFor(() => (replies().length >= n ? true : undefined), 30_000);
    // Both replicas ticked at start, together: one digest per channel. Late replies would show here.
    await new Promise((r) => setTimeout(r, 1500));
    const byChannel = new Map<string, number>();
    for (const c of replies())
      byChannel.set(String(c.params.channel), (byChannel.get(String(c.params.channel)) ?? 0) + 1);
    expect([...byChannel.values()]).toEqual(Array(n).fill(1));
    const digests = fake.callsTo("chat.postMessage").filter((c) => /^C\d$/.test(String(c.params.channel)));
    expect(digests.map((c) => c.params.channel).sort()).toEqual(["C1", "C2", "C3", "C4", "C5"]);
    const rows = await db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM digest_deliveries WHERE status = 'posted'",
    );
    expect(Number(rows[0]?.n)).toBe(5);
  });

  it("kill -9 of one replica loses no acknowledged command: the other answers them", async () => {
    const [a, b] = [await replica(), await replica()];
    fake.holdResponses = true;
    const acked: string[] = [];
    for (let i = 0; i < 12; i++) {
      const target = i % 3 === 0 ? b : a;
      const id = `rep-${i}`;
      const res = await postSigned(
        events(target),
        slashCommandBody(`${DRAFT} (${i})`, fake.responseUrl(id)),
        FORM,
      );
      if (res.status === 200) acked.push(id);
    }
    expect(acked).toHaveLength(12);
    await new Promise((r) => setTimeout(r, 300));
    a.child.kill("SIGKILL");
    await new Promise((r) => a.child.once("exit", r));
    fake.holdResponses = false;
    // A's replies wait for their lease to run out (5 s), then B's sweep claims and answers them.
    await fake.waitFor(
      () => (acked.every((id) => fake.responses.some((r) => r.id === id)) ? true : undefined),
      40_000,
    );
    expect(b.output()).toMatch(/answering a slash reply owed since/);
    expect(b.alive()).toBe(true);
  });
});
