import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { blockActionPayload } from "../helpers/slack-requests.js";

type Block = { type: string; elements?: { action_id?: string; value?: string }[] };
const DRAFT =
  "Three things we learned shipping our first release: small PRs, early demos, and a checklist. What helped you?";

describe("mentoring: feedback requests, replies and helpful marks", () => {
  let h: Harness;
  let requestTs: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.command(DRAFT, "m0");
    const reply = await h.fake.waitForResponse("m0");
    const value = (reply.body.blocks as Block[]).find((b) => b.type === "actions")!.elements![0]!.value!;
    await h.interact(
      blockActionPayload("postcheck_ask_teammate", value, { responseUrl: h.fake.responseUrl("m1") }),
    );
    const post = await h.fake.waitForCall("chat.postMessage");
    await h.fake.waitForResponse("m1");
    requestTs = (
      await h.fake.waitFor(
        () =>
          h.store.db.prepare("SELECT message_ts FROM feedback_requests").get() as
            | { message_ts: string }
            | undefined,
      )
    ).message_ts;
    expect(post.params.channel).toBe("C1");
  });
  afterAll(async () => {
    await h.stop();
  });

  const reply = (user: string, text: string, ts: string) =>
    h.event({
      type: "message",
      channel: "C1",
      channel_type: "channel",
      user,
      text,
      ts,
      thread_ts: requestTs,
      event_ts: ts,
    });
  const events = () =>
    h.store.db.prepare("SELECT mentor_id, helpful FROM mentoring_events ORDER BY id").all() as {
      mentor_id: string;
      helpful: number;
    }[];
  const settle = () => new Promise((r) => setTimeout(r, 150));

  it("welcomes the first check with a milestone and learns the user's time zone", async () => {
    expect(JSON.stringify((await h.fake.waitForResponse("m0")).body.blocks)).toContain(
      "Your first draft checked",
    );
    await h.fake.waitForCall("users.info");
    await h.fake.waitFor(
      () =>
        (
          h.store.db.prepare("SELECT tz FROM user_settings WHERE user_id = 'U1'").get() as
            | { tz: string }
            | undefined
        )?.tz,
    );
  });

  it("a teammate's substantial reply is a mentoring event, with a first-mentoring milestone", async () => {
    await reply(
      "U2",
      "The opening line talks about you; lead with the checklist, readers want that part.",
      "1700001000.000100",
    );
    await h.fake.waitForCall("chat.postEphemeral");
    expect(events()).toEqual([{ mentor_id: "U2", helpful: 0 }]);
    expect(String(h.fake.callsTo("chat.postEphemeral")[0]!.params.text)).toMatch(/first mentoring reply/);
  });

  it("counts one event per mentor per request, and ignores the author, emoji and bots", async () => {
    await reply("U2", "Also, the question at the end is a nice touch for readers.", "1700001001.000100");
    await reply("U1", "Thanks all, this is really helpful feedback for me!", "1700001002.000100");
    await reply("U3", ":+1: 👍", "1700001003.000100");
    await h.event({
      type: "message",
      channel: "C1",
      channel_type: "channel",
      bot_id: "B9",
      subtype: "bot_message",
      text: "I am a bot with plenty of words here",
      ts: "1700001004.000100",
      thread_ts: requestTs,
    });
    await settle();
    expect(events()).toEqual([{ mentor_id: "U2", helpful: 0 }]);
  });

  it("the author's reaction marks the reply helpful; someone else's does not", async () => {
    const react = (user: string) =>
      h.event({
        type: "reaction_added",
        user,
        reaction: "pray",
        item_user: "U2",
        item: { type: "message", channel: "C1", ts: "1700001000.000100" },
        event_ts: "1700001010.000100",
      });
    await react("U3");
    await settle();
    expect(events()[0]!.helpful).toBe(0);
    await react("U1");
    await h.fake.waitFor(() => events()[0]!.helpful === 1 || undefined);
  });
});
