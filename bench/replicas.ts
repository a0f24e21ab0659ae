import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCluster } from "../tests/helpers/postgres-cluster.js";
import { FORM, postSigned, SIGNING_SECRET, slashCommandBody } from "../tests/helpers/slack-requests.js";
import { startArgs, startServer } from "./memory.js";
import { FakeSlackProcess } from "./slack.js";
import { fmt, percentile, row } from "./stats.js";

const DRAFT =
  "I'm thrilled to announce that after three years of hard work our team shipped the new onboarding flow! So proud. What would you have done differently? #product #launch";
const COMMANDS = Number(process.env.BENCH_REPLICAS_COMMANDS ?? 4000);
/** Clients sending at once, each waiting for its acknowledgement before the next command. */
const CONCURRENCY = 32;
const USERS = 200;
const CHANNELS = 20;
const WARM_UP = 224;
const STEADY_RATE = 50;
const STEADY_SECONDS = 10;

/** CPU time (ms) the whole machine has spent busy and in total since boot, from /proc/stat. */
function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU time (clock ticks) a process has used, from /proc/<pid>/stat. */
function processCpu(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

const CPU_CGROUPS = "/sys/fs/cgroup/cpu";
/** The CPU share each replica gets in the capped runs, as a container's CPU limit would give it. */
const CAP = Number(process.env.BENCH_REPLICA_CPU ?? 0.4);

/**
 * Caps a process at `cores` of CPU with a cgroup (v1, as root): on a 2-core machine the capped
 * replicas, not the machine, are then the limit, which is what shows whether replicas serialize on
 * anything they share. Undefined when cgroups cannot be written here.
 */
function capCpu(pid: number, cores: number): (() => void) | undefined {
  const dir = join(CPU_CGROUPS, `postcoach-bench-${pid}`);
  try {
    mkdirSync(dir);
    const period = Number(readFileSync(join(dir, "cpu.cfs_period_us"), "utf8"));
    writeFileSync(join(dir, "cpu.cfs_quota_us"), String(Math.round(period * cores)));
    writeFileSync(join(dir, "cgroup.procs"), String(pid));
    // Called once the process has exited: an empty cgroup can be removed.
    return () => rmdirSync(dir);
  } catch {
    if (existsSync(dir)) rmdirSync(dir);
    return undefined;
  }
}

interface Run {
  replicas: number;
  cap?: number;
  perSecond: number;
  ackP99: number;
  dbMs: number[];
  statements: number;
  lost: number;
  /** Share of the machine's two cores busy during the run, and the bot processes' part of it. */
  machineBusy: number;
  botsBusy: number;
}

/**
 * COMMANDS signed /postcheck from CONCURRENCY clients, spread round-robin over the replicas (the
 * load balancer), timed from the first send to the last reply at the fake Slack: the replies are
 * the work, the acknowledgement alone would flatter the figure.
 */
async function run(
  replicas: number,
  cap: number | undefined,
  url: string,
  fake: FakeSlackProcess,
  dir: string,
): Promise<Run | undefined> {
  const timingFiles = Array.from({ length: replicas }, (_, i) => join(dir, `timing-${replicas}-${i}.json`));
  const bots = await Promise.all(
    timingFiles.map((file) =>
      startServer(["--import", new URL("./db-timing.mjs", import.meta.url).href, ...startArgs()], {
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATABASE_URL: url,
        LOG_LEVEL: "info",
        BENCH_DB_TIMING_FILE: file,
      }),
    ),
  );
  const uncap: (() => void)[] = [];
  if (cap !== undefined) {
    for (const b of bots) {
      const release = capCpu(b.child.pid!, cap);
      if (release) uncap.push(release);
    }
    if (uncap.length < bots.length) {
      for (const b of bots) b.child.kill("SIGKILL");
      return undefined;
    }
  }
  const urls = bots.map((b) => `http://127.0.0.1:${b.port}/slack/events`);
  const prefix = `r${replicas}${cap === undefined ? "" : "c"}`;
  const send = async (n: number, tag: string) => {
    const body = slashCommandBody(DRAFT, fake.responseUrl(`${tag}-${n}`), {
      user_id: `U${n % USERS}`,
      channel_id: `C${n % CHANNELS}`,
    });
    const sentAt = performance.now();
    const res = await postSigned(urls[n % urls.length]!, body, FORM);
    return res.status === 200 ? performance.now() - sentAt : undefined;
  };
  // Warm-up: JIT, the pools' connections, prepared statements.
  for (let n = 0; n < WARM_UP; n += CONCURRENCY)
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => send(n + i, `warm${prefix}`)));
  await fake.drain(`warm${prefix}-`, 500);

  const acks: number[] = [];
  let next = 0;
  const cpuBefore = machineCpu();
  const botsBefore = bots.reduce((s, b) => s + processCpu(b.child.pid!), 0);
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < COMMANDS) {
        const ms = await send(next++, prefix);
        if (ms !== undefined) acks.push(ms);
      }
    }),
  );
  const cpuAfter = machineCpu();
  const botsAfter = bots.reduce((s, b) => s + processCpu(b.child.pid!), 0);
  await fake.drain(`${prefix}-`, 1000);
  const times = await fake.times(`${prefix}-`);
  const answered = new Set(times.map(([id]) => id)).size;
  const lastReply = Math.max(...times.map(([, at]) => at));

  // Database time at a rate a busy workspace sends (STEADY_RATE a second), not at saturation,
  // where a statement's time would mostly be its wait for the bot's busy event loop.
  const steady: Promise<unknown>[] = [];
  const steadyStart = performance.now();
  for (let n = 0; n < STEADY_RATE * STEADY_SECONDS; n++) {
    const wait = steadyStart + (n * 1000) / STEADY_RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    steady.push(send(n, `steady${prefix}`));
  }
  await Promise.all(steady);
  await fake.drain(`steady${prefix}-`, 500);
  for (const b of bots) b.child.kill("SIGTERM");
  await Promise.all(bots.map((b) => new Promise((r) => b.child.once("exit", r))));
  for (const release of uncap) release();

  // Each replica's last requests were the steady phase's.
  const measured = timingFiles.flatMap((f) =>
    (JSON.parse(readFileSync(f, "utf8")) as { ms: number; statements: number }[]).slice(
      -Math.round((STEADY_RATE * STEADY_SECONDS) / replicas),
    ),
  );
  acks.sort((a, b) => a - b);
  return {
    replicas,
    cap,
    perSecond: (answered * 1000) / (lastReply - started),
    ackP99: percentile(acks, 99),
    dbMs: measured.map((r) => r.ms).sort((a, b) => a - b),
    statements: measured.reduce((s, r) => s + r.statements, 0) / Math.max(1, measured.length),
    lost: acks.length - answered,
    machineBusy: (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.total - cpuBefore.total),
    botsBusy: (botsAfter - botsBefore) / (cpuAfter.total - cpuBefore.total),
  };
}

