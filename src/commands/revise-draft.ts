import type { BlockAction } from "@slack/bolt";
import type { Services } from "../services.js";
import { ACTIONS, REVISE_INPUT, reviseModal, revisionResultView, VIEWS } from "../slack/blocks.js";
import { slackToPlain } from "../slack/mrkdwn.js";
import { draftOfButton } from "./actions.js";
import { noteCheck } from "./activity.js";
import type { Listeners } from "./listeners.js";

/** What the revision modal carries between opening and submit: the first version's outcome, not its text. */
interface RevisionMetadata {
  score: number;
  rules: string[];
  options: { lang?: "en" | "fr"; platform?: "linkedin" | "x" | "slack" | "blog" };
}

export function registerReviseDraft(listeners: Listeners, services: Services): void {
  listeners.action<BlockAction>(ACTIONS.revise, async ({ ack, body, client, respond }) => {
    await ack();
    const ref = await draftOfButton(services, body, respond);
    if (!ref) return;
    const result = services.coach(ref.draft, ref.options);
    const metadata: RevisionMetadata = {
      score: result.score,
      rules: [...new Set(result.findings.map((f) => f.rule))],
      options: ref.options,
    };
    await client.views.open({
      trigger_id: body.trigger_id,
      view: reviseModal(result, ref.draft, JSON.stringify(metadata)),
    });
  });

  listeners.view(VIEWS.revise, async ({ ack, view, body, client }) => {
    const value = view.state.values[REVISE_INPUT.block]?.[REVISE_INPUT.action]?.value ?? "";
    const draft = slackToPlain(value).trim();
    if (draft === "") {
      await ack({
        response_action: "errors",
        errors: { [REVISE_INPUT.block]: "Write your revised draft here first." },
      });
      return;
    }
    let before: RevisionMetadata;
    try {
      before = JSON.parse(view.private_metadata) as RevisionMetadata;
    } catch {
      before = { score: 0, rules: [], options: {} };
    }
    const after = services.coach(draft, before.options);
    // The result replaces the modal at once: no channel membership needed, nothing posted.
    await ack({ response_action: "update", view: revisionResultView(before, after) });
    // A revision that raises the score is growth, recorded like any check.
    await noteCheck(services, client, {
      teamId: body.team?.id ?? body.user.team_id ?? "",
      userId: body.user.id,
      draft,
      result: after,
      surface: "revise",
      growth: { scoreDelta: after.score - before.score },
    });
  });
}
