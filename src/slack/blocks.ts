import type { types } from "@slack/bolt";

type KnownBlock = types.KnownBlock;
type View = types.View;

// The coach's modules one by one, not its index (which also loads the rules and signals' tables).
import { DIMENSION_LABELS, judged } from "../coach/messages.js";
import { ruleTitle } from "../coach/rules/index.js";
import { type CoachResult, DIMENSIONS, type Finding } from "../coach/types.js";
import { cutAt, escapeText, literal, truncate } from "./mrkdwn.js";
import { STRINGS } from "./strings.js";

type RichTextBlock = types.RichTextBlock;
type RichTextSection = types.RichTextSection;
type RichTextElement = types.RichTextElement;

/** Slack's limits: 50 blocks a message, 3,000 characters a section, keep `text` under 4,000. */
export const LIMITS = { blocks: 50, modalBlocks: 100, section: 3000, text: 3900 } as const;

export const ACTIONS = {
  revise: "postcheck_revise",
  why: "postcheck_why",
  askTeammate: "postcheck_ask_teammate",
} as const;
export const VIEWS = { revise: "postcheck_revise_view" } as const;
export const REVISE_INPUT = { block: "draft", action: "draft_input" } as const;
/** A plain-text input holds at most 3,000 characters. */
export const REVISE_MAX = 3000;

export interface ReplyOptions {
  /** Encoded draft for the buttons; no buttons without it. */
  draftValue?: string;
  /** Offer "Ask a teammate" (not in DMs, not on link shares). */
  canAskTeammate?: boolean;
  /** Lines shown under the reply (link status, AI coach note). Plain text; escaped here. */
  notes?: string[];
  /** Questions to show instead of the heuristic ones (from the LLM). Shown as plain text. */
  questions?: string[];
  /** The previous version's outcome, when this draft revises it: the score change and what is gone. */
  revision?: Revision;
}

/** What the revise modal and the assistant thread remember of a version: its outcome, not its text. */
export interface Revision {
  score: number;
  rules: string[];
  /** The first version was too short to judge: its score was never shown, so no change is. */
  tooShort?: boolean;
}

const SEVERITY_ICON = { warning: "small_orange_diamond", info: "small_blue_diamond" } as const;
const MAX_FINDINGS = 3;

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, LIMITS.section), verbatim: true } };
}

/** The findings that matter most: warnings first, then in reading order, one per rule. */
export function topFindings(result: CoachResult, max = MAX_FINDINGS): Finding[] {
  const seen = new Set<string>();
  const ordered = [...result.findings].sort((a, b) =>
    a.severity === b.severity ? a.start - b.start : a.severity === "warning" ? -1 : 1,
  );
  const out: Finding[] = [];
  for (const f of ordered) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    out.push(f);
    if (out.length === max) break;
  }
  return out;
}

/**
 * Rich text shows what it is given as typed: `*`, `_`, `~` and backticks in a draft or an excerpt
 * are characters, never formatting, and nothing in it can mention or link anyone.
 */
const text = (t: string, style?: { bold?: boolean; italic?: boolean }): RichTextElement =>
  style ? { type: "text", text: literal(t), style } : { type: "text", text: literal(t) };

const line = (...elements: RichTextElement[]): RichTextSection => ({ type: "rich_text_section", elements });

function richText(...elements: RichTextBlock["elements"]): KnownBlock {
  return { type: "rich_text", elements };
}

/** A titled list (findings, questions), every item shown as typed. */
function titledList(
  title: string,
  items: RichTextElement[][],
  style: "bullet" | "ordered" = "bullet",
): KnownBlock {
  return richText(line(text(title, { bold: true })), {
    type: "rich_text_list",
    style,
    elements: items.map((elements) => line(...elements)),
  });
}

function findingItem(f: Finding): RichTextElement[] {
  const folded = f.excerpt.replace(/\s+/g, " ").trim();
  return [
    { type: "emoji", name: SEVERITY_ICON[f.severity] },
    text(` ${f.message}`),
    ...(folded ? [text(` “${truncate(folded, 120)}”`, { italic: true })] : []),
  ];
}

