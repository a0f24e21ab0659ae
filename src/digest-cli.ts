import { webApi } from "@slack/bolt";
import { buildDigest, postDigest } from "./digest.js";
import { digestPlain } from "./slack/digest.js";
import { createSqliteStore } from "./store/index.js";

interface Out {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** `postcheck digest --channel C… [--dry-run]`: builds the weekly digest now, and posts or prints it. */
export async function runDigestCommand(
  options: { channel?: string; dryRun: boolean },
  io: Out,
): Promise<number> {
  const channel = options.channel?.trim();
  if (!channel || !/^[CGD][A-Z0-9]+$/.test(channel)) {
    io.stderr.write("postcheck digest: --channel needs a Slack channel id, e.g. --channel C0123456789\n");
    return 2;
  }
  const token = io.env.SLACK_BOT_TOKEN?.trim();
  if (!options.dryRun && !token) {
    io.stderr.write("postcheck digest: SLACK_BOT_TOKEN is required to post (or use --dry-run to print it)\n");
    return 1;
  }
  const store = createSqliteStore(io.env.DATABASE_PATH?.trim() || "./data/postcoach.db");
  try {
    if (options.dryRun) {
      io.stdout.write(`${digestPlain(await buildDigest(store, channel, Date.now()))}\n`);
      return 0;
    }
    const apiUrl = io.env.SLACK_API_URL?.trim();
    const client = new webApi.WebClient(token, apiUrl ? { slackApiUrl: apiUrl } : {});
    await postDigest(store, client, channel, Date.now());
    io.stdout.write(`Digest posted to ${channel}.\n`);
    return 0;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    io.stderr.write(
      `postcheck digest: could not post to ${channel}${code ? ` (${code})` : `: ${(err as Error).message}`}\n`,
    );
    return 1;
  } finally {
    await store.close();
  }
}
