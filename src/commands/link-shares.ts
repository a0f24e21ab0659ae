import type { webApi } from "@slack/bolt";
import { extractArticle } from "../links/extract.js";
import { fetchPage } from "../links/fetch.js";
import type { Services } from "../services.js";
import { linksIn, slackToPlain } from "../slack/mrkdwn.js";
import { STRINGS } from "../slack/strings.js";
import { noteCheck } from "./activity.js";
import type { OnceGuard } from "./dedupe.js";
import type { Listeners } from "./listeners.js";
import { LinkSharedEvent, MessageEvent, readPayload } from "./payloads.js";
import { coachingMessage, refineWithLlm, userDefaults } from "./reply.js";

type WebClient = webApi.WebClient;

interface Share {
  team: string;
  channel: string;
  user: string;
  ts: string;
  threadTs?: string;
  /** The message as Slack sent it (mrkdwn). */
  text: string;
  links: string[];
}

const MAX_LINKS = 2;

/**
 * A message with a link in a channel the bot is in gets coaching on the shared page together with
 * the message, in the message's thread: privately for the sharer, or for everyone in channels that
 * opted in. Both `message` and `link_shared` can arrive for one message; it is answered once.
 * Slack sends `link_shared` for any conversation where a link to an unfurl domain is posted, the
 * bot a member or not (a DM between two people): only those where it is a member are coached.
 */
export function registerLinkShares(listeners: Listeners, services: Services, guard: OnceGuard): void {
  listeners.event("message", async ({ event, body, client, context }) => {
    const e = readPayload(MessageEvent, event, services.logger, "a message event");
    // Edits, deletions, joins and bot posts all carry a subtype; only plain messages are coached.
    if (!e || (e.subtype !== undefined && e.subtype !== "thread_broadcast")) return;
    if (e.bot_id || !e.user || e.user === context.botUserId) return;
    if (e.channel_type !== "channel" && e.channel_type !== "group") return;
    const links = linksIn(e.text ?? "");
    if (links.length === 0) return;
    const team = (body as { team_id?: string }).team_id ?? e.team ?? "";
    await coachShare(services, guard, client, {
      team,
      channel: e.channel,
      user: e.user,
      ts: e.ts,
      threadTs: e.thread_ts,
      text: e.text ?? "",
      links,
    });
  });

  listeners.event("link_shared", async ({ event: raw, body, client, context }) => {
    const event = readPayload(LinkSharedEvent, raw, services.logger, "a link_shared event");
    // While a message is being composed there is nothing to answer yet.
    if (!event || event.source === "composer" || event.channel === "COMPOSER") return;
    if (event.is_bot_user_member !== true) {
      services.logger.debug("link_shared in a conversation postcoach is not a member of: ignored");
      return;
    }
    if (event.user === context.botUserId) return;
    const team = (body as { team_id?: string }).team_id ?? "";
    const text = await messageText(client, event.channel, event.message_ts, event.thread_ts, services);
    const links = [...new Set([...linksIn(text), ...event.links.map((l) => l.url)])];
    await coachShare(services, guard, client, {
      team,
      channel: event.channel,
      user: event.user,
      ts: event.message_ts,
      threadTs: event.thread_ts,
      text,
      links,
    });
  });
}

/** The shared message's text: a reply in a thread is read from the thread, others from the channel. */
async function messageText(
  client: WebClient,
  channel: string,
  ts: string,
  threadTs: string | undefined,
  services: Services,
): Promise<string> {
  try {
    const bounds = { channel, latest: ts, oldest: ts, inclusive: true };
    // A thread's replies always start with its parent message: two, to reach the reply itself.
    const res =
      threadTs && threadTs !== ts
        ? await client.conversations.replies({ ...bounds, ts: threadTs, limit: 2 })
        : await client.conversations.history({ ...bounds, limit: 1 });
    return res.messages?.find((m) => m.ts === ts)?.text ?? "";
  } catch (err) {
    services.logger.debug(`could not read the shared message: ${(err as Error).message}`);
    return "";
  }
}

async function coachShare(
  services: Services,
  guard: OnceGuard,
  client: WebClient,
  share: Share,
): Promise<void> {
  if (!(await guard.claim(`share:${share.team}:${share.channel}:${share.ts}`))) return;
  if (!(await services.channelLimiter.take(share.team, share.channel))) {
    services.logger.info(`link coaching skipped in ${share.channel}: channel rate limit`);
    return;
  }
  const message = slackToPlain(share.text).trim();
  const pages = await Promise.all(
    share.links
      .slice(0, MAX_LINKS)
      .map(async (url) => ({ url, page: await fetchPage(url, services.linkPolicy) })),
  );
  const read = await Promise.all(
    pages.map(async ({ url, page }) => {
      if (!page.ok) {
        services.logger.info(`link not read (${page.reason}): ${new URL(url).host}`);
        return undefined;
      }
      const article = await extractArticle(page.body, page.contentType);
      return article.text ? { url, article } : undefined;
    }),
  );
  const readable = read.filter((r) => r !== undefined);
  const draft = [message, ...readable.map((r) => r.article.text)].filter(Boolean).join("\n\n");
  if (draft === "") return;
  const { options, settings: userSettings } = await userDefaults(services, share.team, share.user);
  const result = services.coach(draft, options);
  // Link coaching is not awaited by anyone: it can wait for the LLM, within LLM_TIMEOUT_MS.
  const llm = await refineWithLlm(services, share.team, draft, options, result);
  const milestone = await noteCheck(services, client, {
    settings: userSettings,
    teamId: share.team,
    userId: share.user,
    channelId: share.channel,
    draft,
    result,
    surface: "link",
  });
  const s = STRINGS[result.language];
  const notes = [
    ...readable.map((r) => s.linkRead(r.article.title ?? new URL(r.url).host)),
    ...pages.filter((p) => !readable.some((r) => r.url === p.url)).map((p) => s.linkUnreadable(p.url)),
  ];
  // A milestone is for the sharer alone, never shown in a public thread.
  const privateNotes = milestone ? [...notes, milestone] : notes;
  const settings = await services.store.settings
    .channel(share.team, share.channel)
    .catch(() => ({ publicFeedback: false }));
  const threadTs = share.threadTs ?? share.ts;
  try {
    if (settings.publicFeedback) {
      const msg = coachingMessage(services, draft, result, options, { notes, llm });
      await client.chat.postMessage({
        channel: share.channel,
        thread_ts: threadTs,
        ...msg,
        unfurl_links: false,
        unfurl_media: false,
      });
    } else {
      const msg = coachingMessage(services, draft, result, options, {
        notes: privateNotes,
        llm,
        owner: { teamId: share.team, userId: share.user },
      });
      await client.chat.postEphemeral({
        channel: share.channel,
        user: share.user,
        thread_ts: threadTs,
        ...msg,
      });
    }
  } catch (err) {
    services.logger.warn(
      `link coaching not posted in ${share.channel}: ${(err as { data?: { error?: string } }).data?.error ?? (err as Error).message}`,
    );
  }
}
