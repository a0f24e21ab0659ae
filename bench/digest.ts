import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { webApi } from "@slack/bolt";
import { RULES } from "../src/coach/index.js";
import { buildDigest, type DigestTarget } from "../src/digest/build.js";
import { type DigestTime, digestPeriods, previousSlot } from "../src/digest/calendar.js";
import { DigestScheduler } from "../src/digest/deliveries.js";
import { createLogger } from "../src/logger.js";
import { createSqliteStore } from "../src/store/index.js";
import { fmt, rng, timeEach } from "./stats.js";

const CHECKS = 1_000_000;
const CHANNELS = 1_000;
const TEAMS = 50;
const USERS = 20_000;
const REQUESTS = 50_000;
const DAYS = 365;
const DAY = 86_400_000;
const ZONES = ["Europe/Paris", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "UTC"];

/**
 * Builds the weekly digest of 1,000 channels over a database of 1 M checks (a year of a large
 * install), each channel in its own zone, and times it per channel. The reference, in the same
 * process and alternating with it: the one query no digest can do without (the week's count,
 * people and average for the channel).
 */
export async function benchDigest(): Promise<void> {
  console.log(
    `\n## Digest: ${CHANNELS.toLocaleString("en")} channels, ${CHECKS.toLocaleString("en")} checks over ${DAYS} days, ${REQUESTS.toLocaleString("en")} feedback requests`,
  );
  const dir = mkdtempSync(join(tmpdir(), "postcoach-digest-bench-"));
  const now = Date.parse("2026-11-30T20:00:00Z");
  const store = createSqliteStore(join(dir, "bench.db"), { now: () => now });
  const { db } = store;
  const random = rng(7);
  const channel = (i: number) => ({ teamId: `T${i % TEAMS}`, channelId: `C${i}` });
  const rules = RULES.filter((r) => r.kind === "concern").map((r) => r.id);
  const started = Date.now();
  const insertCheck = db.prepare(
    `INSERT INTO checks (team_id, user_id, channel_id, created_at, score, dimensions, language, platform, surface, draft_hash, counts, findings)
     VALUES (?, ?, ?, ?, ?, '{}', ?, 'linkedin', 'slash', ?, 1, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < CHECKS; i++) {
      const c = channel(Math.floor(random() * CHANNELS));
      const found = rules.filter(() => random() < 0.15).join(",");
      insertCheck.run(
        c.teamId,
        `U${Math.floor(random() * USERS)}`,
        c.channelId,
        now - Math.floor(random() * DAYS * DAY),
        Math.floor(random() * 100),
        random() < 0.8 ? "en" : "fr",
        `h${i}`,
        found,
      );
    }
  })();
  const insertRequest = db.prepare(
    "INSERT INTO feedback_requests (team_id, channel_id, message_ts, author_id, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const insertReply = db.prepare(
    "INSERT OR IGNORE INTO mentoring_events (team_id, request_id, mentor_id, reply_ts, created_at, helpful) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const insertSettings = db.prepare(
    "INSERT OR IGNORE INTO user_settings (team_id, user_id, show_in_digest, updated_at) VALUES (?, ?, ?, 0)",
  );
  db.transaction(() => {
    for (let i = 0; i < REQUESTS; i++) {
      const c = channel(Math.floor(random() * CHANNELS));
      const at = now - Math.floor(random() * DAYS * DAY);
      const id = insertRequest.run(
        c.teamId,
        c.channelId,
        `${i}.1`,
        `U${Math.floor(random() * USERS)}`,
        at,
      ).lastInsertRowid;
      for (let r = 0; r < 2; r++) {
        const mentor = `U${Math.floor(random() * USERS)}`;
        insertReply.run(c.teamId, id, mentor, `${i}.${r + 2}`, at + 3_600_000, random() < 0.3 ? 1 : 0);
        insertSettings.run(c.teamId, mentor, random() < 0.3 ? 1 : 0);
      }
    }
  })();
  const targets: DigestTarget[] = [];
  for (let i = 0; i < CHANNELS; i++) {
    const time: DigestTime = { weekday: 1, minute: 540, tz: ZONES[i % ZONES.length]! };
    const slotAt = previousSlot(now, time);
    targets.push({ ...channel(i), slotAt, tz: time.tz, language: "auto" });
    await store.digestSchedules.set(
      { ...channel(i), ...time, language: "auto", nextSlotAt: slotAt },
      "U1",
      0,
    );
  }
  db.pragma("optimize");
  console.log(`generated in ${fmt((Date.now() - started) / 1000, 1)} s`);

  const week = db.prepare(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS people, AVG(score) AS avg FROM checks
     WHERE team_id = ? AND channel_id = ? AND created_at >= ? AND created_at < ?`,
  );
  const windows = targets.map((t) => digestPeriods(t.slotAt, t.tz, 1)[0]!);
  const reference = (i: number) =>
    week.get(targets[i]!.teamId, targets[i]!.channelId, windows[i]!.start, windows[i]!.end);
  const digest = (i: number) => buildDigest(store, targets[i]!);
  const order = targets.map((_, i) => i);
  const rounds: {
    digest: Awaited<ReturnType<typeof timeEach>>;
    reference: Awaited<ReturnType<typeof timeEach>>;
  }[] = [];
  for (let r = 0; r < 3; r++) {
    rounds.push({ reference: await timeEach(order, reference), digest: await timeEach(order, digest) });
  }
  const middle = [...rounds].sort((a, b) => a.digest.p50 - b.digest.p50)[1]!;
  const size = JSON.stringify(await digest(0)).length;
  console.log(
    `one channel's digest (8 weeks of numbers, findings, mentors, language, Block Kit): p50 ${fmt(middle.digest.p50, 3)} ms, p99 ${fmt(middle.digest.p99, 3)} ms; all ${CHANNELS.toLocaleString("en")} in ${fmt(middle.digest.totalMs, 0)} ms (median of 3 rounds; message ~${size} bytes)`,
  );
  console.log(
    `reference, the week's count query alone: p50 ${fmt(middle.reference.p50, 3)} ms, p99 ${fmt(middle.reference.p99, 3)} ms; the digest costs ${fmt(middle.digest.p50 / middle.reference.p50, 1)}× it at p50`,
  );

  // One scheduler pass with every channel due: claims, builds, posts (to a client that answers at
  // once) and records, one channel at a time, as a real minute tick would.
  let posted = 0;
  const client = {
    chat: {
      postMessage: async () => ({ ok: true, ts: `${++posted}.0001` }),
    },
    conversations: { history: async () => ({ ok: true, messages: [] }) },
  } as unknown as webApi.WebClient;
  const scheduler = new DigestScheduler({
    store,
    logger: createLogger("error"),
    clientFor: async () => client,
    now: () => now,
  });
  const t0 = process.hrtime.bigint();
  const report = await scheduler.tick();
  const tickMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `a minute tick with all ${CHANNELS.toLocaleString("en")} channels due: ${report.posted.length} posted in ${fmt(tickMs / 1000, 2)} s (${fmt(tickMs / CHANNELS, 2)} ms per channel, claim and record included)`,
  );
  const idle = await timeEach(
    Array.from({ length: 200 }, (_, i) => i),
    () => scheduler.tick(),
  );
  console.log(`a minute tick with nothing due: p50 ${fmt(idle.p50, 3)} ms, p99 ${fmt(idle.p99, 3)} ms`);
  // Every schedule moved on to next week.
  const next = await store.digestSchedules.due(now + 4 * DAY);
  if (next.length !== 0) throw new Error(`${next.length} schedules were not moved on`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
