/**
 * Worker thread for /postcheck replies: the user's defaults, coaching, recording the check and
 * posting to Slack's response_url all happen here, so the main thread only verifies and
 * acknowledges requests and acks stay fast under load.
 */
import { readlinkSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { analyze } from "../coach/analyze.js";
import { RECORD_WAIT_MS } from "../commands/activity.js";
import { TOO_LATE, within } from "../commands/within.js";
import { recordCheck } from "../mentoring/activity.js";
import { applyDefaults, MAIN_THREAD_STORE, openStore, type Store, type StoreTarget } from "../store/index.js";
import { coachingBlocks, coachingText } from "./blocks.js";
import { REPLY_PACING, type ReplyJob, type ReplyOutcome } from "./reply-pool.js";

const TZ_REFRESH_MS = 24 * 60 * 60 * 1000;
// A few replies in flight at once: enough to hide network latency, few enough that a burst of
// commands queues here instead of opening thousands of sockets to Slack.
const IN_FLIGHT = 16;
// Kept-alive connections to Slack. node:http costs this thread about half of what fetch did per
// reply in a CPU profile, and the replies are the worker's main work.
const AGENTS: Record<string, http.Agent> = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: IN_FLIGHT }),
};

const { database, nice, replyTimeoutMs, busySignal } = workerData as {
  database: StoreTarget;
  nice: number;
  replyTimeoutMs: number;
  busySignal: SharedArrayBuffer;
};

/** See REPLY_THREAD_NICE. A thread's own nice value exists on Linux only. */
function yieldCpuToAcks(): void {
  try {
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, nice);
  } catch {
    // Not Linux: same priority as the main thread.
  }
}
let store: Promise<Store> | undefined;

function theStore(): Promise<Store> {
  // Its own connection to the same database: WAL lets it write beside the main thread, and it waits
  // for a lock held elsewhere the way the main thread does, without blocking the other replies.
  store ??= openStore(database, MAIN_THREAD_STORE).catch((err: unknown) => {
    store = undefined;
    throw err;
  });
  return store;
}

async function run(job: ReplyJob): Promise<ReplyOutcome> {
  const started = performance.now();
  let result = job.result;
  const added: string[] = [];
  let warning: string | undefined;
  let tzStale = false;
  if (!result) {
    const db = await theStore();
    const settings = await db.users.get(job.teamId, job.userId).catch(() => undefined);
    result = analyze(job.draft, applyDefaults(settings, job.typedOptions));
    tzStale = !settings?.tzCheckedAt || Date.now() - settings.tzCheckedAt > TZ_REFRESH_MS;
    if (job.record) {
      const recording = recordCheck(db, {
        teamId: job.teamId,
        userId: job.userId,
        channelId: job.channelId,
        draft: job.draft,
        result,
        surface: "slash",
        settings,
        now: Date.now(),
      }).then(
        (milestone) => ({ milestone }),
        (err: Error) => ({ failed: `check not recorded: ${err.message}` }),
      );
      // As on the main thread (noteCheck): a locked database delays the record, not the reply.
      const recorded = await within(recording, RECORD_WAIT_MS);
      if (recorded === TOO_LATE) {
        warning = "the database is busy: replied before the check was recorded";
        void recording.then((r) => {
          if ("failed" in r) parentPort!.postMessage({ warning: r.failed });
        });
      } else if ("failed" in recorded) warning = recorded.failed;
      else if (recorded.milestone) added.push(recorded.milestone);
    }
  }
  const notes = [...added, ...(job.notes ?? [])];
  const body = {
    response_type: "ephemeral",
    ...(job.replaceOriginal ? { replace_original: true } : {}),
    blocks: coachingBlocks(result, {
      draftValue: job.draftValue,
      canAskTeammate: job.canAskTeammate,
      questions: job.questions,
      notes,
    }),
    text: coachingText(result, job.questions),
  };
  const status = await postJson(job.responseUrl, JSON.stringify(body));
  return {
    id: job.id,
    chars: job.draft.length,
    job: job.returnResult || tzStale ? job : undefined,
    ok: status >= 200 && status < 300,
    status,
    ms: performance.now() - started,
    result: job.returnResult ? result : undefined,
    notes: added,
    tzStale,
    warning,
  };
}

/**
 * POSTs JSON to a response_url and resolves with the HTTP status. A response_url that never
 * answers gives up after the reply timeout, so it cannot hold an in-flight slot for good; a kept-
 * alive connection the server closed meanwhile is retried once on a new one.
 */
function postJson(url: string, json: string, retry = true): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const agent = AGENTS[target.protocol];
    if (!agent) {
      reject(new Error(`response_url must be http(s), not ${target.protocol}`));
      return;
    }
    const payload = Buffer.from(json);
    const send = target.protocol === "https:" ? https.request : http.request;
    const req = send(
      target,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json; charset=utf-8", "content-length": payload.length },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          clearTimeout(deadline);
          resolve(res.statusCode ?? 0);
        });
        res.on("error", (err) => {
          clearTimeout(deadline);
          reject(err);
        });
      },
    );
    const deadline = setTimeout(
      () => req.destroy(new Error(`no answer from response_url within ${replyTimeoutMs} ms (timeout)`)),
      replyTimeoutMs,
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      if (retry && req.reusedSocket && err.code === "ECONNRESET")
        postJson(url, json, false).then(resolve, reject);
      else reject(err);
    });
    req.end(payload);
  });
}

const queue: ReplyJob[] = [];
let running = 0;
let resumeTimer: NodeJS.Timeout | undefined;

/** See REPLY_PACING: how busy the main thread's event loop was lately, in thousandths. */
const mainLoopBusy = new Int32Array(busySignal);

/**
 * Starts replies while there are slots. While the main thread is saturated (a burst of commands),
 * replies go one at a time with a pause between them, so that acks keep the CPU; the queue then
 * drains at full speed as soon as the burst eases.
 */
function pump(): void {
  while (running < IN_FLIGHT && queue.length > 0) {
    if (Atomics.load(mainLoopBusy, 0) >= REPLY_PACING.busyPermille) {
      if (running > 0 || resumeTimer) return;
      resumeTimer = setTimeout(() => {
        resumeTimer = undefined;
        if (queue.length > 0) start(queue.shift()!);
      }, REPLY_PACING.pauseMs);
      return;
    }
    start(queue.shift()!);
  }
}

function start(job: ReplyJob): void {
  running++;
  run(job)
    .catch(
      (err: Error): ReplyOutcome => ({
        id: job.id,
        chars: job.draft.length,
        ok: false,
        status: 0,
        ms: 0,
        error: err.message,
      }),
    )
    .then((outcome) => {
      running--;
      report(outcome);
      pump();
    });
}

// Outcomes go back in one message per turn of the event loop (see ReplyPool.send).
let outcomes: ReplyOutcome[] = [];
function report(outcome: ReplyOutcome): void {
  outcomes.push(outcome);
  if (outcomes.length > 1) return;
  setImmediate(() => {
    const batch = outcomes;
    outcomes = [];
    parentPort!.postMessage(batch);
  });
}

yieldCpuToAcks();
parentPort!.on("message", (jobs: ReplyJob[]) => {
  for (const job of jobs) queue.push(job);
  pump();
});
