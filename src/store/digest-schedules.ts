import type { DigestTime } from "../digest/calendar.js";
import type { Sql } from "./sql.js";
import { team } from "./team.js";

export type DigestLanguage = "auto" | "en" | "fr";

export interface DigestSchedule extends DigestTime {
  teamId: string;
  channelId: string;
  enabled: boolean;
  language: DigestLanguage;
  /** The next digest time not yet handled; null until computed. */
  nextSlotAt: number | null;
}

export type DeliveryStatus = "pending" | "posted" | "failed" | "skipped";

/** One channel-week: the digest posted in the week starting on `week` (local Monday, ISO date). */
export interface DeliveryKey {
  teamId: string;
  channelId: string;
  week: string;
}

export interface DigestDelivery extends DeliveryKey {
  slotAt: number;
  tz: string;
  status: DeliveryStatus;
  claimedAt: number;
  owner: string;
  leaseUntil: number;
  retryAt: number;
  attempts: number;
  lastError: string | null;
  postedAt: number | null;
  messageTs: string | null;
}

export interface NewDelivery extends DeliveryKey {
  slotAt: number;
  tz: string;
}

/**
 * Digest schedules and deliveries. Exactly once rests on the database alone: a delivery's primary
 * key is its channel-week, claimed with INSERT … ON CONFLICT DO NOTHING, and every later change
 * is a compare-and-set UPDATE. Nothing here depends on a single process.
 */
export interface DigestScheduleStore {
  get(teamId: string, channelId: string): Promise<DigestSchedule | undefined>;
  /** Turns the digest on (or changes its time) for a channel. */
  set(schedule: Omit<DigestSchedule, "enabled">, by: string, at: number): Promise<void>;
  /** Turns it off; false when it was not on. */
  disable(teamId: string, channelId: string, by: string, at: number): Promise<boolean>;
  /** Enabled schedules whose next digest time has come, or was never computed. */
  due(now: number): Promise<DigestSchedule[]>;
  /** Moves a schedule on from the time it handled; false when another process already did. */
  advance(teamId: string, channelId: string, from: number | null, to: number): Promise<boolean>;
  /** The workspaces in which postcoach knows a channel id (the same id can exist in two). */
  teamsOfChannel(channelId: string): Promise<string[]>;

  delivery(key: DeliveryKey): Promise<DigestDelivery | undefined>;
  /**
   * Claims a channel-week. True only for the first claim ever; a "pending" claim starts its first
   * attempt, held by `owner` until `leaseUntil`.
   */
  claim(
    d: NewDelivery,
    status: "pending" | "skipped",
    owner: string,
    now: number,
    leaseUntil: number,
  ): Promise<boolean>;
  /** Pending deliveries whose next attempt is due and that no attempt holds. */
  retriesDue(now: number): Promise<DigestDelivery[]>;
  /**
   * Takes a delivery for one more attempt (compare-and-set). `retry`: a pending one whose retry
   * time has come; `manual`: any not posted, at once. Undefined when another process holds it or
   * its state does not allow it.
   */
  acquire(
    key: DeliveryKey,
    mode: "retry" | "manual",
    owner: string,
    now: number,
    leaseUntil: number,
  ): Promise<DigestDelivery | undefined>;
  posted(key: DeliveryKey, at: number, messageTs: string): Promise<void>;
  /** An attempt failed: the next one is due at `retryAt` (unless another process took over). */
  attemptFailed(key: DeliveryKey, owner: string, error: string, retryAt: number): Promise<void>;
  /** No more attempts for this channel-week. */
  gaveUp(key: DeliveryKey, owner: string, error: string): Promise<void>;
  /** A manual `--force` post: recorded as the channel-week's digest whatever its state. */
  forced(d: NewDelivery, owner: string, at: number, messageTs: string): Promise<void>;
}

interface ScheduleRow {
  team_id: string;
  channel_id: string;
  enabled: number;
  weekday: number;
  minute: number;
  tz: string;
  language: DigestLanguage;
  next_slot_at: number | null;
}

