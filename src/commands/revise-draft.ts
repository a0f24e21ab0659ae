import type {
  AllMiddlewareArgs,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";
import { z } from "zod";
import { languageOf } from "../coach/index.js";
import type { Services } from "../services.js";
import { REVISE_INPUT, reviseModal, revisionResultView } from "../slack/blocks.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { STRINGS } from "../slack/strings.js";
import { draftOfButton } from "./actions.js";
import { noteCheck } from "./activity.js";
import { DraftOptions, readPayload, teamOf, ViewSubmission } from "./payloads.js";

/** What the revision modal carries between opening and submit: the first version's outcome, not its text. */
const RevisionMetadata = z.object({
  score: z.number().int().min(0).max(100),
  rules: z.array(z.string().max(100)).max(100),
  options: DraftOptions,
});
type RevisionMetadata = z.infer<typeof RevisionMetadata>;

function readMetadata(json: unknown): RevisionMetadata | undefined {
  try {
    return RevisionMetadata.parse(JSON.parse(String(json)));
  } catch {
    return undefined;
  }
}

/** "Check a revised draft": a modal prefilled with the draft, carrying its outcome (never its text). */
export function reviseButton(services: Services) {
  return async ({
    ack,
    body,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const click = await draftOfButton(services, body, respond);
    if (!click?.triggerId) return;
    const result = services.coach(click.draft, click.options);
    const metadata: RevisionMetadata = {
      score: result.score,
      rules: [...new Set(result.findings.map((f) => f.rule))],
      options: click.options,
    };
    await client.views.open({
      trigger_id: click.triggerId,
      view: reviseModal(result, click.draft, JSON.stringify(metadata)),
    });
  };
}

/** The revision submitted: the modal shows the score change and what is gone, at once. */
export function reviseSubmission(services: Services) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const submission = readPayload(ViewSubmission, body, services.logger, "a revision");
    const value = submission?.view.state?.values[REVISE_INPUT.block]?.[REVISE_INPUT.action]?.value ?? "";
    const draft = slackToPlain(value).trim();
    const before = readMetadata(submission?.view.private_metadata);
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
      growth: { scoreDelta: after.score - before.score },
    });
  };
}
