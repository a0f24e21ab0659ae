import type { webApi } from "@slack/bolt";
import type { Services } from "../services.js";
import { plural, pluriel } from "../slack/plural.js";
import type { PrivacySummary, UserSettings } from "../store/index.js";

export const FORGET_ACTION = "privacy_forget_confirmed";

type Lang = "en" | "fr";

/** /postcheck privacy, in each language: every line counted from the database's own rows. */
const PRIVACY: Record<Lang, (n: PrivacySummary, settings: UserSettings, retentionDays: number) => string[]> =
  {
    en: (n, settings, retentionDays) => [
      "*What postcoach stores about you*",
      `• ${plural(n.checks, "checked draft", "checked drafts")}: when, where (channel id), the score and its dimensions, the language, the platform, which rules noticed something, and a one-way hash of the draft so a draft checked twice counts once.`,
      settings.storeDrafts
        ? n.draftsStored > 0
          ? `• The text of ${plural(n.draftsStored, "draft", "drafts")} you checked, because you opted in. Untick “Keep my draft text” in the App Home to delete ${n.draftsStored === 1 ? "it" : "them"}.`
          : "• The text of the drafts you check from now on, because you opted in (none yet). Untick “Keep my draft text” in the App Home to stop."
        : n.draftsStored > 0
          ? `• The text of ${plural(n.draftsStored, "earlier draft", "earlier drafts")}: \`/postcheck forget\` deletes ${n.draftsStored === 1 ? "it" : "them"} with the rest.`
          : "• Not the text of your drafts (you can opt in from the App Home to keep your own history).",
      ...(n.buttonDrafts > 0
        ? [
            `• ${plural(n.buttonDrafts, "long draft", "long drafts")} kept for the buttons under ${n.buttonDrafts === 1 ? "its" : "their"} reply, deleted an hour after it.`,
          ]
        : []),
      ...(n.pendingReplies > 0
        ? [
            `• ${plural(n.pendingReplies, "draft", "drafts")} waiting for ${n.pendingReplies === 1 ? "its" : "their"} reply, deleted once it is sent.`,
          ]
        : []),
      `• ${plural(n.feedbackRequests, "feedback request", "feedback requests")} you posted (channel and message, not a copy of the text) and ${plural(n.mentoringReplies, "mentoring reply", "mentoring replies")} you gave (when, and whether the author found it helpful).`,
      ...(n.digestsSetUp > 0
        ? [`• That you turned on the weekly digest in ${plural(n.digestsSetUp, "channel", "channels")}.`]
        : []),
      `• Your settings: time zone${settings.tz ? ` (${settings.tz})` : ""} from your Slack profile for your weekly streaks, language ${settings.language}, platform ${settings.platform}, digest name ${settings.showInDigest ? "shown" : "hidden"}.`,
      `Everything older than ${retentionDays} days is deleted daily. With an AI coach configured, drafts are sent to it with e-mails, phone numbers, card numbers and Slack ids removed, and only its questions are cached (24 h).`,
      "`/postcheck export` sends you all of it as a file; `/postcheck forget` deletes all of it.",
    ],
    fr: (n, settings, retentionDays) => [
      "*Ce que postcoach garde de vous*",
      `• ${pluriel(n.checks, "brouillon vérifié", "brouillons vérifiés")} : quand, où (identifiant du canal), le score et ses dimensions, la langue, la plateforme, les règles qui ont relevé quelque chose, et une empreinte à sens unique du brouillon pour qu'un brouillon vérifié deux fois compte une fois.`,
      settings.storeDrafts
        ? n.draftsStored > 0
          ? `• Le texte de vos brouillons (${pluriel(n.draftsStored, "gardé", "gardés")}), parce que vous l'avez choisi. Décochez « Keep my draft text » dans l'onglet Accueil pour ${n.draftsStored === 1 ? "l'effacer" : "les effacer"}.`
          : "• Le texte des brouillons que vous vérifierez, parce que vous l'avez choisi (aucun pour l'instant). Décochez « Keep my draft text » dans l'onglet Accueil pour arrêter."
        : n.draftsStored > 0
          ? `• Le texte de brouillons plus anciens (${pluriel(n.draftsStored, "gardé", "gardés")}) : \`/postcheck oublier\` ${n.draftsStored === 1 ? "l'efface" : "les efface"} avec le reste.`
          : "• Pas le texte de vos brouillons (vous pouvez le choisir dans l'onglet Accueil pour garder votre historique).",
      ...(n.buttonDrafts > 0
        ? [
            `• ${pluriel(n.buttonDrafts, "long brouillon", "longs brouillons")} gardé${n.buttonDrafts === 1 ? "" : "s"} pour les boutons de ${n.buttonDrafts === 1 ? "sa" : "leur"} réponse, effacé${n.buttonDrafts === 1 ? "" : "s"} une heure après.`,
          ]
        : []),
      ...(n.pendingReplies > 0
        ? [
            `• ${pluriel(n.pendingReplies, "brouillon", "brouillons")} en attente de ${n.pendingReplies === 1 ? "sa" : "leur"} réponse, effacé${n.pendingReplies === 1 ? "" : "s"} dès qu'elle est envoyée.`,
          ]
        : []),
      `• ${pluriel(n.feedbackRequests, "demande", "demandes")} de relecture que vous avez publiée${n.feedbackRequests <= 1 ? "" : "s"} (canal et message, pas une copie du texte) et ${pluriel(n.mentoringReplies, "réponse", "réponses")} de mentor que vous avez donnée${n.mentoringReplies <= 1 ? "" : "s"} (quand, et si l'auteur l'a trouvée utile).`,
      ...(n.digestsSetUp > 0
        ? [`• Que vous avez activé le bilan hebdomadaire dans ${pluriel(n.digestsSetUp, "canal", "canaux")}.`]
        : []),
      `• Vos réglages : fuseau horaire${settings.tz ? ` (${settings.tz})` : ""} tiré de votre profil Slack pour vos séries hebdomadaires, langue ${settings.language}, plateforme ${settings.platform}, nom dans le bilan ${settings.showInDigest ? "affiché" : "masqué"}.`,
      `Tout ce qui a plus de ${retentionDays} jours est effacé chaque jour. Avec un coach IA configuré, les brouillons lui sont envoyés sans e-mails, numéros de téléphone, numéros de carte ni identifiants Slack, et seules ses questions sont gardées en cache (24 h).`,
      "`/postcheck exporter` vous envoie tout en fichier ; `/postcheck oublier` efface tout.",
    ],
  };