const questionItems = (questions: string[]) => questions.map((q) => [text(truncate(q, 500))]);

/** A draft quoted word for word. */
export function draftQuote(draft: string): KnownBlock {
  return richText({ type: "rich_text_quote", elements: [text(truncate(draft, 2800))] });
}

export function scoreLine(result: CoachResult): string {
  const s = STRINGS[result.language];
  const labels = DIMENSION_LABELS[result.language];
  if (!judged(result)) return `*${escapeText(result.bandLabel)}*`;
  const dims = DIMENSIONS.map((d) => `${labels[d]} ${result.dimensions[d]}`).join(" · ");
  return `*${s.score} ${result.score}/100* · ${escapeText(result.bandLabel)} · ${dims}`;
}

/** The coaching reply: score, what stands out, the questions, and the buttons. */
export function coachingBlocks(result: CoachResult, options: ReplyOptions = {}): KnownBlock[] {
  const s = STRINGS[result.language];
  // A revision of a few words ("x") scores high for lack of anything wrong: no gain to show. Nor is
  // there one after a first version too short to judge, whose score was never shown.
  const tooShort = options.revision !== undefined && !judged(result);
  const compared = options.revision !== undefined && !tooShort && !options.revision.tooShort;
  let head = scoreLine(result);
  if (tooShort) head = `${escapeText(s.tooShortToCompare)}\n${head}`;
  else if (compared) head = `${s.delta(options.revision!.score, result.score)}\n${head}`;
  const blocks: KnownBlock[] = [section(head), richText(line(text(result.summary)))];
  if (compared) blocks.push(...resolvedBlocks(options.revision!, result));
  const findings = topFindings(result);
  if (findings.length > 0) {
    const title = options.revision ? s.stillThere : s.findingsTitle;
    blocks.push(titledList(title, findings.map(findingItem)));
  }
  blocks.push(titledList(s.questionsTitle, questionItems(options.questions ?? result.questions), "ordered"));
  const notes = options.notes?.filter(Boolean) ?? [];
  if (notes.length > 0) {
    blocks.push({
      type: "context",
      elements: notes
        .slice(0, 10)
        .map((n) => ({ type: "plain_text", text: truncate(literal(n), 2000), emoji: true })),
    });
  }
  if (options.draftValue)
    blocks.push(actionButtons(result, options.draftValue, options.canAskTeammate ?? false));
  return blocks.slice(0, LIMITS.blocks);
}

/** The findings of the previous version that are gone, by their titles in the draft's language. */
function resolvedBlocks(before: Revision, after: CoachResult): KnownBlock[] {
  const s = STRINGS[after.language];
  const now = new Set(after.findings.map((f) => f.rule));
  const resolved = [...new Set(before.rules)].filter((r) => !now.has(r));
  if (resolved.length > 0) {
    const titles = resolved.map((r) => `:white_check_mark: ${escapeText(ruleTitle(r, after.language))}`);
    return [section(`*${s.resolved}*\n${titles.join("\n")}`)];
  }
  return before.rules.length > 0 ? [section(s.nothingResolved)] : [];
}

function actionButtons(result: CoachResult, value: string, canAskTeammate: boolean): KnownBlock {
  const s = STRINGS[result.language];
  const button = (action_id: string, text: string) => ({
    type: "button" as const,
    action_id,
    text: { type: "plain_text" as const, text, emoji: true },
    value,
  });
  const elements = [button(ACTIONS.revise, s.revise), button(ACTIONS.why, s.why)];
  if (canAskTeammate) {
    elements.push({
      ...button(ACTIONS.askTeammate, s.askTeammate),
      // Slack's own confirmation dialog: nothing is posted without the author's explicit yes.
      confirm: {
        title: { type: "plain_text", text: s.confirmTitle },
        text: { type: "plain_text", text: s.confirmText },
        confirm: { type: "plain_text", text: s.confirmYes },
        deny: { type: "plain_text", text: s.confirmNo },
      },
    } as ReturnType<typeof button>);
  }
  return { type: "actions", block_id: "postcheck_actions", elements };
}

