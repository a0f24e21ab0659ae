import type { IncomingMessage, ServerResponse } from "node:http";
import type { CustomRoute, Logger } from "@slack/bolt";

/**
 * What a person's browser shows at the end of Slack's install flow when the install does not go
 * through, in place of Bolt's generic "Oops, Something Went Wrong!" page and its error code.
 */

/** @slack/oauth's error codes for a redirect that isn't Slack's answer to an install started here. */
const CANCELLED = "slack_oauth_installer_authorization_error";
const BAD_LINK = new Set([
  "slack_oauth_invalid_state",
  "slack_oauth_missing_state",
  "slack_oauth_missing_code",
]);
/**
 * oauth.v2.access's answers for a code that can no longer be exchanged: Slack's codes last 10
 * minutes and work once (a reloaded page, a link opened twice, a browser left on the page).
 */
const SPENT_CODE = new Set(["invalid_code", "code_already_used"]);

/** What Bolt hands the failure page: @slack/oauth's coded error, or the Web API's with Slack's answer. */
type InstallError = { code?: unknown; data?: { error?: unknown } };

export const INSTALL_LINK_REFUSED = "the install link is unknown, expired or already used";
const CODE_REFUSED = "Slack's answer had expired or was already used";

/**
 * Failures of the person's trip, not of postcoach: not errors of the bot, and anyone can cause
 * them. Undefined for anything else (postcoach's own failure, or its configuration's).
 */
function tripFailure(error: unknown): "cancelled" | "bad link" | "spent code" | undefined {
  const { code, data } = (error ?? {}) as InstallError;
  if (code === CANCELLED) return "cancelled";
  if (typeof code === "string" && BAD_LINK.has(code)) return "bad link";
  if (code === "slack_webapi_platform_error" && SPENT_CODE.has(String(data?.error))) return "spent code";
  return undefined;
}

function page(title: string, text: string, installPath: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>postcoach: ${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body>
<h1>${title}</h1>
<p>${text}</p>
<p><a href="${installPath}">Start the install again</a></p>
</body>
</html>
`;
}

/**
 * Bolt's `callbackOptions.failure`: a cancel is 403, a link that isn't this browser's live one or a
 * code Slack no longer takes 400 (the README's wording), anything else 500. Bolt itself logs the
 * last at ERROR; the others get one line here, which never holds the code or the state.
 */
export function installFailurePage(logger: Logger, installPath: string) {
  return (error: InstallError, _options: unknown, _req: IncomingMessage, res: ServerResponse): void => {
    const trip = tripFailure(error);
    const [status, title, text] =
      trip === "cancelled"
        ? [
            403,
            "Nothing was installed",
            "The install was cancelled on Slack's page, so postcoach was not added to your workspace. Changed your mind? Start again and press <strong>Allow</strong>.",
          ]
        : trip === "bad link"
          ? [
              400,
              "This install link can't be used",
              `Nothing was installed: ${INSTALL_LINK_REFUSED}. An install link works once, for 10 minutes, in the browser that opened it. Start again from the install page and press <strong>Add to Slack</strong> once.`,
            ]
          : trip === "spent code"
            ? [
                400,
                "This install link has expired or was already used",
                `Nothing was installed by this page: ${CODE_REFUSED}. It works once, for 10 minutes, so a reloaded page or a link opened twice is refused. If postcoach already answers in your workspace, you are done; otherwise start again from the install page and press <strong>Add to Slack</strong> once.`,
              ]
            : [
                500,
                "The install could not be finished",
                "Nothing was installed: postcoach could not complete Slack's answer. Try again in a minute; if it keeps failing, tell whoever runs postcoach.",
              ];
    if (trip === "cancelled") logger.debug("an install was cancelled on Slack's page: nothing installed");
    else if (trip === "bad link")
      logger.warn(`an install was refused: ${INSTALL_LINK_REFUSED} (${error.code})`);
    else if (trip === "spent code")
      logger.warn(`an install was refused: ${CODE_REFUSED} (oauth.v2.access answered ${error.data?.error})`);
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(page(title, text, installPath));
  };
}

/**
 * The logger for Bolt's receiver and installer, which logs every failed redirect at ERROR before it
 * calls the failure page: those of the person's trip are left to the page's own line.
 */
export function withoutInstallTripErrors(logger: Logger): Logger {
  return {
    ...logger,
    error: (...args: unknown[]) => {
      if (args.length === 1 && tripFailure(args[0])) return;
      logger.error(...args);
    },
  };
}

/**
 * HEAD on the install page, as link checkers and load balancers send it: Bolt routes only GET
 * there. Answers like GET without making a state (which GET's page carries in its link).
 */
export function installPageHead(installPath: string): CustomRoute {
  return {
    path: installPath,
    method: "HEAD",
    handler: (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end();
    },
  };
}
