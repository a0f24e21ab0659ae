import type { Lang } from "../coach/index.js";
import { escapeText } from "./mrkdwn.js";

/** A user mention from a Slack id; anything that is not an id is shown as text. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}

/** A command's name as Slack sent it, which a forged request could make anything. */
function shownCommand(command: string): string {
  return /^\/[\w-]{1,32}$/.test(command) ? command : "that command";
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
  reviseCut:
    "Your draft is longer than this box: it holds the first 3,000 characters, and your revision is compared with those. To check the whole draft, send it with /postcheck.",
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
  tooShortToCompare:
    "Too short to compare: with so few words, the score says little. What should your reader take away?",
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
  unknownCommand: (command: string) =>
    `I don't know ${shownCommand(command)}: my command is /postcheck. Try \`/postcheck help\` to see what it does.`,
  truncated: "Your draft is long: I read the first 20,000 characters.",
  reading: "is reading your draft…",
  thinking: "is thinking of sharper questions…",
  sharperQuestions: "Sharper questions from the AI coach",
  reviseHere: "Send a revised version in this thread: I'll show what changed.",
  assistantGreeting:
    "Hi! Paste a draft here, any time, and I'll ask you a few questions about it: what your reader gets, what only you could say, what it cost you. I never rewrite your post.",
  promptsTitle: "Try one of these",
  prompts: [
    { title: "Check my draft", message: "Check my draft" },
    {
      title: "Post about a launch without bragging",
      message: "Help me post about a launch without bragging",
    },
    { title: "Vérifier mon brouillon", message: "Vérifier mon brouillon" },
  ],
  askForDraft:
    "Paste your draft in this thread, as you would post it: I'll ask you a few questions about it.",
  launchAdvice: [
    "A launch post is worth reading when it is about the people who will use what you launched. A few questions before you write:",
    "1. Who will use it, and what changes for them on Monday morning?",
    "2. What was hard on the way, and what did you doubt? One honest sentence beats three superlatives.",
    "3. Who helped, by name, and what did they do?",
    "4. What would you like readers to do or tell you?",
    "Then paste your draft here and I'll look at it with you.",
  ].join("\n"),
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
  reviseCut:
    "Votre brouillon dépasse cette zone : elle en garde les 3 000 premiers caractères, et votre version revue est comparée à ceux-là. Pour vérifier le brouillon entier, envoyez-le avec /postcheck.",
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
  tooShortToCompare:
    "Trop court pour comparer : avec si peu de mots, le score dit peu de chose. Que doit en retenir votre lecteur ?",
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
  unknownCommand: (command: string) =>
    `Je ne connais pas ${shownCommand(command)} : ma commande est /postcheck. Essayez \`/postcheck aide\` pour voir ce qu'elle fait.`,
  truncated: "Votre brouillon est long : j'en ai lu les 20 000 premiers caractères.",
  reading: "lit votre brouillon…",
  thinking: "cherche des questions plus précises…",
  sharperQuestions: "Des questions plus précises, du coach IA",
  reviseHere: "Envoyez une version revue dans ce fil : je vous montrerai ce qui a changé.",
  assistantGreeting:
    "Bonjour ! Collez ici un brouillon, quand vous voulez, et je vous poserai quelques questions : ce que votre lecteur y gagne, ce que vous seul pouvez dire, ce que cela vous a coûté. Je ne réécris jamais votre post.",
  promptsTitle: "Essayez par exemple",
  prompts: [
    { title: "Vérifier mon brouillon", message: "Vérifier mon brouillon" },
    {
      title: "Annoncer un lancement sans me vanter",
      message: "Aidez-moi à annoncer un lancement sans me vanter",
    },
    { title: "Check my draft", message: "Check my draft" },
  ],
  askForDraft:
    "Collez votre brouillon dans ce fil, tel que vous le publieriez : je vous poserai quelques questions.",
  launchAdvice: [
    "Un post de lancement vaut la lecture quand il parle des personnes qui utiliseront ce que vous lancez. Quelques questions avant d'écrire :",
    "1. Qui va s'en servir, et qu'est-ce qui change pour ces personnes lundi matin ?",
    "2. Qu'est-ce qui a été difficile en chemin, de quoi avez-vous douté ? Une phrase honnête vaut mieux que trois superlatifs.",
    "3. Qui vous a aidé, nommément, et qu'a-t-il fait ?",
    "4. Qu'aimeriez-vous que vos lecteurs fassent ou vous disent ?",
    "Collez ensuite votre brouillon ici et regardons-le ensemble.",
  ].join("\n"),
};

export type Strings = typeof EN;
export const STRINGS: Record<Lang, Strings> = { en: EN, fr: FR };
