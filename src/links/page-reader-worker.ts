/** The worker thread of PageReader (page-reader.ts): reads one page at a time, off the bot's thread. */
import { parentPort } from "node:worker_threads";
import { extractArticle } from "./extract.js";

parentPort!.on(
  "message",
  async ({ id, html, contentType }: { id: number; html: string; contentType: string }) => {
    try {
      parentPort!.postMessage({ id, article: await extractArticle(html, contentType) });
    } catch (err) {
      parentPort!.postMessage({ id, error: (err as Error).message });
    }
  },
);
