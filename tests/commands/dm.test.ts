import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, FakeOpenAI } from "../helpers/fake-openai.js";
import { type Harness, startHarness } from "../helpers/harness.js";

const dm = (text: string, ts: string, extra: Record<string, unknown> = {}) => ({
  type: "message",
  channel: "D42",
  channel_type: "im",
  user: "U1",
  text,
  ts,
  event_ts: ts,
  ...extra,
});

describe("a DM conversation with the coach", () => {
  const llm = new FakeOpenAI();
  let h: Harness;
  beforeAll(async () => {
    await llm.start();
    h = await startHarness({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.baseUrl, LLM_TIMEOUT_MS: "1500" });
  });
  afterAll(async () => {
    await h.stop();
    await llm.stop();
  });
  /** Sends DMs (text, ts) one after the other, each once the previous one is answered: the replies. */
  const repliesTo = async (...messages: [string, string][]) => {
    const before = h.fake.callsTo("chat.postMessage").length;
    for (const [i, [text, ts]] of messages.entries()) {
      await h.event(dm(text, ts));
      await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[before + i]);
    }
    return h.fake.callsTo("chat.postMessage").slice(before);
  };

  it("coaches a draft sent in a DM, then updates the reply with the AI coach's questions", async () => {
    llm.reply(() => ({ content: answer(["Who needs this news most?", "What nearly went wrong?"]) }));
    await h.event(dm("Thrilled to announce we closed our Series A! <!here>", "1700000100.000100"));
    const post = await h.fake.waitForCall("chat.postMessage");
    expect(post.params.channel).toBe("D42");
    // Answered in the thread of the draft, so that a revision sent there is compared with it.
    expect(post.params.thread_ts).toBe("1700000100.000100");
    expect(JSON.stringify(post.params.blocks)).toContain("Questions to ask yourself");
    expect(JSON.stringify(post.params.blocks)).not.toContain("<!here>");
    const update = await h.fake.waitForCall("chat.update");
    expect(JSON.stringify(update.params.blocks)).toContain("Who needs this news most?");
    expect(await h.store.checks.count("T1", "U1")).toBe(1);
  });

  it("greets and helps, and ignores its own and other bots' messages", async () => {
    const before = h.fake.callsTo("chat.postMessage").length;
    await h.event(dm("hello", "1700000200.000100"));
    await h.event(dm("I am the bot", "1700000201.000100", { user: "UBOT" }));
    await h.event(dm("bot text", "1700000202.000100", { bot_id: "B1", subtype: "bot_message" }));
    await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[before]);
    await new Promise((r) => setTimeout(r, 150));
    const posts = h.fake.callsTo("chat.postMessage").slice(before);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]!.params.text)).toMatch(/Send me a draft/);
  });

  it("points 'forget', 'export' and 'privacy' to their commands rather than coaching them", async () => {
    const [en, fr] = await repliesTo(["forget", "1700000250.000100"], ["oublier", "1700000251.000100"]);
    expect(String(en!.params.text)).toContain("/postcheck forget");
    expect(String(fr!.params.text)).toMatch(/efface tout/);
    expect(JSON.stringify([en, fr])).not.toMatch(/score|Score/);
  });

  it("greets and helps in French when asked in French", async () => {
    const [greeting, help] = await repliesTo(["bonjour", "1700000300.000100"], ["aide", "1700000301.000100"]);
    expect(String(greeting!.params.text)).toMatch(/Envoyez-moi un brouillon/);
    expect(String(help!.params.text)).toMatch(/vous pose des questions/);
  });
});
