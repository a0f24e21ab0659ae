#!/usr/bin/env node
// Runs the TypeScript CLI directly, so `npx postcheck` works right after `npm install` with no build step.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli.ts");
await runCli();
