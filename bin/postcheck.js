#!/usr/bin/env node
// The CLI as JavaScript compiled from src/ (`npm install` builds it: the prepare script runs
// `npm run build`), so that a run starts at once, with no TypeScript compiled on the way.
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";

// The coach's lexicons are a thousand regexes, each compiled on its first use. V8 first compiles a
// regex to bytecode and again to machine code once it is used more; straight to machine code saves
// ~40 ms of a one-draft run (docs/benchmarks.md). Set before any of them is compiled.
setFlagsFromString("--no-regexp-tier-up");

const entry = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "postcheck: not built yet. Run `npm run build` (npm install does it) and try again.\n",
  );
  process.exit(1);
}
const { runCli } = await import(entry.href);
await runCli();
