import { createHash, createHmac } from "node:crypto";
import type { CoachResult, Lang } from "../coach/index.js";
import type { NewCheck, Store, UserSettings } from "../store/index.js";
import { computeStreak, type Streak, streakMilestone } from "./streaks.js";
import { weekOf, weekStartAt } from "./weeks.js";

/** A draft this short is a test, not a post: it is recorded but does not count for a streak. */
export const MIN_COUNTED_CHARS = 40;
export const MIN_COUNTED_WORDS = 6;
const DAY_MS = 86_400_000;

/**
 * The same draft, whatever its spacing or case, hashes the same: it counts once. Keyed with a
 * server secret (HMAC), so that a copy of the database alone can't confirm a guessed draft
 * ("I'm leaving Acme"): a plain hash can be checked against any text one cares to try.
 */
export function draftHash(draft: string, key?: Uint8Array): string {
  const normalized = draft.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return (key ? createHmac("sha256", key) : createHash("sha256")).update(normalized).digest("hex");
}

/** The key of draft hashes, from the first server secret configured (none of them is in the database). */
export function draftHashKey(secrets: readonly (string | undefined)[]): Uint8Array | undefined {
  const secret = secrets.find((s) => s !== undefined && s !== "");
  return secret === undefined
    ? undefined
    : createHash("sha256").update("postcoach draft hash\0").update(secret).digest();
}

export function countsForStreak(draft: string): boolean {
  const t = draft.trim();
  return t.length >= MIN_COUNTED_CHARS && t.split(/\s+/).length >= MIN_COUNTED_WORDS;
}

export type Role = "mentee" | "mentor";

export async function streakOf(
  store: Store,
  teamId: string,
  userId: string,
  role: Role,
  now: number,
): Promise<Streak> {
  const [activity, zones, serviceDays] = await Promise.all([
    role === "mentee" ? store.checks.activity(teamId, userId) : store.mentoring.activity(teamId, userId),
    store.users.zones(teamId, userId),
    store.schedules.serviceDays(),
  ]);
  return computeStreak({ activity, zones, now, serviceDays });
}

const MILESTONES: Record<
  Lang,
  { firstCheck: string; firstMentoring: string; mentee: (n: number) => string; mentor: (n: number) => string }
> = {
  en: {
    firstCheck: "Your first draft checked: your streak starts this week. Never too old to be mentored.",
    firstMentoring: "Your first mentoring reply: never too young to be a mentor. Thank you.",
    mentee: (n) => `${n} weeks in a row of looking at your drafts through your readers' eyes. It shows.`,
    mentor: (n) => `${n} weeks in a row helping teammates with their posts. Thank you for that.`,
  },
  fr: {
    firstCheck:
      "Votre premier brouillon vérifié : votre série commence cette semaine. On n'est jamais trop vieux pour être mentoré.",
    firstMentoring: "Votre premier retour de mentor : on n'est jamais trop jeune pour être mentor. Merci.",
    mentee: (n) =>
      `${n} semaines d'affilée à relire vos brouillons avec les yeux de vos lecteurs. Ça se voit.`,
    mentor: (n) => `${n} semaines d'affilée à aider vos collègues sur leurs posts. Merci pour cela.`,
  },
};

export interface CheckInput {
  teamId: string;
  userId: string;
  channelId?: string;
  draft: string;
  result: CoachResult;
  surface: NewCheck["surface"];
  growth?: { scoreDelta: number };
  now: number;
  /** The user's settings, when the caller has just read them. */
  settings?: UserSettings;
  /** Keys the draft's hash (see draftHash). */
  draftKey?: Uint8Array;
}

/**
 * Records a check (no draft text unless the user opted in) and says which milestone, if any, it
 * reached. A storage failure never stops the coaching: the caller logs it and goes on.
 */
export async function recordCheck(store: Store, input: CheckInput): Promise<string | undefined> {
  const { teamId, userId, draft, result, now } = input;
  const counts = countsForStreak(draft);
  const [settings, weekStart] = await Promise.all([
    input.settings ?? store.users.get(teamId, userId),
    currentWeekStart(store, teamId, userId, now),
  ]);
  const { any: hadAny, countedSince: hadThisWeek } = await store.checks.history(teamId, userId, weekStart);
  await store.checks.record({
    teamId,
    userId,
    channelId: input.channelId,
    at: now,
    score: result.score,
    dimensions: result.dimensions,
    language: result.language,
    platform: result.platform,
    surface: input.surface,
    draftHash: draftHash(draft, input.draftKey),
    counts,
    growth: input.growth !== undefined && input.growth.scoreDelta > 0,
    scoreDelta: input.growth?.scoreDelta,
    findings: result.findings.map((f) => f.rule),
    draftText: settings.storeDrafts ? draft : undefined,
  });
  const m = MILESTONES[result.language];
  if (!hadAny) return m.firstCheck;
  // A streak milestone can only be reached by the week's first counted check: only then is the
  // streak computed, so a busy user's checks stay cheap to record.
  if (hadThisWeek || !counts) return undefined;
  const n = weekMilestone(await streakOf(store, teamId, userId, "mentee", now));
  return n ? m.mentee(n) : undefined;
}

