import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./helpers/databases.js";
import { FakeSlack } from "./helpers/fake-slack.js";
import { ROOT } from "./helpers/spawn.js";

/** Runs the bot as `npm start` does (the compiled dist/main.js), with only the given environment, until it prints `until`. */
function start(
  env: Record<string, string>,
  until?: RegExp,
  as?: { uid: number; gid: number },
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      ...as,
    });
    let out = "";
    const onData = (d: Buffer) => {
      out += d;
      if (until?.test(out)) child.kill("SIGTERM");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => resolve({ code, out }));
    setTimeout(() => child.kill("SIGKILL"), 15_000);
  });
}

/** A port nothing listens on. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("npm start", () => {
  const fake = new FakeSlack();
  const dir = mkdtempSync(join(tmpdir(), "postcoach-start-"));
  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops with one clear line naming a missing variable, never the secret", async () => {
    const r = await start({ SLACK_BOT_TOKEN: "xoxb-very-secret-token" });
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(
      "postcoach: SLACK_SIGNING_SECRET is required in HTTP mode (a bot token and no SLACK_APP_TOKEN)",
    );
  });

  it("says in one line when Slack refuses the bot token", async () => {
    fake.on("auth.test", () => ({ ok: false, error: "invalid_auth" }));
    const r = await start({
      SLACK_BOT_TOKEN: "xoxb-revoked-token",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATABASE_PATH: join(dir, "a.db"),
    });
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe("postcoach: SLACK_BOT_TOKEN was refused by Slack (invalid_auth)");
  });

  it("says in one line when Slack refuses the app token (Socket Mode)", async () => {
    fake.on("auth.test", () => ({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    fake.on("apps.connections.open", () => ({ ok: false, error: "invalid_auth" }));
    const r = await start({
      SLACK_BOT_TOKEN: "xoxb-good-token",
      SLACK_APP_TOKEN: "xapp-revoked-token",
      SLACK_API_URL: fake.apiUrl,
      DATABASE_PATH: join(dir, "s.db"),
    });
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe("postcoach: SLACK_APP_TOKEN was refused by Slack (invalid_auth)");
  });

  it("stops with one line when Slack refuses a reconnection (app token revoked while running)", async () => {
    fake.on("auth.test", () => ({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    fake.on("apps.connections.open", () => ({ ok: true, url: `ws://127.0.0.1:${fake.port}/socket` }));
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        SLACK_BOT_TOKEN: "xoxb-good-token",
        SLACK_APP_TOKEN: "xapp-soon-revoked",
        SLACK_API_URL: fake.apiUrl,
        DATABASE_PATH: join(dir, "r.db"),
      },
    });
    let out = "";
    child.stderr.on("data", (d: Buffer) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await fake.waitFor(() => fake.socketConnected || undefined, 10_000);
    fake.on("apps.connections.open", () => ({ ok: false, error: "invalid_auth" }));
    fake.dropSockets();
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r("still running"), 15_000)),
    ]);
    if (code === "still running") child.kill("SIGKILL");
    expect(code).toBe(1);
    expect(out).toContain("WARN postcoach lost the connection to Slack (Socket Mode); reconnecting");
    expect(out.trim().split("\n").at(-1)).toBe(
      "postcoach: SLACK_APP_TOKEN was refused by Slack (invalid_auth); stopping",
    );
    expect(out).not.toContain("xapp-soon-revoked");
  }, 30_000);

  it("blames SLACK_API_URL, not the token, when what answers is not Slack's Web API", async () => {
    const html = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>nginx</html>");
    });
    await new Promise<void>((r) => html.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(html.address() as net.AddressInfo).port}/api/`;
    try {
      const r = await start({
        SLACK_BOT_TOKEN: "xoxb-good-token",
        SLACK_SIGNING_SECRET: "s",
        SLACK_API_URL: url,
        PORT: "0",
        DATABASE_PATH: join(dir, "h.db"),
      });
      expect(r.code).toBe(1);
      expect(r.out.trim()).toBe(
        `postcoach: ${url} did not answer as Slack's Web API does: check SLACK_API_URL`,
      );
    } finally {
      html.close();
    }
  });

  it("says in one line which URL it could not reach, and stops, when Slack is unreachable", async () => {
    const closed = await freePort();
    const started = Date.now();
    const r = await start({
      SLACK_BOT_TOKEN: "xoxb-good-token",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      PORT: "0",
      DATABASE_PATH: join(dir, "u.db"),
    });
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(
      `postcoach: could not reach Slack at http://127.0.0.1:${closed}/api/ (ECONNREFUSED) after 3 tries: check the network, a proxy or firewall, or SLACK_API_URL`,
    );
    expect(Date.now() - started).toBeLessThan(14_000);
  });

  it("connects in HTTP mode, creating the database folder, and logs no secret", async () => {
    fake.on("auth.test", () => ({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    const r = await start(
      {
        SLACK_BOT_TOKEN: "xoxb-good-token",
        SLACK_SIGNING_SECRET: "shh",
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATABASE_PATH: join(dir, "nested", "deeper", "p.db"),
      },
      /listening on port \d+/,
    );
    expect(r.out).toMatch(/postcoach is listening on port \d+ \(POST \/slack\/events\)/);
    expect(r.out).not.toContain("xoxb-good-token");
    expect(r.out).not.toContain("shh");
  });

  it("stops at once with one line naming DATABASE_PATH and the likely cause when it cannot be opened", async () => {
    fake.on("auth.test", () => ({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    const file = join(dir, "a-file");
    writeFileSync(file, "not a database, nor a folder");
    const folder = join(dir, "a-folder.db");
    mkdirSync(folder);
    const cases = [
      // Node's recursive mkdir never returned there: the bot hung at start, one core at 100 %.
      [
        "/proc/postcoach-test/p.db",
        "the folder /proc/postcoach-test cannot be created there (a system folder such as /proc or /sys takes none): choose a path on a data volume",
      ],
      [join(file, "sub", "p.db"), `${file} is a file, not a folder`],
      [folder, `it is a folder: name a file in it, such as ${join(folder, "postcoach.db")}`],
      [file, "the file is not a SQLite database: is DATABASE_PATH pointing at another file?"],
    ];
    for (const [path, cause] of cases) {
      const started = Date.now();
      const r = await start({
        SLACK_BOT_TOKEN: "xoxb-good-token",
        SLACK_SIGNING_SECRET: "s",
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATABASE_PATH: path!,
      });
      expect([r.code, r.out]).toEqual([1, `postcoach: DATABASE_PATH ${path} cannot be opened: ${cause}\n`]);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });

  it("names DATABASE_PATH when its folder is not writable for the bot's user", async () => {
    // root writes anywhere: the bot runs as nobody then, in a folder only root may write to.
    const root = process.getuid?.() === 0;
    const readOnly = join(dir, "read-only");
    mkdirSync(readOnly);
    chmodSync(dir, 0o755);
    chmodSync(readOnly, 0o555);
    const r = await start(
      {
        SLACK_BOT_TOKEN: "xoxb-good-token",
        SLACK_SIGNING_SECRET: "s",
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATABASE_PATH: join(readOnly, "p.db"),
      },
      undefined,
      root ? { uid: 65534, gid: 65534 } : undefined,
    );
    expect([r.code, r.out]).toEqual([
      1,
      `postcoach: DATABASE_PATH ${join(readOnly, "p.db")} cannot be opened: no permission to write in ${readOnly} for this user: give it write access, or choose another path\n`,
    ]);
  });

  it("says in one line which PostgreSQL server it could not reach, never its password, and stops", async () => {
    const closed = await freePort();
    const r = await start({
      SLACK_BOT_TOKEN: "xoxb-good-token",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATABASE_URL: `postgres://postcoach:pg-secret@127.0.0.1:${closed}/postcoach`,
    });
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(
      `postcoach: DATABASE_URL: cannot use PostgreSQL at 127.0.0.1:${closed}/postcoach: connect ECONNREFUSED 127.0.0.1:${closed}`,
    );
  });

  it("refuses a DATABASE_URL that is not PostgreSQL's", async () => {
    const r = await start({
      SLACK_BOT_TOKEN: "xoxb-t",
      SLACK_SIGNING_SECRET: "s",
      DATABASE_URL: "mysql://x@y/z",
    });
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(
      "postcoach: DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database",
    );
  });

  it("connects with DATABASE_URL and migrates PostgreSQL", async () => {
    fake.on("auth.test", () => ({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }));
    const database = await freshDatabase("postgres");
    const r = await start(
      {
        SLACK_BOT_TOKEN: "xoxb-good-token",
        SLACK_SIGNING_SECRET: "shh",
        SLACK_API_URL: fake.apiUrl,
        PORT: "0",
        DATABASE_URL: database.target.databaseUrl!,
      },
      /listening on port \d+/,
    );
    expect(r.out).toMatch(/postcoach is listening on port \d+/);
    const tables = await database.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    expect(tables[0]!.n).toBeGreaterThan(10);
    await database.drop();
  });

  it("serves on, and stops on SIGTERM, once the reader of its logs has gone (npm start | head -1)", async () => {
    const child = spawn(process.execPath, ["dist/main.js"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", LOG_LEVEL: "debug" },
    });
    const banner = await new Promise<string>((resolve) =>
      child.stderr.once("data", (d: Buffer) => resolve(`${d}`)),
    );
    const port = /localhost:(\d+)/.exec(banner)![1];
    // The reader goes away: the bot's next log line fails with EPIPE.
    child.stderr.destroy();
    child.stdout.destroy();
    const healthz = () => fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    expect((await healthz()).status).toBe(200);
    // SIGTERM logs a line first: it once looped on the failed write, at 100 % CPU, for good.
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 5000))]);
    if (code === "still running") child.kill("SIGKILL");
    expect(code).toBe(0);
  });

  it("warns when a Slack secret or an LLM URL is set without what makes it work", async () => {
    const r = await start(
      { PORT: "0", SLACK_CLIENT_SECRET: "half-oauth", OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" },
      /playground running at/,
    );
    expect(r.out).toContain(
      "WARN postcoach SLACK_CLIENT_SECRET set without SLACK_BOT_TOKEN, SLACK_APP_TOKEN or SLACK_CLIENT_ID: running the playground, not the bot",
    );
    expect(r.out).toContain("WARN postcoach OPENAI_BASE_URL is set without OPENAI_API_KEY: the LLM is off");
    expect(r.out).not.toContain("half-oauth");
  });

  it("runs the playground when no Slack token is set, on this machine only unless told otherwise", async () => {
    const r = await start({ PORT: "0" }, /playground running at/);
    expect(r.out).toMatch(
      /playground running at http:\/\/localhost:\d+\/ \(this machine only; PLAYGROUND_HOST changes it\)/,
    );
    const open = await start({ PORT: "0", PLAYGROUND_HOST: "0.0.0.0" }, /playground running at/);
    expect(open.out).toMatch(/listening on 0\.0\.0\.0: anyone who can reach this machine can use it/);
  });
});
