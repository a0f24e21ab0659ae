import type { webApi } from "@slack/bolt";
import { z } from "zod";
import type { Lang } from "../coach/index.js";
import { DEFAULT_DIGEST_TIME, type DigestTime, nextSlot, type Weekday } from "../digest/calendar.js";
import { isValidTimeZone } from "../mentoring/weeks.js";
import type { Services } from "../services.js";
import { DIGEST_SETTINGS_WORDS, type DigestProblem, digestProblemText } from "../slack/digest-settings.js";
import { homeLang } from "../slack/home.js";
import type { DigestLanguage, DigestSchedule } from "../store/index.js";
import type { SlashCommand } from "./payloads.js";

/** What `/postcheck digest …` asks for. */
export type DigestRequest =
  | { kind: "status" }
  | { kind: "off" }
  | { kind: "on"; weekday?: Weekday; minute?: number; tz?: string; language?: DigestLanguage }
  | { kind: "invalid"; problem: DigestProblem };

// biome-ignore format: a table reads better in rows
const WEEKDAYS: Record<string, Weekday> = {
  monday: 1, mon: 1, lundi: 1, lun: 1,
  tuesday: 2, tue: 2, tues: 2, mardi: 2, mar: 2,
  wednesday: 3, wed: 3, mercredi: 3, mer: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, jeudi: 4, jeu: 4,
  friday: 5, fri: 5, vendredi: 5, ven: 5,
  saturday: 6, sat: 6, samedi: 6, sam: 6,
  sunday: 7, sun: 7, dimanche: 7, dim: 7,
};

// biome-ignore format: a table reads better in rows
const LANGUAGES: Record<string, DigestLanguage> = {
  en: "en", english: "en", anglais: "en",
  fr: "fr", french: "fr", "français": "fr", francais: "fr",
  auto: "auto",
};

/** Words that read naturally in the command and mean nothing more. */
const FILLERS = new Set(["at", "à", "every", "each", "chaque", "le", "les", "in"]);

const weekdayArg = z
  .string()
  .transform((w): number | undefined => WEEKDAYS[w] ?? WEEKDAYS[w.replace(/s$/, "")])
  .pipe(z.number().int().min(1).max(7))
  .transform((weekday) => ({ weekday: weekday as Weekday }));

const timeArg = z
  .string()
  .regex(/^\d{1,2}(?:[:.h]\d{0,2})?(?:am|pm)?$/)
  .transform((t, ctx) => {
    const [, h, m, half] = /^(\d{1,2})(?:[:.h](\d{2})?)?(am|pm)?$/.exec(t) ?? [];
    const minute = m === undefined ? 0 : Number(m);
    const valid = half ? Number(h) >= 1 && Number(h) <= 12 : Number(h) <= 23;
    const hour = half ? (Number(h) % 12) + (half === "pm" ? 12 : 0) : Number(h);
    if (h === undefined || !valid || minute > 59) {
      ctx.addIssue({ code: "custom", message: "time", params: { word: t } });
      return z.NEVER;
    }
    return { minute: hour * 60 + minute };
  });

const languageArg = z
  .string()
  .transform((w) => LANGUAGES[w])
  .pipe(z.enum(["auto", "en", "fr"]))
  .transform((language) => ({ language }));

const zoneArg = z
  .string()
  .regex(/^(?:[a-z_+-]+(?:\/[a-z0-9_+-]+)+|utc|gmt|etc\/[a-z0-9+-]+)$/i)
  .transform((tz, ctx) => {
    if (!isValidTimeZone(tz)) {
      ctx.addIssue({ code: "custom", message: "zone", params: { word: tz } });
      return z.NEVER;
    }
    // Intl gives the canonical spelling ("europe/paris" → "Europe/Paris").
    return { tz: new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone };
  });

/** One word of `digest on …`: a day, a time, a language or a time zone. */
const digestArg = z.union([weekdayArg, timeArg, languageArg, zoneArg]);

