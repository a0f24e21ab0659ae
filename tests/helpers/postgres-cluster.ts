import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/**
 * A throwaway PostgreSQL cluster for the tests: initdb into a temp folder, a server on a free
 * loopback port (and a Unix socket in that folder only), no durability (fsync off), trust auth
 * for its one local user. Debian's `postgresql` package provides the binaries (`.ci/run` installs
 * it when missing).
 */
export interface Cluster {
  url: string;
  stop(): void;
}

/** The folder of PostgreSQL's server binaries: on PATH, else Debian's newest version. */
export function findPostgresBin(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `durable`: the server's own defaults (fsync, synchronous_commit), as a production server runs,
 * for benchmarks; tests turn durability off for speed.
 */
export async function startCluster({ durable = false }: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL's server binaries (initdb, pg_ctl) are not installed");
  const dir = mkdtempSync(join(tmpdir(), "postcoach-pg-"));
  const data = join(dir, "data");
  // initdb refuses to run as root: the server then runs as Debian's postgres user.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const id = (name: string) => Number(execFileSync("id", [name, "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]]
      : [join(bin, tool), args];
    const r = spawnSync(cmd, argv as string[], { encoding: "utf8", timeout: 60_000 });
    if (r.status !== 0) {
      const log = existsSync(join(dir, "log")) ? readFileSync(join(dir, "log"), "utf8").slice(-2000) : "";
      throw new Error(`${tool} failed: ${r.error?.message ?? ""}${r.stderr}${r.stdout}${log}`);
    }
  };
  run("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
    "--no-instructions",
  ]);
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${dir}`,
      ...(durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
      "-c max_connections=200",
    ].join(" ");
    try {
      run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-o", options, "-w", "-t", "30", "start"]);
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        stop: () => {
          spawnSync(
            asRoot ? "runuser" : join(bin, "pg_ctl"),
            asRoot
              ? ["-u", "postgres", "--", join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]
              : ["-D", data, "-m", "immediate", "-w", "stop"],
            { timeout: 30_000 },
          );
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      // Another process took the port between our probe and the server's start: try another.
      if (attempt >= 2) {
        rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }
}
