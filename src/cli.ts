import { type ParseArgsConfig, parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
// The coach's modules one by one, and the LLM client only when used: it loads openai and zod
// (~180 ms at start) that a run without OPENAI_API_KEY never needs (docs/benchmarks.md).
import type { AnalyzeOptions } from "./coach/types.js";
import { type CliLlm, langOption, platformOption, quoteShort, runJsonl, write } from "./jsonl.js";
import { coach, type LlmFailure } from "./llm/coaching.js";
import { formatReport } from "./report.js";
import { printableJson, withoutControls } from "./safe-text.js";

export const USAGE = `Usage:
  postcheck [--json] [--lang en|fr] [--platform linkedin|x|slack|blog] "<draft>"
  echo "<draft>" | postcheck [--json]
  postcheck --jsonl [--lang en|fr] [--platform NAME] < drafts.jsonl
  postcheck digest --channel C0123456789 [--team T0123456789] [--dry-run] [--force]

Coaches a draft post: what a reader may notice, and questions to see it through their eyes.
  --json        print the result as one JSON object
  --jsonl       read JSON lines {"text": "...", "lang"?: "en", "platform"?: "x"} (or plain lines)
                from stdin, write exactly one result (or {"error", "line"}) per input line
  --lang        force the language (default: detected)
  --platform    where the post will go (default: linkedin)
  --llm         ask the LLM too (needs OPENAI_API_KEY; the default when it is set)
  --no-llm      heuristics only, even when OPENAI_API_KEY is set

digest builds a channel's weekly digest from the database (DATABASE_PATH) and posts it with
SLACK_BOT_TOKEN, once per channel and week like the bot's own schedule: a second run says it was
already posted, unless --force. --dry-run prints it and changes nothing. --team picks the
workspace when the database knows the channel id in several.
`;

/** Exit codes: 0 coached, 1 an error (output could not be written), 2 nothing to coach or a usage error. */
export const EXIT_USAGE = 2;
/** stdout was closed by its reader (`| head -1`): what a shell reports for a process stopped by SIGPIPE. */
export const EXIT_CLOSED_PIPE = 141;

class UsageError extends Error {}

interface Io {
  argv: string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

const OPTIONS = {
  json: { type: "boolean", default: false },
  jsonl: { type: "boolean", default: false },
  lang: { type: "string" },
  platform: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
  llm: { type: "boolean" },
  channel: { type: "string" },
  team: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  "no-llm": { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

function parse(argv: string[]) {
  const { values, positionals } = parseStrictly(argv);
  const options: AnalyzeOptions = {};
  if (values.lang !== undefined) options.lang = langOption(values.lang, "--lang");
  if (values.platform !== undefined) options.platform = platformOption(values.platform, "--platform");
  return { values, positionals, options };
}

function parseStrictly(argv: string[]) {
  const { args, restore } = shieldDashedDrafts(argv);
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
    return { ...parsed, positionals: parsed.positionals.map(restore) };
  } catch (err) {
    throw new UsageError(argumentProblem(args) ?? (err as Error).message.split("\n")[0]);
  }
}

/** What an option looks like: `-h`, `-hz`, `--lang`, `--lang=fr`, or `--` that ends them. */
const OPTION_SHAPED = /^(?:-[A-Za-z]+|--(?:[A-Za-z][\w-]*(?:=[\s\S]*)?)?)$/;

/**
 * A draft may start with a dash: a list ("- Listen first…"), a figure ("-5% churn"), a rule line.
 * parseArgs would read it as options, so any dashed argument not shaped like an option (and not
 * the value after --lang and the like) goes through as a stand-in that `restore` turns back.
 */
function shieldDashedDrafts(argv: string[]): { args: string[]; restore: (arg: string) => string } {
  const shielded = new Map<string, string>();
  let optionsEnded = false;
  const args = argv.map((arg, i) => {
    const previous = argv[i - 1] ?? "";
    const isValue =
      previous.startsWith("--") && OPTIONS[previous.slice(2) as keyof typeof OPTIONS]?.type === "string";
    if (optionsEnded || isValue || !arg.startsWith("-") || OPTION_SHAPED.test(arg)) {
      if (arg === "--" && !isValue) optionsEnded = true;
      return arg;
    }
    // argv cannot hold a NUL character, so no real argument looks like this stand-in.
    const standIn = `\u0000${i}`;
    shielded.set(standIn, arg);
    return standIn;
  });
  return { args, restore: (arg) => shielded.get(arg) ?? arg };
}

/**
 * What is wrong with arguments parseArgs refused, in postcheck's words: its own messages span lines
 * and end on a hint about `--` that would puzzle someone who only mistyped an option.
 */
function argumentProblem(argv: string[]): string | undefined {
  const { tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: OPTIONS,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (!Object.hasOwn(OPTIONS, token.name)) return `unknown option ${token.rawName}.`;
    const { type } = OPTIONS[token.name as keyof typeof OPTIONS];
    if (type === "boolean" && token.inlineValue) return `${token.rawName} takes no value.`;
    if (
      type === "string" &&
      (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))
    )
      return `${token.rawName} needs a value.`;
  }
  return undefined;
}

/** A usage error: one line, and where to read the usage. */
function usageError(stderr: NodeJS.WritableStream, message: string): number {
  stderr.write(`postcheck: ${withoutControls(message)} See postcheck --help.\n`);
  return EXIT_USAGE;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export async function main(io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(io.argv);
  } catch (err) {
    return usageError(io.stderr, (err as Error).message);
  }
  const { values, positionals, options } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals[0] === "digest") {
    if (values.json || values.jsonl || values.lang !== undefined || values.platform !== undefined)
      return usageError(
        io.stderr,
        "--json, --jsonl, --lang and --platform go with a draft, not with digest.",
      );
    const { runDigestCommand } = await import("./digest/cli.js");
    return runDigestCommand(
      {
        channel: values.channel,
        team: values.team,
        dryRun: values["dry-run"] ?? false,
        force: values.force ?? false,
        unexpected: positionals.slice(1),
      },
      io,
    );
  }
  if (values.channel !== undefined || values.team !== undefined || values["dry-run"] || values.force) {
    return usageError(io.stderr, "--channel, --team, --dry-run and --force go with digest.");
  }
  if (values.jsonl && positionals.length > 0)
    return usageError(
      io.stderr,
      `--jsonl reads its drafts from stdin, not from ${quoteShort(positionals.join(" "))}.`,
    );
  let llm: CliLlm | undefined;
  try {
    llm = await llmFor(values, io.env, io.stderr);
  } catch (err) {
    io.stderr.write(`postcheck: ${withoutControls((err as Error).message)}\n`);
    return EXIT_USAGE;
  }
  if (values.jsonl) return runJsonl(io, options, llm);

  const draft =
    positionals.length > 0 ? positionals.join(" ") : io.stdin.isTTY ? "" : await readAll(io.stdin);
  if (draft.trim() === "") {
    io.stderr.write(
      'postcheck: nothing to coach. Give a draft in quotes, e.g. postcheck "Three things I learned…", or pipe one in.\n',
    );
    return EXIT_USAGE;
  }
  const result = await coach(draft, options, llm?.coach, llm?.onFailure);
  await write(
    io.stdout,
    values.json
      ? `${printableJson(result)}\n`
      : formatReport(result, Boolean(io.stdout.isTTY) && !io.env.NO_COLOR),
  );
  return 0;
}

/** The LLM coach when asked for (or by default when OPENAI_API_KEY is set), unless --no-llm. */
async function llmFor(
  values: { llm?: boolean; "no-llm"?: boolean },
  env: NodeJS.ProcessEnv,
  stderr: NodeJS.WritableStream,
): Promise<CliLlm | undefined> {
  if (values["no-llm"] || values.llm === false) return undefined;
  if (!env.OPENAI_API_KEY?.trim()) {
    if (values.llm) throw new UsageError("--llm needs OPENAI_API_KEY (in the environment or .env)");
    return undefined;
  }
  // Loaded only now: the configuration's validation and the LLM client are the slow imports.
  const [{ llmConfigFromEnv, logLevelFromEnv }, { LlmCoach }, { createLogger }] = await Promise.all([
    import("./config.js"),
    import("./llm/client.js"),
    import("./logger.js"),
  ]);
  const config = llmConfigFromEnv(env);
  const level = logLevelFromEnv(env);
  const logger = createLogger(level, (line) => stderr.write(line));
  // LOG_LEVEL=error keeps stderr for errors: an LLM that did not answer is not one.
  const quiet = level === "error";
  return {
    coach: new LlmCoach({
      apiKey: config.apiKey ?? "",
      baseUrl: config.baseUrl,
      model: config.model,
      timeoutMs: config.timeoutMs,
      log: (line) => logger.debug(line),
    }),
    onFailure: quiet ? undefined : failureReporter(stderr),
    onGiveUp: quiet
      ? undefined
      : (failures, retryEvery) =>
          stderr.write(
            `postcheck: the AI coach failed ${failures} lines in a row; postcoach's own rules coach the next lines, and the AI coach is asked again every ${retryEvery}th.\n`,
          ),
  };
}

/**
 * Why the LLM did not answer, on stderr, once per reason: the results only say that it didn't, and
 * a wrong key, a base URL without /v1 and a slow server each need a different fix.
 */
function failureReporter(stderr: NodeJS.WritableStream): (failure: LlmFailure) => void {
  const told = new Set<string>();
  return ({ reason, detail }) => {
    const key = `${reason}: ${detail}`;
    if (told.has(key)) return;
    told.add(key);
    stderr.write(
      `postcheck: the AI coach did not answer (${withoutControls(detail)}), so the questions come from postcoach's own rules. ${hintFor(reason, detail)}\n`,
    );
  };
}

function hintFor(reason: LlmFailure["reason"], detail: string): string {
  if (reason === "timeout") return "Is the server up? A slow one needs a larger LLM_TIMEOUT_MS.";
  if (reason === "invalid-output")
    return "The model answered, but not with usable questions: try another OPENAI_MODEL.";
  if (/HTTP 40[13]\b/.test(detail)) return "Check OPENAI_API_KEY.";
  if (/HTTP 404\b/.test(detail)) return "Check OPENAI_BASE_URL (it usually ends in /v1) and OPENAI_MODEL.";
  return "Check OPENAI_BASE_URL and that the server is up.";
}

/**
 * When stdout goes away the run ends quietly: a reader that closed the pipe (`| head -1`) exits
 * 141, as a process stopped by SIGPIPE; any other write error (a full disk) is one line and exit 1.
 */
function endQuietlyOnOutputErrors(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void {
  stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(EXIT_CLOSED_PIPE);
    stderr.write(`postcheck: could not write the output (${err.code ?? err.message})\n`);
    process.exit(1);
  });
  // A closed stderr is no reason to fail a run whose results went out.
  stderr.on("error", () => undefined);
}

/** Entry point of the `postcheck` bin. */
export async function runCli(): Promise<void> {
  loadDotenv({ quiet: true });
  endQuietlyOnOutputErrors(process.stdout, process.stderr);
  try {
    process.exitCode = await main({
      argv: process.argv.slice(2),
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    });
  } catch (err) {
    process.stderr.write(`postcheck: ${withoutControls((err as Error).message)}\n`);
    process.exitCode = 1;
  }
}
