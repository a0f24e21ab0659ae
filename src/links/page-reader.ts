import { Worker } from "node:worker_threads";
import type { Article } from "./extract.js";

/**
 * Reads shared pages in a worker thread with a time and memory limit. HTML from the web is
 * untrusted, and building a DOM of some pages takes time and memory far beyond their size (a 1 MB
 * page of "<<<<" held linkedom for 55 s and 1.7 GB; 8,000 unclosed <div> 9 s in reader mode):
 * on the bot's thread, every acknowledgement would wait. A page over its limits is given up (the
 * worker is ended and a new one started for the next page); the bot never waits for it.
 */
export interface PageReaderLimits {
  /** How long one page may take. */
  timeoutMs: number;
  /** The worker's heap. */
  heapMb: number;
  /** An idle worker ends after this long: its parser is a fifth of the bot's memory at rest. */
  idleMs: number;
}

export const PAGE_READER_LIMITS: PageReaderLimits = { timeoutMs: 3000, heapMb: 96, idleMs: 60_000 };

export type PageReading = { ok: true; article: Article } | { ok: false; reason: string };

interface Job {
  html: string;
  contentType: string;
  done: (reading: PageReading) => void;
}

export class PageReader {
  private worker?: Worker;
  private readonly queue: Job[] = [];
  private busy = false;
  private idleTimer?: NodeJS.Timeout;
  private nextId = 0;

  constructor(private readonly limits: PageReaderLimits = PAGE_READER_LIMITS) {}

  /** The readable text of a page, or why it was given up. Pages are read one at a time. */
  read(html: string, contentType: string): Promise<PageReading> {
    return new Promise((done) => {
      this.queue.push({ html, contentType, done });
      this.pump();
    });
  }

  /** Ends the worker (at shutdown); pages asked for later start a new one. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private pump(): void {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) {
      this.idleTimer = setTimeout(() => void this.close(), this.limits.idleMs);
      this.idleTimer.unref();
      return;
    }
    clearTimeout(this.idleTimer);
    this.busy = true;
    const worker = this.start();
    const id = this.nextId++;
    let settled = false;
    const finish = (reading: PageReading, restart: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (restart && this.worker === worker) {
        this.worker = undefined;
        void worker.terminate();
      }
      job.done(reading);
      this.busy = false;
      this.pump();
    };
    const onMessage = (m: { id: number; article?: Article; error?: string }) => {
      if (m.id !== id) return;
      finish(
        m.article ? { ok: true, article: m.article } : { ok: false, reason: m.error ?? "unreadable" },
        false,
      );
    };
    const onError = (err: Error) => finish({ ok: false, reason: `too heavy to read (${err.message})` }, true);
    const onExit = () => finish({ ok: false, reason: "too heavy to read" }, true);
    const timer = setTimeout(
      () => finish({ ok: false, reason: `too slow to read (over ${this.limits.timeoutMs} ms)` }, true),
      this.limits.timeoutMs,
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ id, html: job.html, contentType: job.contentType });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const limits = {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 8 },
    };
    // From the TypeScript sources (tests, npm run dev), the worker registers tsx's loader first.
    const entry = new URL("./page-reader-worker.js", import.meta.url);
    const worker = import.meta.url.endsWith(".ts")
      ? new Worker(
          `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href.replace(/\.js$/, ".ts"))}); });`,
          { eval: true, ...limits },
        )
      : new Worker(entry, { execArgv: [], ...limits });
    worker.unref();
    // A worker that fails between pages is forgotten (the next page starts another); an error
    // event nobody listens to would end the bot.
    worker.on("error", () => undefined);
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}
