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
 * Sends /postcheck replies from a worker thread (see reply-worker.ts): it reads the user's
 * settings, coaches, records the check in its own SQLite connection and posts to response_url, so
 * the main thread only verifies and acknowledges. If the worker dies, pending jobs fail and the
 * next job starts a new worker.
 */
export class ReplyPool {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (o: ReplyOutcome) => void>();

  constructor(private readonly databasePath: string) {}

  send(job: Omit<ReplyJob, "id">): Promise<ReplyOutcome> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ensureWorker().postMessage({ ...job, id });
    });
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
      workerData: { databasePath: this.databasePath },
    });
    w.unref();
    w.on("message", (o: ReplyOutcome) => {
      this.pending.get(o.id)?.(o);
      this.pending.delete(o.id);
    });
    w.on("error", (err) => this.failAll(err.message));
    w.on("exit", () => {
      if (this.worker === w) this.worker = undefined;
      this.failAll("reply worker exited");
    });
    this.worker = w;
    return w;
  }

  private failAll(error: string): void {
    for (const [id, resolve] of this.pending) resolve({ id, ok: false, status: 0, ms: 0, error });
    this.pending.clear();
  }
}
