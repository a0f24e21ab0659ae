import type { App } from "@slack/bolt";
import type { Services } from "../services.js";
import { EVENT_TTL_MS } from "../store/events.js";

/**
 * Claims a key once (an event id, a message). The store is the source of truth so that replicas
 * agree; when it cannot write (a full disk), a memory fallback still stops this process from
 * answering twice, and the user still gets their coaching.
 */
export class OnceGuard {
  private readonly memory = new Map<string, number>();

  constructor(private readonly services: Services) {}

  async claim(key: string): Promise<boolean> {
    try {
      return await this.services.store.events.claim(key, EVENT_TTL_MS);
    } catch (err) {
      this.services.logger.warn(`dedupe store unavailable, using memory: ${(err as Error).message}`);
      const now = this.services.now();
      const expires = this.memory.get(key);
      if (expires !== undefined && expires > now) return false;
      if (this.memory.size > 50_000) this.memory.clear();
      this.memory.set(key, now + EVENT_TTL_MS);
      return true;
    }
  }
}

/** Slack re-sends an event (same event_id) when it thinks delivery failed: only the first counts. */
export function registerEventDedupe(app: App, services: Services, guard: OnceGuard): void {
  app.use(async ({ body, context, next }) => {
    const b = body as { type?: string; event_id?: string; team_id?: string };
    if (b.type === "event_callback" && typeof b.event_id === "string") {
      if (!(await guard.claim(`event:${b.team_id ?? ""}:${b.event_id}`))) {
        services.logger.info(`ignored a repeated delivery of ${b.event_id} (retry ${context.retryNum ?? 0})`);
        return;
      }
    }
    await next();
  });
}
