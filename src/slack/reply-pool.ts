import { Worker } from "node:worker_threads";
import type { AnalyzeOptions, CoachResult } from "../coach/index.js";

export interface ReplyJob {
  id: number;
  draft: string;
  /** Options typed with the draft; the worker adds the user's defaults. */
  typedOptions: AnalyzeOptions;
  teamId: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  draftValue?: string;
  canAskTeammate: boolean;
  /** Record the check (mentee streak) before replying. */
  record: boolean;
  /** Send the coaching result back (the main thread refines it with the LLM). */
  returnResult: boolean;
  /** Set when replacing a reply already sent: the result it showed, and the LLM's questions. */
  result?: CoachResult;
  questions?: string[];
  notes?: string[];
  replaceOriginal?: boolean;
}

export interface ReplyOutcome {
  id: number;
  ok: boolean;
  status: number;
  ms: number;
  /** When the job asked for it. */
  result?: CoachResult;
  /** Notes the worker added (a milestone), to keep when the reply is replaced. */
  notes?: string[];
  /** The user's time zone has not been checked for a day: the main thread asks Slack. */
  tzStale?: boolean;
  /** Something to log (the check could not be recorded); the reply still went out. */
  warning?: string;
  error?: string;
}

/**
 * The reply thread's nice value. When the CPU is short (a burst of commands), Slack's 3-second
 * deadline for acks matters more than when a reply lands (a response_url stays valid for 30
 * minutes), so the reply thread gives way to the main thread. Linux only; elsewhere it keeps the
 * default priority.
 */
export const REPLY_THREAD_NICE = 10;

/**
 * Sends /postcheck replies from a worker thread (see reply-worker.ts): it reads the user's
 * settings, coaches, records the check in its own SQLite connection and posts to response_url, so
 * the main thread only verifies and acknowledges. If the worker dies, pending jobs fail and the
 * next job starts a new worker.
 */
export class ReplyPool {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { chars: number; resolve: (o: ReplyOutcome) => void }>();
  private queuedChars = 0;

  private readonly maxQueuedChars: number;
  private readonly replyTimeoutMs: number;

  constructor(
    private readonly databasePath: string,
    options: {
      /** Draft characters waiting for their reply beyond which new drafts are turned away. */
      maxQueuedChars?: number;
      /** How long one POST to a response_url may take before it counts as failed. */
      replyTimeoutMs?: number;
    } = {},
  ) {
    this.maxQueuedChars = options.maxQueuedChars ?? 32_000_000;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 10_000;
  }

  send(job: Omit<ReplyJob, "id">): Promise<ReplyOutcome> {
    const id = this.nextId++;
    const chars = job.draft.length;
    return new Promise((resolve) => {
      this.pending.set(id, { chars, resolve });
      this.queuedChars += chars;
      this.ensureWorker().postMessage({ ...job, id });
    });
  }

  /** Starts the worker now rather than on the first command, which would otherwise wait for it to load. */
  start(): void {
    this.ensureWorker();
  }

  /** So many replies are waiting that a new draft would wait minutes (or exhaust memory). */
  get saturated(): boolean {
    return this.queuedChars > this.maxQueuedChars;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // The entry registers tsx in the worker, so it runs the TypeScript source like the main thread.
    const w = new Worker(new URL("./reply-worker.mjs", import.meta.url), {
      workerData: {
        databasePath: this.databasePath,
        nice: REPLY_THREAD_NICE,
        replyTimeoutMs: this.replyTimeoutMs,
      },
    });
    w.unref();
    w.on("message", (o: ReplyOutcome) => this.settle(o));
    w.on("error", (err) => this.failAll(err.message));
    w.on("exit", () => {
      if (this.worker === w) this.worker = undefined;
      this.failAll("reply worker exited");
    });
    this.worker = w;
    return w;
  }

  private settle(outcome: ReplyOutcome): void {
    const entry = this.pending.get(outcome.id);
    if (!entry) return;
    this.pending.delete(outcome.id);
    this.queuedChars -= entry.chars;
    entry.resolve(outcome);
  }

  private failAll(error: string): void {
    for (const id of [...this.pending.keys()]) this.settle({ id, ok: false, status: 0, ms: 0, error });
  }
}
