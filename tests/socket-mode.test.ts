import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running as SocketHarness, startSocketHarness } from "./helpers/harness.js";
import { slashCommandFields } from "./helpers/slack-requests.js";

describe("Socket Mode", () => {
  let h: SocketHarness;
  let fake: SocketHarness["fake"];
  let store: SocketHarness["store"];

  beforeAll(async () => {
    h = await startSocketHarness();
    expect(h.config.mode).toBe("socket");
    ({ fake, store } = h);
  });
  afterAll(async () => {
    await h.stop();
  });

  it("opens its connection through the configured Web API URL with the app token", () => {
    const open = fake.callsTo("apps.connections.open")[0]!;
    expect(String(open.headers.authorization)).toBe("Bearer xapp-socket");
  });

  it("acks a slash command envelope and replies through response_url", async () => {
    fake.socketSend({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommandFields("Thrilled to announce I got promoted!", fake.responseUrl("sock-1")),
    });
    await fake.waitFor(() => fake.socketAcks.find((a) => a.envelope_id === "env-1"));
    const reply = await fake.waitForResponse("sock-1");
    expect(reply.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply.body.blocks)).toContain("Self-congratulation");
  });

  it("acks an Events API envelope and dedupes its retry", async () => {
    const payload = {
      team_id: "T1",
      api_app_id: "A1",
      type: "event_callback",
      event_id: "EvSOCK1",
      event_time: 1,
      event: {
        type: "message",
        channel: "C9",
        channel_type: "channel",
        user: "U1",
        text: "no link here",
        ts: "1.000100",
      },
    };
    fake.socketSend({
      envelope_id: "env-2",
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: "",
      payload,
    });
    fake.socketSend({
      envelope_id: "env-3",
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: 1,
      retry_reason: "timeout",
      payload,
    });
    await fake.waitFor(() => fake.socketAcks.find((a) => a.envelope_id === "env-3"));
    expect(fake.socketAcks.map((a) => a.envelope_id)).toEqual(expect.arrayContaining(["env-2", "env-3"]));
    expect(await store.events.claim("event:T1:EvSOCK1")).toBe(false);
  });

  it("acknowledges envelopes Bolt could not read and goes on answering", async () => {
    const unreadable = [
      { type: "event_callback", team_id: "T1", event: { type: "reaction_added", item: null } },
      { type: "event_callback", team_id: "T1", event: { type: "message", user: null } },
      { type: "event_callback", team_id: "T1", event: { type: "link_shared", channel: "C1" } },
    ];
    for (const [i, payload] of unreadable.entries()) {
      fake.socketSend({
        envelope_id: `env-bad-${i}`,
        type: "events_api",
        accepts_response_payload: false,
        payload,
      });
      await fake.waitFor(() => fake.socketAcks.find((a) => a.envelope_id === `env-bad-${i}`));
    }
    fake.socketSend({
      envelope_id: "env-after",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommandFields("Thrilled to announce I got promoted!", fake.responseUrl("sock-after")),
    });
    expect((await fake.waitForResponse("sock-after")).body.response_type).toBe("ephemeral");
  });

  it("answers a slash command it doesn't know in the envelope's ack, with an ephemeral pointer to /postcheck", async () => {
    fake.socketSend({
      envelope_id: "env-other",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommandFields("hello", fake.responseUrl("sock-other"), { command: "/other" }),
    });
    const ack = await fake.waitFor(() => fake.socketAcks.find((a) => a.envelope_id === "env-other"));
    expect(ack.payload).toMatchObject({ response_type: "ephemeral" });
    expect(String((ack.payload as { text?: unknown }).text)).toContain("/postcheck help");
  });

  it("answers /healthz on PORT (GET and HEAD), and nothing else", async () => {
    const url = `http://127.0.0.1:${h.app.port}`;
    const get = await fetch(`${url}/healthz`);
    expect(get.status).toBe(200);
    expect(await get.text()).toBe("ok");
    expect((await fetch(`${url}/healthz`, { method: "HEAD" })).status).toBe(200);
    for (const [path, method] of [
      ["/healthz", "POST"],
      ["/slack/events", "POST"],
      ["/", "GET"],
      ["/%E0%A4%A", "GET"],
    ] as const)
      expect((await fetch(`${url}${path}`, { method })).status, `${method} ${path}`).toBe(404);
  });

  // Last: without the fix it leaves the bot offline for the tests after it.
  it("reconnects after an outage longer than its retries, however long it lasts, and answers again", async () => {
    const opened = fake.callsTo("apps.connections.open").length;
    fake.down = true;
    fake.dropSockets();
    // Longer than the client's first reconnection delay (5 s) and the two retries it once gave up after.
    await new Promise((resolve) => setTimeout(resolve, 9000));
    expect(fake.socketConnected).toBe(false);
    // A supervisor sees it.
    const down = await fetch(`http://127.0.0.1:${h.app.port}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.text()).toBe("not connected to Slack");
    fake.down = false;
    await fake.waitFor(() => fake.socketConnected || undefined, 20_000);
    expect(fake.callsTo("apps.connections.open").length).toBeGreaterThan(opened);
    fake.socketSend({
      envelope_id: "env-after-outage",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommandFields("Thrilled to announce I got promoted!", fake.responseUrl("after-outage")),
    });
    await fake.waitFor(() => fake.socketAcks.find((a) => a.envelope_id === "env-after-outage"));
    expect((await fake.waitForResponse("after-outage")).body.response_type).toBe("ephemeral");
    expect((await fetch(`http://127.0.0.1:${h.app.port}/healthz`)).status).toBe(200);
  }, 40_000);
});

