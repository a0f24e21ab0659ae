import { withoutControls } from "../safe-text.js";

/**
 * Everything that turns text into Slack mrkdwn lives here. Any user or LLM text that reaches a
 * message goes through `escapeText`, so a draft can never ping a channel or a person.
 */

// A word joiner after "@" keeps "@channel" readable but stops Slack from parsing it as a mention
// in text objects that are not verbatim.
const BROADCAST_WORDS_RE = /@(channel|here|everyone)\b/gi;
const WORD_JOINER = "\u2060";

/**
 * Escapes &, < and > (Slack's control characters), defuses @channel/@here/@everyone, and drops
 * control characters and bidi overrides (a notification's text can reach a terminal).
 */
export function escapeText(text: string): string {
  return withoutControls(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(BROADCAST_WORDS_RE, `@${WORD_JOINER}$1`);
}

/** Cuts to at most `max` UTF-16 units without splitting a character, adding "…" when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${cutAt(text, max - 1)}…`;
}

/** The start of `text` in at most `max` UTF-16 units, without splitting a character. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * User or LLM text for a plain-text element (rich text, plain_text): shown exactly as typed, since
 * Slack parses nothing there; only @channel, @here and @everyone get an invisible word joiner, so
 * that no client ever reads them as a broadcast.
 */
export function literal(text: string): string {
  return withoutControls(text).replace(BROADCAST_WORDS_RE, `@${WORD_JOINER}$1`);
}

/**
 * Slack sends message text with its own markup: <@U123|name>, <#C123|name>, <!here>,
 * <https://url|label> and &amp; entities. The coach reads what a person would see.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<([^<>]+)>/g, (_, inner: string) => {
      const [target = "", label] = inner.split("|", 2);
      if (target.startsWith("@")) return `@${label ?? target.slice(1)}`;
      if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
      if (target.startsWith("!")) {
        const name = target.slice(1).split("^")[0] ?? "";
        return label ?? `@${name.replace(/^subteam$/, "group")}`;
      }
      if (/^(?:https?|mailto):/.test(target)) {
        const url = target.replace(/^mailto:/, "");
        return label && label !== url && !url.endsWith(label) ? `${label} (${url})` : url;
      }
      return label ?? target;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Every http(s) link in a Slack-formatted message, in order, without duplicates. */
export function linksIn(slackText: string): string[] {
  const links = new Set<string>();
  for (const m of slackText.matchAll(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/g)) links.add(m[1]!);
  return [...links];
}
