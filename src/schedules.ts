import type { Logger } from "@slack/bolt";
import { Cron } from "croner";
import type { Store } from "./store/index.js";

const DAY_MS = 86_400_000;

/**
 * How long a workspace's data outlives its uninstall (app_uninstalled, tokens_revoked): installing
 * again within it keeps everything; after it, everything of that workspace is deleted.
 */
export const UNINSTALL_GRACE_DAYS = 30;

/**
 * Notes the day as one postcoach ran on, deletes what is past retention, and the data of workspaces
 * uninstalled more than UNINSTALL_GRACE_DAYS ago. Idempotent.
 */
export async function dailyMaintenance(
  store: Store,
  retentionDays: number,
  now: number,
): Promise<Record<string, number>> {
  await store.schedules.markServiceDay(now);
  const purged = await store.schedules.purge(now - retentionDays * DAY_MS, now);
  const workspaces = await store.workspaces.purgeRemoved(now);
  purged.uninstalledWorkspaces = Object.keys(workspaces).length;
  await store.schedules.recordRun("retention", now, JSON.stringify(purged));
  return purged;
}

/**
 * The daily job (croner, UTC): retention purge and the service-day mark that keeps an outage from
 * breaking streaks. Runs once at start too, so a bot restarted daily never misses a day.
 * The digest's minute tick asks the store what is due, so a restart or a late start catches up
 * without depending on a cron firing at the right moment; it runs once at start as well.
 */
export function startSchedules(
  store: Store,
  logger: Logger,
  retentionDays: number,
  digests?: { tick(): Promise<unknown> },
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
  const tick = () =>
    void digests?.tick().catch((err: Error) => logger.warn(`digest tick failed: ${err.message}`));
  tick();
  const digest = new Cron("* * * * *", { protect: true }, tick);
  return () => {
    job.stop();
    digest.stop();
  };
}
