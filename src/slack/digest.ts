import type { types } from "@slack/bolt";
import { RULES_BY_ID } from "../coach/index.js";
import type { ChannelWeek } from "../store/index.js";
import { escapeText } from "./mrkdwn.js";
import { mention } from "./strings.js";

/** The weekly channel digest: what the channel practised, a tip, and thanks. Never a ranking. */
export function digestMessage(week: ChannelWeek): { text: string; blocks: types.KnownBlock[] } {
  const lines: string[] = [];
  if (week.checks === 0 && week.feedbackRequests === 0) {
    lines.push(
      "A quiet week here: no drafts checked. Before your next post, try `/postcheck <draft>`: only you see the questions.",
    );
  } else {
    lines.push(
      `This week, ${week.people} ${week.people === 1 ? "person" : "people"} checked ${week.checks} draft${week.checks === 1 ? "" : "s"} here${week.averageScore !== null ? ` (average score ${week.averageScore}/100)` : ""}.`,
    );
    if (week.feedbackRequests > 0) {
      lines.push(
        `${week.feedbackRequests} feedback request${week.feedbackRequests === 1 ? "" : "s"}, ${week.mentoringReplies} thoughtful repl${week.mentoringReplies === 1 ? "y" : "ies"}${week.helpful > 0 ? `, ${week.helpful} marked as helpful` : ""}.`,
      );
    }
  }
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "postcoach weekly digest" } },
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
  ];
  const top = week.findings[0];
  if (top) {
    const tip = RULES_BY_ID.get(top.rule)?.texts.en.default?.suggestion;
    if (tip)
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `*What came up most:* \`${top.rule}\`. ${escapeText(tip)}` },
      });
  }
  if (week.mentors > 0) {
    const others = week.mentors - week.namedMentors.length;
    const names = week.namedMentors.map(mention);
    const who =
      names.length > 0
        ? `${names.join(", ")}${others > 0 ? ` and ${others} more teammate${others === 1 ? "" : "s"}` : ""}`
        : `${others} teammate${others === 1 ? "" : "s"}`;
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `Thank you to ${who} for mentoring this week. Never too young to be a mentor.`,
        },
      ],
    });
  }
  const text = [lines.join(" "), ...(top ? [`Most common: ${top.rule}.`] : [])].join(" ");
  return { text, blocks };
}

/** The digest as plain text, for `postcheck digest --dry-run`. */
export function digestPlain(message: { blocks: types.KnownBlock[] }): string {
  return message.blocks
    .map((b) => {
      if (b.type === "header" || b.type === "section")
        return (b as { text?: { text: string } }).text?.text ?? "";
      if (b.type === "context")
        return (b as { elements: { text?: string }[] }).elements.map((e) => e.text ?? "").join(" ");
      return "";
    })
    .filter(Boolean)
    .join("\n");
}
