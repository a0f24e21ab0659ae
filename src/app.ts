import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type AppOptions,
  AuthorizationError,
  type BufferedIncomingMessage,
  ErrorCode,
  HTTPModuleFunctions,
  HTTPReceiver,
  isValidSlackRequest,
  type Logger,
  type LogLevel,
  type ReceiverDispatchErrorHandlerArgs,
  type ReceiverEvent,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
  webApi,
} from "@slack/bolt";
import { registerSurfaces } from "./commands/index.js";
import { unreadableRequest } from "./commands/payloads.js";
import type { Config } from "./config.js";
import { drainBody } from "./http-drain.js";
import { libraryLogger } from "./logger.js";
import type { Services } from "./services.js";
import { installFailurePage, installPageHead, withoutInstallTripErrors } from "./slack/install-pages.js";
import {
  boltInstallationStore,
  boltStateStore,
  type ClientFor,
  installedClients,
  singleWorkspaceClient,
} from "./slack/installation.js";
import { BOT_SCOPES } from "./slack/scopes.js";
import { guardEnvelopes } from "./slack/socket-envelopes.js";

export const EVENTS_PATH = "/slack/events";
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";
const SLACK_API = "https://slack.com/api/";
/** One call to Slack (the Web API or a response_url) gives up after this. */
const SLACK_TIMEOUT_MS = 10_000;

export interface RunningApp {
  app: App;
  /** The HTTP port actually listened on (HTTP mode). */
  port?: number;
  /** A workspace's client without a live request: its installation's token, or the one bot token's. */
  clientFor: ClientFor;
  stop(): Promise<void>;
}

export class StartError extends Error {}

/**
 * Bolt's App, which first checks that it can read a request: Bolt reads a few fields of every
 * request while routing it, before any listener or error handler runs, so a signed request without
 * them (`event: null`) would throw there (a 500, or in Socket Mode an envelope never acknowledged).
 * Such a request is acknowledged and ignored with one debug line.
 */
class CheckedApp extends App {
  constructor(
    options: AppOptions,
    private readonly log: Logger,
  ) {
    super(options);
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const problem = unreadableRequest(event.body);
    if (!problem) return super.processEvent(event);
    this.log.debug(`acknowledged and ignored ${problem}`);
    await event.ack();
  }
}

/** Builds the Bolt app for the configured mode, registers every listener and starts it. */
export async function startSlackApp(config: Config, services: Services, logger: Logger): Promise<RunningApp> {
  const boltLogger = libraryLogger(logger);
  const clientOptions = {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    // Bounded: a reply Slack won't take now is retried by the outbox, not held here for half an hour.
    timeout: SLACK_TIMEOUT_MS,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
    // respond() uses it too: a response_url that never answers can't hold a reply for good.
    fetch: fetchWithin(SLACK_TIMEOUT_MS),
  };
  const oauth = config.slack.oauth;
  // With OAuth there is no token of our own: each request's comes from its workspace's installation.
  const identity = oauth ? {} : await whoAmI(config);
  const clientFor: ClientFor = oauth
    ? installedClients(
        services.store,
        (token) => new webApi.WebClient(token, { ...clientOptions, logger: boltLogger }),
      )
    : async (teamId) => singleWorkspaceClient(identity.teamId, app.client)(teamId);
  const common = {
    token: config.slack.botToken,
    // auth.test has answered already (whoAmI): Bolt need not ask again.
    botId: identity.botId,
    botUserId: identity.botUserId,
    tokenVerificationEnabled: false,
    logger: boltLogger,
    logLevel: config.logLevel as LogLevel,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
  } satisfies AppOptions;
  let app: App;
  if (config.mode === "socket") {
    const receiver = new SocketModeReceiver({
      appToken: config.slack.appToken ?? "",
      logger: boltLogger,
      logLevel: config.logLevel as LogLevel,
      // The Socket Mode client opens its connection (apps.connections.open) with these options.
      installerOptions: { clientOptions: { ...clientOptions, retryConfig: UNTIL_SLACK_IS_BACK } },
    });
    guardEnvelopes(receiver.client, logger);
    app = new CheckedApp({ ...common, receiver }, logger);
    registerSurfaces(app, services);
    await app.init();
    await app.start().catch((err: unknown) => {
      throw slackRefusal("SLACK_APP_TOKEN", err, config.slack.apiUrl ?? SLACK_API) ?? err;
    });
    const socket = watchSocket(receiver.client, logger, config.slack.apiUrl ?? SLACK_API);
    const health = await serveHealth(config.port, services, socket, logger);
    startReplies(services, clientFor, clientOptions.fetch);
    return {
      app,
      clientFor,
      port: health?.port,
      stop: async () => {
        health?.server.close();
        health?.server.closeAllConnections();
        await app.stop();
      },
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? "",
    endpoints: EVENTS_PATH,
    logger: oauth ? withoutInstallTripErrors(boltLogger) : boltLogger,
    customRoutes: [
      {
        path: "/healthz",
        // HEAD is what load balancers send.
        method: ["GET", "HEAD"],
        handler: (_req, res) => answerHealth(res, services),
      },
      ...(oauth ? [installPageHead(INSTALL_PATH)] : []),
    ],
    dispatchErrorHandler: answerUnroutable(logger),
    ...(oauth
      ? {
          processEventErrorHandler: answerCommandsFromUninstalledWorkspaces,
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          stateSecret: oauth.stateSecret,
          scopes: [...BOT_SCOPES],
          installationStore: boltInstallationStore(services.store, logger),
          installerOptions: {
            installPath: INSTALL_PATH,
            redirectUriPath: REDIRECT_PATH,
            // In the database, used once: any replica finishes an install, none accepts a replay.
            stateStore: boltStateStore(services.store),
            clientOptions,
            // Bolt's own success page (back to Slack); a kind page of ours when it goes wrong.
            callbackOptions: { failure: installFailurePage(logger, INSTALL_PATH) },
          },
        }
      : {}),
  });
  refuseBeforeBolt(receiver, config.slack.signingSecret ?? "", logger);
  app = new CheckedApp({ ...common, receiver }, logger);
  registerSurfaces(app, services);
  await app.init();
  // Bolt's own start(): it catches what the receiver throws for a request it has no route for.
  const server = (await app.start(config.port)) as http.Server;
  startReplies(services, clientFor, clientOptions.fetch);
  return {
    app,
    clientFor,
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      server.closeAllConnections();
      await app.stop();
    },
  };
}

