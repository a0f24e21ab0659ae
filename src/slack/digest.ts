import type { types } from "@slack/bolt";
import { type Dimension, type Lang, RULES_BY_ID } from "../coach/index.js";
import type { ChannelActivity, WeekNumbers } from "../store/index.js";
import { sparkline } from "./home.js";
import { escapeText } from "./mrkdwn.js";
import { plural, pluriel } from "./plural.js";
import { mention } from "./strings.js";

/** Mentors named in one digest at most; the others are counted. Keeps the message small. */
export const MAX_NAMED_MENTORS = 20;

export interface DigestInput {
  activity: ChannelActivity;
  lang: Lang;
  /** The days the digest covers. */
  period: { start: number; end: number };
  tz: string;
  /** Posted Friday to Sunday: the week so far, rather than the week before. */
  wrapUp: boolean;
}

/** A question for a whole channel, by the dimension of what came up most. */
const CHANNEL_QUESTIONS: Record<Lang, Record<Dimension, string>> = {
  en: {
    audience: "Who reads what we post, and what would make their week easier?",
    authenticity: "What do we think, in our own words, that only this team could say?",
    vulnerability: "Which doubt or hard moment of this week could help someone reading us?",
    platformFit: "Where will readers meet our posts, and what do they see before they decide to read on?",
  },
  fr: {
    audience: "Qui lit ce que nous publions, et qu'est-ce qui lui faciliterait la semaine ?",
    authenticity: "Que pensons-nous vraiment, avec nos mots, que seule cette équipe pourrait dire ?",
    vulnerability:
      "Quel doute ou quel moment difficile de cette semaine pourrait aider quelqu'un qui nous lit ?",
    platformFit:
      "Où nos lecteurs verront-ils nos posts, et que voient-ils avant de décider de lire la suite ?",
  },
};

const WORDS = {
  en: {
    locale: "en-US",
    header: "postcoach weekly digest",
    period: (range: string, wrapUp: boolean) =>
      wrapUp ? `This week so far, ${range}` : `Last week, ${range}`,
    checks: "Drafts checked",
    people: "People",
    score: "Average score",
    requests: "Feedback requests",
    replies: "Replies from teammates",
    helpful: (n: number) => `${n} marked helpful`,
    same: "same",
    versus: (wrapUp: boolean) =>
      wrapUp ? "Changes are from the same days last week." : "Changes are from the week before.",
    trend: (checks: string, scores: string) =>
      `Last 8 weeks: drafts checked \`${checks}\` · average score \`${scores}\``,
    quiet:
      "A quiet week here: no drafts checked. Before your next post, try `/postcheck <draft>`: only you see the questions.",
    top: (n: number, of: number) => `*What came up most* (in ${n} of ${plural(of, "draft", "drafts")})`,
    question: "*A question for the channel:*",
    thanks: (who: string, replies: number) =>
      `Thank you to ${who} for ${plural(replies, "reply", "replies")} to feedback requests. Never too young to be a mentor.`,
    teammates: (n: number) => plural(n, "teammate", "teammates"),
    more: (n: number) => `and ${plural(n, "more teammate", "more teammates")}`,
    and: "and",
    footer: "Counts only: no drafts, no rankings. `/postcheck digest off` stops this digest.",
    summary: (checks: number, people: number, wrapUp: boolean) =>
      `postcoach weekly digest: ${plural(checks, "draft", "drafts")} checked by ${plural(people, "person", "people")} ${wrapUp ? "this week" : "last week"}.`,
    quietSummary: "postcoach weekly digest: a quiet week.",
  },
  fr: {
    locale: "fr-FR",
    header: "postcoach : le point de la semaine",
    period: (range: string, wrapUp: boolean) =>
      wrapUp ? `Cette semaine jusqu'ici, ${range}` : `La semaine dernière, ${range}`,
    checks: "Brouillons vérifiés",
    people: "Personnes",
    score: "Score moyen",
    requests: "Demandes d'avis",
    replies: "Réponses de collègues",
    helpful: (n: number) => (n > 1 ? `${n} jugées utiles` : `${n} jugée utile`),
    same: "stable",
    versus: (wrapUp: boolean) =>
      wrapUp
        ? "Évolutions par rapport aux mêmes jours de la semaine dernière."
        : "Évolutions par rapport à la semaine d'avant.",
    trend: (checks: string, scores: string) =>
      `8 dernières semaines : brouillons vérifiés \`${checks}\` · score moyen \`${scores}\``,
    quiet:
      "Une semaine calme ici : aucun brouillon vérifié. Avant votre prochain post, essayez `/postcheck <brouillon>` : vous seul voyez les questions.",
    top: (n: number, of: number) =>
      `*Ce qui est revenu le plus souvent* (dans ${pluriel(n, "brouillon", "brouillons")} sur ${of})`,
    question: "*Une question pour le canal :*",
    thanks: (who: string, replies: number) =>
      `Merci à ${who} pour ${pluriel(replies, "réponse", "réponses")} aux demandes d'avis. On n'est jamais trop jeune pour être mentor.`,
    teammates: (n: number) => pluriel(n, "collègue", "collègues"),
    more: (n: number) => `et ${pluriel(n, "autre collègue", "autres collègues")}`,
    and: "et",
    footer:
      "Des totaux seulement : aucun brouillon, aucun classement. `/postcheck digest off` arrête ce point hebdomadaire.",
    summary: (checks: number, people: number, wrapUp: boolean) =>
      `postcoach, le point de la semaine : ${pluriel(checks, "brouillon vérifié", "brouillons vérifiés")} par ${pluriel(people, "personne", "personnes")} ${wrapUp ? "cette semaine" : "la semaine dernière"}.`,
    quietSummary: "postcoach, le point de la semaine : une semaine calme.",
  },
} as const;

