import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FORM, postSigned, SIGNING_SECRET, slashCommandBody } from "../tests/helpers/slack-requests.js";
import { FakeSlackProcess } from "./slack.js";
import { fmt, row } from "./stats.js";

const ROOT = new URL("..", import.meta.url).pathname;
const COMMANDS = 500;
const CONCURRENCY = 10;
const DRAFT =
  "I'm thrilled to announce that after three years of hard work our team shipped the new onboarding flow! So proud. What would you have done differently? #product #launch";

/** Starts a server process and resolves once it prints the port it listens on. */
export function startServer(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const onData = (d: Buffer) => {
      out += d;
      const m = /listening on port (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited ${code}: ${out}`)));
  });
}

/** The node arguments of `npm start` (package.json), so that the bot runs exactly as users start it. */
export function startArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.split(/\s+/);
  if (node !== "node") throw new Error(`npm start is not a plain node command: ${pkg.scripts.start}`);
  return args.map((a) => (a.endsWith(".js") ? join(ROOT, a) : a));
}

/** Resident memory of a process now and at its peak, in MiB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

async function sendCommands(url: string, fake: FakeSlackProcess, prefix: string): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < COMMANDS) {
      const body = slashCommandBody(DRAFT, fake.responseUrl(`${prefix}-${next++}`));
      await postSigned(url, body, FORM);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

export async function benchMemory(): Promise<void> {
  console.log(
    `\n## Memory: each app in its own process (as npm start runs it), after ${COMMANDS} /postcheck`,
  );
  const fake = await FakeSlackProcess.start();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-memory-"));
  const env = {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    DATABASE_PATH: join(dir, "bench.db"),
    // info: the line saying which port it listens on; nothing is logged per command at info.
    LOG_LEVEL: "info",
  };
  const widths = [26, 12, 12, 14];
  const results: [string, { rss: number; peak: number }, { rss: number }][] = [];
  for (const [name, args, prefix] of [
    ["bare Bolt (ack only)", [join(ROOT, "bench/bare-bolt.mjs")], "bare"],
    ["postcoach (npm start)", startArgs(), "mem"],
  ] as const) {
    const { child, port } = await startServer([...args], env);
    await new Promise((r) => setTimeout(r, 500));
    const idle = memoryOf(child.pid!);
    await sendCommands(`http://127.0.0.1:${port}/slack/events`, fake, prefix);
    if (prefix === "mem") await fake.drain(prefix);
    // Settled: what stays resident, not a garbage collector's moment.
    await new Promise((r) => setTimeout(r, 1000));
    results.push([name, memoryOf(child.pid!), idle]);
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  const replies = await fake.count("mem");
  console.log(row(["app", "idle MiB", "RSS MiB", "peak RSS MiB"], widths));
  for (const [name, after, idle] of results)
    console.log(row([name, fmt(idle.rss, 0), fmt(after.rss, 0), fmt(after.peak, 0)], widths));
  const ours = results[1]![1];
  console.log(`coaching replies received: ${replies} of ${COMMANDS}`);
  console.log(
    `postcoach RSS after ${COMMANDS} commands: ${fmt(ours.rss, 0)} MiB; target ≤ 150 MB: ${ours.rss * 1.048576 <= 150 ? "met" : "NOT met"}`,
  );
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
}
