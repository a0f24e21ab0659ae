import { randomUUID } from "node:crypto";
import type { AnalyzeOptions } from "../coach/index.js";

/**
 * Buttons on a coaching reply need the draft back when clicked, and ephemeral messages are not
 * sent back by Slack. Most drafts fit in the button's value (Slack allows 2,000 characters), so
 * the reply carries them and nothing is stored. A longer draft waits in memory for an hour, never
 * on disk; after that the user is asked to run /postcheck again.
 */
export interface DraftRef {
  draft: string;
  options: AnalyzeOptions;
}

const MAX_VALUE = 2000;
const MEMORY_TTL_MS = 60 * 60 * 1000;
const MEMORY_MAX = 500;

export class DraftRefs {
  private readonly memory = new Map<string, { ref: DraftRef; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  encode(ref: DraftRef): string {
    const inline = JSON.stringify({ d: ref.draft, o: ref.options });
    if (inline.length <= MAX_VALUE) return inline;
    this.sweep();
    const key = randomUUID();
    this.memory.set(key, { ref, expires: this.now() + MEMORY_TTL_MS });
    return JSON.stringify({ k: key, o: ref.options });
  }

  decode(value: string | undefined): DraftRef | undefined {
    if (!value) return undefined;
    let parsed: { d?: unknown; k?: unknown; o?: AnalyzeOptions };
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
    if (typeof parsed.d === "string") return { draft: parsed.d, options: parsed.o ?? {} };
    if (typeof parsed.k !== "string") return undefined;
    const hit = this.memory.get(parsed.k);
    if (!hit || hit.expires <= this.now()) {
      this.memory.delete(parsed.k);
      return undefined;
    }
    return hit.ref;
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
