import type { Logger } from "@slack/bolt";
import { digestPlain } from "../slack/digest.js";
import {
  DatabaseUnavailableError,
  installationKey,
  MIN_SECRET_LENGTH,
  openStore,
  type Store,
} from "../store/index.js";
import { buildDigest } from "./build.js";
import { DigestScheduler, digestClient, slackError } from "./deliveries.js";

interface Out {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export interface DigestOptions {
  channel?: string;
  team?: string;
  dryRun: boolean;
  force: boolean;
  /** Words after `digest`: none are expected. */
  unexpected?: string[];
}

export const DIGEST_USAGE = "postcheck digest --channel C… [--team T…] [--dry-run] [--force]";

/** However Slack behaves, the command ends within this (one call times out after CALL_TIMEOUT_MS). */
export const DIGEST_DEADLINE_MS = 20_000;
const CALL_TIMEOUT_MS = 8_000;

/** The Web API client's own warnings would add lines to a command that answers in one. */
const QUIET: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => "error" as ReturnType<Logger["getLevel"]>,
  setName: () => undefined,
};

class DigestCliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/**
 * `postcheck digest`: builds a channel's digest of this week now and posts it, once per channel
 * and week like the bot's own schedule (`--force` posts again), or prints it (`--dry-run`, which
 * never claims the week). Exit codes: 0 posted or already posted, 1 not posted, 2 usage.
 */
export async function runDigestCommand(options: DigestOptions, io: Out): Promise<number> {
  const result = await digestCommand(options, io.env);
  if (result.stdout) io.stdout.write(`${result.stdout}\n`);
  if (result.stderr) io.stderr.write(`postcheck digest: ${result.stderr}\n`);
  return result.code;
}

interface Result {
  code: number;
  stdout?: string;
  stderr?: string;
}

const failure = (stderr: string, code: number): Result => ({ code, stderr });

async function digestCommand(options: DigestOptions, env: NodeJS.ProcessEnv): Promise<Result> {
  const word = options.unexpected?.[0];
  if (word !== undefined) return failure(`unexpected ${JSON.stringify(word)} (usage: ${DIGEST_USAGE})`, 2);
  const channel = options.channel?.trim();
  if (!channel || !/^[CG][A-Z0-9]+$/.test(channel))
    return failure(
      `--channel needs a Slack channel id, e.g. --channel C0123456789 (usage: ${DIGEST_USAGE})`,
      2,
    );
  const team = options.team?.trim();
  if (team !== undefined && !/^[TE][A-Z0-9]+$/.test(team))
    return failure("--team needs a Slack workspace id, e.g. --team T0123456789", 2);
  if (options.dryRun && options.force) return failure("--dry-run and --force don't go together", 2);
  const token = env.SLACK_BOT_TOKEN?.trim();
  const secret = env.INSTALLATION_ENCRYPTION_KEY?.trim();
  // Several workspaces (OAuth): the channel's workspace's own token, from its installation.
  const installed = !token && secret !== undefined && secret !== "";
  if (!options.dryRun && !token && !installed)
    return failure(
      "SLACK_BOT_TOKEN (one workspace) or INSTALLATION_ENCRYPTION_KEY (workspaces installed through OAuth) is required to post; or use --dry-run to print it",
      1,
    );
  if (installed && secret.length < MIN_SECRET_LENGTH)
    return failure(`INSTALLATION_ENCRYPTION_KEY must be at least ${MIN_SECRET_LENGTH} characters`, 1);
  const apiUrl = env.SLACK_API_URL?.trim() || undefined;
  const envClient = token ? digestClient(token, apiUrl, QUIET, CALL_TIMEOUT_MS) : undefined;

  let store: Store;
  try {
    const databaseUrl = env.DATABASE_URL?.trim() || undefined;
    const databasePath = env.DATABASE_PATH?.trim() || "./data/postcoach.db";
    // Bounded: a server that does not answer fails the command rather than hanging it.
    store = await openStore(
      { databaseUrl, databasePath },
      {
        postgres: { connectTimeoutMs: 5000, poolSize: 2 },
        installationKey: installed ? installationKey(secret) : undefined,
      },
    );
  } catch (err) {
    // Its message names the variable and the cause already.
    const message = (err as Error).message;
    return failure(
      err instanceof DatabaseUnavailableError ? message : `the database cannot be opened: ${message}`,
      1,
    );
  }
  const work = (async (): Promise<Result> => {
    let tokenWorkspace: Promise<TokenWorkspace> | undefined;
    const workspaceOfToken = () => (tokenWorkspace ??= workspaceOf(envClient!));
    const teamId = team ?? (await teamOf(store, channel, envClient && workspaceOfToken));
    if (envClient && !options.dryRun) {
      // A bot token posts in its own workspace whatever the team is called: a digest of another
      // would go to the token's channel of that id, claimed under another workspace's week.
      const own = await workspaceOfToken();
      if (own.teamId && own.teamId !== teamId && own.enterpriseId !== teamId)
        throw new DigestCliError(
          `SLACK_BOT_TOKEN belongs to workspace ${own.teamId}, not ${teamId}: nothing was posted (a bot token posts in its own workspace only)`,
          2,
        );
    }
    let client = envClient;
    if (installed) {
      const bot = await store.installations.botFor(teamId);
      if (!bot && !options.dryRun)
        throw new DigestCliError(
          `workspace ${teamId} has not installed postcoach (or uninstalled it): nothing was posted`,
          1,
        );
      if (bot) client = digestClient(bot.token, apiUrl, QUIET, CALL_TIMEOUT_MS);
    }
    const scheduler = new DigestScheduler({ store, logger: QUIET, clientFor: async () => client });
    if (options.dryRun) {
      const target = await scheduler.manualTarget(teamId, channel);
      return { code: 0, stdout: digestPlain(await buildDigest(store, target)) };
    }
    const outcome = await scheduler.postNow(client!, teamId, channel, options.force);
    if (outcome.status === "posted") return { code: 0, stdout: `Digest posted to ${channel}.` };
    if (outcome.status === "already-posted") {
      const when = outcome.postedAt
        ? ` (${new Date(outcome.postedAt).toISOString().slice(0, 16).replace("T", " ")} UTC)`
        : "";
      return {
        code: 0,
        stdout: `Already posted this week in ${channel}${when}: nothing sent. --force posts it again.`,
      };
    }
    if (outcome.status === "busy")
      return failure(
        `another postcoach process is posting this week's digest in ${channel} right now; try again in a few minutes, or use --force`,
        1,
      );
    return failure(couldNotPost(channel, outcome.reason, apiUrl), 1);
  })().catch((err: unknown) =>
    err instanceof DigestCliError
      ? failure(err.message, err.code)
      : failure(
          // A dry run posts nothing: what failed was asking Slack whose channel it is.
          options.dryRun
            ? couldNotAsk(channel, slackError(err).reason, apiUrl)
            : couldNotPost(channel, slackError(err).reason, apiUrl),
          1,
        ),
  );
  // The store closes once the work is over, even past the deadline: an attempt still in flight
  // records its outcome, so the bot's own schedule retries it.
  void work.finally(() => store.close());
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Result>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          failure(
            `Slack did not answer at ${apiUrl ?? "https://slack.com/api/"} within ${DIGEST_DEADLINE_MS / 1000} s: check the network (and SLACK_API_URL), then run it again`,
            1,
          ),
        ),
      DIGEST_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const UNREACHABLE_RE = /request error|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|timeout|socket hang up/i;
