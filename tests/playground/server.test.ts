import http from "node:http";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";
import { LLM_UNAVAILABLE } from "../../src/coach/messages.js";
import { loadConfig } from "../../src/config.js";
import { LlmCoach } from "../../src/llm/client.js";
import { createLogger } from "../../src/logger.js";
import { MAX_BODY, startPlayground } from "../../src/playground/server.js";
import { answer, FakeOpenAI } from "../helpers/fake-openai.js";
import { type Harness, startHarness } from "../helpers/harness.js";

type Playground = Awaited<ReturnType<typeof startPlayground>>;

/** A raw HTTP request (any method, path, headers and body), as a browser or an attacker sends it. */
function request(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string | number>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const JSON_HEADERS = { "content-type": "application/json" };

function check(port: number, body: unknown, path = "/api/check", headers: Record<string, string> = {}) {
  return request(port, "POST", path, {
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify(body),
  });
}

describe("the playground's HTTP surface", () => {
  let pg: Playground;
  beforeAll(async () => {
    pg = await startPlayground({ port: 0 });
  });
  afterAll(async () => {
    await pg.stop();
  });

  it("listens on loopback only by default", () => {
    expect(pg.host).toBe("127.0.0.1");
  });

  it("serves its page, script, styles and favicon from itself, with a strict CSP", async () => {
    const page = await request(pg.port, "GET", "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.text).toContain('<html lang="en">');
    for (const [path, type] of [
      ["/assets/playground.js", "text/javascript; charset=utf-8"],
      ["/assets/playground.css", "text/css; charset=utf-8"],
      ["/favicon.svg", "image/svg+xml"],
      ["/favicon.ico", "image/svg+xml"],
    ] as const) {
      const res = await request(pg.port, "GET", path);
      expect(res.status, path).toBe(200);
      expect(res.headers["content-type"], path).toBe(type);
      expect(res.text.length, path).toBeGreaterThan(100);
    }
    const fr = await request(pg.port, "GET", "/", { headers: { "accept-language": "fr-FR,fr;q=0.9" } });
    expect(fr.text).toContain('<html lang="fr">');
  });

  it("answers every method on every path without stopping: 404, 405 with Allow, HEAD without a body", async () => {
    const methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"];
    const paths = [
      "/",
      "/healthz",
      "/api/check",
      "/api/refine",
      "/favicon.ico",
      "/nope",
      "//",
      "/%",
      "/..%2f..%2fetc",
      "/api/check?x=%zz",
    ];
    for (const path of paths) {
      for (const method of methods) {
        const res = await request(
          pg.port,
          method,
          path,
          method === "POST" ? { headers: JSON_HEADERS, body: "{}" } : {},
        );
        expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        if (method === "HEAD") expect(res.text).toBe("");
      }
    }
    expect((await request(pg.port, "GET", "/nope")).status).toBe(404);
    const del = await request(pg.port, "DELETE", "/");
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe("GET, HEAD");
    const options = await request(pg.port, "OPTIONS", "/api/check");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("POST");
    expect(options.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await request(pg.port, "HEAD", "/healthz")).status).toBe(200);
    expect((await request(pg.port, "GET", "/healthz")).text).toBe("ok");
  });

  it("gives a draft over the limit the server's own 'too large' message, not a reset connection", async () => {
    const text = "x".repeat(MAX_BODY + 10_000);
    const res = await check(pg.port, { text });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error).toBe(
      "That draft is too large for the playground (at most 256 KB). Posts people finish are far shorter: try the part you care about most.",
    );
    // fetch (undici) behaves as the browser does: the body is sent in full, the answer read.
    const viaFetch = await fetch(`http://127.0.0.1:${pg.port}/api/check?ui=fr`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify({ text }),
    });
    expect(viaFetch.status).toBe(413);
    expect(((await viaFetch.json()) as { error: string }).error).toMatch(/^Ce brouillon est trop volumineux/);
    // A body that says it is absurdly large is answered at once, and the connection closed.
    const huge = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: pg.port,
          method: "POST",
          path: "/api/check",
          headers: { ...JSON_HEADERS, "content-length": 1e9 },
        },
        (r) => {
          let body = "";
          r.on("data", (c) => {
            body += c;
          });
          r.on("end", () => resolve({ status: r.statusCode ?? 0, text: body }));
        },
      );
      req.on("error", reject);
      req.write("{");
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text).error).toMatch(/too large/);
    expect((await request(pg.port, "GET", "/healthz")).status).toBe(200);
  });

  it("answers bad input with a kind message", async () => {
    const bad = await request(pg.port, "POST", "/api/check", { headers: JSON_HEADERS, body: "{not json" });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatch(/couldn't read that request/);
    for (const body of [null, [], { text: 5 }, { nope: true }]) {
      const res = await check(pg.port, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const empty = await check(pg.port, { text: "   " });
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.text).error).toBe("Write a draft first: there is nothing to coach yet.");
    const emptyFr = await check(pg.port, { text: "" }, "/api/check?ui=fr");
    expect(JSON.parse(emptyFr.text).error).toMatch(/^Écrivez d'abord un brouillon/);
    // Unknown options fall back to the defaults rather than failing the draft.
    const odd = await check(pg.port, {
      text: "I'm thrilled to announce",
      platform: "myspace",
      lang: "de",
      previous: "x",
    });
    expect(odd.status).toBe(200);
  });

  it("answers its own page only: no cross-site requests, no forms, no other host names", async () => {
    const draft = { text: "I'm thrilled to announce" };
    const cross = await check(pg.port, draft, "/api/check", { "sec-fetch-site": "cross-site" });
    expect(cross.status).toBe(403);
    const rebound = await check(pg.port, draft, "/api/check", { host: `evil.example:${pg.port}` });
    expect(rebound.status).toBe(403);
    const form = await request(pg.port, "POST", "/api/check", {
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(draft),
    });
    expect(form.status).toBe(415);
    for (const host of [`localhost:${pg.port}`, `127.0.0.1:${pg.port}`, `[::1]:${pg.port}`]) {
      expect(
        (await check(pg.port, draft, "/api/check", { host, "sec-fetch-site": "same-origin" })).status,
        host,
      ).toBe(200);
    }
  });

  it("coaches a draft: the marked draft, the coaching, the Slack reply, and what to compare the next version with", async () => {
    const res = await check(pg.port, {
      text: "I'm thrilled to announce I won the award! #blessed",
      platform: "x",
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body.language).toBe("en");
    expect(body.llm).toBe(false);
    expect(body.html.draft).toContain('class="pc-mark');
    expect(body.html.coaching).toContain("What a reader may notice");
    expect(body.html.slack).toContain("Check a revised draft");
    expect(body.slack.response_type).toBe("ephemeral");
    expect(body.snapshot.findings.map((f: { rule: string }) => f.rule)).toContain("self-congratulation");
    const revised = await check(pg.port, {
      text: "Three things I learned this year about hiring engineers, and one question for you.",
      previous: body.snapshot,
    });
    expect(JSON.parse(revised.text).html.coaching).toContain(`Score ${body.score} →`);
  });

  it("marks the right words of a draft pasted with decomposed accents (macOS, PDFs)", async () => {
    const draft = "Je suis très fier d'annoncer que j'ai gagné le prix ! Écrivez à jean.dupont@example.com.";
    const decomposed = draft.normalize("NFD");
    const body = JSON.parse((await check(pg.port, { text: decomposed })).text);
    const { document } = parseHTML(`<!doctype html><html><body>${body.html.draft}</body></html>`);
    const marked = new Map<string, string>();
    for (const mark of document.querySelectorAll(".pc-mark"))
      for (const id of (mark.getAttribute("data-f") ?? "").split(" "))
        marked.set(id, (marked.get(id) ?? "") + mark.textContent);
    const { findings } = analyze(decomposed);
    expect(findings.length).toBeGreaterThan(1);
    findings.forEach((f, i) => {
      expect(marked.get(`f${i}`), f.rule).toBe(f.excerpt);
    });
  });
});

describe("a browser that goes away mid-request", () => {
  it("is no error: nothing logged above debug, and the playground keeps serving", async () => {
    const logs: string[] = [];
    const pg = await startPlayground({ port: 0, logger: createLogger("debug", (line) => logs.push(line)) });
    try {
      await new Promise<void>((resolve) => {
        const req = http.request({
          host: "127.0.0.1",
          port: pg.port,
          method: "POST",
          path: "/api/check",
          headers: { ...JSON_HEADERS, "content-length": 100_000 },
        });
        req.on("error", () => resolve());
        // Half a body, then the connection drops once the server has surely read it.
        req.write('{"text":"I\'m thrilled', () => setImmediate(() => req.destroy()));
      });
      expect((await request(pg.port, "GET", "/healthz")).text).toBe("ok");
      expect(logs.filter((l) => !/ DEBUG /.test(l))).toEqual([]);
    } finally {
      await pg.stop();
    }
  });
});

describe("the Slack preview is the reply /postcheck sends", () => {
  let h: Harness;
  let pg: Playground;
  beforeAll(async () => {
    h = await startHarness();
    pg = await startPlayground({ port: 0 });
  });
  afterAll(async () => {
    await pg.stop();
    await h.stop();
  });

  it("has the same blocks and text as the real bot's reply, buttons included", async () => {
    for (const [i, draft] of [
      "I'm thrilled to announce I won the award! #blessed #success",
      "Ravie de vous annoncer ma promotion ! Je suis fière de ce parcours. #fierté",
    ].entries()) {
      // The second check of a draft: the first may carry a one-time milestone note.
      await h.command(`--linkedin ${draft}`, `first-${i}`);
      await h.fake.waitForResponse(`first-${i}`);
      await h.command(`--linkedin ${draft}`, `again-${i}`);
      const reply = await h.fake.waitForResponse(`again-${i}`);
      const preview = JSON.parse((await check(pg.port, { text: draft, platform: "linkedin" })).text);
      expect(preview.slack).toEqual(reply.body);
    }
  });
});

describe("the playground with an LLM", () => {
  const fake = new FakeOpenAI();
  let pg: Playground;
  beforeAll(async () => {
    await fake.start();
    const config = loadConfig({
      OPENAI_API_KEY: "sk-test-key",
      OPENAI_BASE_URL: fake.baseUrl,
      LLM_TIMEOUT_MS: "5000",
    });
    pg = await startPlayground({ port: 0, llm: new LlmCoach({ ...config.llm, apiKey: "sk-test-key" }) });
  });
  afterAll(async () => {
    await pg.stop();
    await fake.stop();
  });

  const draft = { text: "I'm thrilled to announce I won the award!", platform: "linkedin" };

  it("says the LLM is there, and refines the questions in the coaching and in the Slack reply", async () => {
    const questions = ["Who in your team would use what you learned?", "What almost made you give up?"];
    fake.reply(() => ({ content: answer(questions, { audience: "Readers see the award, not the work." }) }));
    const first = JSON.parse((await check(pg.port, draft)).text);
    expect(first.llm).toBe(true);
    // The heuristic answer comes first, without waiting for the LLM.
    expect(fake.requests.length).toBe(0);
    const refined = JSON.parse((await check(pg.port, draft, "/api/refine")).text);
    expect(refined.coachedBy).toBe("llm");
    for (const q of questions) {
      expect(refined.html.questions).toContain(q);
      expect(JSON.stringify(refined.slack.blocks)).toContain(q);
    }
    expect(refined.html.questions).toContain("Readers see the award, not the work.");
    expect(fake.requests.at(-1)!.messages.at(-1)!.content).toContain("I'm thrilled to announce");
  });

  it("keeps the heuristic questions, with the note, when the LLM fails", async () => {
    fake.reply(() => ({
      status: 400,
      body: { error: { message: "model not found", type: "invalid_request_error" } },
    }));
    const refined = JSON.parse((await check(pg.port, draft, "/api/refine")).text);
    expect(refined.coachedBy).toBe("heuristics");
    expect(refined.note).toBe(LLM_UNAVAILABLE.en);
    const context = refined.slack.blocks.find((b: { type: string }) => b.type === "context");
    expect(JSON.stringify(context)).toContain(LLM_UNAVAILABLE.en);
  });
});