/**
 * While Slack can't be reached, the Socket Mode client asks for a new connection again and again
 * (1 s, then up to every 30 s) rather than giving up after its two retries, which left the bot
 * connected to nothing for good after an outage of 3 s.
 */
const UNTIL_SLACK_IS_BACK = { forever: true, factor: 1.5, minTimeout: 1000, maxTimeout: 30_000 };

/**
 * One line when Slack (or what answers at SLACK_API_URL) turns a token down: the variable named,
 * or the URL when what answered was not Slack's Web API (an HTTP error, an HTML page from a proxy,
 * whose "error" is no Slack error code). Undefined for a network failure.
 */
function slackRefusal(variable: string, err: unknown, apiUrl: string): StartError | undefined {
  const e = err as { code?: string; data?: { error?: string }; statusCode?: number };
  if (e.code === webApi.ErrorCode.HTTPError)
    return new StartError(
      `Slack at ${apiUrl} answered HTTP ${e.statusCode}: check SLACK_API_URL, or Slack's status page`,
    );
  if (e.code !== webApi.ErrorCode.PlatformError) return undefined;
  const error = e.data?.error;
  if (error !== undefined && !/^[a-z_]+$/.test(error))
    return new StartError(`${apiUrl} did not answer as Slack's Web API does: check SLACK_API_URL`);
  return new StartError(`${variable} was refused by Slack (${error ?? "unknown error"})`);
}

/**
 * Says when the Socket Mode connection is lost and back. A reconnection Slack refuses (the app
 * token revoked) can never succeed: the bot then stops with one line, so that a supervisor (or
 * the operator) sees it, rather than staying up connected to nothing.
 */
function watchSocket(client: SocketModeReceiver["client"], logger: Logger, apiUrl: string): SocketState {
  // Connected from the moment start() resolved; closed as soon as the WebSocket closes, a few
  // seconds before the client tries again ("reconnecting").
  let up = true;
  let lost = false;
  client.on("close", () => {
    up = false;
  });
  client.on("reconnecting", () => {
    if (!lost) logger.warn("lost the connection to Slack (Socket Mode); reconnecting");
    lost = true;
  });
  client.on("connected", () => {
    if (lost) logger.info("connected to Slack again (Socket Mode)");
    lost = false;
    up = true;
  });
  const start = client.start.bind(client);
  // The client reconnects through its own start(), whose failure nothing else hears.
  client.start = () =>
    start().catch((err: unknown) => {
      const problem = slackRefusal("SLACK_APP_TOKEN", err, apiUrl);
      process.stderr.write(
        `postcoach: ${problem?.message ?? `lost Socket Mode for good: ${(err as Error).message}`}; stopping\n`,
      );
      process.exit(1);
    });
  return { connected: () => up };
}

