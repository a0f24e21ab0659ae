import type { Lang, Platform } from "../coach/index.js";

/**
 * The playground's own words, in both languages. `ui` is what the page's script needs to switch
 * the page's language without a reload; the rest is used where the server renders HTML.
 */
const EN = {
  ui: {
    title: "postcoach playground",
    tagline:
      "Paste a draft. postcoach won't rewrite it: it points at what a reader may notice and asks questions, so you can read it the way your reader will.",
    draftLabel: "Your draft",
    placeholder: "I'm thrilled to announce…",
    platform: "Platform",
    language: "Language",
    auto: "Detect",
    coach: "Coach me",
    coachAgain: "Coach again",
    edit: "Edit draft",
    startOver: "New draft",
    coachingTitle: "Coaching",
    emptyCoaching: "Your coaching appears here: a score, what a reader may notice, and questions.",
    slackTitle: "In Slack",
    slackHint: "The reply /postcheck sends for this draft, exactly as built for Slack.",
    copyJson: "Copy Block Kit JSON",
    copied: "Copied.",
    copyFailed: "Copying was refused by the browser: the JSON is below, select it and copy.",
    showJson: "Block Kit JSON",
    detailsEmpty: "Select a marked passage (or a finding in the list) to see what a reader may notice there.",
    marksHint: "Arrow keys move between marked passages; Enter explains one; Escape closes.",
    checking: "Reading your draft…",
    llmPending: "Asking the AI coach for sharper questions…",
    llmDone: "The AI coach refined these questions.",
    networkError: "The playground didn't answer. Is `npm start` still running?",
    emptyDraft: "Write a draft first: there is nothing to coach yet.",
    skipToCoaching: "Skip to the coaching",
    scored: "Score {score} out of 100; {n} things a reader may notice.",
  },
  platforms: { linkedin: "LinkedIn", x: "X", slack: "Slack", blog: "Blog" } satisfies Record<
    Platform,
    string
  >,
  languages: { en: "English", fr: "Français" } satisfies Record<Lang, string>,
  score: "Score",
  scoreOf: (n: number) => `${n} out of 100`,
  draftRegion: "Your draft, with what a reader may notice marked",
  strengthsTitle: "What already works",
  signalsTitle: "Also in the score",
  points: (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n)} points`,
  guidance: "The idea behind it",
  question: "A question to ask yourself",
  quotes: "Where",
  times: (n: number) => (n === 1 ? "" : `${n} times`),
  andMore: (n: number) => `and ${n} more`,
  moreKinds: (n: number) => `and ${n} more kinds of finding, not shown`,
  marksLimited: (shown: number, total: number) =>
    `The first ${shown} of ${total} findings are marked in the draft.`,
  noFindings: "Nothing stands out to a reader: see the questions to make it sharper.",
  unread: (n: number) =>
    `Only the first ${n.toLocaleString("en")} characters were read; the rest is not marked.`,
  revisionTitle: "Your revision",
  newFindings: "New",
  severity: { warning: "Worth a look", info: "Note" },
  observationsTitle: "The AI coach noticed",
  onlyYou: "Only visible to you",
  app: "APP",
  emptyDraft: "Write a draft first: there is nothing to coach yet.",
  tooLarge: (kb: number) =>
    `That draft is too large for the playground (at most ${kb} KB). Posts people finish are far shorter: try the part you care about most.`,
  badRequest: "The playground couldn't read that request. Reload the page and try again.",
  wrongOrigin: "The playground only answers its own page. Open it at the address `npm start` printed.",
  noScript:
    'The playground needs JavaScript to coach a draft. Without it, try the CLI: npx postcheck "your draft".',
};

export type PlaygroundStrings = typeof EN;

const FR: PlaygroundStrings = {
  ui: {
    title: "postcoach, le bac à sable",
    tagline:
      "Collez un brouillon. postcoach ne le réécrit pas : il montre ce qu'un lecteur peut remarquer et pose des questions, pour que vous le lisiez comme votre lecteur.",
    draftLabel: "Votre brouillon",
    placeholder: "Ravi de vous annoncer…",
    platform: "Plateforme",
    language: "Langue",
    auto: "Détecter",
    coach: "Me coacher",
    coachAgain: "Coacher à nouveau",
    edit: "Modifier le brouillon",
    startOver: "Nouveau brouillon",
    coachingTitle: "Coaching",
    emptyCoaching:
      "Votre coaching apparaît ici : un score, ce qu'un lecteur peut remarquer, et des questions.",
    slackTitle: "Dans Slack",
    slackHint: "La réponse que /postcheck envoie pour ce brouillon, telle qu'elle est construite pour Slack.",
    copyJson: "Copier le JSON Block Kit",
    copied: "Copié.",
    copyFailed: "Le navigateur a refusé la copie : le JSON est ci-dessous, sélectionnez-le pour le copier.",
    showJson: "JSON Block Kit",
    detailsEmpty:
      "Sélectionnez un passage marqué (ou un point de la liste) pour voir ce qu'un lecteur peut y remarquer.",
    marksHint:
      "Les flèches passent d'un passage marqué à l'autre ; Entrée en donne l'explication ; Échap la ferme.",
    checking: "Lecture de votre brouillon…",
    llmPending: "Le coach IA affine les questions…",
    llmDone: "Le coach IA a affiné ces questions.",
    networkError: "Le bac à sable ne répond pas. `npm start` tourne-t-il toujours ?",
    emptyDraft: "Écrivez d'abord un brouillon : il n'y a encore rien à coacher.",
    skipToCoaching: "Aller au coaching",
    scored: "Score {score} sur 100 ; {n} points qu'un lecteur peut remarquer.",
  },
  platforms: { linkedin: "LinkedIn", x: "X", slack: "Slack", blog: "Blog" },
  languages: { en: "English", fr: "Français" },
  score: "Score",
  scoreOf: (n) => `${n} sur 100`,
  draftRegion: "Votre brouillon, avec ce qu'un lecteur peut remarquer",
  strengthsTitle: "Ce qui marche déjà",
  signalsTitle: "Compte aussi dans le score",
  points: (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${String(Math.abs(n)).replace(".", ",")} points`,
  guidance: "L'idée derrière",
  question: "Une question à vous poser",
  quotes: "Où",
  times: (n) => (n === 1 ? "" : `${n} fois`),
  andMore: (n) => `et ${n} de plus`,
  moreKinds: (n) => `et ${n} autres sortes de remarques, non affichées`,
  marksLimited: (shown, total) =>
    `Les ${shown} premières remarques sur ${total} sont marquées dans le brouillon.`,
  noFindings: "Rien ne gêne la lecture : voyez les questions pour aller plus loin.",
  unread: (n) =>
    `Seuls les ${n.toLocaleString("fr")} premiers caractères ont été lus ; la suite n'est pas marquée.`,
  revisionTitle: "Votre version revue",
  newFindings: "Nouveau",
  severity: { warning: "À revoir", info: "À noter" },
  observationsTitle: "Le coach IA a remarqué",
  onlyYou: "Visible par vous uniquement",
  app: "APP",
  emptyDraft: "Écrivez d'abord un brouillon : il n'y a encore rien à coacher.",
  tooLarge: (kb) =>
    `Ce brouillon est trop volumineux pour le bac à sable (${kb} Ko au plus). Un post qu'on lit jusqu'au bout est bien plus court : essayez la partie qui compte le plus.`,
  badRequest: "Le bac à sable n'a pas pu lire cette requête. Rechargez la page et réessayez.",
  wrongOrigin:
    "Le bac à sable ne répond qu'à sa propre page. Ouvrez-la à l'adresse affichée par `npm start`.",
  noScript:
    'Le bac à sable a besoin de JavaScript pour coacher un brouillon. Sans lui, essayez la ligne de commande : npx postcheck "votre brouillon".',
};

export const PLAYGROUND_STRINGS: Record<Lang, PlaygroundStrings> = { en: EN, fr: FR };
