import type { Db } from "./db.js";

/** A reply owed to someone, as the outbox keeps it: `job` is the reply's own description (JSON). */
export interface OutboxEntry {
  teamId: string;
  id: string;
  userId: string;
  job: string;
  createdAt: number;
  expiresAt: number;
  attempts: number;
}

/**
 * The reply outbox: what was acknowledged and not yet answered. A process holds an entry while it
 * answers it (a lease); when the lease runs out (the process died, or an attempt failed and set the
 * next one), any process takes it over with a compare-and-set. Nothing here depends on a single
 * process.
 */
export interface OutboxStore {
  /** Records a reply owed, held by `owner` until `leaseUntil`. */
  add(entry: Omit<OutboxEntry, "attempts">, owner: string, leaseUntil: number): Promise<void>;
  /** The reply went out: forgotten. */
  done(teamId: string, id: string): Promise<void>;
  /** Extends the lease of an entry still being answered; false when another process took it. */
  renew(teamId: string, id: string, owner: string, leaseUntil: number): Promise<boolean>;
  /** An attempt failed (or was interrupted): any process may try again from `retryAt`. */
  release(teamId: string, id: string, owner: string, retryAt: number, error?: string): Promise<void>;
  /** Entries nobody holds whose time to answer has not run out, oldest first. */
  due(now: number, limit: number): Promise<OutboxEntry[]>;
  /** Takes an entry for one attempt; undefined when another process holds it or it is gone. */
  acquire(
    teamId: string,
    id: string,
    owner: string,
    now: number,
    leaseUntil: number,
  ): Promise<OutboxEntry | undefined>;
  /** Deletes the entries whose time ran out, never answered; resolves how many. */
  purgeExpired(now: number): Promise<number>;
}

interface Row {
  team_id: string;
  id: string;
  user_id: string;
  job: string;
  created_at: number;
  expires_at: number;
  attempts: number;
}

const entry = (r: Row): OutboxEntry => ({
  teamId: r.team_id,
  id: r.id,
  userId: r.user_id,
  job: r.job,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  attempts: r.attempts,
});

const COLUMNS = "team_id, id, user_id, job, created_at, expires_at, attempts";

export function sqliteOutbox(db: Db): OutboxStore {
  const add = db.prepare(
    `INSERT INTO reply_outbox (team_id, id, user_id, job, created_at, expires_at, owner, lease_until)
     VALUES (@teamId, @id, @userId, @job, @createdAt, @expiresAt, @owner, @leaseUntil)
     ON CONFLICT (team_id, id) DO NOTHING`,
  );
  const done = db.prepare("DELETE FROM reply_outbox WHERE team_id = ? AND id = ?");
  const renew = db.prepare(
    "UPDATE reply_outbox SET lease_until = ? WHERE team_id = ? AND id = ? AND owner = ?",
  );
  const release = db.prepare(
    `UPDATE reply_outbox SET lease_until = ?, last_error = COALESCE(?, last_error)
     WHERE team_id = ? AND id = ? AND owner = ?`,
  );
  const due = db.prepare<[number, number, number], Row>(
    `SELECT ${COLUMNS} FROM reply_outbox WHERE lease_until <= ? AND expires_at > ?
     ORDER BY created_at LIMIT ?`,
  );
  const acquire = db.prepare<[string, number, string, string, number, number], Row>(
    `UPDATE reply_outbox SET owner = ?, lease_until = ?, attempts = attempts + 1
     WHERE team_id = ? AND id = ? AND lease_until <= ? AND expires_at > ? RETURNING ${COLUMNS}`,
  );
  const purge = db.prepare("DELETE FROM reply_outbox WHERE expires_at <= ?");
  return {
    add: async (e, owner, leaseUntil) => {
      add.run({ ...e, owner, leaseUntil });
    },
    done: async (teamId, id) => {
      done.run(teamId, id);
    },
    renew: async (teamId, id, owner, leaseUntil) => renew.run(leaseUntil, teamId, id, owner).changes === 1,
    release: async (teamId, id, owner, retryAt, error) => {
      release.run(retryAt, error ?? null, teamId, id, owner);
    },
    due: async (now, limit) => due.all(now, now, limit).map(entry),
    acquire: async (teamId, id, owner, now, leaseUntil) => {
      const row = acquire.get(owner, leaseUntil, teamId, id, now, now);
      return row ? entry(row) : undefined;
    },
    purgeExpired: async (now) => purge.run(now).changes,
  };
}