interface SocketState {
  connected(): boolean;
}

/**
 * `/healthz`: 200 while the bot can serve; 503 while the database cannot be reached (a load
 * balancer then sends users elsewhere) or, in Socket Mode, while Slack's connection is lost.
 */
async function answerHealth(
  res: http.ServerResponse,
  services: Services,
  socket?: SocketState,
): Promise<void> {
  const db = await services.store.health();
  const problem = !db.ok
    ? "database unavailable"
    : socket && !socket.connected()
      ? "not connected to Slack"
      : "";
  res.writeHead(problem ? 503 : 200, { "content-type": "text/plain" });
  res.end(problem || "ok");
}

/**
 * In Socket Mode nothing else listens: `/healthz` on PORT lets a supervisor watch the bot (GET and
 * HEAD; anything else 404). A port already taken only costs the health check, with one warning:
 * a Socket Mode bot never needed a port before.
 */
async function serveHealth(
  port: number,
  services: Services,
  socket: SocketState,
  logger: Logger,
): Promise<{ server: http.Server; port: number } | undefined> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD"))
      void answerHealth(res, services, socket).catch(() => {
        if (!res.headersSent) res.writeHead(503);
        res.end();
      });
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      logger.warn(`no /healthz in Socket Mode: port ${port} is not available (${err.code ?? err.message})`);
      resolve(undefined);
    });
    server.listen(port, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/**
 * The reply path reaches Slack without a live request (replies replayed after a crash, retried
 * after a failure) through each workspace's client, and looks for such replies from now on.
 */
function startReplies(services: Services, clientFor: ClientFor, fetchFn: typeof fetch): void {
  services.replies.connect(clientFor, fetchFn);
  services.replies.start();
}

/** fetch that gives up after `ms`, whatever its caller's own signal. */
function fetchWithin(ms: number): typeof fetch {
  return (input, init) =>
    fetch(input, {
      ...init,
      signal: init?.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(ms)])
        : AbortSignal.timeout(ms),
    });
}

/**
 * Asks Slack who the bot is (auth.test), within a bounded time: when Slack can't be reached, the
 * bot stops after ~30 s at most with one line naming the URL and the likely cause, rather than
 * retrying for half an hour with a line per attempt. Its own client logs nothing.
 */
async function whoAmI(config: Config): Promise<{ botId?: string; botUserId?: string; teamId?: string }> {
  const apiUrl = config.slack.apiUrl ?? SLACK_API;
  const client = new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: apiUrl,
    timeout: 8000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 1000, maxTimeout: 2000 },
    logger: libraryLogger(silentLogger),
  });
  try {
    const me = await client.auth.test();
    return { botId: me.bot_id, botUserId: me.user_id, teamId: me.team_id };
  } catch (err) {
    const refused = slackRefusal("SLACK_BOT_TOKEN", err, apiUrl);
    if (refused) throw refused;
    const e = err as { original?: Error };
    const cause = networkCause(e.original ?? (err as Error));
    throw new StartError(
      `could not reach Slack at ${apiUrl} (${cause}) after 3 tries: check the network, a proxy or firewall, or SLACK_API_URL`,
    );
  }
}

function networkCause(err: Error): string {
  const withCause = err as Error & { code?: string; cause?: { code?: string; message?: string } };
  return withCause.cause?.code ?? withCause.code ?? withCause.cause?.message ?? err.message;
}

const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => "error" as LogLevel,
  setName: () => undefined,
};

/**
 * Requests Bolt has no route for: 404 (HEAD, OPTIONS, any other path or method), 400 for a path
 * that isn't even a URL, and never more than one log line (debug, since anyone can send them).
 */
function answerUnroutable(logger: Logger) {
  return ({ error, request, response }: ReceiverDispatchErrorHandlerArgs): void => {
    const code = (error as { code?: string }).code;
    const status =
      code === ErrorCode.HTTPReceiverDeferredRequestError
        ? 404
        : error instanceof URIError || code === "ERR_INVALID_URL"
          ? 400
          : 500;
    if (status === 500) logger.error(`request ${request.method} failed: ${error.message}`);
    else logger.debug(`answered ${status} to ${request.method} on a path postcoach doesn't serve`);
    if (!response.headersSent) response.writeHead(status);
    response.end();
  };
}

