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

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** One rich-text element as a person reads it: words, link labels, @names, :emoji:. */
function richElementText(e: Loose): string {
  switch (e.type) {
    case "text":
      return str(e.text);
    case "link":
      return str(e.text) || str(e.url);
    case "emoji":
      return `:${str(e.name)}:`;
    case "user":
      return `@${str(e.user_id)}`;
    case "channel":
      return `#${str(e.channel_id)}`;
    case "broadcast":
      return `@${str(e.range)}`;
    default:
      return "";
  }
}

/** A rich_text block's lines: sections, list items, quotes and code, one line each. */
// Slack nests lists a few levels deep; a forged payload nested thousands deep must not overflow the stack.
const MAX_LIST_DEPTH = 8;

function richTextLines(block: Loose, depth = 0): string[] {
  if (depth > MAX_LIST_DEPTH) return [];
  const lines: string[] = [];
  for (const part of list(block.elements).filter(isObject)) {
    const inner = list(part.elements).filter(isObject);
    if (part.type === "rich_text_list")
      lines.push(...inner.map((item) => richTextLines({ elements: [item] }, depth + 1).join(" ")));
    else lines.push(inner.map(richElementText).join(""));
  }
  return lines;
}

/** A layout block's text as it reads (mrkdwn turned plain). */
function blockLines(block: Loose): string[] {
  if (block.type === "rich_text") return richTextLines(block);
  const texts = [
    block.text,
    ...list(block.fields),
    ...(block.type === "context" ? list(block.elements) : []),
  ];
  return texts.filter(isObject).map((t) => slackToPlain(str(t.text)));
}

/**
 * The words of a Slack message as a person sees them. Its `text` when it has one; otherwise what its
 * blocks and attachments show (Workflow Builder and app posts often carry no `text`).
 */
export function messageText(message: { text?: unknown; blocks?: unknown; attachments?: unknown }): string {
  const text = slackToPlain(str(message.text)).trim();
  if (text !== "") return text;
  const lines = list(message.blocks).filter(isObject).flatMap(blockLines);
  for (const a of list(message.attachments).filter(isObject))
    lines.push(...[a.pretext, a.title, a.text].map((t) => slackToPlain(str(t))));
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}
