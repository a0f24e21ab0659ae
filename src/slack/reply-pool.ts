import { Worker } from "node:worker_threads";
import type { AnalyzeOptions, CoachResult } from "../coach/index.js";
import type { StoreTarget } from "../store/index.js";

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
  /** The draft's length, so that the pool knows how much is still waiting. */
  chars: number;
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
  /** Not a reply: a warning about one answered earlier (its check, recorded late, failed). */
  late?: true;
  error?: string;
  /** The job, sent back only when the main thread has more to do (the LLM, a stale time zone). */
  job?: ReplyJob;
}

export type NewReplyJob = Omit<ReplyJob, "id">;

/**
 * The reply thread's nice value. When the CPU is short (a burst of commands), Slack's 3-second
 * deadline for acks matters more than when a reply lands (a response_url stays valid for 30
 * minutes), so the reply thread gives way to the main thread. Linux only; elsewhere it keeps the
 * default priority.
 */
export const REPLY_THREAD_NICE = 10;

/**
 * The same priority, kept by the threads themselves where the OS cannot (and more finely than a
 * nice value: on a busy machine any work beside the main thread slows its request/response
 * round trips). The main thread publishes how busy its event loop was over the last interval;
 * above `busyPermille` the reply thread sends one reply at a time with a pause between them.
 */
export const REPLY_PACING = { sampleMs: 50, busyPermille: 500, pauseMs: 5 } as const;

/**
 * Sends /postcheck replies from a worker thread (see reply-worker.ts): it reads the user's
 * settings, coaches, records the check in its own SQLite connection and posts to response_url, so
 * the main thread only verifies and acknowledges. If the worker dies, the replies it held are
 * reported lost and the next job starts a new worker.
 */
export class ReplyPool {
  private worker?: Worker;
  private nextId = 1;
  /** Only jobs whose sender awaits them (see send); posted jobs leave nothing behind here. */
  private readonly awaited = new Map<number, (o: ReplyOutcome) => void>();
  private waitingJobs = 0;
  private queuedChars = 0;
  private followUp: (outcome: ReplyOutcome) => void = () => undefined;

  private readonly maxQueuedChars: number;
  private readonly replyTimeoutMs: number;
  /** Where the main thread says how busy it is, for the reply thread (REPLY_PACING). */
  private readonly busySignal = new SharedArrayBuffer(4);
  private readonly samplingOn: boolean;
  private sampler?: NodeJS.Timeout;
  // Jobs go to the worker in one message per turn of the event loop, and outcomes come back the
  // same way: a message between threads has a fixed cost, paid once per batch.
  private outbox: ReplyJob[] = [];
  private readonly flush = () => {
    const jobs = this.outbox;
    this.outbox = [];
    if (jobs.length > 0) this.ensureWorker().postMessage(jobs);
  };

  constructor(
    private readonly database: StoreTarget,
    options: {
      /** Draft characters waiting for their reply beyond which new drafts are turned away. */
      maxQueuedChars?: number;
      /** How long one POST to a response_url may take before it counts as failed. */
      replyTimeoutMs?: number;
      /** Sample this thread's busyness (REPLY_PACING); off, reportBusy alone sets it (tests). */
      sampleBusy?: boolean;
    } = {},
  ) {
    this.samplingOn = options.sampleBusy ?? true;
    this.maxQueuedChars = options.maxQueuedChars ?? 32_000_000;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 10_000;
  }

  /** What to do with the outcome of each posted job (logs, the LLM's questions, a time zone). */
  onOutcome(handler: (outcome: ReplyOutcome) => void): void {
    this.followUp = handler;
  }

  /**
   * Queues a reply and keeps nothing of it here: in a burst thousands of replies wait, and objects
   * kept alive for each one made garbage collection the main thread's largest cost.
   */
  post(job: NewReplyJob): void {
    this.enqueue(job);
  }

  /** Queues a reply and resolves with its outcome, which goes to the caller instead of onOutcome. */
  send(job: NewReplyJob): Promise<ReplyOutcome> {
    return new Promise((resolve) => this.awaited.set(this.enqueue(job), resolve));
  }

  private enqueue(job: NewReplyJob): number {
    const id = this.nextId++;
    this.waitingJobs++;
    this.queuedChars += job.draft.length;
    this.outbox.push({ ...job, id });
    if (this.outbox.length === 1) setImmediate(this.flush);
    return id;
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
    clearInterval(this.sampler);
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  /** Tells the reply thread how busy this thread's event loop is, in thousandths (see REPLY_PACING). */
  reportBusy(permille: number): void {
    Atomics.store(new Int32Array(this.busySignal), 0, Math.round(permille));
  }

  /** Reports, every REPLY_PACING.sampleMs, how busy this thread's event loop was meanwhile. */
  private sampleBusy(): void {
    if (this.sampler || !this.samplingOn) return;
    let last = performance.eventLoopUtilization();
    this.sampler = setInterval(() => {
      const now = performance.eventLoopUtilization();
      this.reportBusy(1000 * performance.eventLoopUtilization(now, last).utilization);
      last = now;
    }, REPLY_PACING.sampleMs);
    this.sampler.unref();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Compiled, the worker is the JavaScript beside this file; run from the TypeScript source
    // (tests, `npm run dev`), its .mjs entry registers tsx first.
    const entry = import.meta.url.endsWith(".ts") ? "./reply-worker.mjs" : "./reply-worker.js";
    const w = new Worker(new URL(entry, import.meta.url), {
      // A small young generation: replies are short-lived garbage, and the default lets it grow
      // to tens of MB per thread (the bot's resident memory, docs/benchmarks.md).
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
      workerData: {
        database: this.database,
        nice: REPLY_THREAD_NICE,
        replyTimeoutMs: this.replyTimeoutMs,
        busySignal: this.busySignal,
      },
    });
    w.unref();
    this.sampleBusy();
    w.on("message", (message: ReplyOutcome[] | { warning: string }) => {
      if (Array.isArray(message)) for (const o of message) this.settle(o);
      // Something to log about a job already answered (a check recorded late failed).
      else
        this.followUp({
          id: 0,
          chars: 0,
          ok: true,
          status: 200,
          ms: 0,
          warning: message.warning,
          late: true,
        });
    });
    w.on("error", (err) => this.failAll(err.message));
    w.on("exit", () => {
      if (this.worker === w) this.worker = undefined;
      this.failAll("reply worker exited");
    });
    this.worker = w;
    return w;
  }

  private settle(outcome: ReplyOutcome): void {
    this.waitingJobs--;
    this.queuedChars -= outcome.chars;
    const awaiting = this.awaited.get(outcome.id);
    if (awaiting) {
      this.awaited.delete(outcome.id);
      awaiting(outcome);
    } else this.followUp(outcome);
  }

  /** The worker died: the replies it held are lost (said once, with how many); the next job starts a new one. */
  private failAll(error: string): void {
    if (this.waitingJobs > 0)
      this.followUp({
        id: 0,
        chars: 0,
        ok: false,
        status: 0,
        ms: 0,
        error: `${error}; ${this.waitingJobs} replies lost`,
      });
    for (const [id, resolve] of this.awaited) resolve({ id, chars: 0, ok: false, status: 0, ms: 0, error });
    this.awaited.clear();
    this.waitingJobs = 0;
    this.queuedChars = 0;
  }
}
