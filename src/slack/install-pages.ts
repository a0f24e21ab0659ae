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
/** Failures of the person's trip, not of postcoach: not errors of the bot, and anyone can cause them. */
const PERSONS_TRIP = new Set([CANCELLED, ...BAD_LINK]);

export const INSTALL_LINK_REFUSED = "the install link is unknown, expired or already used";

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
 * Bolt's `callbackOptions.failure`: a cancel is 403, a link that isn't this browser's live one 400
 * (the README's wording), anything else 500. Bolt itself logs the last at ERROR.
 */
export function installFailurePage(logger: Logger, installPath: string) {
  return (error: { code?: string }, _options: unknown, _req: IncomingMessage, res: ServerResponse): void => {
    const [status, title, text] =
      error.code === CANCELLED
        ? [
            403,
            "Nothing was installed",
            "The install was cancelled on Slack's page, so postcoach was not added to your workspace. Changed your mind? Start again and press <strong>Allow</strong>.",
          ]
        : error.code !== undefined && BAD_LINK.has(error.code)
          ? [
              400,
              "This install link can't be used",
              `Nothing was installed: ${INSTALL_LINK_REFUSED}. An install link works once, for 10 minutes, in the browser that opened it. Start again from the install page and press <strong>Add to Slack</strong> once.`,
            ]
          : [
              500,
              "The install could not be finished",
              "Nothing was installed: postcoach could not complete Slack's answer. Try again in a minute; if it keeps failing, tell whoever runs postcoach.",
            ];
    if (error.code === CANCELLED) logger.debug("an install was cancelled on Slack's page: nothing installed");
    else if (status === 400) logger.warn(`an install was refused: ${INSTALL_LINK_REFUSED} (${error.code})`);
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
      const code = (args[0] as { code?: unknown } | undefined)?.code;
      if (args.length === 1 && typeof code === "string" && PERSONS_TRIP.has(code)) return;
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