/** The plain-text fallback (notifications, screen readers): short, escaped, under Slack's limit. */
export function coachingText(result: CoachResult, questions = result.questions): string {
  const s = STRINGS[result.language];
  const head = judged(result) ? `${s.score} ${result.score}/100` : escapeText(result.bandLabel);
  return truncate(`${head}. ${escapeText(questions[0] ?? result.summary)}`, LIMITS.text);
}

/**
 * What the revision box holds of a draft: Slack's plain_text_input takes 3,000 characters at most.
 * The first version is coached on this same text, so that what the box cut off never counts as
 * a change.
 */
export function reviseBoxText(draft: string): string {
  return cutAt(draft, REVISE_MAX);
}

/** The modal to check a revision, prefilled with the draft (`result` is its box's text's outcome). */
export function reviseModal(result: CoachResult, draft: string, privateMetadata: string): View {
  const s = STRINGS[result.language];
  const box = reviseBoxText(draft);
  const cutNote: KnownBlock[] =
    box.length < draft.length
      ? [{ type: "context", elements: [{ type: "mrkdwn", text: escapeText(s.reviseCut), verbatim: true }] }]
      : [];
  return {
    type: "modal",
    callback_id: VIEWS.revise,
    private_metadata: privateMetadata,
    title: { type: "plain_text", text: truncate(s.reviseTitle, 24) },
    submit: { type: "plain_text", text: s.reviseSubmit },
    close: { type: "plain_text", text: s.close },
    blocks: [
      {
        type: "input",
        block_id: REVISE_INPUT.block,
        label: { type: "plain_text", text: s.reviseLabel },
        element: {
          type: "plain_text_input",
          action_id: REVISE_INPUT.action,
          multiline: true,
          max_length: REVISE_MAX,
          initial_value: box,
        },
      },
      ...cutNote,
    ],
  };
}

/** What changed between two versions: score delta, findings resolved and still there. */
export function revisionBlocks(before: Revision, after: CoachResult): KnownBlock[] {
  return coachingBlocks(after, { revision: before });
}

export function revisionResultView(before: Revision, after: CoachResult): View {
  const s = STRINGS[after.language];
  return {
    type: "modal",
    title: { type: "plain_text", text: truncate(s.resultTitle, 24) },
    close: { type: "plain_text", text: s.close },
    blocks: revisionBlocks(before, after),
  };
}

/** "Why these questions?": the rule behind each finding and the guidance it rests on. */
export function whyModal(result: CoachResult): View {
  const s = STRINGS[result.language];
  const blocks: KnownBlock[] = [section(escapeText(s.whyIntro))];
  const seen = new Set<string>();
  for (const f of result.findings) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    blocks.push({ type: "divider" });
    blocks.push(section(`*${escapeText(f.message)}*\n${escapeText(f.suggestion)}\n\`${f.rule}\``));
    if (blocks.length >= LIMITS.modalBlocks - 2) break;
  }
  if (seen.size === 0) blocks.push(section(escapeText(s.whyNone)));
  return {
    type: "modal",
    title: { type: "plain_text", text: truncate(s.whyTitle, 24) },
    close: { type: "plain_text", text: s.close },
    blocks,
  };
}

/** The feedback request a teammate sees in the channel: the draft quoted as typed. */
export function feedbackRequestBlocks(user: string, draft: string, lang: "en" | "fr"): KnownBlock[] {
  const s = STRINGS[lang];
  return [
    section(s.feedbackRequest(user)),
    draftQuote(draft),
    { type: "context", elements: [{ type: "mrkdwn", text: escapeText(s.feedbackHint), verbatim: true }] },
  ];
}
