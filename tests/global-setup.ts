import { execFileSync } from "node:child_process";
import { ROOT } from "./helpers/spawn.js";

/**
 * Tests run the real `postcheck` bin and `npm start`, which run the compiled JavaScript in dist/:
 * it is rebuilt first (incrementally), so they never test code older than the source.
 */
export default function buildOnce(): void {
  execFileSync(process.execPath, [`${ROOT}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}
