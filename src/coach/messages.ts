import type { Band, Dimension, Lang } from "./types.js";

/** The coach's own words outside any rule: labels, encouragement, general questions. */
export const DIMENSION_LABELS: Record<Lang, Record<Dimension, string>> = {
  en: {
    audience: "Audience",
    authenticity: "Authenticity",
    vulnerability: "Vulnerability & balance",
    platformFit: "Platform fit",
  },
  fr: {
    audience: "Public",
    authenticity: "Authenticité",
    vulnerability: "Vulnérabilité et équilibre",
    platformFit: "Adéquation à la plateforme",
  },
};

/** Angles from which a draft can be looked at, chosen by what it does (see questions.ts). */
export type Lens =
  | "road"
  | "link"
  | "take"
  | "lesson"
  | "reader"
  | "sharpen"
  | "voice"
  | "tried"
  | "loss"
  | "private";

/** Questions for each angle; {q} quotes the draft's opening. */
export const LENS_QUESTIONS: Record<Lang, Record<Lens, string>> = {
  en: {
    road: "What doubt or difficulty did you meet on the way there that a reader might recognise?",
    link: "Your post points to a link. What will a reader take from the post itself if they never click?",
    take: "You pass on what others did or said. What is your own take, the one thing you want a reader to notice?",
    lesson: "What did this teach you that a reader could use in their own work this week?",
    reader:
      "Your post opens with {q}. Who exactly is it for, and what will they be able to do after reading it?",
    sharpen: "What would make a reader save this post or forward it to a colleague?",
    voice: "What do you really think about it? What could only you say about it?",
    tried: "Have you done this yourself? What happened the first time you tried?",
    loss: "What would you like the people who read this to know, or to do?",
    private: "Is there anything here you would rather keep for the people closest to you?",
  },
  fr: {
    road: "Quel doute ou quelle difficulté avez-vous rencontré en chemin, qu'un lecteur pourrait reconnaître ?",
    link: "Votre post renvoie à un lien. Que retiendra un lecteur du post lui-même s'il ne clique jamais ?",
    take: "Vous relayez ce que d'autres ont fait ou dit. Quel est votre propre regard, la chose que vous voulez faire remarquer ?",
    lesson:
      "Qu'est-ce que cela vous a appris qu'un lecteur pourrait utiliser dans son propre travail cette semaine ?",
    reader:
      "Votre post commence par {q}. À qui s'adresse-t-il exactement, et que pourra faire votre lecteur après l'avoir lu ?",
    sharpen:
      "Qu'est-ce qui donnerait envie à un lecteur de garder ce post ou de le transmettre à un collègue ?",
    voice: "Et vous, qu'en pensez-vous vraiment ? Qu'est-ce que vous seul pourriez en dire ?",
    tried: "L'avez-vous fait vous-même ? Que s'est-il passé la première fois ?",
    loss: "Qu'aimeriez-vous que les personnes qui vous lisent sachent, ou fassent ?",
    private: "Y a-t-il ici quelque chose que vous préféreriez garder pour vos proches ?",
  },
};

export const SUMMARIES: Record<
  Lang,
  {
    good: string;
    loss: string;
    focus: (label: string) => string;
    empty: string;
    thin: string;
    truncated: (n: number) => string;
  }
> = {
  en: {
    good: "This draft gives your reader something. A couple of questions to make it sharper.",
    loss: "Thank you for sharing this. A few questions, only if they help.",
    focus: (label) =>
      `Worth a second look: ${label.toLowerCase()}. A few questions to see it through your reader's eyes.`,
    empty: "Nothing to read yet: write a draft and I'll ask you a few questions about it.",
    thin: "Too short to tell yet: what should your reader take away from it?",
    truncated: (n) => `Only the first ${n.toLocaleString("en")} characters were read.`,
  },
  fr: {
    good: "Ce brouillon apporte quelque chose à votre lecteur. Deux questions pour aller plus loin.",
    loss: "Merci de partager cela. Quelques questions, seulement si elles vous aident.",
    focus: (label) =>
      `À revoir : ${label.toLowerCase()}. Quelques questions pour le lire avec les yeux de votre lecteur.`,
    empty: "Rien à lire pour l'instant : écrivez un brouillon et je vous poserai quelques questions.",
    thin: "Trop court pour en juger : qu'est-ce que votre lecteur devrait en retenir ?",
    truncated: (n) => `Seuls les ${n.toLocaleString("fr")} premiers caractères ont été lus.`,
  },
};

