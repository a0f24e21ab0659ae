import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { homeData } from "../src/mentoring/activity.js";
import { createPostgresStore, createSqliteStore, type Store } from "../src/store/index.js";
import { type Cluster, startCluster } from "../tests/helpers/postgres-cluster.js";
import { fmt, rng, timeEach } from "./stats.js";

const CHECKS = 1_000_000;
const MENTORING = 100_000;
const TEAMS = 50;
const USERS = 20_000;
const DAY = 86_400_000;
const ZONES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC"];
const NOW = Date.parse("2026-11-26T12:00:00Z");
const RULES = ["self-congratulation", "bragging", "linkedin-hook", "hashtags", "buzzwords", ""];

/** The same seeded data set for both backends: rows as the tables take them. */
function dataset() {
  const random = rng(42);
  const user = (i: number) => ({ team: `T${i % TEAMS}`, user: `U${i}` });
  const checks: unknown[][] = [];
  for (let i = 0; i < CHECKS; i++) {
    const u = user(Math.floor(random() * USERS));
    const growth = random() < 0.1;
    checks.push([
      u.team,
      u.user,
      NOW - Math.floor(random() * 730 * DAY),
      Math.floor(random() * 100),
      `h${i}`,
      growth ? 1 : 0,
      growth ? 5 : null,
      RULES[i % RULES.length],
    ]);
  }
  const requests: unknown[][] = [];
  const mentoring: unknown[][] = [];
  for (let i = 0; i < MENTORING; i++) {
    const author = user(Math.floor(random() * USERS));
    const at = NOW - Math.floor(random() * 730 * DAY);
    requests.push([i + 1, author.team, `${i}.1`, author.user, at]);
    const mentorIndex =
      (Math.floor(random() * (USERS / TEAMS)) * TEAMS + Number(author.team.slice(1))) % USERS;
    mentoring.push([author.team, i + 1, `U${mentorIndex}`, `${i}.2`, at + 3_600_000, random() < 0.3 ? 1 : 0]);
  }
  const zones = Array.from({ length: USERS }, (_, i) => [
    user(i).team,
    user(i).user,
    ZONES[i % ZONES.length],
  ]);
  const days: string[] = [];
  for (let d = 0; d < 730; d++)
    if (d % 60 !== 7) days.push(new Date(NOW - d * DAY).toISOString().slice(0, 10));
  const sample = Array.from({ length: 2000 }, () => user(Math.floor(random() * USERS)));
  return { checks, requests, mentoring, zones, days, sample };
}
type Dataset = ReturnType<typeof dataset>;

const TABLES = {
  checks:
    "checks (team_id, user_id, channel_id, created_at, score, dimensions, language, platform, surface, draft_hash, counts, growth, score_delta, findings)",
  requests: "feedback_requests (id, team_id, channel_id, message_ts, author_id, created_at)",
  mentoring: "mentoring_events (team_id, request_id, mentor_id, reply_ts, created_at, helpful)",
};

function loadSqlite(store: ReturnType<typeof createSqliteStore>, d: Dataset): void {
  const { db } = store;
  const check = db.prepare(
    `INSERT INTO ${TABLES.checks} VALUES (?, ?, 'C1', ?, ?, '{}', 'en', 'linkedin', 'slash', ?, 1, ?, ?, ?)`,
  );
  const request = db.prepare(`INSERT INTO ${TABLES.requests} VALUES (?, ?, 'C1', ?, ?, ?)`);
  const event = db.prepare(`INSERT OR IGNORE INTO ${TABLES.mentoring} VALUES (?, ?, ?, ?, ?, ?)`);
  const zone = db.prepare(
    "INSERT INTO tz_changes (team_id, user_id, tz, effective_from) VALUES (?, ?, ?, 0)",
  );
  const day = db.prepare("INSERT OR IGNORE INTO service_days (day) VALUES (?)");
  db.transaction(() => {
    for (const r of d.checks) check.run(...r);
    for (const r of d.requests) request.run(...r);
    for (const r of d.mentoring) event.run(...r);
    for (const r of d.zones) zone.run(...r);
    for (const r of d.days) day.run(r);
  })();
  db.pragma("optimize");
}

