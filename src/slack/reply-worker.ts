/**
 * Worker thread that formats a coaching reply and posts it to Slack's response_url. The main thread
 * only verifies and acknowledges requests, so acks stay fast while replies are being built and sent.
 */
import { parentPort } from "node:worker_threads";
import { coachingBlocks, coachingText } from "./blocks.js";
import type { ReplyJob, ReplyOutcome } from "./reply-pool.js";

async function run(job: ReplyJob): Promise<ReplyOutcome> {
  const started = performance.now();
  const { result } = job;
  const body = {
    response_type: "ephemeral",
    ...(job.replaceOriginal ? { replace_original: true } : {}),
    blocks: coachingBlocks(result, {
      draftValue: job.draftValue,
      canAskTeammate: job.canAskTeammate,
      questions: job.questions,
      notes: job.notes,
    }),
    text: coachingText(result, job.questions),
  };
  const res = await fetch(job.responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return {
    id: job.id,
    ok: res.ok,
    status: res.status,
    ms: performance.now() - started,
    score: result.score,
    language: result.language,
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

parentPort!.on("message", (job: ReplyJob) => {
  queue.push(job);
  pump();
});