/** What postcoach stores about a user, said plainly (/postcheck privacy), from their settings. */
export async function privacyText(
  services: Services,
  teamId: string,
  userId: string,
  settings: UserSettings,
  lang: Lang,
): Promise<string> {
  const summary = await services.store.privacy.summary(teamId, userId);
  return PRIVACY[lang](summary, settings, services.retentionDays).join("\n");
}

/** Sends the user a JSON file of everything stored about them, in their DM with the bot. */
export async function exportToDm(
  services: Services,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
): Promise<void> {
  const data = await services.store.privacy.export(teamId, userId);
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error("no DM channel");
  await client.filesUploadV2({
    channel_id: channel,
    filename: `postcoach-data-${userId}.json`,
    title: "Everything postcoach stores about you",
    content: JSON.stringify(
      { exportedAt: new Date(services.now()).toISOString(), teamId, userId, ...data },
      null,
      2,
    ),
    initial_comment: "Here is everything postcoach stores about you.",
  });
}

/** The other privacy answers, in each language. */
export const PRIVACY_REPLIES: Record<
  Lang,
  {
    exported: string;
    failed: string;
    ask: string;
    askDetail: string;
    confirm: string;
    deleted: string;
    notDeleted: string;
  }
> = {
  en: {
    exported: "Sent: the file is in your direct messages with me.",
    failed: "That didn't work just now, and nothing changed. Please try again in a moment.",
    ask: "Delete everything postcoach stores about you?",
    askDetail:
      "This deletes your checks, streaks, settings and feedback requests for good. Replies teammates gave you stay theirs, no longer linked to you.",
    confirm: "Delete everything",
    deleted: "Done: everything postcoach stored about you is deleted.",
    notDeleted:
      "I couldn't delete your data just now. Nothing was half-deleted; please try again in a moment.",
  },
  fr: {
    exported: "Envoyé : le fichier est dans vos messages directs avec moi.",
    failed: "Ça n'a pas marché à l'instant, et rien n'a changé. Réessayez dans un moment.",
    ask: "Effacer tout ce que postcoach garde de vous ?",
    askDetail:
      "Vos vérifications, séries, réglages et demandes de relecture seront effacés pour de bon. Les réponses que des collègues vous ont données restent les leurs, sans lien avec vous.",
    confirm: "Tout effacer",
    deleted: "C'est fait : tout ce que postcoach gardait de vous est effacé.",
    notDeleted:
      "Je n'ai pas pu effacer vos données à l'instant. Rien n'a été effacé à moitié ; réessayez dans un moment.",
  },
};

/** The forget button's value: the language its answer is given in ("forget", "forget:fr"). */
export function forgetLanguage(value: string | undefined): Lang {
  return value === "forget:fr" ? "fr" : "en";
}

export function forgetPrompt(lang: Lang = "en") {
  const t = PRIVACY_REPLIES[lang];
  return {
    response_type: "ephemeral" as const,
    text: t.ask,
    blocks: [
      { type: "section" as const, text: { type: "mrkdwn" as const, text: t.askDetail } },
      {
        type: "actions" as const,
        elements: [
          {
            type: "button" as const,
            action_id: FORGET_ACTION,
            style: "danger" as const,
            text: { type: "plain_text" as const, text: t.confirm },
            value: lang === "fr" ? "forget:fr" : "forget",
          },
        ],
      },
    ],
  };
}
