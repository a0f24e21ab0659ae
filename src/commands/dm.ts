import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../services.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { askedInFrench, asksForHelp, helpText, isHelpWord, privacyPointer } from "./help.js";
import { byPerson, eventTeam, MessageEvent, readPayload } from "./payloads.js";
import { parseDraftOptions } from "./reply.js";

const DM_WELCOME =
  "Send me a draft here, any time, and I'll ask you a few questions about it: what your reader gets, what only you could say, what it cost you. I never rewrite your post. `help` for more.";
const DM_WELCOME_FR =
  "Envoyez-moi un brouillon ici, quand vous voulez, et je vous poserai quelques questions : ce que votre lecteur y gagne, ce que vous seul pouvez dire, ce que cela vous a coûté. Je ne réécris jamais votre post. `aide` pour en savoir plus.";

/**
 * A direct message to the coach in its Messages tab (workspaces without the AI-app surface): every
 * message is a draft to coach (or "help"), answered in its thread, so that a revision sent in the
 * thread is compared with it (Bolt's Assistant answers messages in threads: see assistant.ts).
 */
export function directMessage(services: Services) {
  return async ({
    event,
    body,
    context,
    client,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const e = readPayload(MessageEvent, event, services.logger, "a message event");
    if (e?.channel_type !== "im" || e.subtype !== undefined || !byPerson(e, context.botUserId)) return;
    if (e.thread_ts && e.thread_ts !== e.ts) return;
    const teamId = eventTeam(body);
    if (!teamId) return;
    const text = slackToPlain(e.text ?? "").trim();
    if (asksForHelp(text) || /^(hi|hello|hey|bonjour|salut)\W*$/i.test(text)) {
      const greeting = !isHelpWord(text);
      await client.chat.postMessage({
        channel: e.channel,
        text: greeting ? (askedInFrench(text) ? DM_WELCOME_FR : DM_WELCOME) : helpText(text),
      });
      return;
    }
    const pointer = privacyPointer(text);
    if (pointer) {
      await client.chat.postMessage({ channel: e.channel, text: pointer });
      return;
    }
    const parsed = parseDraftOptions(text);
    if (parsed.draft === "") return;
    const ticket = await services.replies.owe({
      surface: "dm",
      teamId,
      userId: e.user,
      channelId: e.channel,
      draft: parsed.draft,
      typed: parsed.options,
      to: { via: "thread", channel: e.channel, threadTs: e.ts },
      buttons: { canAskTeammate: false },
    });
    await services.replies.answer(ticket, { client });
  };
}
