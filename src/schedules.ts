import type { Logger } from "@slack/bolt";
import { Cron } from "croner";
import type { Store } from "./store/index.js";

const DAY_MS = 86_400_000;

/** Notes the day as one postcoach ran on, and deletes what is past retention. Idempotent. */
export async function dailyMaintenance(
  store: Store,
  retentionDays: number,
  now: number,
): Promise<Record<string, number>> {
  await store.schedules.markServiceDay(now);
  const purged = await store.schedules.purge(now - retentionDays * DAY_MS, now);
  await store.schedules.recordRun("retention", now, JSON.stringify(purged));
  return purged;
}

/**
 * The daily job (croner, UTC): retention purge and the service-day mark that keeps an outage from
 * breaking streaks. Runs once at start too, so a bot restarted daily never misses a day.
 */
export function startSchedules(
  store: Store,
  logger: Logger,
  retentionDays: number,
  postDigest?: (channelId: string) => Promise<void>,
  now: () => number = Date.now,
): () => void {
  const run = () =>
    dailyMaintenance(store, retentionDays, now()).then(
      (purged) =>
        logger.info(
          `daily maintenance: ${Object.entries(purged)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")} removed`,
        ),
      (err: Error) => logger.warn(`daily maintenance failed: ${err.message}`),
    );
  void run();
  const job = new Cron("17 3 * * *", { timezone: "UTC", protect: true }, () => void run());
  // Weekly digest, Monday 09:00 UTC, to the channels that asked for it.
  const digest = new Cron("0 9 * * 1", { timezone: "UTC", protect: true }, async () => {
    if (!postDigest) return;
    for (const { channelId } of await store.digest.digestChannels()) {
      await postDigest(channelId).catch((err: Error) =>
        logger.warn(`digest not posted in ${channelId}: ${err.message}`),
      );
    }
    await store.schedules.recordRun("digest", now(), "");
  });
  return () => {
    job.stop();
    digest.stop();
  };
}
