import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequest {
  model: string;
  stream?: boolean;
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
}

export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** `stream: false`: the whole completion as JSON even when streaming was asked (streaming off). */
  | { content: string; stream?: false }
  | "hang";

/**
 * A local OpenAI-compatible server (POST /v1/chat/completions), as vLLM, Ollama or LM Studio
 * expose. Each test scripts its answers; every request is recorded.
 */
export class FakeOpenAI {
  readonly requests: ChatRequest[] = [];
  private script: (req: ChatRequest, n: number) => Reply | Promise<Reply> = () => ({
    content: answer(["What will your reader do with this?", "Which detail matters most to them?"]),
  });
  private server?: http.Server;
  port = 0;
  /** Pause between two streamed chunks. */
  streamDelayMs = 2;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Scripts the answers; a promise holds the answer until the test resolves it. */
  reply(script: (req: ChatRequest, n: number) => Reply | Promise<Reply>): void {
    this.script = script;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.url !== "/v1/chat/completions") {
          res.writeHead(404).end();
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequest;
        this.requests.push(body);
        void Promise.resolve(this.script(body, this.requests.length)).then((r) => this.answer(res, body, r));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  private answer(res: http.ServerResponse, body: ChatRequest, r: Reply): void {
    if (r === "hang") return;
    if ("content" in r && body.stream && r.stream !== false) {
      // Server-sent events, a few characters per chunk, as OpenAI streams.
      res.writeHead(200, { "content-type": "text/event-stream" });
      const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
        `data: ${JSON.stringify({
          id: `chatcmpl-${this.requests.length}`,
          object: "chat.completion.chunk",
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, delta, finish_reason: finish }],
        })}\n\n`;
      const parts = r.content.match(/[\s\S]{1,12}/g) ?? [];
      const send = (i: number) => {
        if (i < parts.length) {
          res.write(chunk({ content: parts[i] }));
          setTimeout(() => send(i + 1), this.streamDelayMs);
        } else res.end(`${chunk({}, "stop")}data: [DONE]\n\n`);
      };
      res.write(chunk({ role: "assistant", content: "" }));
      send(0);
      return;
    }
    if ("content" in r) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${this.requests.length}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message: { role: "assistant", content: r.content }, finish_reason: "stop" }],
          usage: { prompt_tokens: 500, completion_tokens: 60, total_tokens: 560 },
        }),
      );
      return;
    }
    res.writeHead(r.status, { "content-type": "application/json", ...(r.headers ?? {}) });
    res.end(JSON.stringify(r.body ?? { error: { message: "error", type: "server_error" } }));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export function answer(questions: string[], observations: Record<string, string | null> = {}): string {
  return JSON.stringify({
    questions,
    observations: { audience: null, authenticity: null, vulnerability: null, ...observations },
  });
}
