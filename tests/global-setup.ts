import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { type Cluster, startCluster } from "./helpers/postgres-cluster.js";
import { ROOT } from "./helpers/spawn.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL server for the store tests; "" when there is none (they skip, saying why). */
    postgresUrl: string;
  }
}

/**
 * Tests run the real `postcheck` bin and `npm start`, which run the compiled JavaScript in dist/:
 * it is rebuilt first (incrementally), so they never test code older than the source.
 *
 * The store tests run against SQLite and PostgreSQL: POSTCOACH_TEST_DATABASE_URL names a server
 * to use (each test file gets schemas of its own there), else a throwaway cluster is started
 * here. Without PostgreSQL its tests fail, each saying how to install it: never a silent skip.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  execFileSync(process.execPath, [`${ROOT}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const given = process.env.POSTCOACH_TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide("postgresUrl", given);
    return () => undefined;
  }
  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster();
  } catch (err) {
    const reason = `PostgreSQL unavailable (${(err as Error).message.split("\n")[0]})`;
    process.stderr.write(
      `\n⚠ ${reason}: the PostgreSQL tests will fail. Install Debian's postgresql package (.ci/run does), or set POSTCOACH_TEST_DATABASE_URL.\n\n`,
    );
  }
  project.provide("postgresUrl", cluster?.url ?? "");
  return () => cluster?.stop();
}
