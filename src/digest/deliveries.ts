import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { type Logger, type types, webApi } from "@slack/bolt";
import { weekOf } from "../mentoring/weeks.js";
import type { DeliveryKey, DigestDelivery, DigestLanguage, Store } from "../store/index.js";
import { buildDigest } from "./build.js";
import {
  CATCH_UP_MS,
  DEFAULT_DIGEST_TIME,
  type DigestTime,
  nextSlot,
  previousSlot,
  slotInWeek,
  weekKey,
} from "./calendar.js";

/** An attempt holds its delivery this long: far more than one post with its timeout takes. */
export const LEASE_MS = 5 * 60_000;
/** A digest that still fails this long after its first attempt is given up for the week. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** How long the Web API may take to answer one digest call. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;
/** Tags the digest's Slack message, so a retry can tell whether an earlier attempt got through. */
export const DIGEST_EVENT_TYPE = "postcoach_digest";

const WEEK_MS = 7 * 86_400_000;

/** Slack errors a retry cannot fix within the day. */
const PERMANENT_ERRORS = new Set([
  "channel_not_found",
  "is_archived",
  "invalid_blocks",
  "msg_too_long",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "not_authed",
  "no_permission",
  "restricted_action",
  "team_access_not_granted",
]);

/** Minutes before the next attempt: 1, 2, 4… up to two hours. */
export function backoffMs(attempts: number): number {
  return Math.min(2 * 3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * A Web API client for digests: no retries of its own and a short timeout, so one attempt always
 * ends well within its lease and the scheduler's backoff decides what happens next.
 */
export function digestClient(
  token: string,
  apiUrl: string | undefined,
  logger?: Logger,
  timeoutMs = SLACK_CALL_TIMEOUT_MS,
): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
    rejectRateLimitedCalls: true,
    ...(logger ? { logger } : {}),
  });
}

/** Slack's error code, or what kept the request from reaching Slack (ECONNREFUSED, a timeout). */
export function slackError(err: unknown): { code?: string; reason: string } {
  const e = err as {
    data?: { error?: string };
    original?: { message?: string; cause?: { code?: string; message?: string } };
    message?: string;
  };
  const code = e.data?.error;
  const transport = e.original?.cause?.code ?? e.original?.cause?.message ?? e.original?.message;
  return { code, reason: code ?? transport ?? e.message ?? String(err) };
}

/** One process's name in the deliveries it claims: host, pid and a random part. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function label(k: DeliveryKey): string {
  return `${k.channelId} (team ${k.teamId}, week of ${k.week})`;
}

export interface DigestDeps {
  store: Store;
  logger: Logger;
  /** The Web API client for a workspace; undefined when this process cannot post there. */
  clientFor(teamId: string): Promise<webApi.WebClient | undefined>;
  now?: () => number;
  owner?: string;
}

export interface TickReport {
  posted: string[];
  failed: string[];
  retrying: string[];
  skipped: string[];
  /** Channel-weeks that another process (or an earlier run) had already claimed. */
  handledElsewhere: string[];
}

export type ManualOutcome =
  | { status: "posted"; ts: string }
  | { status: "already-posted"; postedAt: number | null }
  | { status: "busy" }
  | { status: "failed"; reason: string };

/**
 * Posts each channel's weekly digest once per channel and week. A minute tick asks the store which
 * schedules are due and which failed posts should be retried; the database's unique key decides
 * which process posts. Several processes, restarts and manual runs can all call it safely.
 */
export class DigestScheduler {
  readonly owner: string;
  private readonly now: () => number;
  private ticking?: Promise<TickReport>;
  private ticked = false;

  constructor(private readonly deps: DigestDeps) {
    this.owner = deps.owner ?? processOwner();
    this.now = deps.now ?? Date.now;
  }

