import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningApp, startSlackApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createServices, type Services } from "../../src/services.js";
import { createSqliteStore, MAIN_THREAD_STORE } from "../../src/store/index.js";
import { FakeSlack } from "./fake-slack.js";
import {
  eventCallbackBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  type PostOptions,
  postSigned,
  SIGNING_SECRET,
  slashCommandBody,
} from "./slack-requests.js";

export interface Harness {
  fake: FakeSlack;
  url: string;
  services: Services;
  store: ReturnType<typeof createSqliteStore>;
  /** The SQLite file (a temp folder of its own). */
  databasePath: string;
  logs: string[];
  command(
    text: string,
    responseId?: string,
    fields?: Record<string, string>,
    o?: PostOptions,
  ): ReturnType<typeof postSigned>;
  event(event: Record<string, unknown>, eventId?: string, o?: PostOptions): ReturnType<typeof postSigned>;
  interact(payload: Record<string, unknown>, o?: PostOptions): ReturnType<typeof postSigned>;
  stop(): Promise<void>;
}

/** The real Bolt app in HTTP mode on a free port, talking to a fresh fake Slack and a temp database. */
export async function startHarness(
  env: Record<string, string> = {},
  options: { replyQueue?: Parameters<typeof createServices>[2]["replyQueue"] } = {},
): Promise<Harness> {
  const fake = await new FakeSlack().start();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: "0",
    SLACK_API_URL: fake.apiUrl,
    DATABASE_PATH: join(dir, "postcoach.db"),
    LOG_LEVEL: "debug",
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, (line) => logs.push(line));
  const store = createSqliteStore(config.databasePath, MAIN_THREAD_STORE);
  const services = createServices(store, logger, {
    linkPolicy: { allowlist: config.linkFetchAllowlist, timeoutMs: 2000 },
    databasePath: config.databasePath,
    llm: config.llm,
    retentionDays: config.retentionDays,
    replyQueue: options.replyQueue,
  });
  const running: RunningApp = await startSlackApp(config, services, logger);
  const url = `http://127.0.0.1:${running.port}/slack/events`;
  return {
    fake,
    url,
    services,
    store,
    databasePath: config.databasePath,
    logs,
    command: (text, responseId = "cmd", fields, o) =>
      postSigned(url, slashCommandBody(text, fake.responseUrl(responseId), fields), FORM, o),
    event: (event, eventId, o) => postSigned(url, eventCallbackBody(event, eventId), JSON_TYPE, o),
    interact: (payload, o) => postSigned(url, interactionBody(payload), FORM, o),
    stop: async () => {
      await running.stop();
      await services.close();
      await store.close();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
