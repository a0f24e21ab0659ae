import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Harness,
  type Running as SocketHarness,
  startHarness,
  startSocketHarness,
} from "./helpers/harness.js";
import { PageServer } from "./helpers/page-server.js";
import {
  blockActionPayload,
  FORM,
  JSON_TYPE,
  postSigned,
  slashCommandFields,
} from "./helpers/slack-requests.js";

/** A word no log line may ever contain: it is only in drafts. */
const SECRET_WORD = "Zanzibarquokka";
const DRAFT = `I'm thrilled to announce that ${SECRET_WORD} shipped! Here is what we learned along the way.`;

describe("logs over HTTP at LOG_LEVEL=debug", () => {
  let h: Harness;
  const pages = new PageServer();
  beforeAll(async () => {
    await pages.start();
    h = await startHarness({ LOG_LEVEL: "debug", LINK_FETCH_ALLOWLIST: "localhost" });
  });
  afterAll(async () => {
    await h.stop();
    await pages.stop();
  });

  it("show debug lines, and never a draft or a token, whatever the surface", async () => {
    await h.store.users.update("T1", "U1", { storeDrafts: true });
    await h.command(DRAFT, "c1");
    const reply = await h.fake.waitForResponse("c1");
    const value = (reply.body.blocks as { type: string; elements?: { value?: string }[] }[]).find(
      (b) => b.type === "actions",
    )!.elements![0]!.value!;
    await h.event({ type: "message", channel: "D1", channel_type: "im", user: "U1", text: DRAFT, ts: "1.1" });
    await h.fake.waitFor(() => h.fake.callsTo("chat.postMessage")[0]);
    await h.interact({
      type: "message_action",
      callback_id: "check_post",
      trigger_id: "1.2",
      team: { id: "T1" },
      user: { id: "U1", team_id: "T1" },
      channel: { id: "C1" },
      message: { type: "message", user: "U2", ts: "2.2", text: DRAFT },
      response_url: h.fake.responseUrl("s1"),
    });
    await h.fake.waitForResponse("s1");
    await h.event({
      type: "message",
      channel: "C1",
      channel_type: "channel",
      user: "U1",
      text: `${DRAFT} <http://localhost:${pages.port}/article>`,
      ts: "3.3",
    });
    await h.fake.waitFor(() => h.fake.callsTo("chat.postEphemeral")[0]);
    await h.interact(
      blockActionPayload("postcheck_revise", value, { responseUrl: h.fake.responseUrl("r1") }),
    );
    await h.fake.waitFor(() => h.fake.callsTo("views.open")[0]);
    await h.command("export", "e1");
    await h.fake.waitFor(() => h.fake.callsTo("files.completeUploadExternal")[0]);

    const logs = h.logs.join("");
    expect(logs).toMatch(/DEBUG postcoach apiCall\('chat\.postMessage'\) start/);
    expect(logs).toMatch(/DEBUG postcoach http request body: \[payload not logged\]/);
    expect(logs).not.toContain(SECRET_WORD);
    expect(logs).not.toContain("xoxb-test-token");
    expect(logs).not.toContain("test-token");
  });

  it("say a signed body is malformed without quoting it (V8's JSON error quotes its start)", async () => {
    const before = h.logs.length;
    const bodies: [string, string][] = [
      [`payload=${encodeURIComponent(DRAFT)}`, FORM],
      [DRAFT, JSON_TYPE],
    ];
    for (const [body, type] of bodies) expect((await postSigned(h.url, body, type)).status).toBe(400);
    const logged = h.logs.slice(before);
    expect(logged.filter((l) => /Malformed request body/.test(l))).toHaveLength(bodies.length);
    // V8 quotes the first ten characters: "I'm thrill"...
    expect(logged.join("")).not.toContain(DRAFT.slice(0, 8));
  });
});

describe("LOG_LEVEL=error in HTTP mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ LOG_LEVEL: "error" });
  });
  afterAll(async () => {
    await h.stop();
  });

  it("prints nothing below error, Bolt's own lines included", async () => {
    await h.command(DRAFT, "q1");
    await h.fake.waitForResponse("q1");
    await fetch(h.url.replace("/slack/events", "/nowhere"));
    await fetch(h.url, { method: "POST", body: "{}" });
    expect(h.logs.filter((l) => !/ ERROR /.test(l))).toEqual([]);
  });
});

describe("logs in Socket Mode at LOG_LEVEL=debug", () => {
  let h: SocketHarness;
  beforeAll(async () => {
    h = await startSocketHarness({
      SLACK_BOT_TOKEN: "xoxb-socket-token",
      SLACK_APP_TOKEN: "xapp-socket-token",
      LOG_LEVEL: "debug",
    });
  });
  afterAll(async () => {
    await h.stop();
  });

  it("never log an envelope's draft or a token", async () => {
    const { fake } = h;
    fake.socketSend({
      envelope_id: "env-log",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommandFields(DRAFT, fake.responseUrl("sock-log")),
    });
    await fake.waitForResponse("sock-log");
    fake.socketSend({
      envelope_id: "env-dm",
      type: "events_api",
      accepts_response_payload: false,
      payload: {
        team_id: "T1",
        type: "event_callback",
        event_id: "EvLOG",
        event: { type: "message", channel: "D1", channel_type: "im", user: "U1", text: DRAFT, ts: "5.5" },
      },
    });
    await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    const all = h.logs.join("");
    expect(all).toMatch(/DEBUG postcoach Received a message on the WebSocket: \[payload not logged\]/);
    expect(all).not.toContain(SECRET_WORD);
    expect(all).not.toContain("socket-token");
  });
});
