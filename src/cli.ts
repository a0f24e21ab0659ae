import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import {
  type AnalyzeOptions,
  coach,
  LANGUAGES,
  type Lang,
  LlmCoach,
  PLATFORMS,
  type Platform,
} from "./coach/index.js";
import { ConfigError, llmConfigFromEnv } from "./config.js";
import { formatReport } from "./report.js";

export const USAGE = `Usage:
  postcheck [--json] [--lang en|fr] [--platform linkedin|x|slack|blog] "<draft>"
  echo "<draft>" | postcheck [--json]
  postcheck --jsonl [--lang en|fr] [--platform NAME] < drafts.jsonl
  postcheck digest --channel C0123456789 [--team T0123456789] [--dry-run] [--force]

Coaches a draft post: what a reader may notice, and questions to see it through their eyes.
  --json        print the result as one JSON object
  --jsonl       read JSON lines {"text": "..."} (or plain lines) from stdin, write one result per line
  --lang        force the language (default: detected)
  --platform    where the post will go (default: linkedin)
  --llm         ask the LLM too (needs OPENAI_API_KEY; the default when it is set)
  --no-llm      heuristics only, even when OPENAI_API_KEY is set

digest builds a channel's weekly digest from the database (DATABASE_PATH) and posts it with
SLACK_BOT_TOKEN, once per channel and week like the bot's own schedule: a second run says it was
already posted, unless --force. --dry-run prints it and changes nothing. --team picks the
workspace when the database knows the channel id in several.
`;

/** Exit codes: 0 coached, 2 nothing to coach or a usage error. */
export const EXIT_USAGE = 2;

class UsageError extends Error {}

interface Io {
  argv: string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
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
    },
  });
  const options: AnalyzeOptions = {};
  if (values.lang !== undefined) {
    if (!LANGUAGES.includes(values.lang as Lang))
      throw new UsageError(`--lang must be en or fr, not "${values.lang}".`);
    options.lang = values.lang as Lang;
  }
  if (values.platform !== undefined) {
    const p = values.platform.toLowerCase() === "twitter" ? "x" : values.platform.toLowerCase();
    if (!PLATFORMS.includes(p as Platform)) {
      throw new UsageError(`--platform must be one of ${PLATFORMS.join(", ")}, not "${values.platform}".`);
    }
    options.platform = p as Platform;
  }
  return { values, positionals, options };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** One JSON line → the draft text; plain lines are drafts as they are. */
export function draftFromLine(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return line;
    }
    const text = (parsed as { text?: unknown }).text;
    if (typeof text !== "string") throw new Error('each JSON line needs a "text" string');
    return text;
  }
  return line;
}

async function runJsonl(io: Io, options: AnalyzeOptions, llm?: LlmCoach): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === "") continue;
    let out: string;
    try {
      out = JSON.stringify(await coach(draftFromLine(line), options, llm));
    } catch (err) {
      // Keep one output line per input line so results stay aligned with their drafts.
      out = JSON.stringify({ error: `line ${lineNo}: ${(err as Error).message}`, line: lineNo });
    }
    if (!io.stdout.write(`${out}\n`)) await new Promise((r) => io.stdout.once("drain", r));
  }
  return 0;
}

export async function main(io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(io.argv);
  } catch (err) {
    io.stderr.write(`postcheck: ${(err as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals, options } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals[0] === "digest") {
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
    io.stderr.write(`postcheck: --channel, --team, --dry-run and --force go with digest.\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  let llm: LlmCoach | undefined;
  try {
    llm = llmFor(values, io.env);
  } catch (err) {
    io.stderr.write(`postcheck: ${(err as Error).message}\n`);
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
  const result = await coach(draft, options, llm);
  if (values.json) io.stdout.write(`${JSON.stringify(result)}\n`);
  else io.stdout.write(formatReport(result, Boolean(io.stdout.isTTY) && !io.env.NO_COLOR));
  return 0;
}

/** The LLM coach when asked for (or by default when OPENAI_API_KEY is set), unless --no-llm. */
function llmFor(values: { llm?: boolean; "no-llm"?: boolean }, env: NodeJS.ProcessEnv): LlmCoach | undefined {
  if (values["no-llm"] || values.llm === false) return undefined;
  const config = llmConfigFromEnv(env);
  if (!config.apiKey) {
    if (values.llm) throw new ConfigError("--llm needs OPENAI_API_KEY (in the environment or .env)");
    return undefined;
  }
  return new LlmCoach({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    model: config.model,
    timeoutMs: config.timeoutMs,
  });
}

/** Entry point of the `postcheck` bin. */
export async function runCli(): Promise<void> {
  loadDotenv({ quiet: true });
  try {
    process.exitCode = await main({
      argv: process.argv.slice(2),
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    });
  } catch (err) {
    process.stderr.write(`postcheck: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
