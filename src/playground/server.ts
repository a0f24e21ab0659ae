import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "@slack/bolt";
import { z } from "zod";
import {
  type AnalyzeOptions,
  analyze,
  type CoachResult,
  LANGUAGES,
  type Lang,
  PLATFORMS,
} from "../coach/index.js";
import { refineWithLlm } from "../commands/reply.js";
import { drainBody, MAX_DRAINED } from "../http-drain.js";
import type { LlmCoach } from "../llm/client.js";
import { coachingBlocks, coachingText } from "../slack/blocks.js";
import { DraftRefs } from "../slack/draft-ref.js";
import { pageLanguage, renderPage } from "./page.js";
import { slackMessage } from "./slack-preview.js";
import { PLAYGROUND_STRINGS, type PlaygroundStrings } from "./strings.js";
import { groupFindings, renderCoaching, renderDraft, renderQuestions, snapshotOf } from "./view.js";

/** Largest request body read; a bigger one gets the "too large" message, never a reset connection. */
export const MAX_BODY = 256 * 1024;
/** Where the playground listens unless PLAYGROUND_HOST says otherwise: this machine only. */
export const DEFAULT_PLAYGROUND_HOST = "127.0.0.1";

// The page's own files stay beside this module in the source tree (a TypeScript build copies no
// .js, .css or .svg), and this module runs both from src/ and compiled into dist/: both sit two
// levels below the package root.
const ASSET_DIR = new URL("../../src/playground/assets/", import.meta.url);

const ASSETS: Record<string, { type: string; body: Buffer }> = {
  "/assets/playground.js": { type: "text/javascript; charset=utf-8", body: asset("playground.js") },
  "/assets/playground.css": { type: "text/css; charset=utf-8", body: asset("playground.css") },
  "/favicon.svg": { type: "image/svg+xml", body: asset("favicon.svg") },
  "/favicon.ico": { type: "image/svg+xml", body: asset("favicon.svg") },
};

function asset(name: string): Buffer {
  return readFileSync(new URL(name, ASSET_DIR));
}

// Nothing but the playground's own files, and nothing from elsewhere: no fonts, scripts or
// images from another origin, no framing.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

const snapshotShape = z.object({
  score: z.number().min(0).max(100),
  tooShort: z.boolean().optional().catch(undefined),
  findings: z
    .array(
      z.object({ rule: z.string().max(100), message: z.string().max(1000), excerpt: z.string().max(1000) }),
    )
    .max(5000),
});

const checkShape = z.object({
  text: z.string(),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  lang: z.enum(LANGUAGES).optional().catch(undefined),
  previous: snapshotShape.optional().catch(undefined),
});
type CheckInput = z.infer<typeof checkShape>;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly close = false,
  ) {
    super(message);
  }
}

export interface PlaygroundOptions {
  port: number;
  /** Interface to listen on (PLAYGROUND_HOST); loopback by default. */
  host?: string;
  /** The LLM coach, when OPENAI_API_KEY is set: questions are refined as in Slack. */
  llm?: LlmCoach;
  logger?: Logger;
}

/**
 * The local playground: try the coach in a browser without a Slack workspace. Same coach and the
 * same Block Kit reply as the bot; nothing is stored, nothing is fetched from elsewhere.
 */
