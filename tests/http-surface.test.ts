import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "./helpers/bot-process.js";
import { FakeSlack } from "./helpers/fake-slack.js";
import {
  eventCallbackBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  postSigned,
  SIGNING_SECRET,
  slashCommandFields,
} from "./helpers/slack-requests.js";

/** One request with any method and raw path; resolves with the status (0 when the connection failed). */
function send(port: number, method: string, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, method, path }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}

/** Bytes as they are, for what no HTTP client will send. Resolves with the status line. */
function sendRaw(port: number, raw: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.end(raw));
    let answer = "";
    socket.on("data", (d) => {
      answer += d;
    });
    socket.on("close", () => resolve(answer.split("\r\n")[0] ?? ""));
    socket.on("error", () => resolve(""));
  });
}

describe("the HTTP surface, on the real process", () => {
  const fake = new FakeSlack();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-http-"));
  let bot: BotProcess;
  const events = () => `http://127.0.0.1:${bot.port}/slack/events`;
  const healthy = async () => {
    expect(bot.alive()).toBe(true);
    expect(await send(bot.port, "GET", "/healthz")).toBe(200);
  };

  beforeAll(async () => {
    await fake.start();
    bot = await startBot({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_PATH: join(dir, "p.db"),
      LOG_LEVEL: "debug",
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers every method on every path with a 4xx, GET and HEAD /healthz with 200, and stays up", async () => {
    const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];
    const paths = [
      "/",
      "/healthz",
      "/healthz?probe=1",
      "/slack/events",
      "/slack/install",
      "/random-4f9c",
      "/slack/events/../../etc/passwd",
      "//slack/events",
      "/%zz",
      "/%E0%A4%A",
      `/${"a".repeat(4000)}`,
    ];
    for (const path of paths) {
      for (const method of methods) {
        const status = await send(bot.port, method, path);
        const expected =
          path.startsWith("/healthz") && (method === "GET" || method === "HEAD")
            ? [200]
            : path === "/slack/events" && method === "POST"
              ? [401]
              : [400, 404];
        expect(expected, `${method} ${path.slice(0, 40)} → ${status}`).toContain(status);
      }
    }
    for (const raw of [
      "GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n",
      "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "\u0000\u0001garbage\r\n\r\n",
    ]) {
      expect(await sendRaw(bot.port, raw)).toMatch(/^HTTP\/1\.1 4\d\d/);
    }
    await healthy();
  });

  it("refuses a signed body that is not a JSON object (null, a number, an array) with a 400, over 4 MB with a 413", async () => {
    for (const body of ["null", "1", '"text"', "[]", "true"]) {
      expect((await postSigned(events(), body, JSON_TYPE)).status, body).toBe(400);
    }
    for (const payload of ["null", "[1]", "2"]) {
      expect((await postSigned(events(), `payload=${payload}`, FORM)).status, payload).toBe(400);
    }
    const huge = JSON.stringify({ type: "event_callback", padding: "x".repeat(5 * 1024 * 1024) });
    expect((await postSigned(events(), huge, JSON_TYPE)).status).toBe(413);
    await healthy();
  });

  it("answers a body too large with a 413 the client can read, even while it is still sending", async () => {
    // A 5 MB body failed under load with EPIPE, not a 413: the bot answered at 4 MB and closed the
    // connection while the client was still writing. This client writes all 12 MB before it reads:
    // without the drain, its writes fail with EPIPE or a reset and it never sees the answer.
    const size = 12 * 1024 * 1024;
    const head = [
      "POST /slack/events HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/json",
      `Content-Length: ${size}`,
      `X-Slack-Request-Timestamp: ${Math.floor(Date.now() / 1000)}`,
      "",
      "",
    ].join("\r\n");
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(bot.port, "127.0.0.1");
      const chunks: Buffer[] = [];
      socket.on("error", (err: NodeJS.ErrnoException) => resolve(`failed: ${err.code}`));
      socket.write(head);
      socket.write(Buffer.alloc(size, 120), () => {
        // Only now is the answer read.
        socket.on("data", (d: Buffer) => chunks.push(d));
        socket.on("end", () => resolve(Buffer.concat(chunks).toString("latin1").split("\r\n")[0] ?? ""));
      });
    });
    expect(answer).toBe("HTTP/1.1 413 Payload Too Large");
    await healthy();
  });

  it("refuses unsigned, badly signed and stale requests with a 401 and one debug line each, never a warning", async () => {
    const before = bot.output().length;
    const stale = Math.floor(Date.now() / 1000) - 600;
    for (const o of [
      { signature: null },
      { signature: "v0=deadbeef" },
      { signature: "v1=x" },
      { timestamp: stale },
    ]) {
      expect((await postSigned(events(), "{}", JSON_TYPE, o)).status, JSON.stringify(o)).toBe(401);
    }
    expect((await postSigned(events(), "{}", JSON_TYPE, { secret: "not-the-secret" })).status).toBe(401);
    await healthy();
    const lines = bot.output().slice(before).trim().split("\n");
    expect(lines.filter((l) => l.includes("no valid Slack signature"))).toHaveLength(5);
    expect(lines.filter((l) => / (WARN|ERROR) /.test(l))).toEqual([]);
  });

  it("acknowledges signed requests Bolt could not read, and ignores them with one debug line", async () => {
    const bodies = [
      JSON.stringify({ type: "event_callback", event: null, team_id: "T1" }),
      JSON.stringify({ type: "event_callback", team_id: "T1" }),
      JSON.stringify({ type: "event_callback", event: { type: "reaction_added", item: null } }),
      JSON.stringify({ type: "event_callback", event: { type: "message", user: null } }),
      JSON.stringify({ type: "event_callback", event: "x" }),
      JSON.stringify({ type: "event_callback", event: { type: "x" }, authorizations: [null] }),
      JSON.stringify({}),
      interactionBody({ type: "block_actions", actions: null, user: { id: "U1" } }),
      interactionBody({ type: "block_actions", actions: [], user: { id: "U1" } }),
      interactionBody({ type: "block_actions", actions: [{ action_id: "x" }] }),
      interactionBody({ type: "view_submission", user: { id: "U1" } }),
      interactionBody({ type: "shortcut", callback_id: "check_post" }),
      interactionBody({ type: "message_action", user: { id: "U1" }, channel: null }),
    ];
    for (const body of bodies) {
      const res = await postSigned(events(), body, body.startsWith("payload=") ? FORM : JSON_TYPE);
      expect(res.status, body).toBe(200);
    }
    await healthy();
    expect(bot.output()).toMatch(/DEBUG postcoach acknowledged and ignored an event with event not object/);
  });

  it("acknowledges a link_shared event without links, and ignores it", async () => {
    const res = await postSigned(
      events(),
      eventCallbackBody({ type: "link_shared", channel: "C1", user: "U1", message_ts: "1.2" }),
      JSON_TYPE,
    );
    expect(res.status).toBe(200);
    await healthy();
    expect(fake.callsTo("chat.postEphemeral")).toEqual([]);
    expect(bot.output()).toContain("DEBUG postcoach ignored a link_shared event with links not array");
    expect(bot.output()).not.toContain("TypeError");
  });

  it("printed nothing but one-line logs: no stack, no request dumped", () => {
    const out = bot.output();
    expect(out).not.toMatch(/^\s+at /m);
    expect(out).not.toContain("HTTPReceiverDeferredRequestError");
    expect(out).not.toContain("IncomingMessage");
    for (const line of out.trim().split("\n"))
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z (DEBUG|INFO|WARN|ERROR) /);
  });
});