interface DeliveryRow {
  team_id: string;
  channel_id: string;
  week: string;
  slot_at: number;
  tz: string;
  status: DeliveryStatus;
  claimed_at: number;
  owner: string;
  lease_until: number;
  retry_at: number;
  attempts: number;
  last_error: string | null;
  posted_at: number | null;
  message_ts: string | null;
}

function schedule(r: ScheduleRow): DigestSchedule {
  return {
    teamId: r.team_id,
    channelId: r.channel_id,
    enabled: r.enabled === 1,
    weekday: r.weekday as DigestSchedule["weekday"],
    minute: r.minute,
    tz: r.tz,
    language: r.language,
    nextSlotAt: r.next_slot_at,
  };
}

function delivery(r: DeliveryRow): DigestDelivery {
  return {
    teamId: r.team_id,
    channelId: r.channel_id,
    week: r.week,
    slotAt: r.slot_at,
    tz: r.tz,
    status: r.status,
    claimedAt: r.claimed_at,
    owner: r.owner,
    leaseUntil: r.lease_until,
    retryAt: r.retry_at,
    attempts: r.attempts,
    lastError: r.last_error,
    postedAt: r.posted_at,
    messageTs: r.message_ts,
  };
}

const SCHEDULE = "team_id, channel_id, enabled, weekday, minute, tz, language, next_slot_at";
const KEY = "team_id = @teamId AND channel_id = @channelId AND week = @week";

type Lease = DeliveryKey & { owner: string; now: number; leaseUntil: number };

