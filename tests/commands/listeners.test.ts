import http from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Listeners } from "../../src/commands/listeners.js";
import { createLogger } from "../../src/logger.js";
import { FakeSlack } from "../helpers/fake-slack.js";
import {
  blockActionPayload,
  eventCallbackBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  postSigned,
  SIGNING_SECRET,
  slashCommandBody,
} from "../helpers/slack-requests.js";

/** A real Bolt app over HTTP whose only listeners are the ones mounted from `listeners`. */
describe("Listeners: one Bolt listener per kind, handlers by id", () => {
  const fake = new FakeSlack();
  const seen: string[] = [];
  const errors: unknown[] = [];
  let url: string;
  let server: http.Server;

  beforeAll(async () => {
    await fake.start();
    const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: "/slack/events" });
    const app = new App({
      receiver,
      token: "xoxb-test",
      clientOptions: { slackApiUrl: fake.apiUrl },
      logger: createLogger("error", () => undefined),
      deferInitialization: true,
    });
    app.error(async (err) => {
      errors.push(err);
    });
    const listeners = new Listeners();
    listeners.command("/postcheck", async ({ ack, command }) => {
      seen.push(`command ${command.text}`);
      await ack();
    });
    listeners.action("known", async ({ ack }) => {
      seen.push("action known");
      await ack();
    });
    listeners.event("message", async () => {
      seen.push("message: first handler fails");
      throw new Error("boom");
    });
    listeners.event("message", async ({ event }) => {
      seen.push(`message: second handler still runs (${(event as { text?: string }).text})`);
    });
    listeners.event("reaction_added", async () => {
      seen.push("reaction");
    });
    expect(() => listeners.action("known", async () => undefined)).toThrow(/two handlers/);
    // Stands in for the SQLite dedupe: one event id counts as already seen.
    listeners.mount(app, async (body) => body.event_id !== "Ev-repeat");
    await app.init();
    server = http.createServer(receiver.requestListener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await fake.stop();
  });

  it("routes a command and an action to their handlers", async () => {
    await postSigned(url, slashCommandBody("hello", fake.responseUrl("x")), FORM);
    await postSigned(
      url,
      interactionBody(blockActionPayload("known", "v", { responseUrl: fake.responseUrl("y") })),
      FORM,
    );
    expect(seen).toContain("command hello");
    expect(seen).toContain("action known");
  });

  it("acknowledges a button nobody handles (a retired message) so that Slack shows no error", async () => {
    const started = Date.now();
    const res = await postSigned(
      url,
      interactionBody(blockActionPayload("retired_button", "v", { responseUrl: fake.responseUrl("z") })),
      FORM,
    );
    expect(res.status).toBe(200);
    // Unacknowledged, Bolt would hold the request ~3 s and Slack would show an error.
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("runs every handler of an event even when one fails, and reports the failure", async () => {
    seen.length = 0;
    errors.length = 0;
    await postSigned(
      url,
      eventCallbackBody({ type: "message", text: "hi", channel: "C1", user: "U2", ts: "1.1" }),
      JSON_TYPE,
    );
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toContain("message: second handler still runs (hi)");
    await expect.poll(() => errors.length).toBe(1);
    expect(String((errors[0] as { original?: Error }).original ?? errors[0])).toMatch(/boom/);
  });

  it("skips an event's handlers when it is a repeated delivery, and events with no handler", async () => {
    seen.length = 0;
    await postSigned(
      url,
      eventCallbackBody(
        {
          type: "reaction_added",
          user: "U2",
          reaction: "+1",
          item: { type: "message", channel: "C1", ts: "1.1" },
        },
        "Ev-repeat",
      ),
      JSON_TYPE,
    );
    await postSigned(url, eventCallbackBody({ type: "team_join", user: { id: "U9" } }), JSON_TYPE);
    await postSigned(
      url,
      eventCallbackBody({
        type: "reaction_added",
        user: "U2",
        reaction: "+1",
        item: { type: "message", channel: "C1", ts: "1.1" },
      }),
      JSON_TYPE,
    );
    await expect.poll(() => seen).toEqual(["reaction"]);
  });
});
