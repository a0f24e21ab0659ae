import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { FORM, postSigned, SIGNING_SECRET, slashCommandBody } from "../tests/helpers/slack-requests.js";
import { startArgs, startServer } from "./memory.js";
import { fmt, percentile, row } from "./stats.js";

const DRAFT =
  "I'm thrilled to announce that after three years of hard work our team shipped the new onboarding flow! So proud. What would you have done differently? #product #launch";
const RATE = 50;
const SECONDS = Number(process.env.BENCH_SLACK_SECONDS ?? 60);
const KILL_SECONDS = 20;

/** The fake Slack in a child process, so that receiving replies costs the benchmarked process nothing. */
export class FakeSlackProcess {
  private constructor(
    readonly port: number,
    private readonly ask: (line: string) => Promise<string>,
    private readonly kill: () => void,
  ) {}

  static async start(): Promise<FakeSlackProcess> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", new URL("./fake-slack-process.ts", import.meta.url).pathname],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const next = async () => String((await lines.next()).value);
    const port = Number(await next());
    let queue = Promise.resolve("");
    const ask = (line: string) => {
      queue = queue.then(() => {
        child.stdin!.write(`${line}\n`);
        return next();
      });
      return queue;
    };
    return new FakeSlackProcess(port, ask, () => child.kill());
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Every reply whose id starts with the prefix: [id, when it arrived (epoch ms)], duplicates included. */
  async times(prefix: string): Promise<[string, number][]> {
    return JSON.parse(await this.ask(`times ${prefix}`)) as [string, number][];
  }

  /** How many replies with this id prefix have arrived. */
  async count(prefix: string): Promise<number> {
    return Number(await this.ask(`count ${prefix}`));
  }

  /** Waits until replies with this prefix stop arriving (none for `quietMs`). */
  async drain(prefix: string, quietMs = 1000): Promise<void> {
    let last = -1;
    let changedAt = Date.now();
    for (;;) {
      const count = await this.count(prefix);
      if (count !== last) {
        last = count;
        changedAt = Date.now();
      } else if (Date.now() - changedAt >= quietMs) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    this.kill();
  }
}

interface Sent {
  id: string;
  sentAt: number;
  /** Time to the acknowledgement (ms); undefined when the request failed (process gone). */
  ackMs?: number;
}

/**
 * Signed /postcheck commands at a steady rate, each with its own response_url, from this process:
 * the load generator shares the machine's two cores with the bot and the fake Slack.
 */
async function steady(
  url: string,
  fake: FakeSlackProcess,
  prefix: string,
  seconds: number,
  onSecond?: (s: number) => void,
) {
  const sent: Sent[] = [];
  const pending: Promise<void>[] = [];
  const started = Date.now();
  for (let n = 0; n < RATE * seconds; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (n % RATE === 0) onSecond?.(n / RATE);
    const id = `${prefix}-${n}`;
    const body = slashCommandBody(DRAFT, fake.responseUrl(id));
    const s: Sent = { id, sentAt: Date.now() };
    sent.push(s);
    pending.push(
      postSigned(url, body, FORM).then(
        (res) => {
          if (res.status === 200) s.ackMs = Date.now() - s.sentAt;
        },
        () => undefined,
      ),
    );
  }
  await Promise.all(pending);
  return sent;
}

/** What reached the fake Slack for the acknowledged commands: answered, lost, duplicated, and when. */
async function tally(fake: FakeSlackProcess, prefix: string, sent: Sent[]) {
  const times = await fake.times(`${prefix}-`);
  const first = new Map<string, number>();
  for (const [id, at] of times) if (!first.has(id)) first.set(id, at);
  const acked = sent.filter((s) => s.ackMs !== undefined);
  const lost = acked.filter((s) => !first.has(s.id)).length;
  const replyMs = acked
    .filter((s) => first.has(s.id))
    .map((s) => first.get(s.id)! - s.sentAt)
    .sort((a, b) => a - b);
  const ackMs = acked.map((s) => s.ackMs!).sort((a, b) => a - b);
  return {
    acked: acked.length,
    answered: first.size,
    duplicates: times.length - first.size,
    lost,
    ackMs,
    replyMs,
  };
}

export async function benchSlack(): Promise<void> {
  console.log(
    `\n## Slack: ${RATE} signed /postcheck a second over HTTP for ${SECONDS} s, the bot as npm start runs it, load generator and fake Slack on the same machine`,
  );
  const fake = await FakeSlackProcess.start();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-bench-"));
  const env = {
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    DATABASE_PATH: join(dir, "bench.db"),
    // "listening on port …" is an info line; nothing else is logged per command at info.
    LOG_LEVEL: "info",
  };
  const start = () => startServer(startArgs(), env);
  const urlOf = (port: number) => `http://127.0.0.1:${port}/slack/events`;

  // Sustained load.
  let bot = await start();
  await steady(urlOf(bot.port), fake, "warm", 3);
  const sent = await steady(urlOf(bot.port), fake, "load", SECONDS);
  await fake.drain("load-");
  const load = await tally(fake, "load", sent);
  const widths = [26, 10, 10, 10, 10];
  console.log(row(["", "p50 ms", "p99 ms", "max ms", "target"], widths));
  console.log(
    row(
      [
        "ack",
        fmt(percentile(load.ackMs, 50), 1),
        fmt(percentile(load.ackMs, 99), 1),
        fmt(load.ackMs.at(-1) ?? Number.NaN, 1),
        "p99 < 100",
      ],
      widths,
    ),
  );
  console.log(
    row(
      [
        "reply at the fake Slack",
        fmt(percentile(load.replyMs, 50), 1),
        fmt(percentile(load.replyMs, 99), 1),
        fmt(load.replyMs.at(-1) ?? Number.NaN, 1),
        "p99 < 500",
      ],
      widths,
    ),
  );
  console.log(
    `acknowledged ${load.acked} of ${sent.length}; answered ${load.answered}; lost ${load.lost} (target 0); duplicates ${load.duplicates}`,
  );

  // kill -9 in the middle of the same load, then a new process on the same database.
  let killedAt = 0;
  const exited = new Promise((r) => bot.child.once("exit", r));
  const crash = await steady(urlOf(bot.port), fake, "crash", KILL_SECONDS, (s) => {
    if (s === KILL_SECONDS / 2) {
      bot.child.kill("SIGKILL");
      killedAt = Date.now();
    }
  });
  await exited;
  const restartedAt = Date.now();
  bot = await start();
  await fake.drain("crash-", 8000);
  const c = await tally(fake, "crash", crash);
  console.log(
    `kill -9 after ${KILL_SECONDS / 2} s of ${KILL_SECONDS}: acknowledged ${c.acked}, answered ${c.answered}, lost ${c.lost} (target 0), duplicates ${c.duplicates} = ${fmt((100 * c.duplicates) / Math.max(1, c.acked), 2)} % (target ≤ 1 %); restarted ${fmt((restartedAt - killedAt) / 1000, 1)} s after the kill`,
  );
  bot.child.kill("SIGTERM");
  await new Promise((r) => bot.child.once("exit", r));
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
}
