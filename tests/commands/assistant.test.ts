import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, FakeOpenAI } from "../helpers/fake-openai.js";
import { type Harness, type Running, startHarness, startSocketHarness } from "../helpers/harness.js";

const CHANNEL = "D0ASSIST";

function threadStarted(threadTs: string) {
  return {
    type: "assistant_thread_started",
    assistant_thread: {
      user_id: "U1",
      context: { channel_id: "C1", team_id: "T1", enterprise_id: null },
      channel_id: CHANNEL,
      thread_ts: threadTs,
    },
    event_ts: threadTs,
  };
}

function userMessage(text: string, threadTs: string, ts: string) {
  return {
    type: "message",
    channel: CHANNEL,
    channel_type: "im",
    user: "U1",
    text,
    ts,
    thread_ts: threadTs,
    event_ts: ts,
  };
}

const BRAG = "I'm thrilled to announce I won the award! So proud. #blessed #winning";
const REVISED =
  "We won an award for our accessibility work. Here are three things you can reuse: test with a screen reader, caption every video, write alt text. What would you add?";

type Message = { thread_ts?: string; blocks?: unknown; text?: unknown; channel: string };

describe("the coach as a Slack AI app (Bolt's Assistant), over HTTP", () => {
  const llm = new FakeOpenAI();
  let h: Harness;
  beforeAll(async () => {
    await llm.start();
    h = await startHarness({ OPENAI_API_KEY: "k", OPENAI_BASE_URL: llm.baseUrl, LLM_TIMEOUT_MS: "3000" });
  });
  afterAll(async () => {
    await h.stop();
    await llm.stop();
  });

  const inThread = (threadTs: string) => h.fake.messages.filter((m) => m.thread_ts === threadTs) as Message[];

  it("greets a new thread and suggests prompts in English and French", async () => {
    await h.event(threadStarted("1700000001.000100"));
    const prompts = await h.fake.waitForCall("assistant.threads.setSuggestedPrompts");
    expect(prompts.params.thread_ts).toBe("1700000001.000100");
    const titles = JSON.stringify(prompts.params.prompts);
    expect(titles).toContain("Check my draft");
    expect(titles).toContain("Help me post about a launch without bragging");
    expect(titles).toContain("Vérifier mon brouillon");
    const greeting = await h.fake.waitFor(() => inThread("1700000001.000100")[0]);
    expect(String(greeting.text)).toMatch(/Paste a draft here/);
  });

  it("coaches a draft in the thread: status, title, a threaded reply with questions, the LLM's questions streamed", async () => {
    llm.reply(() => ({
      content: answer(["Who is this award really for?", "What nearly made you give up?"]),
    }));
    const thread = "1700000002.000100";
    await h.event(userMessage(BRAG, thread, "1700000002.000200"));
    const status = await h.fake.waitForCall("assistant.threads.setStatus");
    expect(status.params).toMatchObject({
      channel_id: CHANNEL,
      thread_ts: thread,
      status: "is reading your draft…",
    });
    const title = await h.fake.waitForCall("assistant.threads.setTitle");
    expect(String(title.params.title)).toMatch(/^I'm thrilled to announce I won the award/);
    const reply = await h.fake.waitFor(() => inThread(thread)[0]);
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toMatch(/Score \d+\/100/);
    expect(shown).toContain("Questions to ask yourself");
    expect(shown).toMatch(/\?"/);
    // The LLM's questions stream into the thread, each as soon as it is written.
    const stop = await h.fake.waitForCall("chat.stopStream", 5000);
    const streamed = [...h.fake.callsTo("chat.startStream"), ...h.fake.callsTo("chat.appendStream"), stop]
      .map((c) => JSON.stringify(c.params))
      .join("");
    expect(h.fake.callsTo("chat.startStream")[0]!.params.thread_ts).toBe(thread);
    expect(streamed).toContain("Who is this award really for?");
    expect(streamed).toContain("What nearly made you give up?");
    expect(h.fake.callsTo("chat.appendStream").length + 1).toBeGreaterThanOrEqual(2);
    expect(await h.store.checks.count("T1", "U1")).toBe(1);
  });

  it("reads a second draft in the thread as a revision: the score change and the findings gone", async () => {
    const thread = "1700000002.000100";
    const before = inThread(thread).length;
    await h.event(userMessage(REVISED, thread, "1700000002.000300"));
    const revision = await h.fake.waitFor(() => inThread(thread)[before]);
    const shown = JSON.stringify(revision.blocks);
    expect(shown).toMatch(/Score \d+ → \*\d+\* \(\+\d+\)/);
    expect(shown).toContain("No longer there");
    expect(shown).toContain(":white_check_mark: Self-congratulation");
    // The thread keeps its first title.
    expect(h.fake.callsTo("assistant.threads.setTitle")).toHaveLength(1);
  });

  it("shows no change of score after a first version too short to judge, and records no growth", async () => {
    const thread = "1700000004.000100";
    await h.event(userMessage("Hello team", thread, "1700000004.000200"));
    await h.fake.waitFor(() => inThread(thread)[0]);
    await h.event(userMessage(REVISED, thread, "1700000004.000300"));
    const revision = await h.fake.waitFor(() => inThread(thread)[1]);
    const shown = JSON.stringify(revision.blocks);
    expect(shown).toMatch(/\*Score \d+\/100\*/);
    expect(shown).not.toContain("→");
    expect(shown).not.toContain("No longer there");
    const rows = h.store.db.prepare("SELECT growth, score_delta FROM checks ORDER BY id DESC LIMIT 1").get();
    expect(rows).toEqual({ growth: 0, score_delta: null });
  });

  it("answers the suggested prompts with words, not as drafts", async () => {
    const thread = "1700000003.000100";
    await h.event(userMessage("Help me post about a launch without bragging", thread, "1700000003.000200"));
    const reply = await h.fake.waitFor(() => inThread(thread)[0]);
    expect(String(reply.text)).toMatch(/Who will use it/);
    await h.event(userMessage("Vérifier mon brouillon", thread, "1700000003.000300"));
    const fr = await h.fake.waitFor(() => inThread(thread)[1]);
    expect(String(fr.text)).toMatch(/Collez votre brouillon/);
  });

  it("falls back to updating the reply in place when Slack can't stream", async () => {
    h.fake.on("chat.startStream", () => ({ ok: false, error: "not_allowed_token_type" }));
    llm.reply(() => ({ content: answer(["Which reader did you picture?", "What did it cost you?"]) }));
    const thread = "1700000004.000100";
    await h.event(
      userMessage(
        "We shipped the new onboarding flow last week after a hard month.",
        thread,
        "1700000004.000200",
      ),
    );
    const update = await h.fake.waitFor(() =>
      h.fake
        .callsTo("chat.update")
        .find((c) => JSON.stringify(c.params.blocks).includes("Which reader did you picture?")),
    );
    expect(update.params.channel).toBe(CHANNEL);
  });
});

describe("the assistant thread in Socket Mode", () => {
  let h: Running;
  beforeAll(async () => {
    h = await startSocketHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("acknowledges the envelopes, greets, and coaches in the thread", async () => {
    const envelope = (id: string, event: Record<string, unknown>) => ({
      envelope_id: id,
      type: "events_api",
      accepts_response_payload: false,
      payload: {
        team_id: "T1",
        api_app_id: "A1",
        type: "event_callback",
        event_id: `Ev${id}`,
        event_time: 1,
        event,
      },
    });
    h.fake.socketSend(envelope("as-1", threadStarted("1700000010.000100")));
    await h.fake.waitForCall("assistant.threads.setSuggestedPrompts");
    h.fake.socketSend(envelope("as-2", userMessage(BRAG, "1700000010.000100", "1700000010.000200")));
    await h.fake.waitFor(() => h.fake.socketAcks.find((a) => a.envelope_id === "as-2"));
    const reply = await h.fake.waitFor(() =>
      h.fake.messages.find(
        (m) => m.thread_ts === "1700000010.000100" && JSON.stringify(m.blocks ?? "").includes("Score"),
      ),
    );
    expect(JSON.stringify(reply.blocks)).toContain("Questions to ask yourself");
  });
});
