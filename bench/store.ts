import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { homeData } from "../src/mentoring/activity.js";
import { createSqliteStore } from "../src/store/index.js";
import { fmt, rng, timeEach } from "./stats.js";

const CHECKS = 1_000_000;
const MENTORING = 100_000;
const TEAMS = 50;
const USERS = 20_000;
const DAY = 86_400_000;
const ZONES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "UTC"];

export async function benchStore(): Promise<void> {
  console.log(
    `\n## Store: ${CHECKS.toLocaleString("en")} checks, ${MENTORING.toLocaleString("en")} mentoring events, ${TEAMS} teams, ${USERS.toLocaleString("en")} users`,
  );
  const dir = mkdtempSync(join(tmpdir(), "postcoach-store-bench-"));
  const now = Date.parse("2026-11-26T12:00:00Z");
  const store = createSqliteStore(join(dir, "bench.db"), { now: () => now });
  const { db } = store;
  const random = rng(42);
  const user = (i: number) => ({ team: `T${i % TEAMS}`, user: `U${i}` });

  const started = Date.now();
  const insertCheck = db.prepare(
    `INSERT INTO checks (team_id, user_id, channel_id, created_at, score, dimensions, language, platform, surface, draft_hash, counts, growth, score_delta, findings)
     VALUES (?, ?, 'C1', ?, ?, '{}', 'en', 'linkedin', 'slash', ?, 1, ?, ?, ?)`,
  );
  const rules = ["self-congratulation", "bragging", "linkedin-hook", "hashtags", "buzzwords", ""];
  db.transaction(() => {
    for (let i = 0; i < CHECKS; i++) {
      const u = user(Math.floor(random() * USERS));
      const growth = random() < 0.1;
      insertCheck.run(
        u.team,
        u.user,
        now - Math.floor(random() * 730 * DAY),
        Math.floor(random() * 100),
        `h${i}`,
        growth ? 1 : 0,
        growth ? 5 : null,
        rules[i % rules.length],
      );
    }
  })();
  const insertRequest = db.prepare(
    "INSERT INTO feedback_requests (team_id, channel_id, message_ts, author_id, created_at) VALUES (?, 'C1', ?, ?, ?)",
  );
  const insertEvent = db.prepare(
    "INSERT OR IGNORE INTO mentoring_events (team_id, request_id, mentor_id, reply_ts, created_at, helpful) VALUES (?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < MENTORING; i++) {
      const author = user(Math.floor(random() * USERS));
      const at = now - Math.floor(random() * 730 * DAY);
      const req = insertRequest.run(author.team, `${i}.1`, author.user, at).lastInsertRowid;
      const mentorIndex =
        (Math.floor(random() * (USERS / TEAMS)) * TEAMS + Number(author.team.slice(1))) % USERS;
      insertEvent.run(author.team, req, `U${mentorIndex}`, `${i}.2`, at + 3_600_000, random() < 0.3 ? 1 : 0);
    }
  })();
  const insertZone = db.prepare(
    "INSERT INTO tz_changes (team_id, user_id, tz, effective_from) VALUES (?, ?, ?, 0)",
  );
  const insertDay = db.prepare("INSERT OR IGNORE INTO service_days (day) VALUES (?)");
  db.transaction(() => {
    for (let i = 0; i < USERS; i++) insertZone.run(user(i).team, user(i).user, ZONES[i % ZONES.length]);
    for (let d = 0; d < 730; d++)
      if (d % 60 !== 7) insertDay.run(new Date(now - d * DAY).toISOString().slice(0, 10));
  })();
  db.pragma("optimize");
  console.log(`generated in ${fmt((Date.now() - started) / 1000, 1)} s`);

  const sample = Array.from({ length: 2000 }, () => user(Math.floor(random() * USERS)));
  const home = await timeEach(sample, (u) => homeData(store, u.team, u.user, now));
  console.log(
    `a user's streaks and App Home data: p50 ${fmt(home.p50, 3)} ms, p99 ${fmt(home.p99, 3)} ms (target ≤ 5 ms)`,
  );

  const inserts = Array.from({ length: 5000 }, (_, i) => i);
  const insert = await timeEach(inserts, (i) =>
    store.checks.record({
      teamId: "T1",
      userId: `U${i % USERS}`,
      at: now,
      score: 60,
      dimensions: { audience: 60 },
      language: "en",
      platform: "linkedin",
      surface: "slash",
      draftHash: `new${i}`,
      counts: true,
      findings: ["bragging"],
    }),
  );
  console.log(
    `inserting a check: p50 ${fmt(insert.p50, 4)} ms, p99 ${fmt(insert.p99, 4)} ms (target ≤ 0.2 ms)`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