/** Monday 00:00 of the current week in the user's present time zone. */
async function currentWeekStart(store: Store, teamId: string, userId: string, now: number): Promise<number> {
  const zones = await store.users.zones(teamId, userId);
  const tz = zones.filter((z) => z.from <= now).at(-1)?.tz ?? "UTC";
  return weekStartAt(now, tz);
}

/** The milestone a streak reaches with this week's first activity. */
function weekMilestone(after: Streak): number | undefined {
  return streakMilestone({ ...after, activeThisWeek: false }, after);
}

/** Records a teammate's reply to a feedback request; the milestone message for the mentor, if any. */
export async function recordMentoring(
  store: Store,
  input: { teamId: string; requestId: number; mentorId: string; replyTs: string; now: number; lang: Lang },
): Promise<{ recorded: boolean; milestone?: string }> {
  const { teamId, mentorId, now } = input;
  const weekStart = await currentWeekStart(store, teamId, mentorId, now);
  const [hadAny, hadThisWeek] = await Promise.all([
    store.mentoring.activeSince(teamId, mentorId, 0),
    store.mentoring.activeSince(teamId, mentorId, weekStart),
  ]);
  const recorded = await store.mentoring.recordReply(teamId, input.requestId, mentorId, input.replyTs, now);
  if (!recorded) return { recorded };
  const m = MILESTONES[input.lang];
  if (!hadAny) return { recorded, milestone: m.firstMentoring };
  if (hadThisWeek) return { recorded };
  const n = weekMilestone(await streakOf(store, teamId, mentorId, "mentor", now));
  return { recorded, milestone: n ? m.mentor(n) : undefined };
}

export interface HomeData {
  mentee: Streak;
  mentor: Streak;
  helpful: number;
  checks: number;
  /** Average score per week, oldest first, for the last 8 weeks (null: no check that week). */
  trend: (number | null)[];
  /** The findings that come back most often over the last 8 weeks. */
  topFindings: { rule: string; count: number }[];
  /** Recent revisions that raised the score. */
  growth: { at: number; delta: number }[];
}

export const TREND_WEEKS = 8;

export async function homeData(store: Store, teamId: string, userId: string, now: number): Promise<HomeData> {
  const zones = await store.users.zones(teamId, userId);
  const tz = zones.at(-1)?.tz ?? "UTC";
  const thisWeek = weekOf(now, tz);
  const from = now - (TREND_WEEKS * 7 + 1) * DAY_MS;
  const [mentee, mentor, helpful, checks, recent] = await Promise.all([
    streakOf(store, teamId, userId, "mentee", now),
    streakOf(store, teamId, userId, "mentor", now),
    store.mentoring.helpful(teamId, userId),
    store.checks.count(teamId, userId),
    store.checks.since(teamId, userId, from),
  ]);
  const sums = new Array<number>(TREND_WEEKS).fill(0);
  const counts = new Array<number>(TREND_WEEKS).fill(0);
  const findings = new Map<string, number>();
  const growth: { at: number; delta: number }[] = [];
  for (const c of recent) {
    const index = TREND_WEEKS - 1 - (thisWeek - weekOf(c.at, tz)) / 7;
    if (index >= 0 && index < TREND_WEEKS) {
      sums[index]! += c.score;
      counts[index]!++;
    }
    for (const rule of c.findings) findings.set(rule, (findings.get(rule) ?? 0) + 1);
    if (c.growth && c.scoreDelta) growth.push({ at: c.at, delta: c.scoreDelta });
  }
  return {
    mentee,
    mentor,
    helpful,
    checks,
    trend: sums.map((s, i) => (counts[i] ? Math.round(s / counts[i]!) : null)),
    topFindings: [...findings]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([rule, count]) => ({ rule, count })),
    growth: growth.slice(-3).reverse(),
  };
}
