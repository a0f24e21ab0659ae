import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Fetches a shared page without letting a link reach inside the network (SSRF). Every hop,
 * redirects included, resolves the host, refuses anything but public unicast addresses (in any
 * spelling: the URL parser normalises 2130706433, 0x7f.0.0.1 and [::ffff:127.0.0.1], and ipaddr.js
 * classifies the result), then connects to exactly the address it checked.
 */
export interface FetchPolicy {
  /** Hosts that may resolve to private or loopback addresses (tests, intranets). */
  allowlist: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** For tests: how host names resolve. */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export type FetchFailure =
  | "invalid-url"
  | "blocked"
  | "timeout"
  | "not-html"
  | "http-error"
  | "network"
  | "too-many-redirects";

export type FetchOutcome =
  | { ok: true; url: string; contentType: string; body: string; truncated: boolean }
  | { ok: false; reason: FetchFailure; detail: string };

export const FETCH_DEFAULTS = { timeoutMs: 5000, maxBytes: 1_000_000, maxRedirects: 3 } as const;
const READABLE_TYPES = ["text/html", "application/xhtml+xml", "text/plain"];
const USER_AGENT = "postcoach/0.1 (+https://github.com/postcoach; reads shared links to coach the sharer)";

class Refused extends Error {
  constructor(
    readonly reason: FetchFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** Whether an address may be fetched: public unicast only, IPv4-mapped IPv6 judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  // ::/96, the deprecated IPv4-compatible form ("::7f00:1" is 127.0.0.1): ipaddr.js calls it
  // unicast, and no public service is reached that way.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0))
    return false;
  return parsed.range() === "unicast";
}

function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}

async function resolveChecked(url: URL, policy: FetchPolicy): Promise<{ address: string; family: number }> {
  const host = hostOf(url);
  const allowed = policy.allowlist.includes(host);
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: host.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await (policy.resolve ?? ((h) => dnsLookup(h, { all: true, verbatim: true })))(host);
    } catch (err) {
      throw new Refused("network", `cannot resolve ${host}: ${(err as Error).message}`);
    }
  }
  if (addresses.length === 0) throw new Refused("network", `no address for ${host}`);
  // Every address must be public, or a rebinding DNS answer could pick the private one later.
  if (!allowed && !addresses.every((a) => isPublicAddress(a.address))) {
    throw new Refused("blocked", `${host} resolves to a private, loopback or reserved address`);
  }
  return addresses[0]!;
}

function charsetOf(contentType: string): string {
  const m = /charset=["']?([\w-]+)/i.exec(contentType);
  const label = m?.[1]?.toLowerCase() ?? "utf-8";
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return "utf-8";
  }
}

interface Hop {
  status: number;
  location?: string;
  contentType: string;
  body?: Buffer;
  truncated: boolean;
}

function requestOnce(
  url: URL,
  pinned: { address: string; family: number },
  maxBytes: number,
  signal: AbortSignal,
): Promise<Hop> {
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "GET",
        lookup,
        signal,
        headers: {
          "user-agent": USER_AGENT,
          accept: "text/html,application/xhtml+xml,text/plain;q=0.8",
          "accept-encoding": "identity",
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const contentType = String(res.headers["content-type"] ?? "");
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          resolve({ status, location: res.headers.location, contentType, truncated: false });
          return;
        }
        if (
          status < 200 ||
          status >= 300 ||
          !READABLE_TYPES.some((t) => contentType.toLowerCase().startsWith(t))
        ) {
          res.resume();
          resolve({ status, contentType, truncated: false });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on("data", (chunk: Buffer) => {
          if (truncated) return;
          const room = maxBytes - size;
          if (chunk.length >= room) {
            chunks.push(chunk.subarray(0, room));
            size = maxBytes;
            truncated = true;
            res.destroy();
            resolve({ status, contentType, body: Buffer.concat(chunks), truncated });
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ status, contentType, body: Buffer.concat(chunks), truncated }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

export async function fetchPage(input: string, policy: FetchPolicy): Promise<FetchOutcome> {
  const timeoutMs = policy.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const maxBytes = policy.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = policy.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const signal = AbortSignal.timeout(timeoutMs);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: "invalid-url", detail: "not a URL" };
  }
  try {
    for (let hop = 0; hop <= maxRedirects; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new Refused("blocked", `${url.protocol} links are not fetched`);
      if (url.username || url.password)
        throw new Refused("blocked", "links with credentials are not fetched");
      const pinned = await resolveChecked(url, policy);
      const res = await requestOnce(url, pinned, maxBytes, signal);
      if (res.location !== undefined) {
        url = new URL(res.location, url);
        continue;
      }
      if (res.status < 200 || res.status >= 300) throw new Refused("http-error", `HTTP ${res.status}`);
      if (!res.body) throw new Refused("not-html", `content type ${res.contentType || "unknown"}`);
      const body = new TextDecoder(charsetOf(res.contentType)).decode(res.body);
      return { ok: true, url: url.toString(), contentType: res.contentType, body, truncated: res.truncated };
    }
    throw new Refused("too-many-redirects", `more than ${maxRedirects} redirects`);
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason, detail: err.message };
    if (signal.aborted) return { ok: false, reason: "timeout", detail: `no answer within ${timeoutMs} ms` };
    return { ok: false, reason: "network", detail: (err as Error).message };
  }
}
