import http from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, type Logger } from "@slack/bolt";
import { registerListeners } from "./commands/index.js";
import type { Config } from "./config.js";
import type { Services } from "./services.js";

export const EVENTS_PATH = "/slack/events";

export interface RunningApp {
  app: App;
  /** The HTTP port actually listened on (HTTP mode). */
  port?: number;
  stop(): Promise<void>;
}

export class StartError extends Error {}

/** Builds the Bolt app for the configured mode, registers every listener and starts it. */
export async function startSlackApp(config: Config, services: Services, logger: Logger): Promise<RunningApp> {
  const clientOptions = config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {};
  if (config.mode === "socket") {
    const app = new App({
      token: config.slack.botToken,
      appToken: config.slack.appToken,
      socketMode: true,
      logger,
      clientOptions,
      // The Socket Mode client opens its connection (apps.connections.open) with these options.
      installerOptions: { clientOptions },
      convoStore: false,
      deferInitialization: true,
    });
    registerListeners(app, services);
    await init(app);
    services.replies.start();
    await app.start();
    return { app, stop: () => app.stop().then(() => undefined) };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? "",
    endpoints: EVENTS_PATH,
    logger,
    customRoutes: [
      {
        path: "/healthz",
        method: ["GET"],
        handler: (_req, res) => {
          res.writeHead(200, { "content-type": "text/plain" });
          res.end("ok");
        },
      },
    ],
  });
  const app = new App({
    receiver,
    token: config.slack.botToken,
    logger,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
  });
  registerListeners(app, services);
  await init(app);
  services.replies.start();
  const server = http.createServer(receiver.requestListener);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    app,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function init(app: App): Promise<void> {
  try {
    await app.init();
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    throw new StartError(
      code
        ? `SLACK_BOT_TOKEN was refused by Slack (${code})`
        : `could not reach Slack: ${(err as Error).message}`,
    );
  }
}