/** The words after `digest` (Slack's text, already past `/postcheck`). */
export function parseDigestRequest(args: string): DigestRequest {
  // "9 am" is one time, not two words.
  const words = args
    .trim()
    .replace(/(\d)\s+(am|pm)\b/gi, "$1$2")
    .split(/\s+/)
    .filter(Boolean);
  const first = words.shift()?.toLowerCase();
  if (first === undefined || first === "status")
    return words.length === 0 ? { kind: "status" } : unknown(words[0]!);
  if (first === "off") return words.length === 0 ? { kind: "off" } : unknown(words[0]!);
  if (first !== "on") return unknown(first);
  const request: Extract<DigestRequest, { kind: "on" }> = { kind: "on" };
  for (const word of words) {
    const lower = word.toLowerCase();
    if (FILLERS.has(lower)) continue;
    const parsed = digestArg.safeParse(/\//.test(word) ? word : lower);
    if (!parsed.success) {
      const custom = parsed.error.issues
        .flatMap((i) => ("errors" in i ? (i.errors as z.core.$ZodIssue[][]).flat() : [i]))
        .find((i) => i.code === "custom");
      return custom
        ? {
            kind: "invalid",
            problem: { kind: custom.message as "time" | "zone", word: String(custom.params?.word) },
          }
        : unknown(word);
    }
    const given: OnFields = parsed.data;
    for (const name of Object.keys(given) as (keyof OnFields)[]) {
      if (request[name] !== undefined) return { kind: "invalid", problem: { kind: "twice", field: name } };
    }
    Object.assign(request, given);
  }
  return request;
}

type OnFields = Omit<Extract<DigestRequest, { kind: "on" }>, "kind">;

function unknown(word: string): DigestRequest {
  return { kind: "invalid", problem: { kind: "unknown", word } };
}

type Respond = (msg: { response_type: "ephemeral"; text: string }) => Promise<unknown>;

/** `/postcheck digest [on [day] [time] [zone] [language] | off | status]` in a channel. */
export async function digestSettingsCommand(
  services: Services,
  command: Pick<z.infer<typeof SlashCommand>, "team_id" | "channel_id" | "user_id">,
  request: DigestRequest,
  client: webApi.WebClient,
  respond: Respond,
): Promise<void> {
  const say = (text: string) => respond({ response_type: "ephemeral", text });
  const { team_id: teamId, channel_id: channelId, user_id: userId } = command;
  const w = DIGEST_SETTINGS_WORDS[await askersLanguage(services, teamId, userId)];
  if (request.kind === "invalid") {
    await say(digestProblemText(w, request.problem));
    return;
  }
  if (channelId.startsWith("D")) {
    await say(w.channelsOnly);
    return;
  }
  const schedules = services.store.digestSchedules;
  try {
    const current = await schedules.get(teamId, channelId);
    if (request.kind === "status") {
      await say(current?.enabled ? w.status(w.when(current), w.language[current.language]) : w.none);
      return;
    }
    if (request.kind === "off") {
      const was = await schedules.disable(teamId, channelId, userId, services.now());
      await say(was ? w.off : w.wasOff);
      return;
    }
    // What isn't given stays as it was; a new digest starts on Monday 09:00 in the asker's zone.
    const base = current?.enabled ? current : undefined;
    let tz = request.tz ?? base?.tz;
    let zoneNote = "";
    if (!tz) {
      const own = await slackTimeZone(services, client, teamId, userId);
      tz = own ?? "UTC";
      zoneNote = own ? w.ownZone : w.noZone;
    }
    const time: DigestTime = {
      weekday: request.weekday ?? base?.weekday ?? DEFAULT_DIGEST_TIME.weekday,
      minute: request.minute ?? base?.minute ?? DEFAULT_DIGEST_TIME.minute,
      tz,
    };
    const language = request.language ?? base?.language ?? "auto";
    const now = services.now();
    const schedule: Omit<DigestSchedule, "enabled"> = {
      teamId,
      channelId,
      ...time,
      language,
      nextSlotAt: nextSlot(now, time),
    };
    await schedules.set(schedule, userId, now);
    // From Friday on, the digest wraps up the week so far (digestPeriods).
    await say(w.on(w.when(time, zoneNote), w.covers(time.weekday >= 5), w.language[language]));
  } catch (err) {
    services.logger.error("could not save the digest setting:", err);
    await say(w.failed);
  }
}

/** The replies' language: the asker's App Home choice (English when it can't be read). */
async function askersLanguage(services: Services, teamId: string, userId: string): Promise<Lang> {
  try {
    return homeLang(await services.store.users.get(teamId, userId));
  } catch {
    return "en";
  }
}

/** The asker's time zone as Slack knows it (users.info), or undefined. */
async function slackTimeZone(
  services: Services,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
): Promise<string | undefined> {
  try {
    const tz = (await client.users.info({ user: userId })).user?.tz;
    if (tz && isValidTimeZone(tz)) return tz;
  } catch (err) {
    services.logger.debug(`users.info failed for the digest's time zone: ${(err as Error).message}`);
  }
  const known = (await services.store.users.get(teamId, userId)).tz;
  return known && isValidTimeZone(known) ? known : undefined;
}
