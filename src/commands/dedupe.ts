import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Services } from "../services.js";
import { EVENT_TTL_MS } from "../store/events.js";
import { TOO_LATE, within } from "./within.js";

/** How long a reply waits for the store's claim before this process decides alone. */
export const CLAIM_WAIT_MS = 1000;

/**
 * Claims a key once (an event id, a message). The store is the source of truth so that replicas
 * agree; when it cannot write (a full disk) or is locked for longer than CLAIM_WAIT_MS, a memory
 * fallback still stops this process from answering twice, and the user still gets their coaching.
 */
export class OnceGuard {
  private readonly memory = new Map<string, number>();

  constructor(private readonly services: Services) {}

  async claim(key: string): Promise<boolean> {
    try {
      const claimed = await within(this.services.store.events.claim(key, EVENT_TTL_MS), CLAIM_WAIT_MS);
      if (claimed !== TOO_LATE) return claimed;
      throw new Error(`no answer within ${CLAIM_WAIT_MS} ms (database locked?)`);
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

/**
 * Bolt middleware: Slack re-sends an event (same event_id) when it thinks delivery failed; only the
 * first delivery goes on to the listeners (the Assistant's included). Other requests pass.
 */
export function firstDeliveryOnly(services: Services, guard: OnceGuard): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const b = body as { event_id?: unknown; team_id?: unknown };
    if (typeof b.event_id !== "string") return next();
    if (await guard.claim(`event:${typeof b.team_id === "string" ? b.team_id : ""}:${b.event_id}`))
      return next();
    services.logger.info(`ignored a repeated delivery of ${b.event_id} (retry ${context.retryNum ?? 0})`);
  };
}
