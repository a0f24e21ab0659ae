import type { Logger, LogLevel } from "@slack/bolt";
import type { LogLevel as Level } from "./config.js";

// Anything shaped like a Slack or OpenAI secret is masked, whatever logged it (ours or a library's).
const SECRET_RE = /\b(?:xox[abposr]-|xapp-|sk-)[A-Za-z0-9-_]{6,}/g;
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function redactSecrets(text: string): string {
  return text.replace(SECRET_RE, (m) => `${m.slice(0, m.indexOf("-") + 1)}[redacted]`);
}

function format(args: unknown[]): string {
  return args
    .map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === "string" ? a : safeJson(a)))
    .join(" ");
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Once its reader is gone (`npm start | head`, a collector restarting), log lines are dropped. */
function writeToStderr(line: string): void {
  if (!process.stderr.destroyed) process.stderr.write(line);
}

/**
 * The one logger, handed to Bolt too. One line per event on stderr; secrets masked. Drafts never
 * reach it: callers log ids, sizes and timings, not text.
 */
export function createLogger(level: Level, write: (line: string) => void = writeToStderr): Logger {
  let current = level;
  let name = "postcoach";
  const log = (at: Level, args: unknown[]) => {
    if (ORDER[at] < ORDER[current]) return;
    write(`${new Date().toISOString()} ${at.toUpperCase()} ${name} ${redactSecrets(format(args))}\n`);
  };
  return {
    debug: (...a: unknown[]) => log("debug", a),
    info: (...a: unknown[]) => log("info", a),
    warn: (...a: unknown[]) => log("warn", a),
    error: (...a: unknown[]) => log("error", a),
    setLevel: (l: LogLevel) => {
      current = l as Level;
    },
    getLevel: () => current as LogLevel,
    setName: (n: string) => {
      name = n;
    },
  };
}

/**
 * The logger handed to Bolt, and through it to the Web API and Socket Mode clients. At debug they
 * log whole request and response bodies and Socket Mode envelopes: drafts. So their lines are cut
 * where a payload starts (the first `{` or `[`) or quotes a body, the objects they pass are left
 * out, and they cannot change postcoach's level (Bolt resets it to INFO) or name.
 */
export function libraryLogger(logger: Logger): Logger {
  const clean = (args: unknown[]) =>
    args.map((a) =>
      typeof a === "string"
        ? withoutPayload(a)
        : a instanceof Error
          ? Object.assign(new Error(withoutPayload(a.message)), { name: a.name })
          : "[object not logged]",
    );
  return {
    debug: (...a: unknown[]) => logger.debug(...clean(a)),
    info: (...a: unknown[]) => logger.info(...clean(a)),
    warn: (...a: unknown[]) => logger.warn(...clean(a)),
    // postcoach says it in its own line, naming SLACK_APP_TOKEN or the URL (app.ts, watchSocket).
    error: (...a: unknown[]) =>
      SAID_BY_POSTCOACH.test(String(a[0])) ? logger.debug(...clean(a)) : logger.error(...clean(a)),
    setLevel: () => undefined,
    getLevel: () => logger.getLevel(),
    setName: () => undefined,
  };
}

const SAID_BY_POSTCOACH = /^Failed to retrieve a new WSS URL/;

/** Bolt's line for a signed body it cannot parse ends with V8's JSON error, which quotes the body's start. */
const QUOTES_A_BODY = /^(Malformed request body): [\s\S]*/;

function withoutPayload(text: string): string {
  if (QUOTES_A_BODY.test(text))
    return text.replace(QUOTES_A_BODY, "$1: not valid JSON (its text not logged)");
  const start = text.search(/[{[]/);
  return start < 0 ? text : `${text.slice(0, start)}[payload not logged]`;
}
