import http from "node:http";
import type { AddressInfo } from "node:net";
import { analyze, LANGUAGES, type Lang, PLATFORMS, type Platform } from "../coach/index.js";
import { PAGE } from "./page.js";

const MAX_BODY = 256 * 1024;

/**
 * The local playground: try the coach in a browser without a Slack workspace. Same coach as the
 * bot and the CLI; nothing is stored.
 */
export async function startPlayground(port: number): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && (req.url === "/" || req.url === "/index.html")) {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy":
          "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
      });
      res.end(PAGE);
      return;
    }
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
      return;
    }
    if (req.method === "POST" && req.url === "/api/check") {
      readBody(req)
        .then((body) => {
          const input = JSON.parse(body) as { text?: unknown; platform?: unknown; lang?: unknown };
          if (typeof input.text !== "string" || input.text.trim() === "") {
            return send(res, 400, { error: "Write a draft first: there is nothing to coach yet." });
          }
          const platform = PLATFORMS.includes(input.platform as Platform)
            ? (input.platform as Platform)
            : undefined;
          const lang = LANGUAGES.includes(input.lang as Lang) ? (input.lang as Lang) : undefined;
          send(res, 200, analyze(input.text, { platform, lang }));
        })
        .catch((err: Error) =>
          send(res, err.message === "too large" ? 413 : 400, {
            error:
              err.message === "too large"
                ? "That draft is too large for the playground (256 KB)."
                : "The request was not valid JSON.",
          }),
        );
      return;
    }
    send(res, 404, { error: "not found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
