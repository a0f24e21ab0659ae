import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from "@slack/bolt";

/**
 * Actions no listener knows (a button of a message from an older version): acknowledged, so that
 * Slack shows no error, and nothing else. Matches every action id but the known ones, so that no
 * action is acknowledged twice.
 */
export function retiredButtons(known: string[]): RegExp {
  const escaped = known.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^(?!(?:${escaped.join("|")})$)`);
}

export async function acknowledgeRetiredButton({
  ack,
}: SlackActionMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  await ack();
}