export async function benchReplicas(): Promise<void> {
  console.log(
    `\n## Replicas: ${COMMANDS} signed /postcheck from ${CONCURRENCY} clients, round-robin over one then two bot processes (npm start) on one PostgreSQL (durable: fsync on), load generator and fake Slack on the same machine`,
  );
  const cluster = await startCluster({ durable: true });
  const fake = await FakeSlackProcess.start();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-replicas-"));
  try {
    const results: Run[] = [];
    for (const cap of [undefined, CAP])
      for (const replicas of [1, 2]) {
        const r = await run(replicas, cap, cluster.url, fake, dir);
        if (r) results.push(r);
        else console.log(`(no CPU cap: cgroups are not writable here; the capped runs need root)`);
      }
    const widths = [10, 10, 12, 12, 12, 12, 16, 16, 16, 6];
    console.log(
      `commands/s, ack p99 and CPU at saturation; database time per command (statements as the bot awaits them, pool wait included) at ${STEADY_RATE} commands/s`,
    );
    console.log(
      row(
        [
          "replicas",
          "CPU each",
          "commands/s",
          "ack p99 ms",
          "CPU busy",
          "bots' CPU",
          "db ms/cmd p50",
          "db ms/cmd p99",
          "statements/cmd",
          "lost",
        ],
        widths,
      ),
    );
    for (const r of results)
      console.log(
        row(
          [
            r.replicas,
            r.cap === undefined ? "all" : `${r.cap} core`,
            fmt(r.perSecond, 0),
            fmt(r.ackP99, 1),
            `${fmt(100 * r.machineBusy, 0)} %`,
            `${fmt(100 * r.botsBusy, 0)} %`,
            fmt(percentile(r.dbMs, 50), 2),
            fmt(percentile(r.dbMs, 99), 2),
            fmt(r.statements, 1),
            r.lost,
          ],
          widths,
        ),
      );
    for (const cap of [undefined, CAP]) {
      const [one, two] = [1, 2].map((n) => results.find((r) => r.replicas === n && r.cap === cap));
      if (one && two)
        console.log(
          `two replicas / one${cap === undefined ? ", uncapped" : `, each capped at ${cap} core`}: ${fmt(two.perSecond / one.perSecond, 2)}× (target ≥ 1.6)`,
        );
    }
  } finally {
    await fake.stop();
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
