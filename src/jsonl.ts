import { StringDecoder } from "node:string_decoder";
import { analyze } from "./coach/analyze.js";
import { type AnalyzeOptions, LANGUAGES, type Lang, PLATFORMS, type Platform } from "./coach/types.js";
import type { LlmCoach } from "./llm/client.js";
import { coach, type LlmFailure, withLlm } from "./llm/coaching.js";
import { printableJson } from "./safe-text.js";

/**
 * `postcheck --jsonl`: one output line per input line, in input order, streaming. Every line is
 * answered: a result, or {"error", "line"} for a line that can't be coached (blank, broken JSON,
 * no text, a lang or platform postcoach doesn't know).
 */

/** A value of --lang or --platform (or of a line's "lang", "platform") that isn't one postcoach knows. */
export class OptionError extends Error {}

export function langOption(value: unknown, name: string): Lang {
  const lang = lowerCase(value);
  if (!LANGUAGES.includes(lang as Lang))
    throw new OptionError(`${name} must be en or fr, not ${quoteShort(value)}.`);
  return lang as Lang;
}

export function platformOption(value: unknown, name: string): Platform {
  const p = lowerCase(value);
  const platform = p === "twitter" ? "x" : p;
  if (!PLATFORMS.includes(platform as Platform))
    throw new OptionError(`${name} must be one of ${PLATFORMS.join(", ")}, not ${quoteShort(value)}.`);
  return platform as Platform;
}

/** Languages and platforms are read in any case: FR, X and LinkedIn as well as fr, x, linkedin. */
function lowerCase(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

/** A value as JSON, cut to 40 characters: enough to recognise it in a one-line message. */
export function quoteShort(value: unknown): string {
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
function coachLines(lines: readonly string[], firstLineNo: number, defaults: AnalyzeOptions): string {
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
    return printableJson(coachIt());
  } catch (err) {
    return errorLine((err as Error).message, lineNo);
  }
}

function errorLine(error: string, line: number): string {
  return printableJson({ error, line });
}

interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

/**
 * Coaches stdin line by line. Lines are coached a chunk of input at a time, and each chunk's
 * results go out in one write: a write per line (a system call each) cost more than coaching the
 * line. One thread: worker threads sharing the chunks made a 16,300-line run slower, not faster,
 * each paying the compiler's warm-up again (docs/benchmarks.md). With an LLM, lines are coached
 * and written one by one.
 */
export async function runJsonl(io: Io, defaults: AnalyzeOptions, llm?: CliLlm): Promise<number> {
  const ask = llm && new GivingUpLlm(llm);
  let lineNo = 0;
  let pending = "";
  const next = async (lines: string[]) => {
    const first = lineNo + 1;
    lineNo += lines.length;
    if (ask) {
      // Each line goes out as soon as it is coached: an LLM call takes seconds, and a reader that
      // stops (`| head -1`) ends the run at the next write, before more calls are made.
      for (const [i, line] of lines.entries())
        await write(io.stdout, `${await coachWithLlm(line, first + i, defaults, ask)}\n`);
    } else {
      await write(io.stdout, coachLines(lines, first, defaults));
    }
  };
  // A character split between two chunks of input is decoded whole.
  const utf8 = new StringDecoder("utf8");
  for await (const chunk of io.stdin) {
    const lines = (pending + (typeof chunk === "string" ? chunk : utf8.write(chunk))).split("\n");
    pending = lines.pop() ?? "";
    if (lines.length > 0) await next(lines);
  }
  pending += utf8.end();
  // A last line without its newline is still a line.
  if (pending !== "") await next([pending]);
  return 0;
}

/**
 * A batch stops asking an LLM that could not answer this many lines in a row (down, a wrong key,
 * a wrong URL): each line would wait up to LLM_TIMEOUT_MS for nothing. It asks again every
 * LLM_RETRY_EVERY lines, so that a short outage does not cost the rest of a long batch. The lines
 * in between are coached by the heuristics, with the note any line the LLM could not answer has.
 * An answer that was not usable questions (the server is up) does not count.
 */
const LLM_FAILURES_BEFORE_GIVING_UP = 3;
const LLM_RETRY_EVERY = 25;

/** The LLM as a run of the CLI uses it: the client, and who hears why it failed. */
export interface CliLlm {
  coach: LlmCoach;
  onFailure?: (failure: LlmFailure) => void;
  /** A batch rests the LLM after `failures` in a row, asking it again every `retryEvery` lines. */
  onGiveUp?: (failures: number, retryEvery: number) => void;
}

class GivingUpLlm {
  private failedInARow = 0;
  private skipped = 0;
  private lastFailure?: LlmFailure;

  constructor(private readonly llm: CliLlm) {}

  async coach(draft: string, options: AnalyzeOptions) {
    const resting = this.lastFailure && this.failedInARow >= LLM_FAILURES_BEFORE_GIVING_UP;
    if (resting && ++this.skipped % LLM_RETRY_EVERY !== 0)
      return withLlm(analyze(draft, options), this.lastFailure);
    const result = await coach(draft, options, this.llm.coach, (failure) => {
      this.llm.onFailure?.(failure);
      if (failure.reason === "invalid-output") return;
      this.failedInARow++;
      this.lastFailure = failure;
      if (this.failedInARow === LLM_FAILURES_BEFORE_GIVING_UP)
        this.llm.onGiveUp?.(this.failedInARow, LLM_RETRY_EVERY);
    });
    if (result.coachedBy === "llm") {
      this.failedInARow = 0;
      this.skipped = 0;
    }
    return result;
  }
}

async function coachWithLlm(line: string, lineNo: number, defaults: AnalyzeOptions, llm: GivingUpLlm) {
  const read = readLine(line, lineNo, defaults);
  if ("answer" in read) return read.answer;
  try {
    return printableJson(await llm.coach(read.draft, read.options));
  } catch (err) {
    return errorLine((err as Error).message, lineNo);
  }
}

/** Writes, waiting while the reader is slower than the coach. */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (stream.write(text)) return Promise.resolve();
  return new Promise((resolve) => stream.once("drain", resolve));
}
