/**
 * Worker thread for /postcheck replies: the user's defaults, coaching, recording the check and
 * posting to Slack's response_url all happen here, so the main thread only verifies and
 * acknowledges requests and acks stay fast under load.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { analyze } from "../coach/index.js";
import { recordCheck } from "../mentoring/activity.js";
import { applyDefaults, createSqliteStore, type Store } from "../store/index.js";
import { coachingBlocks, coachingText } from "./blocks.js";
import type { ReplyJob, ReplyOutcome } from "./reply-pool.js";

const TZ_REFRESH_MS = 24 * 60 * 60 * 1000;

const { databasePath, nice, replyTimeoutMs } = workerData as {
  databasePath: string;
  nice: number;
  replyTimeoutMs: number;
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
let store: Store | undefined;

function openStore(): Store {
  // Its own connection to the same file: WAL and busy_timeout let it write beside the main thread.
  store ??= createSqliteStore(databasePath);
  return store;
}

async function run(job: ReplyJob): Promise<ReplyOutcome> {
  const started = performance.now();
  let result = job.result;
  const added: string[] = [];
  let warning: string | undefined;
  let tzStale = false;
  if (!result) {
    const db = openStore();
    const settings = await db.users.get(job.teamId, job.userId).catch(() => undefined);
    result = analyze(job.draft, applyDefaults(settings, job.typedOptions));
    tzStale = !settings?.tzCheckedAt || Date.now() - settings.tzCheckedAt > TZ_REFRESH_MS;
    if (job.record) {
      try {
        const milestone = await recordCheck(db, {
          teamId: job.teamId,
          userId: job.userId,
          channelId: job.channelId,
          draft: job.draft,
          result,
          surface: "slash",
          now: Date.now(),
        });
        if (milestone) added.push(milestone);
      } catch (err) {
        warning = `check not recorded: ${(err as Error).message}`;
      }
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
  const res = await fetch(job.responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
    // A response_url that never answers must not hold one of the few in-flight slots for good.
    signal: AbortSignal.timeout(replyTimeoutMs),
  });
  await res.arrayBuffer();
  return {
    id: job.id,
    ok: res.ok,
    status: res.status,
    ms: performance.now() - started,
    result: job.returnResult ? result : undefined,
    notes: added,
    tzStale,
    warning,
  };
}

// A few replies in flight at once: enough to hide network latency, few enough that a burst of
// commands queues here instead of opening thousands of sockets to Slack.
const IN_FLIGHT = 16;
const queue: ReplyJob[] = [];
let running = 0;

function pump(): void {
  while (running < IN_FLIGHT && queue.length > 0) {
    const job = queue.shift()!;
    running++;
    run(job)
      .catch((err: Error): ReplyOutcome => ({ id: job.id, ok: false, status: 0, ms: 0, error: err.message }))
      .then((outcome) => {
        running--;
        parentPort!.postMessage(outcome);
        pump();
      });
  }
}

yieldCpuToAcks();
parentPort!.on("message", (job: ReplyJob) => {
  queue.push(job);
  pump();
});
