import { dateOfDay } from "../mentoring/weeks.js";
import type { Sql } from "./sql.js";

export interface ScheduleStore {
  /** Notes that postcoach ran on this UTC day. */
  markServiceDay(at: number): Promise<void>;
  serviceDays(): Promise<ReadonlySet<number>>;
  recordRun(name: string, at: number, detail: string): Promise<void>;
  lastRun(name: string): Promise<number | undefined>;
  /** Deletes what is older than the retention period, and expired caches. */
  purge(olderThan: number, now: number): Promise<Record<string, number>>;
}

/** What retention deletes: rows older than RETENTION_DAYS, by the column that dates them. */
const RETAINED = {
  checks: "DELETE FROM checks WHERE created_at < ?",
  mentoringEvents: "DELETE FROM mentoring_events WHERE created_at < ?",
  feedbackRequests: "DELETE FROM feedback_requests WHERE created_at < ?",
  digestDeliveries: "DELETE FROM digest_deliveries WHERE claimed_at < ?",
} as const;

/** What expires on its own. */
const EXPIRING = {
  processedEvents: "DELETE FROM processed_events WHERE expires_at <= ?",
  llmCache: "DELETE FROM llm_cache WHERE expires_at <= ?",
  rateLimits: "DELETE FROM rate_limits WHERE expires_at <= ?",
  oauthStates: "DELETE FROM oauth_states WHERE expires_at <= ?",
} as const;

/** `erased` is told when rows were deleted, so that the backend erases them from its files. */
export function schedulesStore(sql: Sql, erased: () => void = () => undefined): ScheduleStore {
  // Read on every streak; written once a day by this process: kept in memory between writes.
  let cachedDays: Set<number> | undefined;
  return {
    markServiceDay: async (at) => {
      await sql.run("INSERT INTO service_days (day) VALUES (?) ON CONFLICT DO NOTHING", [
        dateOfDay(Math.floor(at / 86_400_000)),
      ]);
      cachedDays = undefined;
    },
    serviceDays: async () => {
      cachedDays ??= new Set(
        (await sql.all<{ day: string }>("SELECT day FROM service_days")).map((r) =>
          Math.floor(Date.parse(`${r.day}T00:00:00Z`) / 86_400_000),
        ),
      );
      return cachedDays;
    },
    recordRun: async (name, at, detail) => {
      await sql.run(
        `INSERT INTO scheduled_runs (name, last_run_at, detail) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET last_run_at = excluded.last_run_at, detail = excluded.detail`,
        [name, at, detail],
      );
    },
    lastRun: async (name) =>
      (
        await sql.get<{ last_run_at: number }>("SELECT last_run_at FROM scheduled_runs WHERE name = ?", [
          name,
        ])
      )?.last_run_at,
    purge: async (olderThan, now) => {
      const out = await sql.transaction(async (tx) => {
        // A year of rows can take longer than the bot's per-statement limit on PostgreSQL.
        if (tx.dialect === "postgres") await tx.run("SET LOCAL statement_timeout = 0");
        const deleted: Record<string, number> = {};
        for (const [name, text] of Object.entries(RETAINED)) deleted[name] = await tx.run(text, [olderThan]);
        for (const [name, text] of Object.entries(EXPIRING)) deleted[name] = await tx.run(text, [now]);
        return deleted;
      });
      // Old checks may hold a kept draft, the LLM cache questions quoting one.
      if (out.checks! > 0 || out.llmCache! > 0) erased();
      return out;
    },
  };
}