export async function startPlayground(
  options: PlaygroundOptions,
): Promise<{ port: number; host: string; stop: () => Promise<void> }> {
  const host = options.host ?? DEFAULT_PLAYGROUND_HOST;
  const loopbackOnly = isLoopback(host);
  const server = http.createServer((req, res) => {
    handle(req, res, options, loopbackOnly).catch((err: Error) => {
      const line = `playground: ${req.method} ${req.url?.split("?")[0]} failed: ${err.message}`;
      // A browser that closed the tab mid-request is no error of ours.
      if (req.destroyed) options.logger?.debug(line);
      else options.logger?.error(line);
      if (!res.headersSent) send(res, 500, { error: "Something went wrong on the playground's side." });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    host,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const ROUTES: Record<string, string[]> = {
  "/": ["GET", "HEAD"],
  "/index.html": ["GET", "HEAD"],
  "/healthz": ["GET", "HEAD"],
  "/api/check": ["POST"],
  "/api/refine": ["POST"],
  ...Object.fromEntries(Object.keys(ASSETS).map((path) => [path, ["GET", "HEAD"]])),
};

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: PlaygroundOptions,
  loopbackOnly: boolean,
): Promise<void> {
  const url = pathOf(req.url ?? "");
  const method = req.method ?? "GET";
  const allowed = url ? ROUTES[url.pathname] : undefined;
  if (!url || !allowed) {
    send(res, 404, { error: "Not found." });
    return;
  }
  if (!allowed.includes(method)) {
    res.setHeader("allow", allowed.join(", "));
    send(
      res,
      method === "OPTIONS" ? 204 : 405,
      method === "OPTIONS" ? undefined : { error: "Method not allowed." },
    );
    req.resume();
    return;
  }
  if (method !== "POST") {
    serveFile(req, res, url);
    return;
  }
  const lang = (LANGUAGES as readonly string[]).includes(url.searchParams.get("ui") ?? "")
    ? (url.searchParams.get("ui") as Lang)
    : "en";
  const s = PLAYGROUND_STRINGS[lang];
  try {
    refuseOtherSites(req, loopbackOnly, s);
    const input = parseInput(await readBody(req, s.tooLarge(MAX_BODY / 1024)), s.badRequest);
    if (input.text.trim() === "") throw new HttpError(400, s.emptyDraft);
    const body = url.pathname === "/api/check" ? await check(input, options) : await refine(input, options);
    send(res, 200, body);
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    if (err.close) res.setHeader("connection", "close");
    send(res, err.status, { error: err.message });
    if (err.close) res.once("finish", () => req.destroy());
  }
}

/** The request's path and query on this server, whatever it looks like ("//x" is not another host here). */
function pathOf(target: string): URL | undefined {
  try {
    return new URL(`http://playground.invalid${target.startsWith("/") ? "" : "/"}${target}`);
  } catch {
    return undefined;
  }
}

function serveFile(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  const head = req.method === "HEAD";
  if (url.pathname === "/healthz") {
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end(head ? undefined : "ok");
    return;
  }
  const file = ASSETS[url.pathname];
  const body = file
    ? file.body
    : Buffer.from(renderPage(pageLanguage(url.searchParams.get("lang"), req.headers["accept-language"])));
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "content-type": file ? file.type : "text/html; charset=utf-8",
    "content-length": body.length,
    "cache-control": file ? "no-cache" : "no-store",
    ...(file ? {} : { vary: "accept-language" }),
  });
  res.end(head ? undefined : body);
}

/**
 * The API answers the playground's own page only: JSON bodies (a form on another site can't send
 * them without asking first), no cross-site fetch, and when listening on loopback, only loopback
 * host names, so a page on another domain that rebinds its name to 127.0.0.1 gets nothing (the
 * LLM costs its owner money).
 */
function refuseOtherSites(req: http.IncomingMessage, loopbackOnly: boolean, s: PlaygroundStrings): void {
  if (req.headers["sec-fetch-site"] === "cross-site") throw new HttpError(403, s.wrongOrigin);
  if (loopbackOnly && !isLoopback(hostnameOf(req.headers.host ?? "")))
    throw new HttpError(403, s.wrongOrigin);
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new HttpError(415, s.badRequest);
}

function hostnameOf(hostHeader: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)/.exec(hostHeader.trim());
  return (m?.[1] ?? "").replace(/^\[|\]$/g, "").toLowerCase();
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function parseInput(body: string, message: string): CheckInput {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, message);
  }
  const parsed = checkShape.safeParse(json);
  if (!parsed.success) throw new HttpError(400, message);
  return parsed.data;
}