type Words = (typeof WORDS)[Lang];

const dayRanges = new Map<string, Intl.DateTimeFormat>();

/** "November 23 – 29" in a locale and zone; formatters are costly to make, so they are kept. */
function dayRange(locale: string, tz: string): Intl.DateTimeFormat {
  const key = `${locale} ${tz}`;
  let f = dayRanges.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: tz });
    dayRanges.set(key, f);
  }
  return f;
}

function change(now: number | null, before: number | null, words: Words): string {
  if (now === null || before === null) return "";
  const d = now - before;
  return d === 0 ? ` (${words.same})` : ` (${d > 0 ? "+" : "−"}${Math.abs(d).toLocaleString(words.locale)})`;
}

function field(label: string, value: string): types.MrkdwnElement {
  return { type: "mrkdwn", text: `*${label}*\n${value}` };
}

function numbers(now: WeekNumbers, before: WeekNumbers, w: Words): types.MrkdwnElement[] {
  const n = (v: number) => v.toLocaleString(w.locale);
  return [
    field(w.checks, `${n(now.checks)}${change(now.checks, before.checks, w)}`),
    field(w.people, `${n(now.people)}${change(now.people, before.people, w)}`),
    field(
      w.score,
      now.averageScore === null
        ? "–"
        : `${now.averageScore}/100${change(now.averageScore, before.averageScore, w)}`,
    ),
    field(
      w.requests,
      `${n(now.feedbackRequests)}${change(now.feedbackRequests, before.feedbackRequests, w)}`,
    ),
    field(
      w.replies,
      `${n(now.mentoringReplies)}${change(now.mentoringReplies, before.mentoringReplies, w)}${now.helpful > 0 ? `, ${w.helpful(now.helpful)}` : ""}`,
    ),
  ];
}

/** "<@U1>, <@U2> and 3 more teammates": names only of mentors who opted in, by id. */
function mentorsLine(a: ChannelActivity, w: Words): string {
  const named = a.namedMentors.slice(0, MAX_NAMED_MENTORS).map(mention);
  const others = a.mentors - named.length;
  if (named.length === 0) return w.teammates(others);
  if (others === 0) {
    return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(", ")} ${w.and} ${named.at(-1)}`;
  }
  return `${named.join(", ")} ${w.more(others)}`;
}

/**
 * The weekly channel digest: the week's numbers and their change, the trend, what came up most
 * with the guidance behind it and one question, and thanks. Counts only: never a ranking, never
 * draft text, never a name without consent.
 */
export function digestMessage(input: DigestInput): { text: string; blocks: types.KnownBlock[] } {
  const { activity: a, lang, wrapUp } = input;
  const w = WORDS[lang];
  // The last instant inside the period names its last day.
  const range = dayRange(w.locale, input.tz).formatRange(
    new Date(input.period.start),
    new Date(Math.max(input.period.start, input.period.end - 1)),
  );
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: w.header } },
    { type: "context", elements: [{ type: "mrkdwn", text: escapeText(w.period(range, wrapUp)) }] },
  ];
  const quiet =
    a.current.checks === 0 && a.current.feedbackRequests === 0 && a.current.mentoringReplies === 0;
  if (quiet) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: w.quiet } });
  } else {
    blocks.push(
      { type: "section", fields: numbers(a.current, a.previous, w) },
      { type: "context", elements: [{ type: "mrkdwn", text: w.versus(wrapUp) }] },
    );
  }
  const trend = a.trend;
  if (trend.some((t) => t.checks > 0)) {
    const most = Math.max(...trend.map((t) => t.checks));
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: w.trend(
            sparkline(
              trend.map((t) => (t.checks === 0 ? null : t.checks)),
              most,
            ),
            sparkline(trend.map((t) => t.averageScore)),
          ),
        },
      ],
    });
  }
  const top = a.findings.find((f) => RULES_BY_ID.has(f.rule));
  if (top) {
    const rule = RULES_BY_ID.get(top.rule)!;
    const text = rule.texts[lang].default ?? rule.texts.en.default;
    if (text) {
      blocks.push({
        type: "section",
        text: {
          type: "mrkdwn",
          text: `${w.top(top.count, a.current.checks)}\n${escapeText(text.message)}\n> ${escapeText(text.suggestion)}`,
        },
      });
    }
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `${w.question} ${CHANNEL_QUESTIONS[lang][rule.dimension]}` },
    });
  }
  if (a.mentors > 0) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: w.thanks(mentorsLine(a, w), a.current.mentoringReplies) },
    });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: w.footer }] });
  const text = quiet ? w.quietSummary : w.summary(a.current.checks, a.current.people, wrapUp);
  return { text, blocks };
}

/** The digest as plain text, for `postcheck digest --dry-run`. */
export function digestPlain(message: { blocks: types.KnownBlock[] }): string {
  return message.blocks
    .map((b) => {
      if (b.type === "header") return (b as types.HeaderBlock).text.text;
      if (b.type === "section") {
        const s = b as types.SectionBlock;
        return [s.text?.text, ...(s.fields ?? []).map((f) => f.text.replace("\n", ": "))]
          .filter(Boolean)
          .join("\n");
      }
      if (b.type === "context")
        return (b as { elements: { text?: string }[] }).elements.map((e) => e.text ?? "").join(" ");
      return "";
    })
    .filter(Boolean)
    .join("\n");
}
