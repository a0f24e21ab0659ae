import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestPeriods, slotInWeek } from "../../src/digest/calendar.js";
import { weekOf } from "../../src/mentoring/weeks.js";
import { createSqliteStore } from "../../src/store/index.js";
import { freshDatabase, type TestDatabase } from "../helpers/databases.js";
import { seedCheck } from "../helpers/digest.js";
import { FakeSlack } from "../helpers/fake-slack.js";
import { runPostcheck } from "../helpers/spawn.js";

const WEEK = 7 * 86_400_000;

describe("postcheck digest", () => {
  const dir = mkdtempSync(join(tmpdir(), "postcoach-digest-"));
  const db = join(dir, "p.db");
  const fake = new FakeSlack();
  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_PATH: db,
    SLACK_BOT_TOKEN: "xoxb-digest",
    SLACK_API_URL: fake.apiUrl,
    ...extra,
  });
  const deliveries = () => {
    const raw = new Database(db, { readonly: true });
    try {
      return raw.prepare("SELECT team_id, channel_id, status FROM digest_deliveries").all();
    } finally {
      raw.close();
    }
  };
  beforeAll(async () => {
    await fake.start();
    const store = createSqliteStore(db);
    // The digest a manual run builds now covers last week (Monday 09:00 UTC, the default). One check
    // in that week and one a week later: whichever week the run lands in, it sees exactly one.
    const now = Date.now();
    const slot = Math.min(slotInWeek(weekOf(now, "UTC"), { weekday: 1, minute: 540, tz: "UTC" }), now);
    const [period] = digestPeriods(slot, "UTC", 1);
    for (const at of [period!.start + 3_600_000, period!.start + 3_600_000 + WEEK])
      await seedCheck(store, { user: "U1", channel: "C1", at, findings: ["bragging"] });
    await seedCheck(store, { team: "T1", user: "U1", channel: "C3", at: now });
    await seedCheck(store, { team: "T2", user: "U1", channel: "C3", at: now });
    await store.close();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("--dry-run prints the digest and never claims the week", async () => {
    const r = await runPostcheck(["digest", "--channel", "C1", "--dry-run"], undefined, {
      DATABASE_PATH: db,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("postcoach weekly digest\nLast week,");
    expect(r.stdout).toContain("*Drafts checked*: 1");
    expect(r.stdout).toContain("*What came up most* (in 1 of 1 draft)");
    expect(deliveries()).toEqual([]);
  });

  it("posts once per channel and week: a second run says so, --force posts again", async () => {
    const first = await runPostcheck(["digest", "--channel", "C1"], undefined, env());
    expect(first.stdout).toBe("Digest posted to C1.\n");
    expect(first.code).toBe(0);
    const post = fake.callsTo("chat.postMessage")[0]!;
    expect(post.params.channel).toBe("C1");
    expect(JSON.stringify(post.params.blocks)).toContain("postcoach weekly digest");
    expect(post.params.metadata).toMatchObject({
      event_type: "postcoach_digest",
      event_payload: { team_id: "T1" },
    });
    expect(deliveries()).toEqual([{ team_id: "T1", channel_id: "C1", status: "posted" }]);

    const again = await runPostcheck(["digest", "--channel", "C1"], undefined, env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^Already posted this week in C1 \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\): nothing sent\. --force posts it again\.\n$/,
    );
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);

    const forced = await runPostcheck(["digest", "--channel", "C1", "--force"], undefined, env());
    expect(forced.stdout).toBe("Digest posted to C1.\n");
    expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("asks for --team when the channel id is known in two workspaces", async () => {
    const r = await runPostcheck(["digest", "--channel", "C3", "--dry-run"], undefined, {
      DATABASE_PATH: db,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("postcheck digest: C3 exists in several workspaces (T1, T2): add --team\n");
    const t2 = await runPostcheck(["digest", "--channel", "C3", "--team", "T2", "--dry-run"], undefined, {
      DATABASE_PATH: db,
    });
    expect(t2.code).toBe(0);
  });

  it("refuses a workspace that is not the bot token's: posting would land in the token's own workspace", async () => {
    const posts = fake.callsTo("chat.postMessage").length;
    // C3 is known in T1 and T2; the token is T1's (auth.test): a T2 digest can't be posted with it.
    const r = await runPostcheck(["digest", "--channel", "C3", "--team", "T2"], undefined, env());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "postcheck digest: SLACK_BOT_TOKEN belongs to workspace T1, not T2: nothing was posted (a bot token posts in its own workspace only)\n",
    );
    expect(r.stdout).toBe("");
    expect(fake.callsTo("chat.postMessage")).toHaveLength(posts);
    expect(deliveries()).not.toContainEqual(expect.objectContaining({ team_id: "T2" }));
    // Its own workspace still works, and a dry run of the other reads the database alone.
    const own = await runPostcheck(["digest", "--channel", "C3", "--team", "T1"], undefined, env());
    expect(own.stdout).toBe("Digest posted to C3.\n");
    const dry = await runPostcheck(
      ["digest", "--channel", "C3", "--team", "T2", "--dry-run"],
      undefined,
      env(),
    );
    expect(dry.code).toBe(0);
  });

  it("explains usage errors in one line with exit code 2, and a missing token with 1", async () => {
    for (const [args, message] of [
      [["digest", "--dry-run"], /--channel needs a Slack channel id/],
      [
        ["digest", "now", "--channel", "C1"],
        /^postcheck digest: unexpected "now" \(usage: postcheck digest --channel C…/,
      ],
      [["digest", "--channel", "C1", "--dry-run", "--force"], /don't go together/],
      [["digest", "--channel", "C1", "--team", "nope", "--dry-run"], /--team needs a Slack workspace id/],
      [["--channel", "C1", "a draft"], /--channel, --team, --dry-run and --force go with digest/],
      [
        ["digest", "--channel", "C1", "--dry-run", "--json"],
        /--json, --jsonl, --lang and --platform go with a draft/,
      ],
      [["digest", "--channel", "C1", "--dry-run", "--lang", "fr"], /go with a draft, not with digest/],
    ] as const) {
      const r = await runPostcheck([...args], undefined, { DATABASE_PATH: db });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.split("\n")[0]).toMatch(message);
      expect(r.stdout).toBe("");
    }
    const noToken = await runPostcheck(["digest", "--channel", "C1"], undefined, {
      DATABASE_PATH: db,
      SLACK_BOT_TOKEN: "",
    });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toBe(
      "postcheck digest: SLACK_BOT_TOKEN (one workspace) or INSTALLATION_ENCRYPTION_KEY (workspaces installed through OAuth) is required to post; or use --dry-run to print it\n",
    );
  });

  it("a dry run that cannot ask Slack whose channel it is says so, not that it could not post", async () => {
    const refusing = await new FakeSlack().start();
    refusing.on("auth.test", () => ({ ok: false, error: "invalid_auth" }));
    try {
      const r = await runPostcheck(
        ["digest", "--channel", "C9", "--dry-run"],
        undefined,
        env({ SLACK_API_URL: refusing.apiUrl }),
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        "postcheck digest: Slack did not say which workspace SLACK_BOT_TOKEN belongs to (invalid_auth) to find C9's workspace: add --team T… to print its digest from the database alone\n",
      );
      const named = await runPostcheck(
        ["digest", "--channel", "C9", "--team", "T1", "--dry-run"],
        undefined,
        env({ SLACK_API_URL: refusing.apiUrl }),
      );
      expect(named.code).toBe(0);
    } finally {
      await refusing.stop();
    }
  });

  it("with Slack unreachable, gives up at once with exit 1 and one line", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const url = `http://127.0.0.1:${port}/api/`;
    const r = await runPostcheck(
      ["digest", "--channel", "C2", "--team", "T1"],
      undefined,
      env({ SLACK_API_URL: url }),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^postcheck digest: could not reach Slack at ${url} \\(.*ECONNREFUSED.*\\); nothing was posted\\n$`,
      ),
    );
  });

  it("says in one line why a DATABASE_PATH cannot be opened, at once, instead of hanging", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    for (const [path, cause] of [
      // Node's recursive mkdir never returned there: the command hung for good.
      ["/proc/postcoach-test/p.db", "the folder /proc/postcoach-test cannot be created there"],
      [join(file, "p.db"), `${file} is a file, not a folder`],
    ]) {
      const r = await runPostcheck(["digest", "--channel", "C1", "--dry-run"], undefined, {
        DATABASE_PATH: path!,
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(
        new RegExp(`^postcheck digest: DATABASE_PATH ${path} cannot be opened: ${cause}[^\n]*\n$`),
      );
    }
  });

  it("with Slack silent, gives up within 30 seconds with exit 1 and one line", async () => {
    const sockets: import("node:net").Socket[] = [];
    const silent = http.createServer(() => undefined);
    silent.on("connection", (s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/`;
    const started = Date.now();
    const r = await runPostcheck(
      ["digest", "--channel", "C2", "--team", "T1"],
      undefined,
      env({ SLACK_API_URL: url }),
    );
    const took = Date.now() - started;
    for (const s of sockets) s.destroy();
    await new Promise<void>((res) => silent.close(() => res()));
    expect(r.code).toBe(1);
    expect(took).toBeLessThan(30_000);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`postcheck digest: could not reach Slack at ${url}`);
  }, 40_000);
});

describe("postcheck digest on PostgreSQL (DATABASE_URL)", () => {
  const fake = new FakeSlack();
  let database: TestDatabase;
  beforeAll(async () => {
    await fake.start();
    database = await freshDatabase("postgres");
    const store = await database.open();
    await seedCheck(store, { user: "U1", channel: "C1", at: Date.now() - WEEK / 2, findings: ["bragging"] });
  });
  afterAll(async () => {
    await fake.stop();
    await database.drop();
  });

  it("posts from PostgreSQL once per channel and week", async () => {
    const env = {
      DATABASE_URL: database.target.databaseUrl!,
      SLACK_BOT_TOKEN: "xoxb-digest",
      SLACK_API_URL: fake.apiUrl,
    };
    const first = await runPostcheck(["digest", "--channel", "C1"], undefined, env);
    expect([first.code, first.stdout]).toEqual([0, "Digest posted to C1.\n"]);
    const again = await runPostcheck(["digest", "--channel", "C1"], undefined, env);
    expect(again.stdout).toMatch(/^Already posted this week in C1/);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(await database.query("SELECT team_id, channel_id, status FROM digest_deliveries")).toEqual([
      { team_id: "T1", channel_id: "C1", status: "posted" },
    ]);
  });

  it("says in one line when the server cannot be reached", async () => {
    const r = await runPostcheck(["digest", "--channel", "C1", "--dry-run"], undefined, {
      DATABASE_URL: "postgres://u:hidden-pw@127.0.0.1:1/x",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^postcheck digest: DATABASE_URL: cannot use PostgreSQL at 127\.0\.0\.1:1\/x: /);
    expect(r.stderr).not.toContain("hidden-pw");
  });
});
