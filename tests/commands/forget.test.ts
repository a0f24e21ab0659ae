import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseBytes } from "../helpers/databases.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { blockActionPayload } from "../helpers/slack-requests.js";

const USER = "UFORGETME7";
const KEPT = "UKEEPME42";
const WORD = "Quokkazanzibar";
const DRAFT = `I'm thrilled to announce that ${WORD} shipped today. Here is what three years of work taught our team.`;

describe("/postcheck forget", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("leaves neither the user id nor a word of their drafts anywhere in the database files", async () => {
    // Everything a user can leave: opted-in draft text, checks from every surface, a feedback
    // request, a mentoring reply, a time zone, a channel setting, the settings themselves.
    await h.store.users.update("T1", USER, { storeDrafts: true, showInDigest: true });
    await h.command(DRAFT, "f1", { user_id: USER });
    const reply = await h.fake.waitForResponse("f1");
    await h.event({ type: "message", channel: "DF", channel_type: "im", user: USER, text: DRAFT, ts: "8.1" });
    await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[0]);
    const value = (reply.body.blocks as { type: string; elements?: { value?: string }[] }[]).find(
      (b) => b.type === "actions",
    )!.elements![0]!.value!;
    await h.interact(
      blockActionPayload("postcheck_ask_teammate", value, {
        responseUrl: h.fake.responseUrl("f2"),
        user: USER,
      }),
    );
    await h.fake.waitForResponse("f2");
    await h.store.mentoring.recordRequest("T1", "C1", "9.1", KEPT, Date.now());
    await h.event({
      type: "message",
      channel: "C1",
      channel_type: "channel",
      user: USER,
      text: `Great draft, ${WORD} is a story worth telling, add the numbers!`,
      ts: "9.2",
      thread_ts: "9.1",
    });
    await h.command("channel feedback on", "f3", { user_id: USER });
    await h.fake.waitForResponse("f3");
    await h.command(`A draft of someone who stays. ${DRAFT.replace(WORD, "Platypus")}`, "k1", {
      user_id: KEPT,
    });
    await h.fake.waitForResponse("k1");
    await expect.poll(() => h.store.checks.count("T1", USER)).toBe(2);
    await expect.poll(() => h.store.mentoring.activity("T1", USER).then((a) => a.length)).toBe(1);
    expect(databaseBytes(h.databasePath).includes(USER)).toBe(true);

    await h.command("forget", "f4", { user_id: USER });
    await h.fake.waitForResponse("f4");
    await h.interact({
      ...blockActionPayload("privacy_forget_confirmed", "forget", { responseUrl: h.fake.responseUrl("f5") }),
      user: { id: USER, team_id: "T1" },
    });
    expect(String((await h.fake.waitForResponse("f5")).body.text)).toMatch(/deleted/);

    const bytes = databaseBytes(h.databasePath);
    expect(bytes.includes(USER), "the user id").toBe(false);
    expect(bytes.includes(WORD), "a word of the draft").toBe(false);
    // The search itself works: the user who stays is still there, and so is the channel setting.
    expect(bytes.includes(KEPT)).toBe(true);
    expect(await h.store.checks.count("T1", KEPT)).toBe(1);
    expect(await h.store.settings.channel("T1", "C1")).toEqual({ publicFeedback: true });
  });
});