/**
 * With OAuth, a slash command from a workspace with no installation (never installed, or removed)
 * fails Bolt's authorize, which answers 401: Slack then shows the person a bare "dispatch_failed".
 * They get one kind line instead. Everything else is Bolt's own handling.
 */
export const NOT_INSTALLED =
  "postcoach isn't installed in this workspace (or was removed from it). Ask a workspace admin to add it, then try `/postcheck` again.";

function answerCommandsFromUninstalledWorkspaces(
  args: ReceiverProcessEventErrorHandlerArgs,
): Promise<boolean> {
  const { error, request, response } = args;
  const body = (request as Partial<BufferedIncomingMessage>).rawBody;
  const isCommand = body !== undefined && new URLSearchParams(body.toString("utf8")).has("command");
  if (!(error instanceof AuthorizationError) || response.headersSent || !isCommand)
    return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ response_type: "ephemeral", text: NOT_INSTALLED }));
  return Promise.resolve(true);
}

/** How far a request's timestamp may be from this clock, as Slack documents signature checks. */
const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * What is refused before Bolt sees it, each with one debug line (anyone can send these):
 * - a timestamp from the future (Bolt checks only the past), 401;
 * - a missing or wrong signature, 401: Bolt would log each at WARN;
 * - a signed body of `null`, a number or an array, 400: Bolt's receiver reads a field of every
 *   body (`ssl_check`) before checking its shape, throws in a promise nobody awaits, and the
 *   process dies.
 * The body is read once: Bolt reuses it.
 */
function refuseBeforeBolt(receiver: HTTPReceiver, signingSecret: string, logger: Logger): void {
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    // Anything else goes to Bolt at once, so that its start() catches what it throws.
    if (req.method !== "POST" || !isEventsPath(req.url)) return bolt(req, res);
    // Bolt refuses a timestamp over five minutes old; Slack says to refuse one as far ahead too.
    const timestamp = Number(req.headers["x-slack-request-timestamp"]);
    if (timestamp > Date.now() / 1000 + MAX_CLOCK_SKEW_S) {
      logger.debug(`refused a request to ${EVENTS_PATH}: its timestamp is in the future`);
      res.writeHead(401, { connection: "close" });
      res.end();
      return;
    }
    void (async () => {
      try {
        await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
      } catch (err) {
        const tooLarge = (err as { statusCode?: number }).statusCode === 413;
        logger.debug(
          `refused a request to ${EVENTS_PATH}: ${tooLarge ? "body too large" : "body unreadable"}`,
        );
        // The rest is read and dropped first: a client still writing it would see a reset, not the 413.
        if (tooLarge) await drainBody(req);
        res.writeHead(tooLarge ? 413 : 400, { connection: "close" });
        res.end();
        return;
      }
      // Bolt would log each unsigned request at WARN, and anyone can send them: one debug line here.
      const rawBody = (req as { rawBody?: Buffer }).rawBody?.toString("utf8") ?? "";
      const signature = { signingSecret, body: rawBody, headers: slackSignatureHeaders(req) };
      if (!isValidSlackRequest(signature)) {
        logger.debug(`refused a request to ${EVENTS_PATH}: no valid Slack signature`);
        res.writeHead(401, { connection: "close" });
        res.end();
        return;
      }
      if (!bodyIsObject(req as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0])) {
        logger.debug(`refused a request to ${EVENTS_PATH}: its body is not a JSON object`);
        HTTPModuleFunctions.buildNoBodyResponse(res, 400);
        return;
      }
      bolt(req, res);
    })().catch((err: Error) => {
      logger.error(`request to ${EVENTS_PATH} failed: ${err.message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

function slackSignatureHeaders(req: http.IncomingMessage) {
  const signature = req.headers["x-slack-signature"];
  return {
    "x-slack-signature": typeof signature === "string" ? signature : "",
    "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
  };
}

function isEventsPath(url: string | undefined): boolean {
  try {
    return new URL(url ?? "/", "http://localhost").pathname === EVENTS_PATH;
  } catch {
    return false;
  }
}

/** Whether Bolt's own parsing gives an object; a body it cannot parse at all is left to Bolt (401 or 400). */
function bodyIsObject(req: Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]): boolean {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return true;
  }
  return typeof body === "object" && body !== null && !Array.isArray(body);
}
