import type { App } from "@slack/bolt";
import type { Services } from "../services.js";
import { ACTIONS, VIEWS } from "../slack/blocks.js";
import { HOME_ACTIONS } from "../slack/home.js";
import { appHomeOpened } from "./app-home-opened.js";
import { appUninstalled, tokensRevoked } from "./app-uninstalled.js";
import { askTeammate } from "./ask-teammate.js";
import { coachAssistant, wellFormedAssistantEvents } from "./assistant.js";
import { CHECK_POST_CALLBACK, checkPostShortcut } from "./check-post-shortcut.js";
import { firstDeliveryOnly, OnceGuard } from "./dedupe.js";
import { directMessage } from "./dm.js";
import { feedbackReply } from "./feedback-reply.js";
import { forgetConfirmed } from "./forget-confirmed.js";
import { helpfulReaction } from "./helpful-reaction.js";
import { homeExport } from "./home-export.js";
import { homeForget } from "./home-forget.js";
import { homeLanguage } from "./home-language.js";
import { homeOptions } from "./home-options.js";
import { homePlatform } from "./home-platform.js";
import { linkShareMessage } from "./link-share-message.js";
import { linkShared } from "./link-shared.js";
import { postcheckCommand } from "./postcheck.js";
import { FORGET_ACTION } from "./privacy.js";
import { reviseButton } from "./revise-button.js";
import { reviseSubmission } from "./revise-submission.js";
import { acknowledgeUnknown, anyBut, unknownCommand } from "./unknown-requests.js";
import { whyQuestions } from "./why-questions.js";

const POSTCHECK = "/postcheck";

/**
 * Every Slack listener, registered in one place with Bolt's own methods. Events run only on their
 * first delivery (a Bolt middleware, before the Assistant's): a retried event is never answered twice.
 */
export function registerSurfaces(app: App, services: Services): void {
  const guard = new OnceGuard(services);
  app.use(firstDeliveryOnly(services, guard));
  app.use(wellFormedAssistantEvents(services));
  // Messages in threads of the bot's DM: the AI-app surface (and revisions in a plain DM's thread).
  app.assistant(coachAssistant(services));

  app.command(POSTCHECK, postcheckCommand(services));
  app.shortcut(CHECK_POST_CALLBACK, checkPostShortcut(services));
  app.action(ACTIONS.revise, reviseButton(services));
  app.view(VIEWS.revise, reviseSubmission(services));
  app.action(ACTIONS.why, whyQuestions(services));
  app.action(ACTIONS.askTeammate, askTeammate(services));
  app.action(FORGET_ACTION, forgetConfirmed(services));

  app.event("app_home_opened", appHomeOpened(services));
  app.action(HOME_ACTIONS.language, homeLanguage(services));
  app.action(HOME_ACTIONS.platform, homePlatform(services));
  app.action(HOME_ACTIONS.options, homeOptions(services));
  app.action(HOME_ACTIONS.export, homeExport(services));
  app.action(HOME_ACTIONS.forget, homeForget(services));

  app.message(directMessage(services));
  app.message(linkShareMessage(services, guard));
  app.event("link_shared", linkShared(services, guard));
  app.message(feedbackReply(services));
  app.event("reaction_added", helpfulReaction(services));
  app.event("app_uninstalled", appUninstalled(services));
  app.event("tokens_revoked", tokensRevoked(services));

  // What no listener above takes is acknowledged at once: each matches only ids none above has.
  app.command(anyBut([POSTCHECK]), unknownCommand(services));
  const buttons = [...Object.values(ACTIONS), ...Object.values(HOME_ACTIONS), FORGET_ACTION];
  app.action(anyBut(buttons), acknowledgeUnknown(services, "a button"));
  app.view(
    { type: "view_submission", callback_id: anyBut(Object.values(VIEWS)) },
    acknowledgeUnknown(services, "a modal's submission"),
  );
  app.view({ type: "view_closed" }, acknowledgeUnknown(services, "a closed modal"));
  app.shortcut(anyBut([CHECK_POST_CALLBACK]), acknowledgeUnknown(services, "a shortcut"));
}
