import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs, webApi } from "@slack/bolt";
import distance from "damerau-levenshtein";
import type { z } from "zod";
import type { Services } from "../services.js";
import { escapeText, slackToPlain } from "../slack/mrkdwn.js";
import { type DigestRequest, digestSettingsCommand, parseDigestRequest } from "./digest-settings.js";
import { asksForHelp, helpText } from "./help.js";
import { readPayload, SlashCommand } from "./payloads.js";
import { exportToDm, forgetPrompt, PRIVACY_REPLIES, privacyText } from "./privacy.js";
import { parseDraftOptions } from "./reply.js";

const UNREADABLE_COMMAND =
  "Slack sent me that command incomplete, so I couldn't read it. Please try `/postcheck` again in a moment.";

type Command = z.infer<typeof SlashCommand>;

type Subcommand =
  | { kind: "help"; asked: string }
  | { kind: "channel-option"; option: ChannelOption; on: boolean }
  | { kind: "digest"; request: DigestRequest }
  | { kind: PrivacyKind; lang?: "fr" }
  | { kind: "mistyped"; meant: string }
  | { kind: "draft"; text: string };

function parseSubcommand(text: string): Subcommand {
  const t = text.trim();
  if (asksForHelp(t)) return { kind: "help", asked: t };
  const feedback = /^channel\s+feedback\s+(on|off)$/i.exec(t);
  if (feedback)
    return { kind: "channel-option", option: "feedback", on: feedback[1]!.toLowerCase() === "on" };
  const digest = /^(?:channel\s+)?digest(?:\s+(on|off|status)\b([\s\S]*))?$/i.exec(t);
  if (digest) return { kind: "digest", request: parseDigestRequest(`${digest[1] ?? ""} ${digest[2] ?? ""}`) };
  const privacy = /^(privacy|export|forget)$/i.exec(t);
  if (privacy) return { kind: privacy[1]!.toLowerCase() as PrivacyKind };
  const french = FRENCH_PRIVACY[t.toLowerCase()];
  if (french) return { kind: french, lang: "fr" };
  const meant = mistypedSubcommand(t);
  // "hlep" gets the help it asked for; anything else is confirmed before it is done.
  if (meant) return asksForHelp(meant) ? { kind: "help", asked: meant } : { kind: "mistyped", meant };
  return { kind: "draft", text: t };
}

type PrivacyKind = "privacy" | "export" | "forget";

/** The privacy subcommands said in French, answered in French. */
const FRENCH_PRIVACY: Record<string, PrivacyKind | undefined> = {
  confidentialité: "privacy",
  confidentialite: "privacy",
  exporter: "export",
  oublier: "forget",
  effacer: "forget",
};

/** The words the subcommands above are made of, that a typo may have missed. */
const SUBCOMMAND_WORDS = [
  "help",
  "aide",
  "privacy",
  "export",
  "forget",
  "digest",
  "channel",
  "feedback",
  "status",
];

/**
 * The subcommand a mistyped one was meant to be ("forgt", "digets on", "chanel feedback off"), or
 * undefined. A word is mistyped when one edit (a transposition included) makes it a subcommand
 * word, and only when the corrected text is a whole, valid subcommand: "Forgot my keys" and
 * "Digests on sale!" stay drafts.
 */
function mistypedSubcommand(text: string): string | undefined {
  const words = text.split(/\s+/);
  // The longest subcommand: "digest on friday 16:00 Europe/Paris".
  if (words.length > 5) return undefined;
  let corrected = false;
  const fixed = words.map((word, i) => {
    const near = i < 3 ? nearSubcommandWord(word) : undefined;
    if (near) corrected = true;
    return near ?? word;
  });
  if (!corrected) return undefined;
  const suggestion = fixed.join(" ");
  const sub = parseSubcommand(suggestion);
  const valid =
    sub.kind !== "draft" &&
    sub.kind !== "mistyped" &&
    !(sub.kind === "digest" && sub.request.kind === "invalid");
  return valid ? suggestion : undefined;
}

function nearSubcommandWord(word: string): string | undefined {
  const w = word.toLowerCase();
  // Letters only ("Digest." is a word and a full stop), and not too short: "on", "of" are one edit
  // from many words.
  if (w.length < 4 || !/^[a-z]+$/.test(w) || SUBCOMMAND_WORDS.includes(w)) return undefined;
  return SUBCOMMAND_WORDS.find((c) => distance(w, c).steps === 1 && (w.length > 4 || !substitutes(w, c)));
}

/** One letter changed for another: in four letters, too often a real word ("hell", "side"). */
function substitutes(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join("") !== [...b].sort().join("");
}

/** What /postcheck answers a mistyped subcommand: the command meant, and nothing done. */
function mistypedText(typed: string, meant: string): string {
  const shown = escapeText(typed.trim().slice(0, 60).replaceAll("`", "'"));
  return `Did you mean \`/postcheck ${meant}\`? I did nothing with “${shown}”. To coach a draft, write the whole post after \`/postcheck\`.`;
}

