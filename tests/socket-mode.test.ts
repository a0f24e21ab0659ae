import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startSlackApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { createServices } from "../src/services.js";
import { createSqliteStore } from "../src/store/index.js";
import { FakeSlack } from "./helpers/fake-slack.js";
import { slashCommandFields } from "./helpers/slack-requests.js";

describe("Socket Mode", () => {
  const fake = new FakeSlack();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-socket-"));
  let running: RunningApp;
  let store: ReturnType<typeof createSqliteStore>;
  let services: ReturnType<typeof createServices> | undefined;

  beforeAll(async () => {
    await fake.start();
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-socket",
      SLACK_APP_TOKEN: "xapp-socket",
      SLACK_API_URL: fake.apiUrl,
      DATABASE_PATH: join(dir, "db.sqlite"),
      LOG_LEVEL: "error",
    });
    expect(config.mode).toBe("socket");
    const logger = createLogger("error", () => undefined);
    store = createSqliteStore(config.databasePath);
    running = await startSlackApp(
      config,
      createServices(store, logger, { linkPolicy: { allowlist: [] }, databasePath: config.databasePath }),
      logger,
    );
    await fake.waitFor(() => fake.socketConnected || undefined);
  });
  afterAll(async () => {
    await running.stop();
    await services?.close();
    await store.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
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
});
