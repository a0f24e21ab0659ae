import type { Lang } from "../coach/index.js";
import type { DigestTime } from "../digest/calendar.js";
import type { DigestLanguage } from "../store/index.js";
import { escapeText } from "./mrkdwn.js";

/** A setting given twice in one command. */
type Twice = "weekday" | "minute" | "tz" | "language";

/** What `/postcheck digest on …` could not read: told in the asker's language. */
export type DigestProblem =
  | { kind: "time"; word: string }
  | { kind: "zone"; word: string }
  | { kind: "twice"; field: Twice }
  | { kind: "unknown"; word: string };

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** A word the asker typed, quoted back: escaped and cut, since a forged request could make it anything. */
const quoted = (word: string) => escapeText(word.slice(0, 40));

const EN_EXAMPLE = "`/postcheck digest on monday 9:00 Europe/Paris`";
const FR_EXAMPLE = "`/postcheck digest on lundi 9:00 Europe/Paris`";

/**
 * The replies of `/postcheck digest` (the channel's digest settings), in both languages: French
 * for those who chose French in the App Home. The digest itself follows the channel's language
 * (digest.ts).
 */
const EN = {
  /** What could not be read, each with an example; then that nothing changed. */
  problems: {
    time: (word: string) => `“${word}” isn't a time of day: write it like 9:00, 09:30, 17h or 5pm.`,
    zone: (word: string) =>
      `“${word}” isn't a time zone I know. Use an IANA name such as Europe/Paris, America/New_York or Asia/Tokyo.`,
    twice: {
      weekday: "You gave two days: pick one.",
      minute: "You gave two times: pick one.",
      tz: "You gave two time zones: pick one.",
      language: "You gave two languages: pick one.",
    } satisfies Record<Twice, string>,
    unknown: (word: string) =>
      `I didn't understand “${word}”. The day, time and time zone are optional: ${EN_EXAMPLE}, or \`/postcheck digest off\`.`,
    example: `For example: ${EN_EXAMPLE}.`,
    nothingChanged: "Nothing changed.",
  },
  channelsOnly: "The weekly digest is for channels: run it in the channel you want to change.",
  /** "every Monday at 09:00 (Europe/Paris)", with `note` inside the brackets. */
  when: (time: DigestTime, note = "") =>
    `every ${["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][time.weekday - 1]} at ${clock(time.minute)} (${time.tz}${note})`,
  language: {
    auto: "in the language most drafts here are written in",
    en: "in English",
    fr: "in French",
  } satisfies Record<DigestLanguage, string>,
  status: (when: string, language: string) =>
    `This channel gets the postcoach digest ${when}, ${language}. Change it with ${EN_EXAMPLE}, stop it with \`/postcheck digest off\`.`,
  none: `No weekly digest here yet. \`/postcheck digest on\` turns it on for Monday 09:00 in your time zone; pick another time like ${EN_EXAMPLE}.`,
  off: "Done: no more weekly digest in this channel.",
  wasOff: "This channel had no weekly digest: nothing changed.",
  ownZone: ", your Slack time zone",
  noZone: "; I couldn't read your Slack time zone, add yours like `/postcheck digest on Europe/Paris`",
  covers: (wrapUp: boolean): string =>
    wrapUp ? "wrapping up the week so far" : "looking back at the week before",
  on: (when: string, covers: string, language: string) =>
    `Done: this channel gets a short postcoach digest ${when}, ${covers}, ${language}. Counts only, never a draft or a ranking. Invite me here if I'm not in yet (\`/invite @postcoach\`); \`/postcheck digest off\` stops it.`,
  failed: "I couldn't save that setting just now, nothing changed. Please try again in a moment.",
};

const FR: typeof EN = {
  problems: {
    time: (word: string) => `« ${word} » n'est pas une heure : écrivez-la comme 9:00, 09:30, 17h ou 5pm.`,
    zone: (word: string) =>
      `Je ne connais pas le fuseau horaire « ${word} ». Utilisez un nom IANA comme Europe/Paris, America/New_York ou Asia/Tokyo.`,
    twice: {
      weekday: "Vous avez donné deux jours : gardez-en un.",
      minute: "Vous avez donné deux heures : gardez-en une.",
      tz: "Vous avez donné deux fuseaux horaires : gardez-en un.",
      language: "Vous avez donné deux langues : gardez-en une.",
    },
    unknown: (word: string) =>
      `Je n'ai pas compris « ${word} ». Le jour, l'heure et le fuseau sont facultatifs : ${FR_EXAMPLE}, ou \`/postcheck digest off\`.`,
    example: `Par exemple : ${FR_EXAMPLE}.`,
    nothingChanged: "Rien n'a changé.",
  },
  channelsOnly: "Le bilan hebdomadaire est fait pour les canaux : lancez la commande dans le canal à régler.",
  when: (time: DigestTime, note = "") =>
    `chaque ${["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][time.weekday - 1]} à ${clock(time.minute)} (${time.tz}${note})`,
  language: {
    auto: "dans la langue de la plupart des brouillons d'ici",
    en: "en anglais",
    fr: "en français",
  },
  status: (when: string, language: string) =>
    `Ce canal reçoit le bilan postcoach ${when}, ${language}. Changez-le avec ${FR_EXAMPLE}, arrêtez-le avec \`/postcheck digest off\`.`,
  none: `Pas encore de bilan hebdomadaire ici. \`/postcheck digest on\` l'active le lundi à 09:00 dans votre fuseau ; choisissez un autre moment comme ${FR_EXAMPLE}.`,
  off: "C'est fait : plus de bilan hebdomadaire dans ce canal.",
  wasOff: "Ce canal n'avait pas de bilan hebdomadaire : rien n'a changé.",
  ownZone: ", votre fuseau Slack",
  noZone:
    " ; je n'ai pas pu lire votre fuseau Slack, ajoutez le vôtre comme `/postcheck digest on Europe/Paris`",
  covers: (wrapUp: boolean) => (wrapUp ? "sur la semaine en cours" : "sur la semaine précédente"),
  on: (when: string, covers: string, language: string) =>
    `C'est fait : ce canal recevra un court bilan postcoach ${when}, ${covers}, ${language}. Des totaux seulement, jamais un brouillon ni un classement. Invitez-moi ici si je n'y suis pas encore (\`/invite @postcoach\`) ; \`/postcheck digest off\` l'arrête.`,
  failed: "Je n'ai pas pu enregistrer ce réglage, rien n'a changé. Réessayez dans un instant.",
};

export const DIGEST_SETTINGS_WORDS: Record<Lang, typeof EN> = { en: EN, fr: FR };

/** Says what `/postcheck digest on …` could not read, in the words of one language. */
export function digestProblemText(w: typeof EN, problem: DigestProblem): string {
  const p = w.problems;
  const told =
    problem.kind === "twice"
      ? `${p.twice[problem.field]} ${p.example}`
      : problem.kind === "unknown"
        ? p.unknown(quoted(problem.word))
        : `${p[problem.kind](quoted(problem.word))} ${p.example}`;
  return `${told} ${p.nothingChanged}`;
}