export function digestSchedulesStore(sql: Sql): DigestScheduleStore {
  const key = (k: DeliveryKey) => ({ teamId: team(k.teamId), channelId: k.channelId, week: k.week });
  const acquireRetry = `UPDATE digest_deliveries SET owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1
     WHERE ${KEY} AND status = 'pending' AND lease_until <= @now AND retry_at <= @now RETURNING *`;
  const acquireManual = `UPDATE digest_deliveries SET owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1,
       status = 'pending', retry_at = @now
     WHERE ${KEY} AND status <> 'posted' AND lease_until <= @now RETURNING *`;
  return {
    get: async (teamId, channelId) => {
      const r = await sql.get<ScheduleRow>(
        `SELECT ${SCHEDULE} FROM digest_schedules WHERE team_id = ? AND channel_id = ?`,
        [team(teamId), channelId],
      );
      return r ? schedule(r) : undefined;
    },
    set: async (s, by, at) => {
      await sql.run(
        `INSERT INTO digest_schedules (team_id, channel_id, enabled, weekday, minute, tz, language, next_slot_at, updated_by, updated_at)
         VALUES (@teamId, @channelId, 1, @weekday, @minute, @tz, @language, @nextSlotAt, @by, @at)
         ON CONFLICT (team_id, channel_id) DO UPDATE SET enabled = 1, weekday = excluded.weekday,
           minute = excluded.minute, tz = excluded.tz, language = excluded.language,
           next_slot_at = excluded.next_slot_at, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        {
          teamId: team(s.teamId),
          channelId: s.channelId,
          weekday: s.weekday,
          minute: s.minute,
          tz: s.tz,
          language: s.language,
          nextSlotAt: s.nextSlotAt,
          by,
          at,
        },
      );
    },
    disable: async (teamId, channelId, by, at) =>
      (await sql.run(
        `UPDATE digest_schedules SET enabled = 0, next_slot_at = NULL, updated_by = ?, updated_at = ?
         WHERE team_id = ? AND channel_id = ? AND enabled = 1`,
        [by, at, team(teamId), channelId],
      )) === 1,
    due: async (now) =>
      (
        await sql.all<ScheduleRow>(
          `SELECT ${SCHEDULE} FROM digest_schedules
           WHERE enabled = 1 AND (next_slot_at IS NULL OR next_slot_at <= ?) ORDER BY next_slot_at NULLS FIRST`,
          [now],
        )
      ).map(schedule),
    advance: async (teamId, channelId, from, to) =>
      (await (from === null
        ? sql.run(
            `UPDATE digest_schedules SET next_slot_at = ?
             WHERE team_id = ? AND channel_id = ? AND enabled = 1 AND next_slot_at IS NULL`,
            [to, team(teamId), channelId],
          )
        : sql.run(
            `UPDATE digest_schedules SET next_slot_at = ?
             WHERE team_id = ? AND channel_id = ? AND enabled = 1 AND next_slot_at = ?`,
            [to, team(teamId), channelId, from],
          ))) === 1,
    teamsOfChannel: async (channelId) =>
      (
        await sql.all<{ team_id: string }>(
          `SELECT team_id FROM digest_schedules WHERE channel_id = @channelId
           UNION SELECT team_id FROM checks WHERE channel_id = @channelId
           UNION SELECT team_id FROM feedback_requests WHERE channel_id = @channelId`,
          { channelId },
        )
      )
        .map((r) => r.team_id)
        .filter(Boolean)
        .sort(),
    delivery: async (k) => {
      const r = await sql.get<DeliveryRow>(`SELECT * FROM digest_deliveries WHERE ${KEY}`, key(k));
      return r ? delivery(r) : undefined;
    },
    claim: async (d, status, owner, now, leaseUntil) =>
      (await sql.run(
        `INSERT INTO digest_deliveries (team_id, channel_id, week, slot_at, tz, status, claimed_at, owner, lease_until, retry_at, attempts)
         VALUES (@teamId, @channelId, @week, @slotAt, @tz, @status, @now, @owner, @leaseUntil, @now, @attempts)
         ON CONFLICT (team_id, channel_id, week) DO NOTHING`,
        {
          ...key(d),
          slotAt: d.slotAt,
          tz: d.tz,
          status,
          now,
          owner,
          leaseUntil: status === "pending" ? leaseUntil : 0,
          attempts: status === "pending" ? 1 : 0,
        },
      )) === 1,
    retriesDue: async (now) =>
      (
        await sql.all<DeliveryRow>(
          `SELECT * FROM digest_deliveries WHERE status = 'pending' AND retry_at <= @now AND lease_until <= @now
           ORDER BY retry_at`,
          { now },
        )
      ).map(delivery),
    acquire: async (k, mode, owner, now, leaseUntil) => {
      const lease: Lease = { ...key(k), owner, now, leaseUntil };
      const r = await sql.get<DeliveryRow>(mode === "retry" ? acquireRetry : acquireManual, lease);
      return r ? delivery(r) : undefined;
    },
    posted: async (k, at, ts) => {
      await sql.run(
        `UPDATE digest_deliveries SET status = 'posted', posted_at = @at, message_ts = @ts, lease_until = 0,
           last_error = NULL WHERE ${KEY}`,
        { ...key(k), at, ts },
      );
    },
    attemptFailed: async (k, owner, error, retryAt) => {
      await sql.run(
        `UPDATE digest_deliveries SET lease_until = 0, retry_at = @retryAt, last_error = @error
         WHERE ${KEY} AND owner = @owner AND status = 'pending'`,
        { ...key(k), owner, error, retryAt },
      );
    },
    gaveUp: async (k, owner, error) => {
      await sql.run(
        `UPDATE digest_deliveries SET status = 'failed', lease_until = 0, last_error = @error
         WHERE ${KEY} AND owner = @owner AND status = 'pending'`,
        { ...key(k), owner, error },
      );
    },
    forced: async (d, owner, at, ts) => {
      await sql.run(
        `INSERT INTO digest_deliveries (team_id, channel_id, week, slot_at, tz, status, claimed_at, owner, attempts, posted_at, message_ts)
         VALUES (@teamId, @channelId, @week, @slotAt, @tz, 'posted', @at, @owner, 1, @at, @ts)
         ON CONFLICT (team_id, channel_id, week) DO UPDATE SET status = 'posted', owner = excluded.owner,
           lease_until = 0, last_error = NULL, attempts = digest_deliveries.attempts + 1,
           posted_at = excluded.posted_at, message_ts = excluded.message_ts`,
        { ...key(d), slotAt: d.slotAt, tz: d.tz, owner, at, ts },
      );
    },
  };
}
