import type { App } from "@slack/bolt";
import type { Services } from "../services.js";
import { registerAskTeammate } from "./ask-teammate.js";
import { registerCheckPostShortcut } from "./check-post-shortcut.js";
import { OnceGuard, registerEventDedupe } from "./dedupe.js";
import { registerDirectMessages } from "./dm.js";
import { registerFeedbackReplies } from "./feedback-replies.js";
import { registerHome } from "./home.js";
import { registerLinkShares } from "./link-shares.js";
import { registerPostcheckCommand } from "./postcheck.js";
import { registerPrivacyActions } from "./privacy.js";
import { registerReviseDraft } from "./revise-draft.js";
import { registerWhyQuestions } from "./why-questions.js";

/** Every Slack listener, registered in one place. Dedupe runs first: it is global middleware. */
export function registerListeners(app: App, services: Services): void {
  const guard = new OnceGuard(services);
  registerEventDedupe(app, services, guard);
  registerPostcheckCommand(app, services);
  registerReviseDraft(app, services);
  registerWhyQuestions(app, services);
  registerAskTeammate(app, services);
  registerCheckPostShortcut(app, services);
  registerLinkShares(app, services, guard);
  registerFeedbackReplies(app, services);
  registerDirectMessages(app, services);
  registerHome(app, services, services.retentionDays);
  registerPrivacyActions(app, services);
}
