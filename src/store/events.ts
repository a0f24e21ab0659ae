import type { Db } from "./db.js";

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

export function sqliteEvents(db: Db, now: () => number): EventStore {
  const dropExpired = db.prepare("DELETE FROM processed_events WHERE key = ? AND expires_at <= ?");
  const insert = db.prepare("INSERT OR IGNORE INTO processed_events (key, expires_at) VALUES (?, ?)");
  const purge = db.prepare("DELETE FROM processed_events WHERE expires_at <= ?");
  const claim = db.transaction((key: string, ttlMs: number) => {
    const t = now();
    dropExpired.run(key, t);
    return insert.run(key, t + ttlMs).changes === 1;
  });
  return {
    claim: async (key, ttlMs = EVENT_TTL_MS) => claim.immediate(key, ttlMs),
    purgeExpired: async () => purge.run(now()).changes,
  };
}
