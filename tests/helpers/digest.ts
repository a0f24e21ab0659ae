import type { Store } from "../../src/store/index.js";
import type { FakeSlack } from "./fake-slack.js";

/**
 * A check as the Slack surfaces record it: counts and rule ids; the draft's text only when given
 * (kept for a user who opted in).
 */
export function seedCheck(
  store: Store,
  c: {
    team?: string;
    user: string;
    channel?: string;
    at: number;
    score?: number;
    findings?: string[];
    language?: "en" | "fr";
    draftText?: string;
  },
): Promise<void> {
  return store.checks.record({
    teamId: c.team ?? "T1",
    userId: c.user,
    channelId: c.channel,
    at: c.at,
    score: c.score ?? 50,
    dimensions: {},
    language: c.language ?? "en",
    platform: "linkedin",
    surface: "slash",
    draftHash: `${c.user}:${c.at}:${c.score}`,
    counts: true,
    findings: c.findings ?? [],
    draftText: c.draftText,
  });
}

/**
 * Makes the fake Slack keep the messages posted to it and return them from conversations.history
 * with their metadata, as Slack does with include_all_metadata.
 */
export function keepChannelHistory(fake: FakeSlack): void {
  let ts = 1_800_000_000;
  const messages: Record<string, unknown>[] = [];
  fake.on("chat.postMessage", (params) => {
    const message = { ts: `${++ts}.000100`, channel: params.channel, metadata: params.metadata };
    messages.unshift(message);
    return { ok: true, channel: params.channel, ts: message.ts };
  });
  fake.on("conversations.history", (params) => ({
    ok: true,
    messages: messages.filter((m) => m.channel === params.channel),
  }));
}