describe("the last resort, on the real process", () => {
  const fake = new FakeSlack();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-socket-"));
  // Every stray error postcoach knew of is now caught where it happens (an unreadable Socket Mode
  // envelope was the last), so one is planted: on SIGUSR2, a rejection no one awaits and a throw
  // from a timer, as a bug in a listener or a library would leave them.
  const stray = join(dir, "stray-errors.mjs");
  writeFileSync(
    stray,
    `process.on("SIGUSR2", () => {
      Promise.reject(new TypeError("a stray rejection"));
      setTimeout(() => { throw new RangeError("a stray exception"); });
    });`,
  );
  let bot: BotProcess;
  beforeAll(async () => {
    await fake.start();
    bot = await startBot({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_APP_TOKEN: "xapp-test-token",
      SLACK_API_URL: fake.apiUrl,
      DATABASE_PATH: join(dir, "p.db"),
      NODE_OPTIONS: `--import ${stray}`,
    });
    await fake.waitFor(() => fake.socketConnected || undefined);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("logs an error nothing else caught in one line and goes on serving", async () => {
    bot.child.kill("SIGUSR2");
    await fake.waitFor(() => /a stray exception/.test(bot.output()) || undefined);
    fake.socketSend({
      envelope_id: "env-after",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: slashCommandFields("Thrilled to announce I got promoted!", fake.responseUrl("after")),
    });
    expect((await fake.waitForResponse("after")).body.response_type).toBe("ephemeral");
    expect(bot.alive()).toBe(true);
    expect(bot.output()).toMatch(
      /ERROR postcoach unexpected error, still serving: TypeError: a stray rejection\n/,
    );
    expect(bot.output()).toMatch(
      /ERROR postcoach unexpected error, still serving: RangeError: a stray exception\n/,
    );
    expect(bot.output()).not.toMatch(/^\s+at /m);
  });

  it("acknowledges an envelope the Socket Mode client cannot read, with no stray error", async () => {
    const before = bot.output().length;
    fake.socketSend({
      envelope_id: "env-null",
      type: "events_api",
      accepts_response_payload: false,
      payload: null,
    });
    await fake.waitFor(() => fake.socketAcks.find((a) => a.envelope_id === "env-null"));
    expect(bot.output().slice(before)).not.toMatch(/ERROR|WARN/);
    expect(bot.alive()).toBe(true);
  });
});
