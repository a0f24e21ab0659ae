import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

type Handler = (params: Record<string, unknown>) => Record<string, unknown>;

/** A message the bot posted, as conversations.replies gives it back. */
export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: unknown;
  blocks?: unknown;
  metadata?: unknown;
  bot_id: string;
}

/**
 * A local stand-in for Slack's Web API (the client's slackApiUrl), for response_url posts and for
 * Socket Mode. It records every call so tests can assert what postcoach sent to Slack.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly uploads: { id: string; body: Buffer }[] = [];
  readonly socketAcks: Record<string, unknown>[] = [];
  /** What the bot posted (chat.postMessage, updated by chat.update), for conversations.replies. */
  readonly messages: PostedMessage[] = [];
  /** Status code for response_url posts (a response_url that fails); 200 by default. */
  responseStatus: (id: string) => number = () => 200;
  /** response_url posts wait this long before they are answered (a slow Slack). */
  responseDelayMs = 0;
  /** While true, response_url posts are never answered (a Slack that hangs). */
  holdResponses = false;
  private readonly handlers = new Map<string, Handler>();
  private server?: http.Server;
  private wss?: WebSocketServer;
  private sockets: WebSocket[] = [];
  private ts = 1_700_000_000;
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Overrides the answer for one Web API method. */
  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  /** While true, Slack is unreachable: every request and WebSocket upgrade is cut (an outage). */
  down = false;

  /** Cuts every open Socket Mode connection, as Slack going away does. */
  dropSockets(): void {
    for (const s of this.sockets) s.terminate();
    this.sockets = [];
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      if (this.down) req.socket.destroy();
      else void this.handle(req, res);
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on("upgrade", (req, socket, head) => {
      if (this.down) {
        socket.destroy();
        return;
      }
      this.wss!.handleUpgrade(req, socket, head, (ws) => {
        this.sockets.push(ws);
        ws.on("message", (data) => {
          const msg = JSON.parse(String(data));
          if (msg.envelope_id) this.socketAcks.push(msg);
        });
        ws.send(
          JSON.stringify({
            type: "hello",
            num_connections: 1,
            debug_info: { host: "fake" },
            connection_info: { app_id: "A1" },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Sends a Socket Mode envelope to every connected client. */
  socketSend(envelope: Record<string, unknown>): void {
    for (const s of this.sockets) s.send(JSON.stringify(envelope));
  }

  get socketConnected(): boolean {
    return this.sockets.some((s) => s.readyState === WebSocket.OPEN);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `find` returns something, polling the recordings. */
  async waitFor<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const started = Date.now();
    for (;;) {
      const found = find();
      if (found !== undefined && found !== false) return found;
      if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the fake Slack");
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  waitForCall(method: string, timeoutMs?: number): Promise<ApiCall> {
    return this.waitFor(() => this.callsTo(method)[0], timeoutMs);
  }

  waitForResponse(id: string, timeoutMs?: number): Promise<ResponseUrlPost> {
    return this.waitFor(() => this.responses.find((r) => r.id === id), timeoutMs);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = req.url ?? "";
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (url.startsWith("/response/")) {
      if (this.holdResponses) return;
      if (this.responseDelayMs > 0) await new Promise((r) => setTimeout(r, this.responseDelayMs));
      const id = url.slice("/response/".length);
      const status = this.responseStatus(id);
      if (status !== 200) {
        json(status, { ok: false });
        return;
      }
      this.responses.push({ id, body: JSON.parse(body.toString("utf8") || "{}"), at: Date.now() });
      json(200, { ok: true });
      return;
    }
    if (url.startsWith("/upload/")) {
      this.uploads.push({ id: url.slice("/upload/".length), body });
      res.writeHead(200);
      res.end("OK - uploaded");
      return;
    }
    if (!url.startsWith("/api/")) {
      json(404, { ok: false, error: "unknown_path" });
      return;
    }
    const method = url.slice("/api/".length).split("?")[0]!;
    const params = parseParams(body.toString("utf8"), String(req.headers["content-type"] ?? ""));
    this.calls.push({ method, params, headers: req.headers, at: Date.now() });
    const handler = this.handlers.get(method);
    json(200, handler ? handler(params) : this.defaultAnswer(method, params));
  }

  private defaultAnswer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://acme.slack.com/",
          team: "Acme",
          user: "postcoach",
          team_id: "T1",
          user_id: "UBOT",
          bot_id: "BBOT",
        };
      case "apps.connections.open":
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case "chat.postMessage": {
        const ts = `${++this.ts}.000100`;
        this.messages.push({
          channel: String(params.channel),
          ts,
          thread_ts: params.thread_ts as string | undefined,
          text: params.text,
          blocks: params.blocks,
          metadata: params.metadata,
          bot_id: "BBOT",
        });
        return { ok: true, channel: params.channel, ts, message: { text: params.text } };
      }
      case "chat.update": {
        const m = this.messages.find((x) => x.channel === params.channel && x.ts === params.ts);
        if (m)
          Object.assign(m, {
            text: params.text,
            blocks: params.blocks,
            metadata: params.metadata ?? m.metadata,
          });
        return { ok: true, channel: params.channel, ts: params.ts };
      }
      case "conversations.replies": {
        const thread = this.messages.filter(
          (m) => m.channel === params.channel && (m.thread_ts === params.ts || m.ts === params.ts),
        );
        return { ok: true, messages: thread, has_more: false };
      }
      case "chat.startStream":
        return { ok: true, channel: params.channel, ts: `${++this.ts}.000300` };
      case "chat.appendStream":
        return { ok: true, channel: params.channel, ts: params.ts };
      case "chat.stopStream":
        return { ok: true, channel: params.channel, ts: params.ts, message: {} };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${++this.ts}.000200` };
      case "views.open":
      case "views.update":
      case "views.publish":
        return { ok: true, view: { id: "V1" } };
      case "conversations.history":
        return { ok: true, messages: [] };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(params.users ?? "X")}` } };
      case "users.info":
        return { ok: true, user: { id: params.user, tz: "Europe/Paris", tz_offset: 3600, locale: "en-US" } };
      case "files.getUploadURLExternal":
        return {
          ok: true,
          upload_url: `http://127.0.0.1:${this.port}/upload/F${++this.ts}`,
          file_id: `F${this.ts}`,
        };
      case "files.completeUploadExternal":
        return { ok: true, files: [{ id: "F1", title: "export" }] };
      default:
        return { ok: true };
    }
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The Web API client sends form bodies whose object values (blocks, view) are JSON strings. */
function parseParams(body: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json")) return body ? JSON.parse(body) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    if ((v.startsWith("{") || v.startsWith("[")) && k !== "text") {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // a plain string that happens to start with a bracket
      }
    }
    out[k] = v;
  }
  return out;
}
