import { dateOfDay } from "../mentoring/weeks.js";
import type { Db } from "./db.js";

export interface ScheduleStore {
  /** Notes that postcoach ran on this UTC day. */
  markServiceDay(at: number): Promise<void>;
  serviceDays(): Promise<ReadonlySet<number>>;
  recordRun(name: string, at: number, detail: string): Promise<void>;
  lastRun(name: string): Promise<number | undefined>;
  /** Deletes what is older than the retention period, and expired caches. */
  purge(olderThan: number, now: number): Promise<Record<string, number>>;
}

export function sqliteSchedules(db: Db): ScheduleStore {
  const mark = db.prepare("INSERT OR IGNORE INTO service_days (day) VALUES (?)");
  const days = db.prepare<[], { day: string }>("SELECT day FROM service_days");
  const run = db.prepare(
    "INSERT OR REPLACE INTO scheduled_runs (name, last_run_at, detail) VALUES (?, ?, ?)",
  );
  const last = db.prepare<[string], { last_run_at: number }>(
    "SELECT last_run_at FROM scheduled_runs WHERE name = ?",
  );
  const purges = {
    checks: db.prepare("DELETE FROM checks WHERE created_at < ?"),
    mentoringEvents: db.prepare("DELETE FROM mentoring_events WHERE created_at < ?"),
    feedbackRequests: db.prepare("DELETE FROM feedback_requests WHERE created_at < ?"),
    digestDeliveries: db.prepare("DELETE FROM digest_deliveries WHERE claimed_at < ?"),
  };
  const expired = {
    processedEvents: db.prepare("DELETE FROM processed_events WHERE expires_at <= ?"),
    llmCache: db.prepare("DELETE FROM llm_cache WHERE expires_at <= ?"),
  };
  // Read on every streak; written once a day by this process: kept in memory between writes.
  let cachedDays: Set<number> | undefined;
  const purge = db.transaction((olderThan: number, now: number) => {
    const out: Record<string, number> = {};
    for (const [name, stmt] of Object.entries(purges)) out[name] = stmt.run(olderThan).changes;
    for (const [name, stmt] of Object.entries(expired)) out[name] = stmt.run(now).changes;
    return out;
  });
  return {
    markServiceDay: async (at) => {
      mark.run(dateOfDay(Math.floor(at / 86_400_000)));
      cachedDays = undefined;
    },
    serviceDays: async () => {
      cachedDays ??= new Set(
        days.all().map((r) => Math.floor(Date.parse(`${r.day}T00:00:00Z`) / 86_400_000)),
      );
      return cachedDays;
    },
    recordRun: async (name, at, detail) => {
      run.run(name, at, detail);
    },
    lastRun: async (name) => last.get(name)?.last_run_at,
    purge: async (olderThan, now) => purge.immediate(olderThan, now),
  };
}
