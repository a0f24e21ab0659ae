import type { App } from "@slack/bolt";
import type { Services } from "../services.js";
import { registerAskTeammate } from "./ask-teammate.js";
import { registerCheckPostShortcut } from "./check-post-shortcut.js";
import { firstDelivery, OnceGuard } from "./dedupe.js";
import { registerDirectMessages } from "./dm.js";
import { registerFeedbackReplies } from "./feedback-replies.js";
import { registerHome } from "./home.js";
import { registerLinkShares } from "./link-shares.js";
import { Listeners } from "./listeners.js";
import { registerPostcheckCommand } from "./postcheck.js";
import { registerPrivacyActions } from "./privacy.js";
import { registerReviseDraft } from "./revise-draft.js";
import { registerWhyQuestions } from "./why-questions.js";

/** Every Slack listener, registered in one place; events run only on their first delivery. */
export function registerListeners(app: App, services: Services): void {
  const guard = new OnceGuard(services);
  const listeners = new Listeners();
  registerPostcheckCommand(listeners, services);
  registerReviseDraft(listeners, services);
  registerWhyQuestions(listeners, services);
  registerAskTeammate(listeners, services);
  registerCheckPostShortcut(listeners, services);
  registerLinkShares(listeners, services, guard);
  registerFeedbackReplies(listeners, services);
  registerDirectMessages(listeners, services);
  registerHome(listeners, services, services.retentionDays);
  registerPrivacyActions(listeners, services);
  listeners.mount(app, firstDelivery(services, guard));
}