/**
 * Envelopes the Socket Mode client could not read itself: it dereferenced `payload.event.type`
 * before anything else ran, so they were never acknowledged (Slack sends them again) and their
 * TypeError became an unhandled rejection; one typed like the client's own events worked its
 * machinery (an ERROR line for "error", /healthz saying "not connected" for "close").
 */
describe("Socket Mode envelopes it cannot serve", () => {
  let h: SocketHarness;
  const rejections: unknown[] = [];
  const collect = (reason: unknown) => rejections.push(reason);
  beforeAll(async () => {
    h = await startSocketHarness({ LOG_LEVEL: "debug" });
    process.on("unhandledRejection", collect);
  });
  afterAll(async () => {
    process.off("unhandledRejection", collect);
    await h.stop();
  });

  it("acknowledges them, ignores them with one debug line each, and goes on answering", async () => {
    const { fake } = h;
    const envelopes: Record<string, unknown>[] = [
      { envelope_id: "no-payload", type: "events_api", accepts_response_payload: false },
      { envelope_id: "null-payload", type: "events_api", payload: null },
      { envelope_id: "null-event", type: "events_api", payload: { type: "event_callback", event: null } },
      { envelope_id: "null-command", type: "slash_commands", payload: null },
      { envelope_id: "unknown-type", type: "something_new", payload: { a: 1 } },
      { envelope_id: "typed-close", type: "close" },
      { envelope_id: "typed-error", type: "error" },
      { envelope_id: "typed-ws-message", type: "ws_message" },
      {
        envelope_id: "event-typed-close",
        type: "events_api",
        payload: { type: "event_callback", team_id: "T1", event: { type: "close" } },
      },
    ];
    const before = h.logs.length;
    for (const envelope of envelopes) fake.socketSend(envelope);
    // No envelope id to acknowledge: ignored.
    fake.socketSend({ type: "events_api" });
    fake.socketSend(null as unknown as Record<string, unknown>);
    for (const { envelope_id } of envelopes)
      await fake.waitFor(() => fake.socketAcks.find((a) => a.envelope_id === envelope_id));
    fake.socketSend({
      envelope_id: "served-after",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommandFields("Thrilled to announce I got promoted!", fake.responseUrl("served-after")),
    });
    expect((await fake.waitForResponse("served-after")).body.response_type).toBe("ephemeral");
    expect(rejections).toEqual([]);
    const logged = h.logs.slice(before);
    expect(logged.filter((l) => !/ DEBUG /.test(l))).toEqual([]);
    expect(logged.filter((l) => /Socket Mode: (acknowledged and )?ignored/.test(l))).toHaveLength(
      envelopes.length + 2,
    );
    const health = await fetch(`http://127.0.0.1:${h.app.port}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, "ok"]);
  });
});