/**
 * `/postcheck`: a draft is recorded as a reply owed, acknowledged, coached and answered through
 * respond(); the other subcommands are answered at once or just after the acknowledgement.
 */
export function postcheckCommand(services: Services) {
  return async ({
    command: raw,
    ack,
    respond,
    client,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const command = readPayload(SlashCommand, raw, services.logger, "a /postcheck command");
    if (!command) {
      await ack({ response_type: "ephemeral", text: UNREADABLE_COMMAND });
      return;
    }
    const sub = parseSubcommand(command.text);
    if (sub.kind === "help") {
      await ack({ response_type: "ephemeral", text: helpText(sub.asked) });
      return;
    }
    if (sub.kind === "mistyped") {
      await ack({ response_type: "ephemeral", text: mistypedText(command.text, sub.meant) });
      return;
    }
    if (sub.kind === "draft") {
      const parsed = parseDraftOptions(slackToPlain(sub.text));
      if (parsed.draft === "") {
        await ack({ response_type: "ephemeral", text: helpText(command.text) });
        return;
      }
      // Recorded before the acknowledgement: once Slack has it, the reply is owed whatever happens.
      const ticket = await services.replies.owe({
        surface: "slash",
        teamId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        draft: parsed.draft,
        typed: parsed.options,
        to: { via: "response_url", url: command.response_url },
        buttons: { canAskTeammate: !command.channel_id.startsWith("D") },
      });
      await ack();
      await services.replies.answer(ticket, { respond, client });
      return;
    }
    await ack();
    if (sub.kind === "digest") {
      await digestSettingsCommand(services, command, sub.request, client, respond);
      return;
    }
    if (sub.kind === "channel-option") {
      await setChannelOption(services, command, respond, sub.option, sub.on);
      return;
    }
    await privacyCommand(services, command, sub, client, respond);
  };
}

/**
 * /postcheck privacy, export and forget, answered in French when asked in French ("oublier") or
 * when the user chose French in the App Home.
 */
async function privacyCommand(
  services: Services,
  command: Command,
  { kind, lang: asked }: { kind: PrivacyKind; lang?: "fr" },
  client: webApi.WebClient,
  respond: (msg: Record<string, unknown> & { response_type: "ephemeral" }) => Promise<unknown>,
): Promise<void> {
  let lang: "en" | "fr" = asked ?? "en";
  try {
    const settings = await services.store.users.get(command.team_id, command.user_id);
    if (settings.language === "fr") lang = "fr";
    const t = PRIVACY_REPLIES[lang];
    if (kind === "privacy") {
      await respond({
        response_type: "ephemeral",
        text: await privacyText(services, command.team_id, command.user_id, settings, lang),
      });
    } else if (kind === "export") {
      await exportToDm(services, client, command.team_id, command.user_id);
      await respond({ response_type: "ephemeral", text: t.exported });
    } else {
      await respond(forgetPrompt(lang));
    }
  } catch (err) {
    services.logger.error(`/postcheck ${kind} failed:`, err);
    await respond({ response_type: "ephemeral", text: PRIVACY_REPLIES[lang].failed });
  }
}

type Respond = (msg: { response_type: "ephemeral"; text: string }) => Promise<unknown>;

type ChannelOption = "feedback";

/** The per-channel settings of /postcheck: how each is saved, and what the user is told. */
const CHANNEL_OPTIONS: Record<
  ChannelOption,
  {
    save(services: Services, command: Command, on: boolean): Promise<void>;
    done: { on: string; off: string };
  }
> = {
  feedback: {
    save: (services, c, on) =>
      services.store.settings.setChannelFeedback(c.team_id, c.channel_id, on, c.user_id),
    done: {
      on: "Done: links shared in this channel now get coaching in their thread, for everyone to read. Turn it off with `/postcheck channel feedback off`.",
      off: "Done: coaching on links shared here is private again, only the person who shared sees it.",
    },
  },
};

/** Changes a per-channel setting: channels only, one kind line either way. */
async function setChannelOption(
  services: Services,
  command: Command,
  respond: Respond,
  option: ChannelOption,
  on: boolean,
): Promise<void> {
  if (command.channel_id.startsWith("D")) {
    await respond({
      response_type: "ephemeral",
      text: "This setting is for channels: run it in the channel you want to change.",
    });
    return;
  }
  try {
    await CHANNEL_OPTIONS[option].save(services, command, on);
    await respond({
      response_type: "ephemeral",
      text: on ? CHANNEL_OPTIONS[option].done.on : CHANNEL_OPTIONS[option].done.off,
    });
  } catch (err) {
    services.logger.error("could not save a channel setting:", err);
    await respond({
      response_type: "ephemeral",
      text: "I couldn't save that setting just now, nothing changed. Please try again in a moment.",
    });
  }
}
