import type { Logger } from "@slack/bolt";
import { config as loadDotenv } from "dotenv";
import { type RunningApp, StartError, startSlackApp } from "./app.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { DigestScheduler, digestClient } from "./digest/deliveries.js";
import { LlmCoach } from "./llm/client.js";
import { createLogger } from "./logger.js";
import { draftHashKey } from "./mentoring/activity.js";
import { DEFAULT_PLAYGROUND_HOST, startPlayground } from "./playground/server.js";
import { startSchedules } from "./schedules.js";
import { createServices, type Services } from "./services.js";
import { DatabaseUnavailableError, installationKey, MAIN_THREAD_STORE, openStore } from "./store/index.js";

/**
 * How long SIGTERM waits for the replies in progress: less than the 30 s most supervisors give
 * before SIGKILL (Kubernetes, systemd, Docker). What is left is answered by the next process.
 */
const DRAIN_MS = 10_000;

/** Reads the configuration and starts the bot (or the playground). One clear line on failure. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  keepServingAfterStrayErrors(logger);
  keepServingWithoutOutput();
  const stops: (() => Promise<void>)[] = [];
  if (config.llm.baseUrl && !config.llm.apiKey)
    logger.warn(
      "OPENAI_BASE_URL is set without OPENAI_API_KEY: the LLM is off (a local server that needs no key takes any value, e.g. OPENAI_API_KEY=local)",
    );

  if (config.mode === "playground") {
    const { apiKey } = config.llm;
    const playground = await startPlayground({
      port: config.port,
      host: config.playgroundHost,
      llm: apiKey ? new LlmCoach({ ...config.llm, apiKey, log: (line) => logger.debug(line) }) : undefined,
      logger,
    });
    stops.push(playground.stop);
    const stray = SLACK_SECRETS.filter((name) => process.env[name]?.trim());
    if (stray.length > 0)
      logger.warn(
        `${stray.join(", ")} set without SLACK_BOT_TOKEN, SLACK_APP_TOKEN or SLACK_CLIENT_ID: running the playground, not the bot`,
      );
    logger.info(playgroundBanner(playground));
  } else {
    const store = await openStore(config, {
      ...MAIN_THREAD_STORE,
      installationKey: config.installationSecret ? installationKey(config.installationSecret) : undefined,
      warn: (line) => logger.warn(line),
    }).catch((err: Error) => {
      throw err instanceof DatabaseUnavailableError ? new StartError(err.message) : err;
    });
    stops.push(store.close);
    const services = createServices(store, logger, {
      linkPolicy: { allowlist: config.linkFetchAllowlist },
      llm: config.llm,
      retentionDays: config.retentionDays,
      draftKey: draftHashKey([
        config.installationSecret,
        config.slack.signingSecret,
        config.slack.appToken,
        config.slack.botToken,
      ]),
    });
    const running = await startSlackApp(config, services, logger);
    // Stop taking requests, then let the replies in progress finish (or hand them over).
    stops.unshift(async () => {
      await services.replies.drain(DRAIN_MS);
    });
    stops.unshift(running.stop);
    const stopSchedules = startSchedules(
      store,
      logger,
      config.retentionDays,
      await digestScheduler(config, services, running),
    );
    stops.unshift(async () => stopSchedules());
    logger.info(
      config.mode === "socket"
        ? `postcoach is connected to Slack (Socket Mode)${running.port === undefined ? "" : `; /healthz on port ${running.port}`}`
        : `postcoach is listening on port ${running.port} (POST /slack/events)`,
    );
  }

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    for (const stop of stops) await stop().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

/** Secrets that only mean something with a token or OAuth: set alone, they are likely a mistake. */
const SLACK_SECRETS = ["SLACK_SIGNING_SECRET", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"];

/** Where to open the playground, and who else can. */
function playgroundBanner({ host, port }: { host: string; port: number }): string {
  const local = host === DEFAULT_PLAYGROUND_HOST || host === "localhost" || host === "::1";
  const shown =
    local || host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const where = local
    ? "(this machine only; PLAYGROUND_HOST changes it)"
    : `(listening on ${host}: anyone who can reach this machine can use it)`;
  return `No Slack tokens set: playground running at http://${shown}:${port}/ ${where}. See the README to connect Slack.`;
}

/**
 * Digests go out with each workspace's own token (its installation's, or the one bot token's for its
 * own workspace only): the same channel id may exist in another workspace sharing the database.
 */
async function digestScheduler(
  config: Config,
  services: Services,
  running: RunningApp,
): Promise<DigestScheduler | undefined> {
  // Its own logger: Bolt sets the level of the logger it is given, and LOG_LEVEL is the operator's.
  const logger = createLogger(config.logLevel);
  const clients = new Map<string, ReturnType<typeof digestClient>>();
  // The digest's own client (its own timeouts and retries), with the workspace's token.
  const clientFor = async (teamId: string) => {
    const token = (await running.clientFor(teamId))?.token;
    if (!token) return undefined;
    let client = clients.get(token);
    if (!client) {
      if (clients.size >= 1000) clients.clear();
      client = digestClient(token, config.slack.apiUrl, logger);
      clients.set(token, client);
    }
    return client;
  };
  return new DigestScheduler({ store: services.store, logger, clientFor });
}

/**
 * The last resort. Requests are checked before Bolt reads them and listeners' errors reach Bolt's
 * error handler, so nothing should get here; if something does, it is one log line (not a dump of
 * the request) and the bot goes on serving everyone else.
 */
function keepServingAfterStrayErrors(logger: Logger): void {
  const line = (err: unknown) =>
    err instanceof Error ? `${err.name}: ${err.message}` : `a non-error value (${typeof err})`;
  process.on("unhandledRejection", (reason) =>
    logger.error(`unexpected error, still serving: ${line(reason)}`),
  );
  process.on("uncaughtException", (err) => logger.error(`unexpected error, still serving: ${line(err)}`));
}

/**
 * A reader of the logs that goes away (`npm start | head`, `tee` or a log collector dying) makes the
 * next write fail with EPIPE. Unheard, that error reached the last resort above, whose log line
 * failed the same way, forever: one core at 100 %, no request served, SIGTERM never handled. The
 * lines are lost; the bot serves on.
 */
function keepServingWithoutOutput(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof StartError;
  process.stderr.write(
    `postcoach: ${known ? (err as Error).message : `failed to start: ${(err as Error).message}`}\n`,
  );
  process.exit(1);
});
