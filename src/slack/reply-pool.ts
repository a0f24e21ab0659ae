import { Worker } from "node:worker_threads";
import type { AnalyzeOptions, CoachResult, Lang } from "../coach/index.js";

export interface ReplyJob {
  id: number;
  draft: string;
  options: AnalyzeOptions;
  /** Coached once on the main thread (it is recorded there too); the worker only formats and sends. */
  result: CoachResult;
  responseUrl: string;
  draftValue?: string;
  canAskTeammate: boolean;
  /** The LLM's questions, shown instead of the heuristic ones. */
  questions?: string[];
  notes?: string[];
  /** Replaces the reply already sent to this response_url (the LLM's answer arriving). */
  replaceOriginal?: boolean;
}

export interface ReplyOutcome {
  id: number;
  ok: boolean;
  status: number;
  ms: number;
  score?: number;
  language?: Lang;
  error?: string;
}

/**
 * Sends coaching replies from a worker thread (see reply-worker.ts). Jobs resolve with what
 * happened; if the worker dies, the pending jobs fail and the next job starts a new worker.
 */
export class ReplyPool {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (o: ReplyOutcome) => void>();

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
    const w = new Worker(new URL("./reply-worker.mjs", import.meta.url));
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
