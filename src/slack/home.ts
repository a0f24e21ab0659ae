import type { types } from "@slack/bolt";
import { type Lang, RULES_BY_ID, ruleTitle } from "../coach/index.js";
import type { HomeData } from "../mentoring/activity.js";
import type { UserSettings } from "../store/index.js";
import { escapeText } from "./mrkdwn.js";
import { plural, pluriel } from "./plural.js";

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

/** The Home's own words, in both languages: French for those who chose it in its language menu. */
const WORDS = {
  en: {
    title: "Your posting habits",
    colon: ":",
    on: "on",
    welcome:
      "Welcome! Try `/postcheck` followed by a draft, anywhere in Slack. Only you see the reply: a few questions to read your post through your readers' eyes. Your first check starts your streak.\n_Never too old to be mentored, never too young to be a mentor._",
    mentee: "Being mentored",
    mentor: "Mentoring",
    notStarted: "not started yet",
    inARow: (current: number, longest: number) =>
      `${plural(current, "week", "weeks")} in a row (longest ${plural(longest, "week", "weeks")})`,
    repair: "a missed week would be forgiven",
    notYet: "nothing yet this week, and that's fine: the week isn't over",
    helpful: (n: number) => `Teammates marked ${n} of your replies as helpful.`,
    trend: "Score, last 8 weeks",
    lately: "lately",
    checked: (n: number) => `${plural(n, "draft", "drafts")} checked`,
    recurring: "What comes back most often",
    growth: "*Recent growth* (revisions that raised the score)",
    settings: "Settings",
    detect: "Detect from the draft",
    showInDigest: "Show my name in the channel digest",
    storeDrafts: "Keep my draft text in my history (only for me)",
    privacy: (days: number) =>
      `postcoach keeps scores and findings of your checks, not your drafts (unless you tick the box above; unticking it deletes the texts kept). Data older than ${days} days is deleted. \`/postcheck privacy\` tells exactly what is stored.`,
    export: "Export my data",
    forget: "Forget me",
    forgetTitle: "Delete everything?",
    forgetText: "Your checks, streaks, settings and feedback requests will be deleted for good.",
    forgetYes: "Delete",
    forgetNo: "Keep",
  },
  fr: {
    title: "Vos habitudes de publication",
    colon: " :",
    on: "le",
    welcome:
      "Bienvenue ! Essayez `/postcheck` suivi d'un brouillon, n'importe où dans Slack. Vous seul voyez la réponse : quelques questions pour lire votre post avec les yeux de vos lecteurs. Votre premier brouillon vérifié lance votre série.\n_On n'est jamais trop vieux pour être mentoré, jamais trop jeune pour être mentor._",
    mentee: "Être mentoré",
    mentor: "Être mentor",
    notStarted: "pas encore commencé",
    inARow: (current: number, longest: number) =>
      `${pluriel(current, "semaine", "semaines")} d'affilée (record : ${pluriel(longest, "semaine", "semaines")})`,
    repair: "une semaine manquée serait pardonnée",
    notYet: "rien encore cette semaine, et c'est très bien : elle n'est pas finie",
    helpful: (n: number) =>
      n > 1
        ? `Vos collègues ont jugé ${n} de vos réponses utiles.`
        : "Vos collègues ont jugé une de vos réponses utile.",
    trend: "Score, 8 dernières semaines",
    lately: "récemment",
    checked: (n: number) => pluriel(n, "brouillon vérifié", "brouillons vérifiés"),
    recurring: "Ce qui revient le plus souvent",
    growth: "*Progrès récents* (versions revues qui ont fait monter le score)",
    settings: "Réglages",
    detect: "Selon le brouillon",
    showInDigest: "Afficher mon nom dans le bilan du canal",
    storeDrafts: "Garder le texte de mes brouillons dans mon historique (pour moi seul)",
    privacy: (days: number) =>
      `postcoach garde les scores et les constats de vos vérifications, pas vos brouillons (sauf si vous cochez la case ci-dessus ; la décocher efface les textes gardés). Les données de plus de ${days} jours sont effacées. \`/postcheck confidentialité\` dit exactement ce qui est gardé.`,
    export: "Exporter mes données",
    forget: "M'oublier",
    forgetTitle: "Tout effacer ?",
    forgetText: "Vos vérifications, séries, réglages et demandes d'avis seront effacés pour de bon.",
    forgetYes: "Effacer",
    forgetNo: "Garder",
  },
} satisfies Record<Lang, unknown>;