/** Bulk load through unnest(): one statement per 5,000 rows. */
async function loadPostgres(url: string, d: Dataset): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const load = async (sql: string, types: string[], rows: readonly unknown[][]) => {
    for (let i = 0; i < rows.length; i += 5000) {
      const batch = rows.slice(i, i + 5000);
      const columns = types.map((_, c) => batch.map((r) => r[c]));
      await pool.query(sql, columns);
    }
  };
  const unnest = (types: string[]) => `unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
  const checkTypes = ["text", "text", "bigint", "bigint", "text", "bigint", "bigint", "text"];
  await load(
    `INSERT INTO ${TABLES.checks} SELECT a, b, 'C1', c, d, '{}', 'en', 'linkedin', 'slash', e, 1, f, g, h
     FROM ${unnest(checkTypes)} AS t(a, b, c, d, e, f, g, h)`,
    checkTypes,
    d.checks,
  );
  const requestTypes = ["bigint", "text", "text", "text", "bigint"];
  await load(
    `INSERT INTO ${TABLES.requests} SELECT a, b, 'C1', c, d, e FROM ${unnest(requestTypes)} AS t(a, b, c, d, e)`,
    requestTypes,
    d.requests,
  );
  const eventTypes = ["text", "bigint", "text", "text", "bigint", "bigint"];
  await load(
    `INSERT INTO ${TABLES.mentoring} SELECT * FROM ${unnest(eventTypes)} ON CONFLICT DO NOTHING`,
    eventTypes,
    d.mentoring,
  );
  await load(
    `INSERT INTO tz_changes (team_id, user_id, tz, effective_from) SELECT *, 0 FROM ${unnest(["text", "text", "text"])}`,
    ["text", "text", "text"],
    d.zones,
  );
  await load(
    `INSERT INTO service_days (day) SELECT * FROM ${unnest(["text"])} ON CONFLICT DO NOTHING`,
    ["text"],
    d.days.map((day) => [day]),
  );
  await pool.query("ANALYZE");
  await pool.end();
}

/** The same calls through the Store interface, whatever the backend. */
async function measure(store: Store, d: Dataset, label: string): Promise<void> {
  const home = await timeEach(d.sample, (u) => homeData(store, u.team, u.user, NOW));
  const inserts = Array.from({ length: 5000 }, (_, i) => i);
  const insert = await timeEach(inserts, (i) =>
    store.checks.record({
      teamId: "T1",
      userId: `U${i % USERS}`,
      at: NOW,
      score: 60,
      dimensions: { audience: 60 },
      language: "en",
      platform: "linkedin",
      surface: "slash",
      draftHash: `new${label}${i}`,
      counts: true,
      findings: ["bragging"],
    }),
  );
  const claim = await timeEach(inserts, (i) => store.events.claim(`event:T1:Ev${label}${i}`));
  const limit = await timeEach(inserts, (i) => store.rateLimits.take("T1", `channel:C${i % 50}`, 6, 60_000));
  const line = (name: string, t: { p50: number; p99: number }, target = "") =>
    console.log(`  ${name}: p50 ${fmt(t.p50, 3)} ms, p99 ${fmt(t.p99, 3)} ms${target}`);
  console.log(`${label}:`);
  line("a user's streaks and App Home data", home, " (target ≤ 5 ms)");
  line("inserting a check", insert, label === "SQLite" ? " (target ≤ 0.2 ms)" : "");
  line("claiming an event id (dedupe)", claim);
  line("taking a channel's rate-limit slot", limit);
}

export async function benchStore(): Promise<void> {
  console.log(
    `\n## Store: ${CHECKS.toLocaleString("en")} checks, ${MENTORING.toLocaleString("en")} mentoring events, ${TEAMS} teams, ${USERS.toLocaleString("en")} users, on SQLite and PostgreSQL`,
  );
  let started = Date.now();
  const data = dataset();
  console.log(`data generated in ${fmt((Date.now() - started) / 1000, 1)} s`);

  const dir = mkdtempSync(join(tmpdir(), "postcoach-store-bench-"));
  try {
    started = Date.now();
    const sqlite = createSqliteStore(join(dir, "bench.db"), { now: () => NOW });
    loadSqlite(sqlite, data);
    console.log(`SQLite loaded in ${fmt((Date.now() - started) / 1000, 1)} s`);
    await measure(sqlite, data, "SQLite");
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // BENCH_DATABASE_URL names a server (an empty database); else a local cluster is started with
  // PostgreSQL's own durable defaults (fsync, synchronous_commit on), over TCP on loopback.
  let cluster: Cluster | undefined;
  let url = process.env.BENCH_DATABASE_URL?.trim();
  if (!url) {
    try {
      cluster = await startCluster({ durable: true });
      url = cluster.url;
    } catch (err) {
      console.log(`PostgreSQL: skipped (${(err as Error).message.split("\n")[0]})`);
      return;
    }
  }
  try {
    const store = await createPostgresStore(url, { now: () => NOW });
    started = Date.now();
    await loadPostgres(url, data);
    console.log(`PostgreSQL loaded in ${fmt((Date.now() - started) / 1000, 1)} s`);
    await measure(store, data, "PostgreSQL");
    await store.close();
  } finally {
    cluster?.stop();
  }
}
