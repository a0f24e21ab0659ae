import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage, isPublicAddress } from "../../src/links/fetch.js";
import { PageServer } from "../helpers/page-server.js";

describe("SSRF-safe page fetching", () => {
  const pages = new PageServer();
  let base: string;
  beforeAll(async () => {
    await pages.start();
    base = `http://localhost:${pages.port}`;
  });
  afterAll(async () => {
    await pages.stop();
  });

  const open = { allowlist: ["localhost"], timeoutMs: 1500 };

  it("fetches an allowlisted host and decodes the page", async () => {
    const r = await fetchPage(`${base}/article`, open);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.body).toContain("Three lessons");
  });

  it("refuses every spelling of a loopback or private address when not allowlisted", async () => {
    const before = pages.hits.length;
    const p = pages.port;
    const spellings = [
      `http://localhost:${p}/article`,
      `http://localhost.:${p}/article`,
      `http://127.0.0.1:${p}/article`,
      `http://127.1:${p}/article`,
      `http://2130706433:${p}/article`,
      `http://0x7f.0.0.1:${p}/article`,
      `http://0x7f000001:${p}/article`,
      `http://017700000001:${p}/article`,
      `http://[::1]:${p}/article`,
      `http://[::ffff:127.0.0.1]:${p}/article`,
      `http://[::ffff:7f00:1]:${p}/article`,
      `http://0.0.0.0:${p}/article`,
      `http://10.0.0.1/`,
      `http://192.168.1.1/`,
      `http://172.16.0.1/`,
      `http://169.254.169.254/latest/meta-data/`,
      `http://[fe80::1]/`,
      `http://[fc00::1]/`,
      `http://224.0.0.1/`,
      `http://100.64.0.1/`,
    ];
    for (const url of spellings) {
      const r = await fetchPage(url, { allowlist: [], timeoutMs: 1500 });
      expect(r, url).toMatchObject({ ok: false, reason: "blocked" });
    }
    expect(pages.hits.length).toBe(before);
  });

  it("refuses a host name that resolves to a private address, and any mix of answers", async () => {
    const resolve = async (host: string) =>
      host === "evil.example"
        ? [{ address: "10.1.2.3", family: 4 }]
        : [
            { address: "93.184.216.34", family: 4 },
            { address: "127.0.0.1", family: 4 },
          ];
    expect(await fetchPage("http://evil.example/", { allowlist: [], resolve })).toMatchObject({
      ok: false,
      reason: "blocked",
    });
    expect(await fetchPage("http://rebind.example/", { allowlist: [], resolve })).toMatchObject({
      ok: false,
      reason: "blocked",
    });
  });

  it("classifies addresses with ipaddr.js: only public unicast passes", () => {
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:2800:220:1:248:1893:25c8:1946")).toBe(true);
    for (const a of [
      "127.0.0.1",
      "::1",
      "::ffff:127.0.0.1",
      // IPv4-compatible IPv6 (::/96): 127.0.0.1, 10.0.0.1 and even a public address written so.
      "::7f00:1",
      "::a00:1",
      "::5db8:d822",
      "10.0.0.1",
      "169.254.1.1",
      "0.0.0.0",
      "255.255.255.255",
      "192.0.2.1",
      "not-an-ip",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it("re-checks every redirect: an allowlisted page cannot bounce to a private address", async () => {
    const before = pages.hits.length;
    const r = await fetchPage(`${base}/redirect-private`, open);
    expect(r).toMatchObject({ ok: false, reason: "blocked" });
    expect(pages.hits.slice(before)).toEqual(["/redirect-private"]);
  });

  it("follows at most three redirects", async () => {
    expect((await fetchPage(`${base}/redirect-ok`, open)).ok).toBe(true);
    expect(await fetchPage(`${base}/redirect-loop`, open)).toMatchObject({
      ok: false,
      reason: "too-many-redirects",
    });
  });

  it("refuses other schemes, credentials, non-HTML content and error pages", async () => {
    expect(await fetchPage("file:///etc/passwd", open)).toMatchObject({ ok: false, reason: "blocked" });
    expect(await fetchPage("ftp://localhost/x", open)).toMatchObject({ ok: false, reason: "blocked" });
    expect(await fetchPage(`http://user:pw@localhost:${pages.port}/article`, open)).toMatchObject({
      ok: false,
      reason: "blocked",
    });
    expect(await fetchPage(`${base}/image`, open)).toMatchObject({ ok: false, reason: "not-html" });
    expect(await fetchPage(`${base}/missing`, open)).toMatchObject({ ok: false, reason: "http-error" });
    expect(await fetchPage("not a url", open)).toMatchObject({ ok: false, reason: "invalid-url" });
  });

  it("stops reading at the size cap", async () => {
    const r = await fetchPage(`${base}/huge`, { ...open, maxBytes: 100_000 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.truncated).toBe(true);
      expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(100_000);
    }
  });

  it("gives up on a page that never answers, within its timeout", async () => {
    const started = Date.now();
    const r = await fetchPage(`${base}/slow`, { ...open, timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
