import type { webApi } from "@slack/bolt";
import type { Services } from "../services.js";

export const FORGET_ACTION = "privacy_forget_confirmed";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** What postcoach stores about a user, said plainly (/postcheck privacy). */
export async function privacyText(
  services: Services,
  teamId: string,
  userId: string,
  retentionDays: number,
): Promise<string> {
  const [summary, settings] = await Promise.all([
    services.store.privacy.summary(teamId, userId),
    services.store.users.get(teamId, userId),
  ]);
  const { draftsStored = 0, buttonDrafts = 0, pendingReplies = 0, digestsSetUp = 0 } = summary;
  // Every count comes from the rows themselves: the reply says what is there, not what should be.
  const drafts =
    draftsStored > 0
      ? `• The text of ${count(draftsStored, "draft")} you checked, because you opted in. Untick “Keep my draft text” in the App Home to delete ${draftsStored === 1 ? "it" : "them"}.`
      : settings.storeDrafts
        ? "• The text of the drafts you check from now on, because you opted in (none yet). Untick it in the App Home to stop."
        : "• Not the text of your drafts (you can opt in from the App Home to keep your own history).";
  return [
    "*What postcoach stores about you*",
    `• ${count(summary.checks ?? 0, "checked draft")}: when, where (channel id), the score and its dimensions, the language, the platform, which rules noticed something, and a one-way hash of the draft so a draft checked twice counts once.`,
    drafts,
    ...(buttonDrafts > 0
      ? [
          `• ${count(buttonDrafts, "long draft")} kept for the buttons under ${buttonDrafts === 1 ? "its" : "their"} reply, deleted an hour after it.`,
        ]
      : []),
    ...(pendingReplies > 0
      ? [
          `• ${count(pendingReplies, "draft")} waiting for ${pendingReplies === 1 ? "its" : "their"} reply, deleted once it is sent.`,
        ]
      : []),
    `• ${count(summary.feedbackRequests ?? 0, "feedback request")} you posted (channel and message, not a copy of the text) and ${summary.mentoringReplies} mentoring repl${summary.mentoringReplies === 1 ? "y" : "ies"} you gave (when, and whether the author found it helpful).`,
    ...(digestsSetUp > 0
      ? [`• That you turned on the weekly digest in ${count(digestsSetUp, "channel")}.`]
      : []),
    `• Your settings: time zone${settings.tz ? ` (${settings.tz})` : ""} from your Slack profile for your weekly streaks, language ${settings.language}, platform ${settings.platform}, digest name ${settings.showInDigest ? "shown" : "hidden"}.`,
    `Everything older than ${retentionDays} days is deleted daily. With an AI coach configured, drafts are sent to it with e-mails, phone numbers, card numbers and Slack ids removed, and only its questions are cached (24 h).`,
    "`/postcheck export` sends you all of it as a file; `/postcheck forget` deletes all of it.",
  ].join("\n");
}

/** Sends the user a JSON file of everything stored about them, in their DM with the bot. */
export async function exportToDm(
  services: Services,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
): Promise<void> {
  const data = await services.store.privacy.export(teamId, userId);
  const dm = await client.conversations.open({ users: userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error("no DM channel");
  await client.filesUploadV2({
    channel_id: channel,
    filename: `postcoach-data-${userId}.json`,
    title: "Everything postcoach stores about you",
    content: JSON.stringify(
      { exportedAt: new Date(services.now()).toISOString(), teamId, userId, ...data },
      null,
      2,
    ),
    initial_comment: "Here is everything postcoach stores about you.",
  });
}

export function forgetPrompt() {
  return {
    response_type: "ephemeral" as const,
    text: "Delete everything postcoach stores about you?",
    blocks: [
      {
        type: "section" as const,
        text: {
          type: "mrkdwn" as const,
          text: "This deletes your checks, streaks, settings and feedback requests for good. Replies teammates gave you stay theirs, no longer linked to you.",
        },
      },
      {
        type: "actions" as const,
        elements: [
          {
            type: "button" as const,
            action_id: FORGET_ACTION,
            style: "danger" as const,
            text: { type: "plain_text" as const, text: "Delete everything" },
            value: "forget",
          },
        ],
      },
    ],
  };
}
