/** A worker thread of `postcheck --jsonl` (see CoachPool in jsonl.ts): coaches runs of lines. */
import { parentPort, workerData } from "node:worker_threads";
import type { AnalyzeOptions } from "./coach/types.js";
import { coachLines } from "./jsonl.js";

const { defaults } = workerData as { defaults: AnalyzeOptions };
parentPort!.on(
  "message",
  ({ seq, lines, firstLineNo }: { seq: number; lines: string[]; firstLineNo: number }) => {
    parentPort!.postMessage({ seq, out: coachLines(lines, firstLineNo, defaults) });
  },
);
