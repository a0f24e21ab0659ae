import type { webApi } from "@slack/bolt";
import type { z } from "zod";
import { languageOf } from "../coach/index.js";
import type { Services } from "../services.js";
import { draftBackBlocks } from "../slack/blocks.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import type { NewReplyJob, ReplyOutcome } from "../slack/reply-pool.js";
import { STRINGS } from "../slack/strings.js";
import { refreshTimeZone } from "./activity.js";
import { type DigestRequest, digestSettingsCommand, parseDigestRequest } from "./digest-settings.js";
import type { Listeners } from "./listeners.js";
import { readPayload, SlashCommand } from "./payloads.js";
import { exportToDm, forgetPrompt, privacyText } from "./privacy.js";
import { parseDraftOptions, refineWithLlm } from "./reply.js";

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

const UNREADABLE_COMMAND =
  "Slack sent me that command incomplete, so I couldn't read it. Please try `/postcheck` again in a moment.";

type Command = z.infer<typeof SlashCommand>;

type Subcommand =
  | { kind: "help" }
  | { kind: "channel-option"; option: ChannelOption; on: boolean }
  | { kind: "digest"; request: DigestRequest }
  | { kind: "privacy" | "export" | "forget" }
  | { kind: "draft"; text: string };

export function parseSubcommand(text: string): Subcommand {
  const t = text.trim();
  if (t === "" || /^(help|aide|\?)$/i.test(t)) return { kind: "help" };
  const feedback = /^channel\s+feedback\s+(on|off)$/i.exec(t);
  if (feedback)
    return { kind: "channel-option", option: "feedback", on: feedback[1]!.toLowerCase() === "on" };
  const digest = /^(?:channel\s+)?digest(?:\s+(on|off|status)\b([\s\S]*))?$/i.exec(t);
  if (digest) return { kind: "digest", request: parseDigestRequest(`${digest[1] ?? ""} ${digest[2] ?? ""}`) };
  const privacy = /^(privacy|export|forget)$/i.exec(t);
  if (privacy) return { kind: privacy[1]!.toLowerCase() as "privacy" | "export" | "forget" };
  return { kind: "draft", text: t };
}

export function registerPostcheckCommand(listeners: Listeners, services: Services): void {
  // A Web API client per workspace, for the follow-up of a reply (one per team, not per command).
  const clients = new Map<string, webApi.WebClient>();
  services.replies.onOutcome((outcome) => {
    afterReply(services, clients, outcome).catch((err: Error) =>
      services.logger.error(`after a /postcheck reply: ${err.message}`),
    );
  });
  listeners.command("/postcheck", async ({ command: raw, ack, respond, client }) => {
    const command = readPayload(SlashCommand, raw, services.logger, "a /postcheck command");
    if (!command) {
      await ack({ response_type: "ephemeral", text: UNREADABLE_COMMAND });
      return;
    }
    const sub = parseSubcommand(command.text);
    if (sub.kind === "help") {
      await ack({ response_type: "ephemeral", text: HELP_TEXT });
      return;
    }
    if (sub.kind === "draft" && services.replies.saturated) {
      await ack(busyReply(slackToPlain(sub.text)));
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
    if (sub.kind !== "draft") {
      await privacyCommand(services, command, sub.kind, client, respond);
      return;
    }
    const parsed = parseDraftOptions(slackToPlain(sub.text));
    const draft = parsed.draft;
    if (draft === "") {
      await respond({ response_type: "ephemeral", text: HELP_TEXT });
      return;
    }
    // The worker reads the user's defaults, coaches, records the check and replies; this thread
    // only acknowledged. Buttons carry the typed options and re-apply the defaults when clicked.
    const job: NewReplyJob = {
      draft,
      typedOptions: parsed.options,
      teamId: command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
      draftValue: services.refs.encode(
        { draft, options: parsed.options },
        { teamId: command.team_id, userId: command.user_id },
      ),
      canAskTeammate: !command.channel_id.startsWith("D"),
      record: true,
      returnResult: services.llm !== undefined,
    };
    clients.set(command.team_id, client);
    services.replies.post(job);
  });
}

/**
 * What follows a reply, once the worker is done with it: logs, a stale time zone, and the LLM's
 * questions replacing the heuristic ones. The job only comes back when there is such work.
 */
async function afterReply(
  services: Services,
  clients: Map<string, webApi.WebClient>,
  outcome: ReplyOutcome,
): Promise<void> {
  if (outcome.late) {
    services.logger.warn(outcome.warning ?? "a check recorded late failed");
    return;
  }
  if (!outcome.ok)
    services.logger.warn(`coaching reply not delivered: ${outcome.error ?? `HTTP ${outcome.status}`}`);
  else services.logger.debug(`postcheck reply built and sent in ${outcome.ms.toFixed(1)} ms`);
  if (outcome.warning) services.logger.warn(outcome.warning);
  const job = outcome.job;
  if (!job) return;
  const client = clients.get(job.teamId);
  if (outcome.tzStale && client) void refreshTimeZone(services, client, job.teamId, job.userId);
  if (!outcome.ok || !outcome.result) return;
  const llm = await refineWithLlm(services, job.teamId, job.draft, {}, outcome.result);
  if (!llm) return;
  const update = await services.replies.send({
    ...job,
    record: false,
    returnResult: false,
    result: outcome.result,
    questions: llm.questions,
    notes: [...(outcome.notes ?? []), ...llm.notes],
    replaceOriginal: true,
  });
  if (!update.ok)
    services.logger.warn(`AI coaching update not delivered: ${update.error ?? `HTTP ${update.status}`}`);
}

/** Too many replies are waiting: the draft goes back to its author at once, word for word. */
function busyReply(draft: string) {
  const s = STRINGS[languageOf(draft)];
  return { response_type: "ephemeral" as const, text: s.busy, blocks: draftBackBlocks(s.busy, draft) };
}

async function privacyCommand(
  services: Services,
  command: Command,
  kind: "privacy" | "export" | "forget",
  client: webApi.WebClient,
  respond: (msg: Record<string, unknown> & { response_type: "ephemeral" }) => Promise<unknown>,
): Promise<void> {
  try {
    if (kind === "privacy") {
      await respond({
        response_type: "ephemeral",
        text: await privacyText(services, command.team_id, command.user_id, services.retentionDays),
      });
    } else if (kind === "export") {
      await exportToDm(services, client, command.team_id, command.user_id);
      await respond({
        response_type: "ephemeral",
        text: "Sent: the file is in your direct messages with me.",
      });
    } else {
      await respond(forgetPrompt());
    }
  } catch (err) {
    services.logger.error(`/postcheck ${kind} failed:`, err);
    await respond({
      response_type: "ephemeral",
      text: "That didn't work just now, and nothing changed. Please try again in a moment.",
    });
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
