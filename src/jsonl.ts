import { availableParallelism } from "node:os";
import { StringDecoder } from "node:string_decoder";
import { Worker } from "node:worker_threads";
import { analyze } from "./coach/analyze.js";
import { type AnalyzeOptions, LANGUAGES, type Lang, PLATFORMS, type Platform } from "./coach/types.js";
import type { LlmCoach } from "./llm/client.js";
import { coach } from "./llm/coaching.js";

/**
 * `postcheck --jsonl`: one output line per input line, in input order, streaming. Every line is
 * answered: a result, or {"error", "line"} for a line that can't be coached (blank, broken JSON,
 * no text, a lang or platform postcoach doesn't know).
 */

/** A value of --lang or --platform (or of a line's "lang", "platform") that isn't one postcoach knows. */
export class OptionError extends Error {}

export function langOption(value: unknown, name: string): Lang {
  if (!LANGUAGES.includes(value as Lang))
    throw new OptionError(`${name} must be en or fr, not ${show(value)}.`);
  return value as Lang;
}

export function platformOption(value: unknown, name: string): Platform {
  const p = typeof value === "string" ? value.toLowerCase() : value;
  const platform = p === "twitter" ? "x" : p;
  if (!PLATFORMS.includes(platform as Platform))
    throw new OptionError(`${name} must be one of ${PLATFORMS.join(", ")}, not ${show(value)}.`);
  return platform as Platform;
}

function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

/** What one input line asks for, or why it cannot be coached. */
export type JsonlLine = { draft: string; options: AnalyzeOptions } | { error: string };

/**
 * Reads one line. A line starting with `{` is a JSON object `{"text", "lang"?, "platform"?}` (its
 * lang and platform override the command line's); any other line is a draft as it is.
 */
