import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { languageOf } from "../coach/index.js";
import type { Services } from "../services.js";
import { REVISE_INPUT, revisionResultView } from "../slack/blocks.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { STRINGS } from "../slack/strings.js";
import { noteCheck } from "./activity.js";
import { readPayload, teamOf, ViewSubmission } from "./payloads.js";
import { comparedGrowth } from "./replies.js";
import { readRevisionMetadata } from "./revision-metadata.js";

/** The revision submitted: the modal shows the score change and what is gone, at once. */
export function reviseSubmission(services: Services) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const submission = readPayload(ViewSubmission, body, services.logger, "a revision");
    const value = submission?.view.state?.values[REVISE_INPUT.block]?.[REVISE_INPUT.action]?.value ?? "";
    const draft = slackToPlain(value).trim();
    const before = readRevisionMetadata(submission?.view.private_metadata);
    const inlineError = (text: string) =>
      ack({ response_action: "errors", errors: { [REVISE_INPUT.block]: text } });
    if (draft === "") {
      await inlineError("Write your revised draft here first.");
      return;
    }
    if (!submission || !before) {
      // Without the first version's outcome there is nothing honest to compare with.
      await inlineError(STRINGS[languageOf(draft)].reviseLost);
      return;
    }
    const after = services.coach(draft, before.options);
    // The result replaces the modal at once: no channel membership needed, nothing posted.
    await ack({ response_action: "update", view: revisionResultView(before, after) });
    // A revision that raises the score is growth, recorded like any check.
    await noteCheck(services, client, {
      teamId: teamOf(submission),
      userId: submission.user.id,
      draft,
      result: after,
      surface: "revise",
      growth: comparedGrowth(before, after),
    });
  };
}
