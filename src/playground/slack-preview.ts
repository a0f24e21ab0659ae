import type { types } from "@slack/bolt";
import { type Html, html } from "./html.js";

/**
 * Renders Block Kit as Slack shows it, for the playground's preview: sections, context,
 * actions, dividers, headers and rich text (lists, quotes), with mrkdwn (bold, italic, strike,
 * code, quotes, emoji). Rich text is shown as given: its text is never parsed.
 * Anything else is shown as a labelled placeholder rather than silently dropped.
 */

// The emoji postcoach's blocks use, and a few common ones; others show as :name:, as in Slack
// when an emoji is unknown.
const EMOJI: Record<string, string> = {
  small_orange_diamond: "🔸",
  small_blue_diamond: "🔹",
  white_check_mark: "✅",
  tada: "🎉",
  seedling: "🌱",
  sparkles: "✨",
  fire: "🔥",
  star: "⭐",
  bulb: "💡",
  wave: "👋",
  warning: "⚠️",
  memo: "📝",
  thinking_face: "🤔",
  raised_hands: "🙌",
  pray: "🙏",
};

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// Slack's inline markup: a marker must open after a non-word character and close before one.
const INLINE_RE =
  /`([^`\n]+)`|(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])|(?<![\w_])_(?!\s)([^_\n]+?)_(?![\w_])|(?<![\w~])~(?!\s)([^~\n]+?)~(?![\w~])|:([a-z0-9_+-]+):|<((?:https?|mailto):[^|>\s]+)(?:\|([^>]*))?>/g;

function inline(text: string): Html[] {
  const out: Html[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE_RE)) {
    out.push(html`${decodeEntities(text.slice(last, m.index))}`);
    last = m.index + m[0].length;
    if (m[1] !== undefined) out.push(html`<code>${decodeEntities(m[1])}</code>`);
    else if (m[2] !== undefined) out.push(html`<b>${inline(m[2])}</b>`);
    else if (m[3] !== undefined) out.push(html`<i>${inline(m[3])}</i>`);
    else if (m[4] !== undefined) out.push(html`<s>${inline(m[4])}</s>`);
    else if (m[5] !== undefined) {
      const emoji = EMOJI[m[5]];
      out.push(emoji ? html`<span class="sk-emoji" title=":${m[5]}:">${emoji}</span>` : html`${m[0]}`);
    } else {
      // A link in mrkdwn: shown as Slack shows it, but not followed from the preview.
      out.push(html`<span class="sk-link">${decodeEntities(m[7] ?? m[6]!)}</span>`);
    }
  }
  out.push(html`${decodeEntities(text.slice(last))}`);
  return out;
}

/**
 * Slack mrkdwn to HTML: lines starting with ">" become a quote (an escaped "&gt;" stays text),
 * the others keep their line breaks.
 */
export function mrkdwn(text: string): Html {
  const parts: Html[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith(">")) {
      const quoted: Html[] = [];
      for (; i < lines.length && lines[i]!.startsWith(">"); i++)
        quoted.push(html`${inline(lines[i]!.slice(1))}<br>`);
      i--;
      parts.push(html`<blockquote>${quoted}</blockquote>`);
    } else parts.push(html`${inline(lines[i]!)}${i < lines.length - 1 ? html`<br>` : ""}`);
  }
  return html`${parts}`;
}

type TextObject = { type: "plain_text" | "mrkdwn"; text: string };

function textObject(t: TextObject | undefined): Html {
  if (!t) return html``;
  return t.type === "mrkdwn" ? mrkdwn(t.text) : html`${t.text}`;
}

type RichElement = {
  type: string;
  text?: string;
  name?: string;
  style?: { bold?: boolean; italic?: boolean; strike?: boolean; code?: boolean } | string;
  elements?: RichElement[];
};

function richInline(e: RichElement): Html {
  if (e.type === "emoji") {
    const emoji = EMOJI[e.name ?? ""];
    return emoji
      ? html`<span class="sk-emoji" title=":${e.name ?? ""}:">${emoji}</span>`
      : html`:${e.name ?? ""}:`;
  }
  if (e.type !== "text") return html`<span class="sk-unknown">[${e.type}]</span>`;
  const style = typeof e.style === "object" ? e.style : {};
  let out = html`${e.text ?? ""}`;
  if (style.code) out = html`<code>${out}</code>`;
  if (style.strike) out = html`<s>${out}</s>`;
  if (style.italic) out = html`<i>${out}</i>`;
  if (style.bold) out = html`<b>${out}</b>`;
  return out;
}

function richElement(e: RichElement): Html {
  const inline = (e.elements ?? []).map(richInline);
  switch (e.type) {
    case "rich_text_section":
      return html`<div>${inline}</div>`;
    case "rich_text_quote":
      return html`<blockquote>${inline}</blockquote>`;
    case "rich_text_preformatted":
      return html`<pre>${inline}</pre>`;
    case "rich_text_list": {
      const items = (e.elements ?? []).map((item) => html`<li>${(item.elements ?? []).map(richInline)}</li>`);
      return e.style === "ordered" ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    default:
      return html`<span class="sk-unknown">[${e.type}]</span>`;
  }
}

function block(b: types.KnownBlock): Html {
  switch (b.type) {
    case "section":
      return html`<div class="sk-section">${textObject(b.text as TextObject)}${
        b.fields?.length
          ? html`<div class="sk-fields">${b.fields.map((f) => html`<div>${textObject(f as TextObject)}</div>`)}</div>`
          : ""
      }</div>`;
    case "context":
      return html`<div class="sk-context">${b.elements.map((e) =>
        "text" in e && typeof e.text === "string"
          ? html`<span>${textObject(e as TextObject)}</span>`
          : html`<span class="sk-unknown">[${e.type}]</span>`,
      )}</div>`;
    case "actions":
      return html`<div class="sk-actions">${b.elements.map((e) =>
        e.type === "button"
          ? html`<span class="sk-button${e.style ? ` sk-${e.style}` : ""}" title="${e.action_id ?? ""}">${e.text.text}</span>`
          : html`<span class="sk-unknown">[${e.type}]</span>`,
      )}</div>`;
    case "divider":
      return html`<hr class="sk-divider">`;
    case "header":
      return html`<div class="sk-header">${b.text.text}</div>`;
    case "rich_text":
      return html`<div class="sk-rich">${(b.elements as RichElement[]).map(richElement)}</div>`;
    default:
      return html`<div class="sk-unknown">[${b.type} block]</div>`;
  }
}

/** An ephemeral message from the app, with Slack's chrome around it. */
export function slackMessage(
  blocks: types.KnownBlock[],
  labels: { app: string; onlyYou: string },
  appName = "postcoach",
): Html {
  return html`<div class="sk-message">
<div class="sk-only-you"><span aria-hidden="true">👁</span> ${labels.onlyYou}</div>
<div class="sk-row"><img class="sk-avatar" src="/favicon.svg" alt="" width="36" height="36"><div class="sk-body">
<div class="sk-meta"><b>${appName}</b> <span class="sk-badge">${labels.app}</span></div>
${blocks.map(block)}
</div></div></div>`;
}
