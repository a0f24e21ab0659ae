import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./spawn.js";

/**
 * libfaketime's multi-threaded library (Debian's faketime package, which .ci/run installs).
 * Preloaded directly rather than through the faketime wrapper, which forks: the bot must be the
 * process the test signals.
 */
function findLibfaketime(): string | undefined {
  const dirs = ["/usr/lib", "/usr/local/lib"].flatMap((root) => {
    if (!existsSync(root)) return [];
    return [root, ...readdirSync(root).map((d) => join(root, d))];
  });
  return dirs.map((d) => join(d, "faketime", "libfaketimeMT.so.1")).find((p) => existsSync(p));
}

export const LIBFAKETIME = findLibfaketime();

export interface TimedBot {
  /** Every line the bot logged (stderr and stdout). */
  lines: string[];
  /** Waits until a logged line matches (a pattern or a test), and returns it. */
  waitForLine(match: RegExp | ((line: string) => boolean), timeoutMs?: number): Promise<string>;
  /** Lines matching a pattern, so far. */
  linesMatching(re: RegExp): string[];
  stop(): Promise<void>;
}

/**
 * Starts the real bot (`src/main.ts`, as `npm start` does) in its own process whose clock starts at
 * `startAt` (UTC) and runs `rate` times faster, with libfaketime. Nothing in the bot knows.
 */
export function startBotAt(startAt: string, env: Record<string, string>, rate = 1): TimedBot {
  const spec = `@${startAt.replace("T", " ").replace(/Z$/, "")}${rate === 1 ? "" : ` x${rate}`}`;
  if (!LIBFAKETIME) throw new Error("libfaketime is not installed: apt-get install faketime (.ci/run does)");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME: spec,
      // libfaketime reads the start time in the process's zone. The bot itself never relies on TZ.
      TZ: "UTC",
      LOG_LEVEL: "debug",
      ...env,
    },
  });
  const lines: string[] = [];
  let partial = "";
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    const text = partial + d.toString("utf8");
    const parts = text.split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    for (const w of waiters) w();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  let exited = false;
  const closed = new Promise<void>((resolve) =>
    child.on("close", () => {
      exited = true;
      resolve();
    }),
  );
  return {
    lines,
    linesMatching: (re) => lines.filter((l) => re.test(l)),
    waitForLine: (match, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const test = typeof match === "function" ? match : (l: string) => match.test(l);
        const check = () => {
          const found = lines.find(test);
          if (found !== undefined) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          } else if (exited) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`the bot exited before logging ${match}:\n${lines.join("\n")}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`timed out waiting for ${match}; the bot logged:\n${lines.slice(-40).join("\n")}`),
          );
        }, timeoutMs);
        waiters.add(check);
        void closed.then(check);
        check();
      }),
    stop: async () => {
      if (!exited) child.kill("SIGTERM");
      await closed;
    },
  };
}

/** The instant a log line was written at, by the bot's own (moved) clock. */
export function loggedAt(line: string): number {
  return Date.parse(line.slice(0, 24));
}
