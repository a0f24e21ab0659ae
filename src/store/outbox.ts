import { type Sql, skipLocked } from "./sql.js";
import { team } from "./team.js";

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
 * next one), any process takes it over. Taking entries is a queue claim: on PostgreSQL the rows
 * another replica is claiming are skipped (FOR UPDATE SKIP LOCKED), so no two replicas ever hold
 * the same entry; on SQLite the claim's write transaction runs alone.
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
  /**
   * Takes up to `limit` entries nobody holds whose time to answer has not run out, oldest first,
   * each for one attempt (held by `owner` until `leaseUntil`).
   */
  claim(owner: string, now: number, leaseUntil: number, limit: number): Promise<OutboxEntry[]>;
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

/** `erased` is told when rows holding a draft were deleted, so that the backend erases them from its files. */
export function outboxStore(sql: Sql, erased: () => void = () => undefined): OutboxStore {
  return {
    add: async (e, owner, leaseUntil) => {
      await sql.run(
        `INSERT INTO reply_outbox (team_id, id, user_id, job, created_at, expires_at, owner, lease_until)
         VALUES (@teamId, @id, @userId, @job, @createdAt, @expiresAt, @owner, @leaseUntil)
         ON CONFLICT (team_id, id) DO NOTHING`,
        {
          teamId: team(e.teamId),
          id: e.id,
          userId: e.userId,
          job: e.job,
          createdAt: e.createdAt,
          expiresAt: e.expiresAt,
          owner,
          leaseUntil,
        },
      );
    },
    done: async (teamId, id) => {
      if ((await sql.run("DELETE FROM reply_outbox WHERE team_id = ? AND id = ?", [team(teamId), id])) > 0)
        erased();
    },
    renew: async (teamId, id, owner, leaseUntil) =>
      (await sql.run("UPDATE reply_outbox SET lease_until = ? WHERE team_id = ? AND id = ? AND owner = ?", [
        leaseUntil,
        team(teamId),
        id,
        owner,
      ])) === 1,
    release: async (teamId, id, owner, retryAt, error) => {
      await sql.run(
        `UPDATE reply_outbox SET lease_until = ?, last_error = COALESCE(?, last_error)
         WHERE team_id = ? AND id = ? AND owner = ?`,
        [retryAt, error ?? null, team(teamId), id, owner],
      );
    },
    claim: (owner, now, leaseUntil, limit) =>
      sql.transaction(async (tx) => {
        const rows = await tx.all<Row>(
          `SELECT team_id, id, user_id, job, created_at, expires_at, attempts FROM reply_outbox
           WHERE lease_until <= ? AND expires_at > ? ORDER BY created_at LIMIT ?${skipLocked(tx)}`,
          [now, now, limit],
        );
        for (const r of rows)
          await tx.run(
            "UPDATE reply_outbox SET owner = ?, lease_until = ?, attempts = attempts + 1 WHERE team_id = ? AND id = ?",
            [owner, leaseUntil, r.team_id, r.id],
          );
        return rows.map((r) => ({ ...entry(r), attempts: r.attempts + 1 }));
      }),
    purgeExpired: async (now) => {
      const deleted = await sql.run("DELETE FROM reply_outbox WHERE expires_at <= ?", [now]);
      if (deleted > 0) erased();
      return deleted;
    },
  };
}
