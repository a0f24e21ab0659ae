import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { PageServer } from "../helpers/page-server.js";

let seq = 0;
function message(text: string, extra: Record<string, unknown> = {}) {
  seq++;
  return {
    type: "message",
    channel: "C1",
    channel_type: "channel",
    user: "U1",
    text,
    ts: `1700000${String(seq).padStart(3, "0")}.000100`,
    event_ts: `1700000${String(seq).padStart(3, "0")}.000100`,
    team: "T1",
    ...extra,
  };
}

/** A link_shared event as Slack sends it for a posted message (or a message being composed). */
function linkShared(url: string, messageTs: string, extra: Record<string, unknown> = {}) {
  return {
    type: "link_shared",
    channel: "C1",
    user: "U1",
    message_ts: messageTs,
    links: [{ domain: "localhost", url }],
    source: "conversations_history",
    is_bot_user_member: true,
    unfurl_id: `U${messageTs}`,
    event_ts: messageTs,
    ...extra,
  };
}

describe("link shares answered in the thread", () => {
  let h: Harness;
  const pages = new PageServer();
  let article: string;
  beforeAll(async () => {
    await pages.start();
    article = `http://localhost:${pages.port}/article`;
    h = await startHarness({ LINK_FETCH_ALLOWLIST: "localhost" });
  });
  afterAll(async () => {
    await h.stop();
    await pages.stop();
  });
  afterEach(() => {
    h.fake.calls.length = 0;
  });

  const quiet = () => new Promise((r) => setTimeout(r, 150));

  it("coaches the page with the message, privately, in the message's thread", async () => {
    const m = message(`Wrote this up after our outage <${article}|our postmortem>`);
    const res = await h.event(m);
    expect(res.status).toBe(200);
    const call = await h.fake.waitForCall("chat.postEphemeral");
    expect(call.params).toMatchObject({ channel: "C1", user: "U1", thread_ts: m.ts });
    const text = JSON.stringify(call.params.blocks);
    expect(text).toContain("Read with your message: Three lessons from our first outage");
    expect(text).toMatch(/Score \d+\/100/);
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("answers a thread reply in that thread", async () => {
    const m = message(`see <${article}>`, { thread_ts: "1699999999.000100" });
    await h.event(m);
    const call = await h.fake.waitForCall("chat.postEphemeral");
    expect(call.params.thread_ts).toBe("1699999999.000100");
  });

  it("replies in public in channels that opted in", async () => {
    await h.store.settings.setChannelFeedback("T1", "CPEER", true, "U1");
    await h.event(message(`<${article}>`, { channel: "CPEER" }));
    const call = await h.fake.waitForCall("chat.postMessage");
    expect(call.params.channel).toBe("CPEER");
    expect(call.params.thread_ts).toBeDefined();
    expect(h.fake.callsTo("chat.postEphemeral")).toEqual([]);
  });

  it("a retried event (same event_id) never produces a second reply", async () => {
    const m = message(`<${article}>`);
    await h.event(m, "EvRETRY1");
    await h.fake.waitForCall("chat.postEphemeral");
    const retry = await h.event(m, "EvRETRY1", { retryNum: 1 });
    expect(retry.status).toBe(200);
    await quiet();
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(1);
  });

  it("answers once when both message and link_shared arrive for one message", async () => {
    const m = message(`<${article}>`);
    await h.event(m);
    await h.event(linkShared(article, m.ts));
    await h.fake.waitForCall("chat.postEphemeral");
    await quiet();
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(1);
  });

  it("coaches a link_shared event on its own, reading the message through the API", async () => {
    h.fake.on("conversations.history", () => ({
      ok: true,
      messages: [{ ts: "1700999999.000100", text: `I'm thrilled to announce this one <${article}>` }],
    }));
    await h.event(linkShared(article, "1700999999.000100"));
    const call = await h.fake.waitForCall("chat.postEphemeral");
    expect(call.params.thread_ts).toBe("1700999999.000100");
    expect(JSON.stringify(call.params.blocks)).toContain("Self-congratulation");
    expect(h.fake.callsTo("conversations.history")[0]!.params).toMatchObject({
      channel: "C1",
      latest: "1700999999.000100",
    });
  });

  it("reads a link shared inside a thread from the thread (conversations.replies)", async () => {
    h.fake.on("conversations.replies", (params) => ({
      ok: true,
      messages: [
        { ts: String(params.ts), text: "The thread's first message" },
        { ts: "1701000001.000200", thread_ts: String(params.ts), text: `So proud of my award <${article}>` },
      ],
    }));
    await h.event(linkShared(article, "1701000001.000200", { thread_ts: "1701000000.000100" }));
    const call = await h.fake.waitForCall("chat.postEphemeral");
    expect(call.params.thread_ts).toBe("1701000000.000100");
    expect(JSON.stringify(call.params.blocks)).toContain("Bragging");
    expect(h.fake.callsTo("conversations.replies")[0]!.params).toMatchObject({
      channel: "C1",
      ts: "1701000000.000100",
      latest: "1701000001.000200",
    });
    expect(h.fake.callsTo("conversations.history")).toEqual([]);
  });

  it("never coaches a link shared where postcoach is not a member (a DM between two people)", async () => {
    const hits = pages.hits.length;
    const checks = await h.store.checks.count("T1", "UDM");
    await h.event(
      linkShared(article, "1701000002.000100", {
        channel: "D0PEOPLE",
        user: "UDM",
        is_bot_user_member: false,
      }),
    );
    await h.event(
      linkShared(article, "1701000003.000100", { channel: "C9", user: "UDM", is_bot_user_member: undefined }),
    );
    await quiet();
    expect(pages.hits.length).toBe(hits);
    expect(h.fake.calls.map((c) => c.method)).toEqual([]);
    expect(await h.store.checks.count("T1", "UDM")).toBe(checks);
  });

  it("ignores composer previews, bots, itself, edits, deletions and messages without links", async () => {
    await h.event(linkShared(article, "abc", { channel: "COMPOSER", source: "composer" }));
    await h.event(message(`<${article}>`, { bot_id: "B2", subtype: "bot_message" }));
    await h.event(message(`<${article}>`, { user: "UBOT" }));
    await h.event(message("", { subtype: "message_changed", message: { text: `<${article}>`, user: "U1" } }));
    await h.event(message("", { subtype: "message_deleted" }));
    await h.event(message("No link in this one"));
    await quiet();
    expect(h.fake.callsTo("chat.postEphemeral")).toEqual([]);
    expect(h.fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("still coaches the message when the page cannot be read, and says so", async () => {
    await h.event(
      message(`I'm thrilled to announce my new role! <http://localhost:${pages.port}/missing>`, {
        channel: "CMISS",
      }),
    );
    const call = await h.fake.waitForCall("chat.postEphemeral");
    const text = JSON.stringify(call.params.blocks);
    expect(text).toContain("couldn't read");
    expect(text).toContain("Self-congratulation");
  });

  it("gives up a page too heavy to read without holding the bot: other commands are answered meanwhile", {
    timeout: 30_000,
  }, async () => {
    await h.event(
      message(`So proud of this! <http://localhost:${pages.port}/hostile>`, { channel: "CHOST" }),
    );
    await h.fake.waitFor(() => pages.hits.find((u) => u.startsWith("/hostile")));
    await h.command("What would you have done differently in our launch?", "while-heavy");
    const reply = await h.fake.waitForResponse("while-heavy");
    expect(JSON.stringify(reply.body.blocks)).toContain("Questions to ask yourself");
    // The command was answered while the page was still being read.
    expect(h.fake.callsTo("chat.postEphemeral").filter((c) => c.params.channel === "CHOST")).toEqual([]);
    const linkReply = await h.fake.waitFor(
      () => h.fake.callsTo("chat.postEphemeral").find((c) => c.params.channel === "CHOST"),
      20_000,
    );
    expect(JSON.stringify(linkReply.params.blocks)).toContain("couldn't read");
  });

  it("never fetches a private address that is not allowlisted", async () => {
    const before = pages.hits.length;
    await h.event(message(`look <http://127.0.0.1:${pages.port}/article>`, { channel: "CPRIV" }));
    const call = await h.fake.waitForCall("chat.postEphemeral");
    expect(JSON.stringify(call.params.blocks)).toContain("couldn't read");
    expect(pages.hits.length).toBe(before);
  });

  it("limits coaching replies per channel", async () => {
    for (let i = 0; i < 9; i++) await h.event(message(`<${article}>`, { channel: "CBUSY" }));
    await h.fake.waitFor(() => h.fake.callsTo("chat.postEphemeral").length >= 6 || undefined);
    await quiet();
    expect(h.fake.callsTo("chat.postEphemeral")).toHaveLength(6);
  });
});
