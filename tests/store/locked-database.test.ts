import { type ChildProcess, spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Backend, describeEachBackend, freshDatabase, type TestDatabase } from "../helpers/databases.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { blockActionPayload } from "../helpers/slack-requests.js";
import { ROOT } from "../helpers/spawn.js";

const DRAFT = "I'm thrilled to announce we shipped the new onboarding flow. Here is what we learned.";
const LOCK_MS = 4000;

/** A second process that takes the write lock (BEGIN IMMEDIATE) and keeps it for `ms`. */
function holdSqliteWriteLock(path: string, ms: number): Promise<ChildProcess> {
  const script = `
    import Database from "better-sqlite3";
    const db = new Database(${JSON.stringify(path)});
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO service_days (day) VALUES ('2001-01-01')").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      if (String(d).includes("locked")) resolve(child);
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
}

async function timed<T>(request: Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await request;
  return { ms: performance.now() - started, value };
}

/**
 * PostgreSQL's equivalent: another connection's transaction locks the tables the bot writes on
 * its ack path in EXCLUSIVE mode (reads go on, writes wait), for `ms`.
 */
async function holdPostgresWriteLock(url: string, ms: number): Promise<{ released: Promise<unknown> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE checks, processed_events, user_settings, tz_changes IN EXCLUSIVE MODE");
  const released = new Promise((r) => setTimeout(r, ms)).then(async () => {
    await client.query("COMMIT");
    await client.end();
  });
  return { released };
}

/** Resolves once the lock is held; `released` once it is let go (not a bare promise: await would wait for it). */
async function holdWriteLock(
  backend: Backend,
  h: Harness,
  ms: number,
): Promise<{ released: Promise<unknown> }> {
  if (backend === "postgres") return holdPostgresWriteLock(h.config.databaseUrl!, ms);
  const holder = await holdSqliteWriteLock(h.databasePath, ms);
  return { released: new Promise((r) => holder.on("exit", r)) };
}

describeEachBackend("while another process holds a write transaction", (backend) => {
  let h: Harness;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = backend === "postgres" ? await freshDatabase(backend) : undefined;
    h = await startHarness(database ? { DATABASE_URL: database.target.databaseUrl! } : {});
  });
  afterAll(async () => {
    await h.stop();
    await database?.drop();
  });

  it("acknowledges at once, keeps /healthz answering, and records the checks once the lock is gone", async () => {
    const { released } = await holdWriteLock(backend, h, LOCK_MS);
    const lockedAt = performance.now();
    const dm = await timed(
      h.event({ type: "message", channel: "DL", channel_type: "im", user: "UL1", text: DRAFT, ts: "7.1" }),
    );
    const slash = await timed(h.command(DRAFT, "locked-1", { user_id: "UL2" }));
    const health = await timed(fetch(h.url.replace("/slack/events", "/healthz")));
    const home = await timed(
      h.interact({
        ...blockActionPayload("home_options", "", { responseUrl: "" }),
        user: { id: "UL3", team_id: "T1" },
        actions: [{ type: "checkboxes", action_id: "home_options", selected_options: [], action_ts: "1" }],
      }),
    );
    for (const [name, r] of Object.entries({ dm, slash, health, home })) {
      expect(r.value.status, name).toBe(200);
      expect(r.ms, name).toBeLessThan(1000);
    }
    // The replies do not wait for the lock either.
    await h.fake.waitForResponse("locked-1", 3000);
    await h.fake.waitFor(
      () => h.fake.callsTo("chat.postMessage").find((c) => c.params.channel === "DL"),
      3000,
    );
    expect(performance.now() - lockedAt).toBeLessThan(LOCK_MS);
    // The lock held: nothing is written yet (reads go on meanwhile).
    expect(await h.store.checks.count("T1", "UL1")).toBe(0);

    await released;
    await expect
      .poll(async () => [await h.store.checks.count("T1", "UL1"), await h.store.checks.count("T1", "UL2")], {
        timeout: 5000,
      })
      .toEqual([1, 1]);
    expect(h.logs.join("")).not.toMatch(/check not recorded/);
  });
});
