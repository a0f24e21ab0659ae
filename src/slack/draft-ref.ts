import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AnalyzeOptions } from "../coach/index.js";
import { DraftOptions } from "../commands/payloads.js";

/**
 * Buttons on a coaching reply need the draft back when clicked, and ephemeral messages are not
 * sent back by Slack. Most drafts fit in the button's value (Slack allows 2,000 characters), so
 * the reply carries them and nothing is stored. A longer draft waits in memory for an hour, never
 * on disk, for the user (and workspace) it was coached for alone; after that the user is asked to
 * run /postcheck again.
 */
export interface DraftRef {
  draft: string;
  options: AnalyzeOptions;
}

/** Who a draft was coached for: a reference resolves for them alone. */
export interface Owner {
  teamId: string;
  userId: string;
}

export type Decoded = { ok: true; ref: DraftRef } | { ok: false; reason: "unreadable" | "expired" };

const MAX_VALUE = 2000;
const MEMORY_TTL_MS = 60 * 60 * 1000;
const MEMORY_MAX = 500;

/** A button's value, as it comes back from Slack (or from anyone who forged one). */
const ButtonValue = z.union([
  z.object({ d: z.string().min(1).max(MAX_VALUE), o: DraftOptions.default({}) }).strict(),
  z.object({ k: z.uuid(), o: DraftOptions.default({}) }).strict(),
]);

export class DraftRefs {
  private readonly memory = new Map<string, { ref: DraftRef; owner: Owner; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  encode(ref: DraftRef, owner: Owner): string {
    const inline = JSON.stringify({ d: ref.draft, o: ref.options });
    if (inline.length <= MAX_VALUE) return inline;
    this.sweep();
    const key = randomUUID();
    this.memory.set(key, { ref, owner, expires: this.now() + MEMORY_TTL_MS });
    return JSON.stringify({ k: key, o: ref.options });
  }

  /** The draft behind a button clicked by `clicker`. Someone else's reference reads as expired. */
  decode(value: unknown, clicker: Owner): Decoded {
    let json: unknown;
    try {
      json = typeof value === "string" ? JSON.parse(value) : undefined;
    } catch {
      json = undefined;
    }
    const parsed = ButtonValue.safeParse(json);
    if (!parsed.success) return { ok: false, reason: "unreadable" };
    const v = parsed.data;
    if ("d" in v) return { ok: true, ref: { draft: v.d, options: v.o } };
    const hit = this.memory.get(v.k);
    if (!hit || hit.expires <= this.now()) {
      this.memory.delete(v.k);
      return { ok: false, reason: "expired" };
    }
    if (hit.owner.teamId !== clicker.teamId || hit.owner.userId !== clicker.userId)
      return { ok: false, reason: "expired" };
    return { ok: true, ref: hit.ref };
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, v] of this.memory) if (v.expires <= t) this.memory.delete(k);
    while (this.memory.size >= MEMORY_MAX) {
      const oldest = this.memory.keys().next().value;
      if (oldest === undefined) break;
      this.memory.delete(oldest);
    }
  }
}
