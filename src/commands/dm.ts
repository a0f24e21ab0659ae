import type { Services } from "../services.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { noteCheck } from "./activity.js";
import type { Listeners } from "./listeners.js";
import { MessageEvent, readPayload } from "./payloads.js";
import { HELP_TEXT, parseSubcommand } from "./postcheck.js";
import { coachingMessage, parseDraftOptions, refineWithLlm, userDefaults } from "./reply.js";

const DM_WELCOME =
  "Send me a draft here, any time, and I'll ask you a few questions about it: what your reader gets, what only you could say, what it cost you. I never rewrite your post. `help` for more.";

/**
 * A direct conversation with the coach: every message is a draft to coach (or "help"). The reply
 * is a normal DM message, so the AI coach's answer can update it in place.
 */
export function registerDirectMessages(listeners: Listeners, services: Services): void {
  listeners.event("message", async ({ event, body, client, context }) => {
    const e = readPayload(MessageEvent, event, services.logger, "a message event");
    if (
      e?.channel_type !== "im" ||
      e.subtype !== undefined ||
      e.bot_id ||
      !e.user ||
      e.user === context.botUserId
    )
      return;
    const teamId = (body as { team_id?: string }).team_id ?? "";
    const text = slackToPlain(e.text ?? "").trim();
    if (parseSubcommand(text).kind === "help" || /^(hi|hello|hey|bonjour|salut)\W*$/i.test(text)) {
      const greeting = !/^(help|aide|\?)$/i.test(text);
      await client.chat.postMessage({ channel: e.channel, text: greeting ? DM_WELCOME : HELP_TEXT });
      return;
    }
    const parsed = parseDraftOptions(text);
    const owner = { teamId, userId: e.user };
    const { options, settings } = await userDefaults(services, teamId, e.user, parsed.options);
    const result = services.coach(parsed.draft, options);
    const refined = refineWithLlm(services, teamId, parsed.draft, options, result);
    const milestone = await noteCheck(services, client, {
      settings,
      teamId,
      userId: e.user,
      channelId: e.channel,
      draft: parsed.draft,
      result,
      surface: "dm",
    });
    const notes = milestone ? [milestone] : [];
    const posted = await client.chat.postMessage({
      channel: e.channel,
      ...coachingMessage(services, parsed.draft, result, options, { notes, owner }),
    });
    const llm = await refined;
    if (llm && posted.ts) {
      await client.chat
        .update({
          channel: e.channel,
          ts: posted.ts,
          ...coachingMessage(services, parsed.draft, result, options, { notes, llm, owner }),
        })
        .catch((err: Error) => services.logger.warn(`AI coaching update not posted: ${err.message}`));
    }
  });
}