export function readJsonlLine(line: string, defaults: AnalyzeOptions): JsonlLine {
  const trimmed = line.trim();
  if (trimmed === "") return { error: "blank line: nothing to coach" };
  if (!trimmed.startsWith("{")) return { draft: line, options: defaults };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { error: "not valid JSON (a line starting with { is read as a JSON object)" };
  }
  const fields = parsed as { text?: unknown; lang?: unknown; platform?: unknown };
  if (typeof fields.text !== "string") return { error: 'each JSON line needs a "text" string' };
  if (fields.text.trim() === "") return { error: '"text" is empty: nothing to coach' };
  try {
    const options = { ...defaults };
    if (fields.lang !== undefined && fields.lang !== null) options.lang = langOption(fields.lang, '"lang"');
    if (fields.platform !== undefined && fields.platform !== null)
      options.platform = platformOption(fields.platform, '"platform"');
    return { draft: fields.text, options };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The output of a run of lines (the first numbered `firstLineNo`), heuristics only. */
export function coachLines(lines: readonly string[], firstLineNo: number, defaults: AnalyzeOptions): string {
  let out = "";
  lines.forEach((line, i) => {
    const read = readLine(line, firstLineNo + i, defaults);
    out += `${"answer" in read ? read.answer : answer(firstLineNo + i, () => ({ ...analyze(read.draft, read.options), coachedBy: "heuristics" }))}\n`;
  });
  return out;
}

/** A line to coach, or the answer already (the error of a line that can't be coached). */
function readLine(raw: string, lineNo: number, defaults: AnalyzeOptions) {
  const read = readJsonlLine(raw.endsWith("\r") ? raw.slice(0, -1) : raw, defaults);
  return "error" in read ? { answer: errorLine(read.error, lineNo) } : read;
}

/** The result as a JSON line, or the error that coaching it threw. */
function answer(lineNo: number, coachIt: () => unknown): string {
  try {
    return JSON.stringify(coachIt());
  } catch (err) {
    return errorLine((err as Error).message, lineNo);
  }
}

function errorLine(error: string, line: number): string {
  return JSON.stringify({ error, line });
}

interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

/**
 * Coaches stdin line by line. Lines are coached a chunk of input at a time, and each chunk's
 * results go out in one write: a write per line (a system call each) cost more than coaching the
 * line. Past the first chunk (a batch, not a conversation), this thread shares the chunks with a
 * worker thread per other core, and results go out in input order. With an LLM, lines are coached
 * one by one here.
 */
export async function runJsonl(io: Io, defaults: AnalyzeOptions, llm?: LlmCoach): Promise<number> {
  let lineNo = 0;
  let pending = "";
  let pool: CoachPool | undefined;
  let chunks = 0;
  const next = async (lines: string[]) => {
    const first = lineNo + 1;
    lineNo += lines.length;
    if (llm) {
      let out = "";
      for (const [i, line] of lines.entries()) {
        const result = await coachWithLlm(line, first + i, defaults, llm);
        out += `${result}\n`;
      }
      await write(io.stdout, out);
    } else if (pool) {
      await pool.submit(lines, first);
    } else {
      await write(io.stdout, coachLines(lines, first, defaults));
    }
  };
  // A character split between two chunks of input is decoded whole.
  const utf8 = new StringDecoder("utf8");
  for await (const chunk of io.stdin) {
    const lines = (pending + (typeof chunk === "string" ? chunk : utf8.write(chunk))).split("\n");
    pending = lines.pop() ?? "";
    if (++chunks === 2 && !llm) pool = CoachPool.start(defaults, io.stdout);
    if (lines.length > 0) await next(lines);
  }
  pending += utf8.end();
  // A last line without its newline is still a line.
  if (pending !== "") await next([pending]);
  await pool?.finish();
  return 0;
}

async function coachWithLlm(line: string, lineNo: number, defaults: AnalyzeOptions, llm: LlmCoach) {
  const read = readLine(line, lineNo, defaults);
  if ("answer" in read) return read.answer;
  try {
    return JSON.stringify(await coach(read.draft, read.options, llm));
  } catch (err) {
    return errorLine((err as Error).message, lineNo);
  }
}

/** Writes, waiting while the reader is slower than the coach. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => stream.once("drain", resolve));
}

/**
 * Worker threads coaching runs of lines (jsonl-worker.ts), with this thread taking its turn: it is
 * warmed up already (the first chunk), and each thread pays the compiler's warm-up on its own.
 * Runs are numbered as submitted and written in that order whichever thread finishes first; a few
 * runs per worker are in flight at most, so that reading waits for coaching rather than filling
 * memory with a whole file.
 */
class CoachPool {
  private readonly workers: Worker[];
  private submitted = 0;
  private written = 0;
  private readonly done = new Map<number, string>();
  private readonly waiting: (() => void)[] = [];
  private failure?: Error;

  private constructor(
    size: number,
    private readonly defaults: AnalyzeOptions,
    private readonly stdout: NodeJS.WritableStream,
  ) {
    const entry = new URL("./jsonl-worker.js", import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(entry, { workerData: { defaults } });
      w.on("message", ({ seq, out }: { seq: number; out: string }) => this.finished(seq, out));
      w.on("error", (err) => this.fail(err));
      return w;
    });
  }

  /** A worker per core beside this thread's, or none on a single core (the caller coaches alone). */
  static start(defaults: AnalyzeOptions, stdout: NodeJS.WritableStream): CoachPool | undefined {
    const size = Math.min(availableParallelism() - 1, 7);
    return size > 0 ? new CoachPool(size, defaults, stdout) : undefined;
  }

  async submit(lines: string[], firstLineNo: number): Promise<void> {
    while (this.submitted - this.written >= this.workers.length * 3 && !this.failure) await this.progress();
    if (this.failure) throw this.failure;
    const seq = this.submitted++;
    const turn = seq % (this.workers.length + 1);
    if (turn === this.workers.length) this.finished(seq, coachLines(lines, firstLineNo, this.defaults));
    else this.workers[turn]!.postMessage({ seq, lines, firstLineNo });
  }

  async finish(): Promise<void> {
    while (this.written < this.submitted && !this.failure) await this.progress();
    await Promise.all(this.workers.map((w) => w.terminate()));
    if (this.failure) throw this.failure;
  }

  private progress(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private finished(seq: number, out: string): void {
    this.done.set(seq, out);
    let batch = "";
    while (this.done.has(this.written)) {
      batch += this.done.get(this.written);
      this.done.delete(this.written++);
    }
    if (batch === "") return;
    // Wakes the reader once the output drained: a slow reader slows the whole run, as it should.
    void write(this.stdout, batch).then(() => {
      for (const wake of this.waiting.splice(0)) wake();
    });
  }

  private fail(err: Error): void {
    this.failure = err;
    for (const wake of this.waiting.splice(0)) wake();
  }
}