const slackAt = (apiUrl: string | undefined) => apiUrl ?? "https://slack.com/api/";
const networkReason = (reason: string) => reason.replace(/^A request error occurred: /, "");

function couldNotPost(channel: string, reason: string, apiUrl: string | undefined): string {
  return UNREACHABLE_RE.test(reason)
    ? `could not reach Slack at ${slackAt(apiUrl)} (${networkReason(reason)}); nothing was posted`
    : `could not post to ${channel} (${reason})`;
}

/** A dry run of a channel postcoach doesn't know asks Slack for the bot token's workspace. */
function couldNotAsk(channel: string, reason: string, apiUrl: string | undefined): string {
  const why = UNREACHABLE_RE.test(reason)
    ? `could not reach Slack at ${slackAt(apiUrl)} (${networkReason(reason)})`
    : `Slack did not say which workspace SLACK_BOT_TOKEN belongs to (${reason})`;
  return `${why} to find ${channel}'s workspace: add --team T… to print its digest from the database alone`;
}

interface TokenWorkspace {
  teamId?: string;
  enterpriseId?: string;
}

/** The workspace (and organisation) a bot token belongs to; an org-wide token has no team. */
async function workspaceOf(client: ReturnType<typeof digestClient>): Promise<TokenWorkspace> {
  const auth = await client.auth.test();
  return { teamId: auth.team_id || undefined, enterpriseId: auth.enterprise_id || undefined };
}

/** The workspace of a channel: the one postcoach knows it in, or the bot token's (not with OAuth: --team then). */
async function teamOf(
  store: Store,
  channel: string,
  workspaceOfToken: (() => Promise<TokenWorkspace>) | undefined,
) {
  const teams = await store.digestSchedules.teamsOfChannel(channel);
  if (teams.length === 1) return teams[0]!;
  if (teams.length > 1)
    throw new DigestCliError(`${channel} exists in several workspaces (${teams.join(", ")}): add --team`, 2);
  if (!workspaceOfToken) throw new DigestCliError(`nothing is known about ${channel} yet: add --team T…`, 2);
  const { teamId } = await workspaceOfToken();
  if (!teamId) throw new DigestCliError("the bot token's workspace is unknown: add --team T…", 2);
  return teamId;
}
