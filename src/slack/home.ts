import type { types } from "@slack/bolt";
import { RULES_BY_ID, ruleTitle } from "../coach/index.js";
import type { HomeData } from "../mentoring/activity.js";
import type { UserSettings } from "../store/index.js";
import { escapeText } from "./mrkdwn.js";

type KnownBlock = types.KnownBlock;
type View = types.HomeView;

export const HOME_ACTIONS = {
  language: "home_language",
  platform: "home_platform",
  options: "home_options",
  export: "home_export",
  forget: "home_forget",
} as const;

const SPARK = "▁▂▃▄▅▆▇█";

/**
 * A trend as a sparkline, from 0 to `max` (a score by default); a week without any value is a
 * thin dot.
 */
export function sparkline(values: readonly (number | null)[], max = 101): string {
  return values
    .map((v) => (v === null ? "·" : SPARK[Math.min(SPARK.length - 1, Math.floor((v / max) * SPARK.length))]))
    .join("");
}

function weeks(n: number): string {
  return `${n} week${n === 1 ? "" : "s"}`;
}

function streakLine(label: string, s: HomeData["mentee"]): string {
  if (s.longest === 0) return `*${label}*: not started yet`;
  const repair = s.repairAvailable ? " · a missed week would be forgiven" : "";
  const week = s.activeThisWeek ? "" : " · nothing yet this week, and that's fine: the week isn't over";
  return `*${label}*: ${weeks(s.current)} in a row (longest ${weeks(s.longest)})${repair}${week}`;
}

function option(text: string, value: string) {
  return { text: { type: "plain_text" as const, text }, value };
}

const LANGUAGES = [
  option("Detect from the draft", "auto"),
  option("English", "en"),
  option("Français", "fr"),
];
const PLATFORMS = [
  option("LinkedIn", "linkedin"),
  option("X", "x"),
  option("Slack", "slack"),
  option("Blog", "blog"),
];
const OPTIONS = [
  option("Show my name in the channel digest", "show_in_digest"),
  option("Keep my draft text in my history (only for me)", "store_drafts"),
];

/** The App Home dashboard: streaks, trend, recurring findings, growth and settings. Under 100 blocks. */
export function homeView(data: HomeData, settings: UserSettings, retentionDays: number): View {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Your posting habits" } },
  ];
  if (data.checks === 0 && data.mentor.longest === 0) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: "Welcome! Try `/postcheck` followed by a draft, anywhere in Slack. Only you see the reply: a few questions to read your post through your readers' eyes. Your first check starts your streak.\n_Never too old to be mentored, never too young to be a mentor._",
      },
    });
  } else {
    blocks.push(
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${streakLine("Being mentored", data.mentee)}\n${streakLine("Mentoring", data.mentor)}${data.helpful > 0 ? `\nTeammates marked ${data.helpful} of your replies as helpful.` : ""}`,
        },
      },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*Score, last 8 weeks*  \`${sparkline(data.trend)}\`  ${data.trend.filter((v) => v !== null).at(-1) ?? "–"}/100 lately · ${data.checks} draft${data.checks === 1 ? "" : "s"} checked`,
        },
      },
    );
    if (data.topFindings.length > 0) {
      const lines = data.topFindings.map(({ rule, count }) => {
        const tip = RULES_BY_ID.get(rule)?.texts.en.default?.suggestion ?? "";
        return `• *${escapeText(ruleTitle(rule, "en"))}* (${count}×): ${escapeText(tip)}`;
      });
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `*What comes back most often*\n${lines.join("\n")}` },
      });
    }
    if (data.growth.length > 0) {
      const lines = data.growth.map(
        (g) =>
          `• +${g.delta} on <!date^${Math.floor(g.at / 1000)}^{date_short}|${new Date(g.at).toISOString().slice(0, 10)}>`,
      );
      blocks.push({
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*Recent growth* (revisions that raised the score)\n${lines.join("\n")}`,
        },
      });
    }
  }
  const selected = OPTIONS.filter((o) =>
    o.value === "show_in_digest" ? settings.showInDigest : settings.storeDrafts,
  );
  blocks.push(
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: "Settings" } },
    {
      type: "actions",
      block_id: "home_settings",
      elements: [
        {
          type: "static_select",
          action_id: HOME_ACTIONS.language,
          options: LANGUAGES,
          initial_option: LANGUAGES.find((o) => o.value === settings.language) ?? LANGUAGES[0]!,
        },
        {
          type: "static_select",
          action_id: HOME_ACTIONS.platform,
          options: PLATFORMS,
          initial_option: PLATFORMS.find((o) => o.value === settings.platform) ?? PLATFORMS[0]!,
        },
      ],
    },
    {
      type: "actions",
      block_id: "home_privacy",
      elements: [
        {
          type: "checkboxes",
          action_id: HOME_ACTIONS.options,
          options: OPTIONS,
          ...(selected.length > 0 ? { initial_options: selected } : {}),
        },
      ],
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `postcoach keeps scores and findings of your checks, not your drafts (unless you tick the box above; unticking it deletes the texts kept). Data older than ${retentionDays} days is deleted. \`/postcheck privacy\` tells exactly what is stored.`,
        },
      ],
    },
    {
      type: "actions",
      block_id: "home_data",
      elements: [
        {
          type: "button",
          action_id: HOME_ACTIONS.export,
          text: { type: "plain_text", text: "Export my data" },
        },
        {
          type: "button",
          action_id: HOME_ACTIONS.forget,
          style: "danger",
          text: { type: "plain_text", text: "Forget me" },
          confirm: {
            title: { type: "plain_text", text: "Delete everything?" },
            text: {
              type: "plain_text",
              text: "Your checks, streaks, settings and feedback requests will be deleted for good.",
            },
            confirm: { type: "plain_text", text: "Delete" },
            deny: { type: "plain_text", text: "Keep" },
            style: "danger",
          },
        },
      ],
    },
  );
  return { type: "home", blocks: blocks.slice(0, 100) };
}
