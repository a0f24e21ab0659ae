#!/usr/bin/env node
// The CLI as JavaScript compiled from src/ (`npm install` builds it: the prepare script runs
// `npm run build`), so that a run starts at once, with no TypeScript compiled on the way.
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "postcheck: not built yet. Run `npm run build` (npm install does it) and try again.\n",
  );
  process.exit(1);
}
const { runCli } = await import(entry.href);
await runCli();
