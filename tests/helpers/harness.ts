import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningApp, startSlackApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createServices, type Services } from "../../src/services.js";
import {
  createPostgresStore,
  createSqliteStore,
  installationKey,
  MAIN_THREAD_STORE,
} from "../../src/store/index.js";
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

export interface Harness extends Running {
  url: string;
  command(
    text: string,
    responseId?: string,
    fields?: Record<string, string>,
    o?: PostOptions,
  ): ReturnType<typeof postSigned>;
  event(event: Record<string, unknown>, eventId?: string, o?: PostOptions): ReturnType<typeof postSigned>;
  interact(payload: Record<string, unknown>, o?: PostOptions): ReturnType<typeof postSigned>;
}

/** What both harnesses share: the app as main.ts starts it, a fake Slack, a temp database. */
export interface Running {
  fake: FakeSlack;
  config: Config;
  services: Services;
  store: ReturnType<typeof createSqliteStore>;
  /** The SQLite file (a temp folder of its own; unused with DATABASE_URL). */
  databasePath: string;
  /** Every log line, as written. */
  logs: string[];
  app: RunningApp;
  stop(): Promise<void>;
}

async function boot(
  defaults: Record<string, string>,
  env: Record<string, string>,
  replies?: Parameters<typeof createServices>[2]["replies"],
): Promise<Running> {
  const fake = await new FakeSlack().start();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-"));
  const config = loadConfig({
    SLACK_API_URL: fake.apiUrl,
    DATABASE_PATH: join(dir, "postcoach.db"),
    ...defaults,
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, (line) => logs.push(line));
  // With DATABASE_URL, PostgreSQL: such a store has no `db`, so tests that read SQLite directly
  // run on SQLite only.
  const options = {
    ...MAIN_THREAD_STORE,
    installationKey: config.installationSecret ? installationKey(config.installationSecret) : undefined,
  };
  const store = config.databaseUrl
    ? ((await createPostgresStore(config.databaseUrl, options)) as unknown as ReturnType<
        typeof createSqliteStore
      >)
    : createSqliteStore(config.databasePath, options);
  const services = createServices(store, logger, {
    linkPolicy: { allowlist: config.linkFetchAllowlist, timeoutMs: 2000 },
    llm: config.llm,
    retentionDays: config.retentionDays,
    replies,
  });
  const app = await startSlackApp(config, services, logger);
  return {
    fake,
    config,
    services,
    store,
    databasePath: config.databasePath,
    logs,
    app,
    stop: async () => {
      await app.stop();
      await services.replies.drain(2000);
      await store.close();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The real Bolt app in HTTP mode on a free port, talking to a fresh fake Slack and a temp database. */
export async function startHarness(
  env: Record<string, string> = {},
  options: { replies?: Parameters<typeof createServices>[2]["replies"] } = {},
): Promise<Harness> {
  const running = await boot(
    {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: "0",
      LOG_LEVEL: "debug",
    },
    env,
    options.replies,
  );
  const url = `http://127.0.0.1:${running.app.port}/slack/events`;
  const { fake } = running;
  return {
    ...running,
    url,
    command: (text, responseId = "cmd", fields, o) =>
      postSigned(url, slashCommandBody(text, fake.responseUrl(responseId), fields), FORM, o),
    event: (event, eventId, o) => postSigned(url, eventCallbackBody(event, eventId), JSON_TYPE, o),
    interact: (payload, o) => postSigned(url, interactionBody(payload), FORM, o),
  };
}

/** The real Bolt app in Socket Mode, connected to the fake Slack's WebSocket. */
export async function startSocketHarness(env: Record<string, string> = {}): Promise<Running> {
  const running = await boot(
    { SLACK_BOT_TOKEN: "xoxb-socket", SLACK_APP_TOKEN: "xapp-socket", LOG_LEVEL: "error", PORT: "0" },
    env,
  );
  await running.fake.waitFor(() => running.fake.socketConnected || undefined);
  return running;
}