export const TRUNCATED_FINDING: Record<Lang, { message: string; suggestion: string }> = {
  en: {
    message: "Long draft: only the first part was analysed.",
    suggestion: "A post people finish is usually much shorter than this.",
  },
  fr: {
    message: "Brouillon long : seule la première partie a été analysée.",
    suggestion: "Un post qu'on lit jusqu'au bout est en général bien plus court.",
  },
};

const QUOTES: Record<Lang, [string, string]> = { en: ["“", "”"], fr: ["« ", " »"] };
const MAX_QUOTE = 60;
const NESTED_QUOTES: Record<Lang, { marks: [string, string]; outer: RegExp; inner: [string, string] }> = {
  en: { marks: ["“", "”"], outer: /[“”]/g, inner: ["‘", "’"] },
  fr: { marks: ["«", "»"], outer: /«\s?|\s?»/g, inner: ["“", "”"] },
};

// Whitespace other than single spaces: most excerpts have none to fold.
const UNFOLDED_SPACE_RE = /[^\S ]| {2}/;

/**
 * A finding's title: its message up to the colon ("Self-congratulation: the post leads…" →
 * "Self-congratulation"; French puts a space before the colon).
 */
export function titleOf(message: string): string {
  const m = /^(.{3,60}?)\s?:\s/.exec(message);
  return m ? m[1]! : message.replace(/\.$/, "");
}

/** Quotes a short piece of the draft: whitespace folded, cut at a word boundary. */
export function quote(excerpt: string, lang: Lang): string {
  let s = (UNFOLDED_SPACE_RE.test(excerpt) ? excerpt.replace(/\s+/g, " ") : excerpt).trim();
  if (s.length > MAX_QUOTE) {
    const cut = s.lastIndexOf(" ", MAX_QUOTE);
    s = `${s.slice(0, cut > 20 ? cut : MAX_QUOTE)}…`;
  }
  const [open, close] = QUOTES[lang];
  // Quotation marks inside the quote become the nested kind, closed if the cut left one open:
  // « demander “pourquoi…” », not « demander « pourquoi… ».
  const nested = NESTED_QUOTES[lang];
  if (s.search(nested.outer) !== -1) {
    // Counted as they are replaced: "’" is also an apostrophe ("don’t").
    let unclosed = 0;
    s = s.replace(nested.outer, (m) => {
      const opens = m.trim() === nested.marks[0];
      unclosed += opens ? 1 : -1;
      return opens ? nested.inner[0] : nested.inner[1];
    });
    if (unclosed > 0) s += nested.inner[1];
  }
  return `${open}${s}${close}`;
}

/** Shown once under the questions when the LLM could not answer in time. */
export const LLM_UNAVAILABLE: Record<Lang, string> = {
  en: "The AI coach was unavailable, so these questions come from postcoach's own rules.",
  fr: "Le coach IA n'était pas disponible : ces questions viennent des règles de postcoach.",
};

/** Score bands, from the bottom: the score at which each starts. See docs/scoring.md. */
export const BANDS: readonly { band: Band; from: number }[] = [
  { band: "self-promotion", from: 0 },
  { band: "self-focused", from: 35 },
  { band: "balanced", from: 50 },
  { band: "reader-focused", from: 65 },
];

/**
 * Whether a result's score means something to show: a draft too short to judge shows its band
 * alone ("70/100" beside "Too short to tell" reads as a grade), and is compared with nothing.
 */
export function judged(result: { band: Band }): boolean {
  return result.band !== "too-short";
}

export function bandOf(score: number): Band {
  let found: Band = "self-promotion";
  for (const b of BANDS) if (score >= b.from) found = b.band;
  return found;
}

export const BAND_LABELS: Record<Lang, Record<Band, string>> = {
  en: {
    "self-promotion": "Reads as self-promotion",
    "self-focused": "Mostly about you",
    balanced: "Balanced",
    "reader-focused": "Written for the reader",
    "too-short": "Too short to tell",
  },
  fr: {
    "self-promotion": "Se lit comme de l'autopromotion",
    "self-focused": "Surtout centré sur vous",
    balanced: "Équilibré",
    "reader-focused": "Écrit pour le lecteur",
    "too-short": "Trop court pour en juger",
  },
};
