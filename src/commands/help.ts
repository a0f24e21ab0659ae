/** How to use postcoach, in /postcheck, the DM and the assistant thread alike. */
const HELP_EN = [
  "*postcoach* asks you questions about a draft, so you can see it through your reader's eyes. Only you see the reply.",
  "• `/postcheck <your draft>`: coach a draft. Start with `--x`, `--slack` or `--blog` if it isn't for LinkedIn, `--fr` or `--en` to force the language.",
  "• `/postcheck channel feedback on` (or `off`): in a peer-review channel, answer links shared here in the thread for everyone. By default only the person who shared sees the coaching.",
  "• `/postcheck digest on` (or `off`): a short weekly digest in this channel, Monday 09:00 in your time zone, or when you say: `/postcheck digest on friday 16:00 Europe/Paris`. The week's numbers, a question for the channel, and thanks to mentors (named only if they chose to be). `/postcheck digest` shows when.",
  "• `/postcheck privacy`: what postcoach stores about you. `/postcheck export`: all of it, as a file in your DM. `/postcheck forget`: delete all of it.",
  "• `/postcheck help`: this message. Your streaks and settings are in the bot's *Home* tab.",
  "Slash commands can't be used inside threads: there, use the message shortcut *Check this post* (the ⋮ menu of any message).",
  "_En français : `/postcheck aide`. Les réponses suivent la langue du brouillon._",
].join("\n");

const HELP_FR = [
  "*postcoach* vous pose des questions sur un brouillon, pour le voir avec les yeux de votre lecteur. Vous seul voyez la réponse.",
  "• `/postcheck <votre brouillon>` : coacher un brouillon. Commencez par `--x`, `--slack` ou `--blog` s'il n'est pas pour LinkedIn, `--fr` ou `--en` pour imposer la langue.",
  "• `/postcheck channel feedback on` (ou `off`) : dans un canal de relecture entre pairs, répondre aux liens partagés ici dans le fil, pour tous. Par défaut, seule la personne qui partage voit le coaching.",
  "• `/postcheck digest on` (ou `off`) : un court bilan hebdomadaire dans ce canal, le lundi à 09:00 dans votre fuseau, ou quand vous voulez : `/postcheck digest on friday 16:00 Europe/Paris`. Les chiffres de la semaine, une question pour le canal, et des remerciements aux mentors (nommés seulement s'ils l'ont choisi). `/postcheck digest` dit quand.",
  "• `/postcheck confidentialité` : ce que postcoach garde de vous. `/postcheck exporter` : tout, en fichier dans vos messages directs. `/postcheck oublier` : tout effacer (après confirmation). Les réponses sont en français.",
  "• `/postcheck aide` : ce message. Vos séries et vos réglages sont dans l'onglet *Accueil* du bot.",
  "Les commandes slash ne marchent pas dans les fils : utilisez-y le raccourci de message *Check this post* (menu ⋮ de n'importe quel message).",
  "_In English: `/postcheck help`._",
].join("\n");

/** Whether a help request or a greeting was made in French: "aide", "--fr", "bonjour", "salut". */
export function askedInFrench(asked: string): boolean {
  return /^(?:aide|--fr|bonjour|salut)\b/i.test(asked.trim());
}

/** The usage text in the language the person asked in. */
export function helpText(asked: string): string {
  return askedInFrench(asked) ? HELP_FR : HELP_EN;
}

const HELP_WORD = /^(help|aide|\?)$/i;

/** "help", "aide" or "?" (a trimmed message). */
export function isHelpWord(text: string): boolean {
  return HELP_WORD.test(text);
}

const PRIVACY_WORD_EN = /^(?:privacy|export|forget|delete)$/i;
const PRIVACY_WORD_FR = /^(?:confidentialité|exporter|oublier|effacer|supprimer)$/i;

/**
 * Where to go when a DM says only "forget", "export" or "privacy": those are /postcheck commands
 * (forget asks before deleting). Undefined for any other message.
 */
export function privacyPointer(text: string): string | undefined {
  const t = text.trim();
  if (PRIVACY_WORD_EN.test(t))
    return "Your data has its own commands: `/postcheck privacy` says what I keep, `/postcheck export` sends it all to you here, `/postcheck forget` deletes it (after asking).";
  if (PRIVACY_WORD_FR.test(t))
    return "Vos données ont leurs propres commandes : `/postcheck confidentialité` dit ce que je garde, `/postcheck exporter` vous envoie tout ici, `/postcheck oublier` efface tout (après confirmation).";
  return undefined;
}

/** A message that asks for the usage text: a help word, or nothing at all (`/postcheck` alone). */
export function asksForHelp(text: string): boolean {
  const t = text.trim();
  return t === "" || isHelpWord(t);
}
