import { afterEach, describe, expect, it } from "vitest";
import { PAGE_READER_LIMITS, PageReader } from "../../src/links/page-reader.js";

const ARTICLE = `<html><head><title>Fridays</title></head><body><article><h1>Shipping on Fridays</h1>${"<p>We stopped shipping on Fridays and our weekends got quieter, here is what we changed and what it cost us.</p>".repeat(6)}</article></body></html>`;
// Building a DOM of this takes linkedom tens of seconds and gigabytes, whatever its 1 MB.
const HOSTILE = `<html><body>${"<<<<".repeat(250_000)}</body></html>`;

describe("reading pages off the bot's thread", () => {
  const readers: PageReader[] = [];
  const reader = (limits: { timeoutMs: number; heapMb: number }) => {
    const r = new PageReader({ ...limits, idleMs: 60_000 });
    readers.push(r);
    return r;
  };
  afterEach(async () => {
    for (const r of readers.splice(0)) await r.close();
  });

  it("reads a page in its worker", async () => {
    const reading = await reader({ timeoutMs: 10_000, heapMb: 96 }).read(ARTICLE, "text/html");
    expect(reading.ok && reading.article.text).toContain("We stopped shipping on Fridays");
  });

  it("gives up a page over its time, keeps the bot's thread free meanwhile, and reads the next page", async () => {
    // The production limit: it also covers a new worker's start (loading the parser), which a
    // loaded machine can stretch past half a second.
    const r = reader({ timeoutMs: PAGE_READER_LIMITS.timeoutMs, heapMb: 4096 });
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 20);
    const hostile = await r.read(HOSTILE, "text/html");
    clearInterval(ticking);
    expect(hostile).toEqual({
      ok: false,
      reason: `too slow to read (over ${PAGE_READER_LIMITS.timeoutMs} ms)`,
    });
    // The interval kept firing while the worker parsed: the thread was never held.
    expect(ticks).toBeGreaterThan(10);
    const next = await r.read(ARTICLE, "text/html");
    expect(next.ok).toBe(true);
  });

  it("gives up a page that outgrows the worker's memory, and reads the next page", async () => {
    const r = reader({ timeoutMs: 60_000, heapMb: 24 });
    const hostile = await r.read(HOSTILE, "text/html");
    expect(hostile.ok).toBe(false);
    expect(hostile.ok || hostile.reason).toMatch(/^too heavy to read/);
    expect((await r.read(ARTICLE, "text/html")).ok).toBe(true);
  });

  it("starts a new worker for the next page when the idle one has ended", async () => {
    const r = new PageReader({ timeoutMs: 10_000, heapMb: 96, idleMs: 50 });
    readers.push(r);
    expect((await r.read(ARTICLE, "text/html")).ok).toBe(true);
    await new Promise((done) => setTimeout(done, 300));
    expect((await r.read(ARTICLE, "text/html")).ok).toBe(true);
  });

  it("reads pages asked for at once one after the other, each getting its answer", async () => {
    const r = reader({ timeoutMs: 10_000, heapMb: 96 });
    const pages = ["One", "Two", "Three"].map((t) =>
      ARTICLE.replace("<title>Fridays</title>", `<title>${t}</title>`),
    );
    const readings = await Promise.all(pages.map((p) => r.read(p, "text/html")));
    expect(readings.map((x) => x.ok && x.article.title)).toEqual(["One", "Two", "Three"]);
  });
});
