import type { Sql } from "./sql.js";

/** At least an hour: Slack retries a delivery for a while, and a reply must never go out twice. */
export const EVENT_TTL_MS = 2 * 60 * 60 * 1000;

export interface EventStore {
  /**
   * Records a key (an event id, or a message) as handled. Resolves true the first time, false when
   * it was already claimed and has not expired.
   */
  claim(key: string, ttlMs?: number): Promise<boolean>;
  purgeExpired(): Promise<number>;
}

export function eventsStore(sql: Sql, now: () => number): EventStore {
  return {
    // One statement, atomic on both databases: a new key is inserted, an expired one taken over,
    // a live one left alone (no row changed).
    claim: async (key, ttlMs = EVENT_TTL_MS) => {
      const t = now();
      return (
        (await sql.run(
          `INSERT INTO processed_events (key, expires_at) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at
           WHERE processed_events.expires_at <= ?`,
          [key, t + ttlMs, t],
        )) === 1
      );
    },
    purgeExpired: async () => sql.run("DELETE FROM processed_events WHERE expires_at <= ?", [now()]),
  };
}
