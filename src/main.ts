import type { Logger } from "@slack/bolt";
import { config as loadDotenv } from "dotenv";
import { StartError, startSlackApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { postDigest } from "./digest.js";
import { createLogger } from "./logger.js";
import { startPlayground } from "./playground/server.js";
import { startSchedules } from "./schedules.js";
import { createServices } from "./services.js";
import { createSqliteStore, MAIN_THREAD_STORE } from "./store/index.js";

/** Reads the configuration and starts the bot (or the playground). One clear line on failure. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  keepServingAfterStrayErrors(logger);
  const stops: (() => Promise<void>)[] = [];

  if (config.mode === "playground") {
    const playground = await startPlayground(config.port);
    stops.push(playground.stop);
    logger.info(
      `No Slack tokens set: playground running at http://localhost:${playground.port}/ (see README to connect Slack)`,
    );
  } else {
    let store: ReturnType<typeof createSqliteStore>;
    try {
      store = createSqliteStore(config.databasePath, MAIN_THREAD_STORE);
    } catch (err) {
      throw new StartError(
        `DATABASE_PATH ${config.databasePath} cannot be opened: ${(err as Error).message}`,
      );
    }
    stops.push(store.close);
    const services = createServices(store, logger, {
      linkPolicy: { allowlist: config.linkFetchAllowlist },
      databasePath: config.databasePath,
      llm: config.llm,
      retentionDays: config.retentionDays,
    });
    stops.unshift(services.close);
    const running = await startSlackApp(config, services, logger);
    stops.unshift(running.stop);
    const stopSchedules = startSchedules(store, logger, config.retentionDays, (channel) =>
      postDigest(store, running.app.client, channel, Date.now()),
    );
    stops.unshift(async () => stopSchedules());
    logger.info(
      config.mode === "socket"
        ? "postcoach is connected to Slack (Socket Mode)"
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

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof StartError;
  process.stderr.write(
    `postcoach: ${known ? (err as Error).message : `failed to start: ${(err as Error).message}`}\n`,
  );
  process.exit(1);
});