type Words = (typeof WORDS)["en"];

/** The Home's language: French for those who chose French, English otherwise ("detect" included). */
export function homeLang(settings: Pick<UserSettings, "language">): Lang {
  return settings.language === "fr" ? "fr" : "en";
}

function streakLine(w: Words, label: string, s: HomeData["mentee"]): string {
  if (s.longest === 0) return `*${label}*${w.colon} ${w.notStarted}`;
  const repair = s.repairAvailable ? ` · ${w.repair}` : "";
  const week = s.activeThisWeek ? "" : ` · ${w.notYet}`;
  return `*${label}*${w.colon} ${w.inARow(s.current, s.longest)}${repair}${week}`;
}

function option(text: string, value: string) {
  return { text: { type: "plain_text" as const, text }, value };
}

const languages = (w: Words) => [option(w.detect, "auto"), option("English", "en"), option("Français", "fr")];
const PLATFORMS = [
  option("LinkedIn", "linkedin"),
  option("X", "x"),
  option("Slack", "slack"),
  option("Blog", "blog"),
];
const privacyOptions = (w: Words) => [
  option(w.showInDigest, "show_in_digest"),
  option(w.storeDrafts, "store_drafts"),
];

/** The App Home dashboard: streaks, trend, recurring findings, growth and settings. Under 100 blocks. */
export function homeView(data: HomeData, settings: UserSettings, retentionDays: number): View {
  const lang = homeLang(settings);
  const w: Words = WORDS[lang];
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: w.title } }];
  if (data.checks === 0 && data.mentor.longest === 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: w.welcome } });
  } else {
    const streaks = [streakLine(w, w.mentee, data.mentee), streakLine(w, w.mentor, data.mentor)];
    blocks.push(
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${streaks.join("\n")}${data.helpful > 0 ? `\n${w.helpful(data.helpful)}` : ""}`,
        },
      },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*${w.trend}*  \`${sparkline(data.trend)}\`  ${data.trend.filter((v) => v !== null).at(-1) ?? "–"}/100 ${w.lately} · ${w.checked(data.checks)}`,
        },
      },
    );
    if (data.topFindings.length > 0) {
      const lines = data.topFindings.map(({ rule, count }) => {
        const texts = RULES_BY_ID.get(rule)?.texts;
        const tip = (texts?.[lang].default ?? texts?.en.default)?.suggestion ?? "";
        return `• *${escapeText(ruleTitle(rule, lang))}* (${count}×)${w.colon} ${escapeText(tip)}`;
      });
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `*${w.recurring}*\n${lines.join("\n")}` },
      });
    }
    if (data.growth.length > 0) {
      const lines = data.growth.map(
        (g) =>
          `• +${g.delta} ${w.on} <!date^${Math.floor(g.at / 1000)}^{date_short}|${new Date(g.at).toISOString().slice(0, 10)}>`,
      );
      blocks.push({
        type: "section",
        text: { type: "mrkdwn", text: `${w.growth}\n${lines.join("\n")}` },
      });
    }
  }
  const LANGUAGES = languages(w);
  const OPTIONS = privacyOptions(w);
  const selected = OPTIONS.filter((o) =>
    o.value === "show_in_digest" ? settings.showInDigest : settings.storeDrafts,
  );
  blocks.push(
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: w.settings } },
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
      elements: [{ type: "mrkdwn", text: w.privacy(retentionDays) }],
    },
    {
      type: "actions",
      block_id: "home_data",
      elements: [
        {
          type: "button",
          action_id: HOME_ACTIONS.export,
          text: { type: "plain_text", text: w.export },
        },
        {
          type: "button",
          action_id: HOME_ACTIONS.forget,
          style: "danger",
          text: { type: "plain_text", text: w.forget },
          confirm: {
            title: { type: "plain_text", text: w.forgetTitle },
            text: { type: "plain_text", text: w.forgetText },
            confirm: { type: "plain_text", text: w.forgetYes },
            deny: { type: "plain_text", text: w.forgetNo },
            style: "danger",
          },
        },
      ],
    },
  );
  return { type: "home", blocks: blocks.slice(0, 100) };
}