function optionsOf(input: CheckInput): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  if (input.platform) options.platform = input.platform;
  if (input.lang) options.lang = input.lang;
  return options;
}

/** Nobody can press the preview's buttons: they are shown, not live. */
const PLAYGROUND_OWNER = { teamId: "playground", userId: "playground" };

/** The exact reply /postcheck posts for this draft, and its preview. */
async function slackReply(
  draft: string,
  options: AnalyzeOptions,
  result: CoachResult,
  llm?: { questions?: string[]; notes: string[] },
) {
  // A DraftRefs without a store: the preview's buttons are shown, not live, and nothing is kept.
  const draftValue = await new DraftRefs().encode({ draft: draft.trim(), options }, PLAYGROUND_OWNER);
  const blocks = coachingBlocks(result, {
    draftValue,
    canAskTeammate: true,
    questions: llm?.questions,
    notes: llm?.notes,
  });
  const s = PLAYGROUND_STRINGS[result.language];
  return {
    json: { response_type: "ephemeral" as const, blocks, text: coachingText(result, llm?.questions) },
    html: slackMessage(blocks, { app: s.app, onlyYou: s.onlyYou }).value,
  };
}

async function check(input: CheckInput, options: PlaygroundOptions) {
  const draft = input.text;
  const analysed = analyze(draft, optionsOf(input));
  const groups = groupFindings(analysed);
  const slack = await slackReply(draft, optionsOf(input), analysed);
  return {
    language: analysed.language,
    score: analysed.score,
    findings: analysed.findings.length,
    html: {
      // The coach's offsets are into the draft as typed, decomposed accents included.
      draft: renderDraft(draft, analysed, groups).value,
      coaching: renderCoaching(analysed, groups, { previous: input.previous }).value,
      slack: slack.html,
    },
    slack: slack.json,
    snapshot: snapshotOf(analysed),
    llm: options.llm !== undefined,
  };
}

/** The LLM's questions (or the note that it was unavailable), for the coaching and the Slack reply. */
async function refine(input: CheckInput, options: PlaygroundOptions) {
  const result = analyze(input.text, optionsOf(input));
  const logger = options.logger ?? silentLogger;
  const llm = options.llm;
  // The playground has no workspace: its coach (made in main.ts) caches nothing.
  const refinement = llm
    ? await refineWithLlm(
        { llm: () => llm, logger, coach: analyze },
        "",
        input.text,
        optionsOf(input),
        result,
      )
    : undefined;
  const questions = refinement?.questions ?? result.questions;
  const slack = await slackReply(input.text, optionsOf(input), result, refinement);
  return {
    coachedBy: refinement?.questions ? "llm" : "heuristics",
    note: refinement && !refinement.questions ? refinement.notes[0] : undefined,
    html: {
      questions: renderQuestions(result.language, questions, refinement?.questions ? refinement.notes : [])
        .value,
      slack: slack.html,
    },
    slack: slack.json,
  };
}

const silentLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => "info",
  setName() {},
} as unknown as Logger;

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/**
 * Reads a body up to MAX_BODY. A larger one is still read to its end (and dropped, see drainBody) so
 * that the browser gets the 413 and its message rather than a reset connection; only past
 * MAX_DRAINED is the connection closed early.
 */
function readBody(req: http.IncomingMessage, tooLarge: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"]) > MAX_DRAINED) {
      reject(new HttpError(413, tooLarge, true));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) {
        chunks.push(c);
        return;
      }
      req.off("data", onData).off("end", onEnd).off("error", reject);
      // Closed early unless drained to its end.
      void drainBody(req, size).then(() => reject(new HttpError(413, tooLarge, !req.readableEnded)));
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString("utf8"));
    req.on("data", onData).on("end", onEnd).on("error", reject);
  });
}
