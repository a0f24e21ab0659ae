import {
  type AnyMiddlewareArgs,
  Assistant,
  type AssistantUserMessageMiddleware,
  type Middleware,
} from "@slack/bolt";
import { languageOf } from "../coach/text.js";
import type { Lang } from "../coach/types.js";
import type { Services } from "../services.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { STRINGS } from "../slack/strings.js";
import { asksForHelp, helpText } from "./help.js";
import {
  AssistantMessageEvent,
  AssistantThreadEvent,
  byPerson,
  eventTeam,
  MessageEvent,
  readPayload,
} from "./payloads.js";
import { parseDraftOptions } from "./reply.js";

/** The prompts Slack offers when an assistant thread opens, in the user's language first. */
async function languageFor(services: Services, teamId: string, userId: string): Promise<Lang> {
  const settings = await services.store.users.get(teamId, userId).catch(() => undefined);
  return settings?.language === "fr" ? "fr" : "en";
}

/** A suggested prompt's message, answered with words rather than coached as a draft. */
function promptAnswer(text: string): string | undefined {
  for (const lang of ["en", "fr"] as const) {
    const [check, launch] = STRINGS[lang].prompts;
    if (text === check!.message) return STRINGS[lang].askForDraft;
    if (text === launch!.message) return STRINGS[lang].launchAdvice;
  }
  return undefined;
}

/**
 * The coach as a Slack AI app (Agents & AI Apps): a greeting with suggested prompts when a thread
 * opens; each draft sent in the thread is coached there, with a status while the coach and the
 * LLM work, the thread titled from the draft's first words, and the LLM's questions streamed. A
 * second draft in the thread is a revision: the reply shows the score change and what is gone.
 */
export function coachAssistant(services: Services): Assistant {
  const userMessage: AssistantUserMessageMiddleware = async ({
    message,
    body,
    client,
    say,
    setStatus,
    setTitle,
    sayStream,
    context,
  }) => {
    const e = readPayload(MessageEvent, message, services.logger, "an assistant message");
    if (!e?.thread_ts || !byPerson(e, context.botUserId)) return;
    const teamId = eventTeam(body, e);
    if (!teamId) return;
    const text = slackToPlain(e.text ?? "").trim();
    const answer = promptAnswer(text) ?? (asksForHelp(text) ? helpText(text) : undefined);
    if (answer) {
      await say({ text: answer });
      return;
    }
    const parsed = parseDraftOptions(text);
    if (parsed.draft === "") return;
    const ticket = await services.replies.owe({
      surface: "assistant",
      teamId,
      userId: e.user,
      channelId: e.channel,
      draft: parsed.draft,
      typed: parsed.options,
      to: { via: "thread", channel: e.channel, threadTs: e.thread_ts },
    });
    // Outside an assistant thread (a reply in a plain DM's thread) Slack refuses a status: no matter.
    await setStatus(STRINGS[languageOf(parsed.draft)].reading).catch(() => undefined);
    await services.replies.answer(ticket, { client, assistant: { setStatus, setTitle, sayStream } });
  };

  return new Assistant({
    threadStarted: async ({ event, body, say, setSuggestedPrompts }) => {
      const teamId = eventTeam(body);
      if (!teamId) return;
      const user = AssistantThreadEvent.parse(event).assistant_thread.user_id ?? "";
      const s = STRINGS[await languageFor(services, teamId, user)];
      await say({ text: s.assistantGreeting });
      await setSuggestedPrompts({ title: s.promptsTitle, prompts: [...s.prompts] }).catch((err: Error) =>
        services.logger.warn(`suggested prompts not set: ${err.message}`),
      );
    },
    // Where the user is in Slack (a channel they opened the assistant from): kept with the thread.
    threadContextChanged: async ({ saveThreadContext }) => {
      await saveThreadContext();
    },
    userMessage,
  });
}

/**
 * Bolt middleware, before the Assistant: an event the Assistant would take (Bolt's own test,
 * isAssistantMessage for messages) without the thread it reads is ignored with one debug line.
 * Events are acknowledged before any middleware runs.
 */
export function wellFormedAssistantEvents(services: Services): Middleware<AnyMiddlewareArgs> {
  return async ({ payload, next }) => {
    const p = payload as { type?: unknown; channel_type?: unknown; subtype?: unknown };
    const schema =
      p.type === "assistant_thread_started" || p.type === "assistant_thread_context_changed"
        ? AssistantThreadEvent
        : p.type === "message" &&
            "channel" in p &&
            "thread_ts" in p &&
            p.channel_type === "im" &&
            (p.subtype === undefined || p.subtype === "file_share")
          ? AssistantMessageEvent
          : undefined;
    if (!schema || readPayload(schema, payload, services.logger, `an assistant event (${String(p.type)})`))
      await next();
  };
}