  /** One pass: due digests, then due retries. A tick still running is joined, never doubled. */
  tick(): Promise<TickReport> {
    this.ticking ??= this.runTick().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async runTick(): Promise<TickReport> {
    const { store, logger } = this.deps;
    const report: TickReport = { posted: [], failed: [], retrying: [], skipped: [], handledElsewhere: [] };
    const started = this.now();
    for (const s of await store.digestSchedules.due(started)) {
      // The clock is read again for each channel: a long pass (a thousand posts) must not claim
      // with a lease that already ran out.
      const now = this.now();
      if (s.nextSlotAt === null) {
        await store.digestSchedules.advance(s.teamId, s.channelId, null, nextSlot(now, s));
        continue;
      }
      const client = await this.deps.clientFor(s.teamId);
      if (!client) continue;
      const slotAt = Math.max(previousSlot(now, s), s.nextSlotAt);
      const key = { teamId: s.teamId, channelId: s.channelId, week: weekKey(slotAt, s.tz) };
      const late = now - slotAt > CATCH_UP_MS;
      // Claim first, move on second: a crash in between leaves the schedule due, and the claim
      // already made keeps the next pass from posting twice.
      const claimed = await store.digestSchedules.claim(
        { ...key, slotAt, tz: s.tz },
        late ? "skipped" : "pending",
        this.owner,
        now,
        now + LEASE_MS,
      );
      const movedOn = await store.digestSchedules.advance(
        s.teamId,
        s.channelId,
        s.nextSlotAt,
        nextSlot(slotAt + 1, s),
      );
      const missed = Math.round((slotAt - s.nextSlotAt) / WEEK_MS);
      if (movedOn && missed > 0)
        logger.warn(
          `weekly digest: ${missed} earlier week${missed === 1 ? "" : "s"} not posted in ${s.channelId} (team ${s.teamId}): postcoach was not running`,
        );
      if (!claimed) {
        report.handledElsewhere.push(label(key));
        continue;
      }
      if (late) {
        logger.warn(
          `weekly digest skipped in ${label(key)}: ${Math.round((now - slotAt) / 3_600_000)} h late, more than ${CATCH_UP_MS / 3_600_000} h after its time`,
        );
        report.skipped.push(label(key));
        continue;
      }
      const delivery = await store.digestSchedules.delivery(key);
      if (delivery) await this.attempt(delivery, client, s.language, report);
    }
    for (const due of await store.digestSchedules.retriesDue(started)) {
      const client = await this.deps.clientFor(due.teamId);
      if (!client) continue;
      const schedule = await store.digestSchedules.get(due.teamId, due.channelId);
      const now = this.now();
      const delivery = await store.digestSchedules.acquire(due, "retry", this.owner, now, now + LEASE_MS);
      if (!delivery) continue;
      if (!schedule?.enabled) {
        await store.digestSchedules.gaveUp(delivery, this.owner, "digest turned off");
        logger.info(`weekly digest not retried in ${label(delivery)}: the channel turned it off`);
        continue;
      }
      await this.attempt(delivery, client, schedule.language, report);
    }
    if (!this.ticked) {
      this.ticked = true;
      logger.info(await this.outlook(started));
    }
    logger.debug(
      `digest tick: ${report.posted.length} posted, ${report.retrying.length} to retry, ${report.failed.length} given up, ${report.skipped.length} skipped, ${report.handledElsewhere.length} handled elsewhere`,
    );
    return report;
  }

  /** One line for the log at start: how many channels get a digest, and the next one. */
  private async outlook(now: number): Promise<string> {
    const on = await this.deps.store.digestSchedules.due(Number.MAX_SAFE_INTEGER);
    const next = on
      .filter((s) => s.nextSlotAt !== null && s.nextSlotAt > now)
      .sort((a, b) => a.nextSlotAt! - b.nextSlotAt!)[0];
    if (on.length === 0) return "weekly digest: no channel has it on yet";
    return `weekly digest: on in ${on.length} channel${on.length === 1 ? "" : "s"}${next ? `; next in ${next.channelId} at ${new Date(next.nextSlotAt!).toISOString()}` : ""}`;
  }

  /**
   * `postcheck digest`: this week's digest for a channel now. Claims the channel-week like the
   * scheduler does (so neither posts twice), unless `force`.
   */
  async postNow(
    client: webApi.WebClient,
    teamId: string,
    channelId: string,
    force: boolean,
  ): Promise<ManualOutcome> {
    const { store } = this.deps;
    const target = await this.manualTarget(teamId, channelId);
    const now = this.now();
    if (force) {
      const message = await buildDigest(store, target);
      try {
        const ts = await this.send(client, target, message);
        await store.digestSchedules.forced(target, this.owner, this.now(), ts);
        return { status: "posted", ts };
      } catch (err) {
        return { status: "failed", reason: slackError(err).reason };
      }
    }
    const claimed = await store.digestSchedules.claim(target, "pending", this.owner, now, now + LEASE_MS);
    const delivery = claimed
      ? await store.digestSchedules.delivery(target)
      : await store.digestSchedules.acquire(target, "manual", this.owner, now, now + LEASE_MS);
    if (!delivery) {
      const existing = await store.digestSchedules.delivery(target);
      return existing?.status === "posted"
        ? { status: "already-posted", postedAt: existing.postedAt }
        : { status: "busy" };
    }
    const report: TickReport = { posted: [], failed: [], retrying: [], skipped: [], handledElsewhere: [] };
    const outcome = await this.attempt(delivery, client, target.language, report);
    return outcome.ok ? { status: "posted", ts: outcome.ts } : { status: "failed", reason: outcome.reason };
  }

  /** What a manual run posts: the channel's own digest of this week, or Monday 09:00 UTC's. */
  async manualTarget(teamId: string, channelId: string) {
    const schedule = await this.deps.store.digestSchedules.get(teamId, channelId);
    const time: DigestTime & { language: DigestLanguage } = schedule?.enabled
      ? schedule
      : { ...DEFAULT_DIGEST_TIME, tz: "UTC", language: "auto" };
    const now = this.now();
    // Before this week's digest time, the digest as it would be now.
    const slotAt = Math.min(slotInWeek(weekOf(now, time.tz), time), now);
    return {
      teamId,
      channelId,
      week: weekKey(now, time.tz),
      slotAt,
      tz: time.tz,
      language: time.language,
    };
  }

  private async attempt(
    d: DigestDelivery,
    client: webApi.WebClient,
    language: DigestLanguage,
    report: TickReport,
  ): Promise<{ ok: true; ts: string } | { ok: false; reason: string }> {
    const { store, logger } = this.deps;
    try {
      // An earlier attempt may have reached Slack without being recorded (a crash, a timeout).
      const earlier = d.attempts > 1 ? await this.findPosted(client, d) : undefined;
      const ts = earlier ?? (await this.send(client, d, await buildDigest(store, { ...d, language })));
      await store.digestSchedules.posted(d, this.now(), ts);
      logger.info(`weekly digest posted in ${label(d)}${earlier ? " (found from an earlier attempt)" : ""}`);
      report.posted.push(label(d));
      return { ok: true, ts };
    } catch (err) {
      const { code, reason } = slackError(err);
      const now = this.now();
      const retryAt = now + backoffMs(d.attempts);
      if ((code && PERMANENT_ERRORS.has(code)) || retryAt - d.claimedAt > GIVE_UP_AFTER_MS) {
        await store.digestSchedules.gaveUp(d, this.owner, reason);
        logger.error(
          `weekly digest given up in ${label(d)} after ${d.attempts} attempt${d.attempts === 1 ? "" : "s"}: ${reason}`,
        );
        report.failed.push(label(d));
      } else {
        await store.digestSchedules.attemptFailed(d, this.owner, reason, retryAt);
        logger.warn(
          `weekly digest not posted in ${label(d)} (attempt ${d.attempts}): ${reason}; next attempt at ${new Date(retryAt).toISOString()}`,
        );
        report.retrying.push(label(d));
      }
      return { ok: false, reason };
    }
  }

  private async send(
    client: webApi.WebClient,
    d: DeliveryKey,
    message: { text: string; blocks: types.KnownBlock[] },
  ): Promise<string> {
    const res = await client.chat.postMessage({
      channel: d.channelId,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { team_id: d.teamId, week: d.week } },
    });
    return res.ts ?? "";
  }

  /** The ts of this channel-week's digest if an earlier attempt posted it. */
  private async findPosted(client: webApi.WebClient, d: DigestDelivery): Promise<string | undefined> {
    try {
      const res = await client.conversations.history({
        channel: d.channelId,
        oldest: String(Math.floor(d.claimedAt / 1000) - 60),
        include_all_metadata: true,
        limit: 200,
      });
      const found = res.messages?.find((m) => {
        const meta = m.metadata as
          | { event_type?: string; event_payload?: Record<string, unknown> }
          | undefined;
        return (
          meta?.event_type === DIGEST_EVENT_TYPE &&
          meta.event_payload?.week === d.week &&
          meta.event_payload?.team_id === d.teamId
        );
      });
      return found?.ts;
    } catch (err) {
      this.deps.logger.debug(`digest history not read in ${d.channelId}: ${slackError(err).reason}`);
      return undefined;
    }
  }
}
