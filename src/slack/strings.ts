import type { Lang } from "../coach/index.js";
import { escapeText } from "./mrkdwn.js";

/** A user mention from a Slack id; anything that is not an id is shown as text. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}

/** The Slack surfaces' own words, in both languages. */
const EN = {
  score: "Score",
  findingsTitle: "What a reader may notice",
  questionsTitle: "Questions to ask yourself",
  revise: "Check a revised draft",
  why: "Why these questions?",
  askTeammate: "Ask a teammate for feedback",
  confirmTitle: "Share your draft?",
  confirmText: "Your draft will be posted in this channel so a teammate can give you feedback in the thread.",
  confirmYes: "Post it",
  confirmNo: "Not now",
  reviseTitle: "Revise your draft",
  reviseLabel: "Your revised draft",
  reviseSubmit: "Check it",
  close: "Close",
  whyTitle: "Why these questions",
  whyIntro:
    "postcoach reads your draft the way a reader might. Each question comes from something it noticed, and from one idea: think about your audience, be authentic, be vulnerable without oversharing.",
  whyNone: "Nothing stood out: the questions look at the dimensions where your draft can still grow.",
  resultTitle: "Your revision",
  delta: (before: number, after: number) => {
    const d = after - before;
    return `Score ${before} → *${after}* (${d > 0 ? `+${d}` : d === 0 ? "no change" : d})`;
  },
  resolved: "No longer there",
  stillThere: "Still there",
  nothingResolved: "The same things still stand out.",
  expired: "That draft is no longer in my memory (it is kept an hour at most). Run /postcheck again with it.",
  unreadableButton: "I couldn't read that button, so nothing happened. Run /postcheck again with your draft.",
  reviseLost:
    "This box lost track of your first version, so I can't compare. Close it and press “Check a revised draft” again.",
  feedbackRequest: (user: string) => `${mention(user)} would like feedback on a draft:`,
  feedbackHint:
    "Reply in this thread with one thing a reader would notice. Kind and concrete beats long. The author can react to the reply that helped.",
  feedbackPosted: "Posted. Teammates can reply in the thread.",
  notInChannel:
    "I'm not in this channel yet, so I can't post your draft here. Invite me with /invite @postcoach and try again.",
  feedbackFailed: "I couldn't post your draft here. Nothing was shared.",
  linkUnreadable: (url: string) => `I couldn't read ${url}, so these questions look at your message only.`,
  linkRead: (title: string) => `Read with your message: ${title}`,
  truncated: "Your draft is long: I read the first 20,000 characters.",
  busy: "Lots of drafts are waiting for me right now, so I can't get to yours in good time. Here it is, so nothing is lost: please try again in a few minutes.",
};

const FR: typeof EN = {
  score: "Score",
  findingsTitle: "Ce qu'un lecteur peut remarquer",
  questionsTitle: "Questions à vous poser",
  revise: "Vérifier une version revue",
  why: "Pourquoi ces questions ?",
  askTeammate: "Demander l'avis d'un collègue",
  confirmTitle: "Partager votre brouillon ?",
  confirmText: "Votre brouillon sera publié dans ce canal pour qu'un collègue vous réponde dans le fil.",
  confirmYes: "Publier",
  confirmNo: "Pas maintenant",
  reviseTitle: "Revoir votre brouillon",
  reviseLabel: "Votre brouillon revu",
  reviseSubmit: "Vérifier",
  close: "Fermer",
  whyTitle: "Pourquoi ces questions",
  whyIntro:
    "postcoach lit votre brouillon comme un lecteur le ferait. Chaque question vient de quelque chose qu'il a remarqué, et d'une idée : pensez à votre public, soyez authentique, soyez vulnérable sans trop en dire.",
  whyNone: "Rien de particulier : les questions portent sur ce que votre brouillon peut encore gagner.",
  resultTitle: "Votre version revue",
  delta: (before: number, after: number) => {
    const d = after - before;
    return `Score ${before} → *${after}* (${d > 0 ? `+${d}` : d === 0 ? "inchangé" : d})`;
  },
  resolved: "N'apparaît plus",
  stillThere: "Toujours là",
  nothingResolved: "Les mêmes points ressortent encore.",
  expired:
    "Je n'ai plus ce brouillon en mémoire (je le garde une heure au plus). Relancez /postcheck avec votre texte.",
  unreadableButton:
    "Je n'ai pas pu lire ce bouton, donc rien ne s'est passé. Relancez /postcheck avec votre brouillon.",
  reviseLost:
    "Cette fenêtre a perdu votre première version, je ne peux pas comparer. Fermez-la et cliquez à nouveau sur « Vérifier une version revue ».",
  feedbackRequest: (user: string) => `${mention(user)} aimerait un avis sur un brouillon :`,
  feedbackHint:
    "Répondez dans ce fil avec une chose qu'un lecteur remarquerait. Bienveillant et concret plutôt que long. L'auteur peut réagir à la réponse qui l'a aidé.",
  feedbackPosted: "C'est publié. Vos collègues peuvent répondre dans le fil.",
  notInChannel:
    "Je ne suis pas encore dans ce canal, je ne peux pas y publier votre brouillon. Invitez-moi avec /invite @postcoach puis réessayez.",
  feedbackFailed: "Je n'ai pas pu publier votre brouillon ici. Rien n'a été partagé.",
  linkUnreadable: (url: string) =>
    `Je n'ai pas pu lire ${url} : ces questions portent sur votre message seul.`,
  linkRead: (title: string) => `Lu avec votre message : ${title}`,
  truncated: "Votre brouillon est long : j'en ai lu les 20 000 premiers caractères.",
  busy: "Beaucoup de brouillons m'attendent en ce moment, je ne peux pas lire le vôtre à temps. Le voici, pour ne rien perdre : réessayez dans quelques minutes.",
};

export type Strings = typeof EN;
export const STRINGS: Record<Lang, Strings> = { en: EN, fr: FR };
