import http from "node:http";
import type { AddressInfo } from "node:net";

export const ARTICLE_HTML = `<!doctype html><html><head><title>Three lessons from our first outage</title>
<meta property="og:title" content="Three lessons from our first outage"></head>
<body><nav>Home · Blog · About</nav><article><h1>Three lessons from our first outage</h1>
<p>Last spring our API went down for four hours. I was the one on call, and honestly I doubted every decision I made that night.</p>
<p>Here is what we changed, so you can skip the hard part: page on symptoms rather than causes, write the runbook before the incident, and rehearse the rollback every month.</p>
<p>What does your team rehearse?</p></article><footer>© Blog</footer></body></html>`;

/** A local web server for link tests. It counts hits, so a test can prove a page was never reached. */
export class PageServer {
  hits: string[] = [];
  private server?: http.Server;
  port = 0;

  async start(host = "127.0.0.1"): Promise<this> {
    this.server = http.createServer((req, res) => {
      const url = req.url ?? "/";
      this.hits.push(url);
      if (url.startsWith("/article")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(ARTICLE_HTML);
      } else if (url.startsWith("/redirect-private")) {
        res.writeHead(302, { location: `http://127.0.0.1:${this.port}/article` });
        res.end();
      } else if (url.startsWith("/redirect-loop")) {
        const n = Number(new URL(url, "http://x").searchParams.get("n") ?? "0");
        res.writeHead(302, { location: `/redirect-loop?n=${n + 1}` });
        res.end();
      } else if (url.startsWith("/redirect-ok")) {
        res.writeHead(301, { location: "/article" });
        res.end();
      } else if (url.startsWith("/huge")) {
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = `<p>${"word ".repeat(2000)}</p>`;
        for (let i = 0; i < 300; i++) res.write(chunk);
        res.end();
      } else if (url.startsWith("/hostile")) {
        // Under 1 MB, but building its DOM takes a parser tens of seconds and gigabytes.
        res.writeHead(200, { "content-type": "text/html" });
        res.end(`<html><body>${"<<<<".repeat(240_000)}</body></html>`);
      } else if (url.startsWith("/image")) {
        res.writeHead(200, { "content-type": "image/png" });
        res.end(Buffer.alloc(100));
      } else if (url.startsWith("/slow")) {
        // Never answers: the fetcher must give up on its own.
      } else if (url.startsWith("/missing")) {
        res.writeHead(404, { "content-type": "text/html" });
        res.end("not found");
      } else {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("plain text page");
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
