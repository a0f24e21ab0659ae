import type { webApi } from "@slack/bolt";
import { digestMessage } from "./slack/digest.js";
import type { Store } from "./store/index.js";

const WEEK_MS = 7 * 86_400_000;

/** The digest of the seven days before `now` for one channel. */
export async function buildDigest(store: Store, channelId: string, now: number) {
  return digestMessage(await store.digest.channelWeek(channelId, now - WEEK_MS, now));
}

export async function postDigest(
  store: Store,
  client: webApi.WebClient,
  channelId: string,
  now: number,
): Promise<void> {
  const message = await buildDigest(store, channelId, now);
  await client.chat.postMessage({ channel: channelId, ...message, unfurl_links: false });
}
