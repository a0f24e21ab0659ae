/**
 * npm run bench [suite…]: runs the benchmarks and prints their figures. Suites: coach, cli, digest, llm,
 * memory, replicas, slack, store (default: all). coach, cli, memory, slack and replicas run the compiled JavaScript in dist/ (npm run build).
 * Loopback only; every load is bounded in time.
 */
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { benchCli } from "./cli.js";
import { benchCoach } from "./coach.js";
import { benchDigest } from "./digest.js";
import { benchLlm } from "./llm.js";
import { benchMemory } from "./memory.js";
import { benchReplicas } from "./replicas.js";
import { benchSlack } from "./slack.js";
import { benchStore } from "./store.js";

const SUITES: Record<string, () => Promise<void>> = {
  coach: benchCoach,
  digest: benchDigest,
  cli: benchCli,
  llm: benchLlm,
  memory: benchMemory,
  replicas: benchReplicas,
  slack: benchSlack,
  store: benchStore,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !(w in SUITES));
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(", ")}. Known: ${Object.keys(SUITES).join(", ")}`);
  process.exit(2);
}
// Every suite but store, digest and llm measures the compiled JavaScript users run: build it first
// (incremental, so a second run costs a second or two).
execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
console.log(
  `postcoach benchmarks — ${new Date().toISOString().slice(0, 10)} — Node ${process.version} — ${cpus()[0]?.model ?? "cpu"} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
);
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) await SUITES[name]!();
