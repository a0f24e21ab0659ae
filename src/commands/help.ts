/** How to use postcoach, in /postcheck, the DM and the assistant thread alike. */
export const HELP_TEXT = [
  "*postcoach* asks you questions about a draft, so you can see it through your reader's eyes. Only you see the reply.",
  "• `/postcheck <your draft>`: coach a draft. Start with `--x`, `--slack` or `--blog` if it isn't for LinkedIn, `--fr` or `--en` to force the language.",
  "• `/postcheck channel feedback on` (or `off`): in a peer-review channel, answer links shared here in the thread for everyone. By default only the person who shared sees the coaching.",
  "• `/postcheck digest on` (or `off`): a short weekly digest in this channel, Monday 09:00 in your time zone, or when you say: `/postcheck digest on friday 16:00 Europe/Paris`. The week's numbers, a question for the channel, and thanks to mentors (named only if they chose to be). `/postcheck digest` shows when.",
  "• `/postcheck privacy`: what postcoach stores about you. `/postcheck export`: all of it, as a file in your DM. `/postcheck forget`: delete all of it.",
  "• `/postcheck help`: this message. Your streaks and settings are in the bot's *Home* tab.",
  "Slash commands can't be used inside threads: there, use the message shortcut *Check this post* (the ⋮ menu of any message).",
  "_En français : `/postcheck <votre brouillon>` ; les réponses suivent la langue du brouillon._",
].join("\n");

const HELP_WORD = /^(help|aide|\?)$/i;

/** "help", "aide" or "?" (a trimmed message). */
export function isHelpWord(text: string): boolean {
  return HELP_WORD.test(text);
}

/** A message that asks for the usage text: a help word, or nothing at all (`/postcheck` alone). */
export function asksForHelp(text: string): boolean {
  const t = text.trim();
  return t === "" || isHelpWord(t);
}
