import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REPLY_THREAD_NICE } from "../../src/slack/reply-pool.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { FORM, postSigned, slashCommandBody } from "../helpers/slack-requests.js";

/** A response_url host that accepts connections and never answers. */
async function silentServer(): Promise<{ url: string; close: () => void }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/response/hang`,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

/**
 * A response_url host that keeps connections alive after answering, then drops a kept-alive
 * connection when the next request arrives on it (as a server that timed it out would).
 */
async function forgetfulServer(): Promise<{ url: string; received: string[]; close: () => void }> {
  const received: string[] = [];
  const served = new WeakSet<net.Socket>();
  const server = http.createServer((req, res) => {
    if (served.has(req.socket)) {
      req.socket.destroy();
      return;
    }
    served.add(req.socket);
    let body = "";
    req.on("data", (d) => {
      body += d;
    });
    req.on("end", () => {
      received.push(body);
      res.writeHead(200, { connection: "keep-alive" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/response/forgetful`,
    received,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/N/stat). */
function threadNice(tid: string | number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
  // The command name (field 2) can hold spaces; count fields after its closing parenthesis.
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe("/postcheck when replies back up", () => {
  let h: Harness;
  let silent: Awaited<ReturnType<typeof silentServer>>;

  beforeAll(async () => {
    // Saturated as soon as one draft waits; a hung response_url gives up after 1.5 s.
    h = await startHarness({}, { replyQueue: { maxQueuedChars: 1, replyTimeoutMs: 1500 } });
    silent = await silentServer();
  });
  // The previous test's replies must be settled first, or the pool is still full.
  beforeEach(async () => {
    await expect.poll(() => h.services.replies.saturated, { timeout: 5000 }).toBe(false);
  });
  afterAll(async () => {
    silent.close();
    await h.stop();
  });

  it("gives the draft back at once, word for word, while too many replies wait; then coaches again", async () => {
    const stuck = slashCommandBody(
      "A draft whose reply hangs for a while, about our launch week.",
      silent.url,
    );
    expect((await postSigned(h.url, stuck, FORM)).text).toBe("");
    await expect.poll(() => h.services.replies.saturated).toBe(true);

    const draft = "Shipped it! <!channel> please read & share: https://example.com/launch";
    const res = await h.command(draft, "busy");
    expect(res.status).toBe(200);
    const ack = res.json();
    expect(ack.response_type).toBe("ephemeral");
    expect(String(ack.text)).toMatch(/try again/);
    const blocks = ack.blocks as { type: string; text: { type: string; text: string } }[];
    const given = blocks.filter((b) => b.text.type === "plain_text").map((b) => b.text.text);
    // As the author typed it (Slack's markup read back), as plain text that pings nobody.
    expect(given.join("")).toBe("Shipped it! @channel please read & share: https://example.com/launch");
    expect(JSON.stringify(blocks)).not.toContain("<!channel>");

    await expect
      .poll(() => h.logs.some((l) => /coaching reply not delivered.*timeout/i.test(l)), { timeout: 5000 })
      .toBe(true);
    await h.command("After the hung reply timed out, a normal draft gets coached.", "after");
    const reply = await h.fake.waitForResponse("after");
    expect(JSON.stringify(reply.body.blocks)).toContain("Questions to ask yourself");
  });

  it("splits a long draft given back into sections within Slack's limits", async () => {
    const stuck = slashCommandBody("Another draft whose reply hangs, so the pool stays full.", silent.url);
    await postSigned(h.url, stuck, FORM);
    await expect.poll(() => h.services.replies.saturated).toBe(true);
    const long = `${"Our migration taught us a lot about patience and planning. ".repeat(120)}😀`;
    const ack = (await h.command(long, "busy-long")).json();
    const texts = (ack.blocks as { text: { type: string; text: string } }[])
      .filter((b) => b.text.type === "plain_text")
      .map((b) => b.text.text);
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
    expect(texts.join("")).toBe(long.trim());
  });

  it.runIf(process.platform === "linux")(
    "runs the reply thread at a lower priority than the acks",
    async () => {
      expect(REPLY_THREAD_NICE).toBeGreaterThan(0);
      await h.command("A draft that makes sure the reply worker has started, about our team week.", "nice");
      await h.fake.waitForResponse("nice");
      expect(readdirSync("/proc/self/task").map(threadNice)).toContain(REPLY_THREAD_NICE);
      // The main thread (its id is the process id) keeps the default priority.
      expect(threadNice(process.pid)).toBe(0);
    },
  );

  it("delivers the reply when Slack dropped the kept-alive connection meanwhile", async () => {
    const forgetful = await forgetfulServer();
    try {
      for (const n of [1, 2, 3]) {
        const body = slashCommandBody(
          `Draft number ${n} about what our team learned this week.`,
          forgetful.url,
        );
        await postSigned(h.url, body, FORM);
        await expect.poll(() => forgetful.received.length).toBe(n);
      }
      expect(forgetful.received.at(-1)).toContain("Questions to ask yourself");
    } finally {
      forgetful.close();
    }
  });
});
