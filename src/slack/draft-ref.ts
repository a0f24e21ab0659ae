import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AnalyzeOptions } from "../coach/types.js";
import { DraftOptions } from "../commands/payloads.js";
import type { ButtonDraftStore } from "../store/button-drafts.js";

/**
 * Buttons on a coaching reply need the draft back when clicked, and ephemeral messages are not
 * sent back by Slack. Most drafts fit in the button's value (Slack allows 2,000 characters), so
 * the reply carries them and nothing is stored. A longer draft is kept in the store for the
 * button's lifetime (an hour, then deleted), for the user (and workspace) it was coached for
 * alone: any process (a replica, or the one after a restart) can answer the click.
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
export const BUTTON_TTL_MS = 60 * 60 * 1000;

/** A button's value, as it comes back from Slack (or from anyone who forged one). */
const ButtonValue = z.union([
  z.object({ d: z.string().min(1).max(MAX_VALUE), o: DraftOptions.default({}) }).strict(),
  z.object({ k: z.uuid(), o: DraftOptions.default({}) }).strict(),
]);

export class DraftRefs {
  constructor(
    /** Without a store (the playground's preview), a long draft's buttons lead nowhere. */
    private readonly store?: ButtonDraftStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The buttons' value; a long draft is stored first (a failure to store rejects). */
  async encode(ref: DraftRef, owner: Owner): Promise<string> {
    const inline = JSON.stringify({ d: ref.draft, o: ref.options });
    if (inline.length <= MAX_VALUE) return inline;
    const key = randomUUID();
    await this.store?.put({
      teamId: owner.teamId,
      id: key,
      userId: owner.userId,
      draft: ref.draft,
      options: JSON.stringify(ref.options),
      expiresAt: this.now() + BUTTON_TTL_MS,
    });
    return JSON.stringify({ k: key, o: ref.options });
  }

  /** The draft behind a button clicked by `clicker`. Someone else's reference reads as expired. */
  async decode(value: unknown, clicker: Owner): Promise<Decoded> {
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
    const hit = await this.store?.get(clicker.teamId, v.k, clicker.userId, this.now());
    if (!hit) return { ok: false, reason: "expired" };
    return { ok: true, ref: { draft: hit.draft, options: v.o } };
  }
}
