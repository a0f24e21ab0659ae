import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchCorpus } from "./coach.js";
import { fmt, percentile, row } from "./stats.js";

const ROOT = new URL("..", import.meta.url).pathname;
const BIN = join(ROOT, "bin/postcheck.js");
const DRAFT =
  "I'm thrilled to announce that after three years of hard work our team shipped the new onboarding flow! So proud. What would you have done differently? #product #launch";
const LATENCY_ROUNDS = 30;
const JSONL_ROUNDS = 3;
const JSONL_REPEAT = 10;

/** Runs a command to its end, stdin from a file if given, stdout counted and dropped; resolves its wall time. */
function run(args: string[], stdinFile?: string): Promise<{ ms: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
    let lines = 0;
    child.stdout.on("data", (d: Buffer) => {
      for (const byte of d) if (byte === 10) lines++;
    });
    if (stdinFile) createReadStream(stdinFile).pipe(child.stdin);
    else child.stdin.end();
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, lines })
        : reject(new Error(`${args[0]} exited ${code}`)),
    );
  });
}

function medianOf(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export async function benchCli(): Promise<void> {
  console.log("\n## CLI: whole processes, as a user runs them (compiled JavaScript, dist/)");

  // One draft, against bare node starting and exiting: what the CLI adds is what a user waits for.
  const bare: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < 3; i++) await run([BIN, "--json", DRAFT]);
  for (let i = 0; i < LATENCY_ROUNDS; i++) {
    bare.push((await run(["-e", "0"])).ms);
    cli.push((await run([BIN, "--json", DRAFT])).ms);
  }
  const widths = [34, 10, 10];
  console.log(`one draft, ${LATENCY_ROUNDS} alternating runs each`);
  console.log(row(["command", "p50 ms", "p90 ms"], widths));
  for (const [name, times] of [
    ["node -e 0", bare],
    ["node bin/postcheck.js --json <draft>", cli],
  ] as const)
    console.log(
      row(
        [
          name,
          fmt(medianOf(times), 0),
          fmt(
            percentile(
              [...times].sort((a, b) => a - b),
              90,
            ),
            0,
          ),
        ],
        widths,
      ),
    );
  const above = medianOf(cli) - medianOf(bare);
  console.log(
    `one draft costs ${fmt(above, 0)} ms above bare node (median); target ≤ 150 ms: ${above <= 150 ? "met" : "NOT met"}`,
  );

  // --jsonl against write-good run the same way (bench/write-good-jsonl.mjs), on the same lines.
  const corpus = benchCorpus();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-cli-bench-"));
  const input = join(dir, "drafts.jsonl");
  const lines: string[] = [];
  for (let i = 0; i < JSONL_REPEAT; i++) for (const text of corpus) lines.push(JSON.stringify({ text }));
  writeFileSync(input, `${lines.join("\n")}\n`);
  const ours: number[] = [];
  const ref: number[] = [];
  for (let round = 0; round < JSONL_ROUNDS; round++) {
    const p = await run([BIN, "--jsonl"], input);
    const w = await run([join(ROOT, "bench/write-good-jsonl.mjs")], input);
    if (p.lines !== lines.length || w.lines !== lines.length)
      throw new Error(`expected ${lines.length} output lines, got ${p.lines} and ${w.lines}`);
    ours.push(p.ms);
    ref.push(w.ms);
  }
  rmSync(dir, { recursive: true, force: true });
  const rate = (ms: number) => (lines.length / ms) * 1000;
  console.log(
    `\n--jsonl, ${lines.length} lines (the coach corpus ×${JSONL_REPEAT}), median of ${JSONL_ROUNDS} alternating runs`,
  );
  console.log(row(["command", "s", "drafts/s"], [34, 10, 10]));
  console.log(
    row(["postcheck --jsonl", fmt(medianOf(ours) / 1000, 2), fmt(rate(medianOf(ours)), 0)], [34, 10, 10]),
  );
  console.log(
    row(["write-good (same I/O)", fmt(medianOf(ref) / 1000, 2), fmt(rate(medianOf(ref)), 0)], [34, 10, 10]),
  );
  const ratio = medianOf(ref) / medianOf(ours);
  console.log(
    `postcheck --jsonl is ${fmt(ratio, 1)}× write-good (whole process); target ≥ 5×: ${ratio >= 5 ? "met" : "NOT met"}`,
  );
}
