import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteStore } from "../../src/store/index.js";
import { FakeSlack } from "../helpers/fake-slack.js";
import { runPostcheck } from "../helpers/spawn.js";

describe("postcheck digest", () => {
  const dir = mkdtempSync(join(tmpdir(), "postcoach-digest-"));
  const db = join(dir, "p.db");
  const fake = new FakeSlack();
  beforeAll(async () => {
    await fake.start();
    const store = createSqliteStore(db);
    const now = Date.now();
    for (const [user, score, findings] of [
      ["U1", 40, ["self-congratulation", "bragging"]],
      ["U1", 70, ["self-congratulation"]],
      ["U2", 80, []],
    ] as const) {
      await store.checks.record({
        teamId: "T1",
        userId: user,
        channelId: "C1",
        at: now - 3600_000,
        score,
        dimensions: {},
        language: "en",
        platform: "linkedin",
        surface: "slash",
        draftHash: `${user}${score}`,
        counts: true,
        findings: [...findings],
      });
    }
    await store.checks.record({
      teamId: "T1",
      userId: "U9",
      channelId: "C2",
      at: now,
      score: 10,
      dimensions: {},
      language: "en",
      platform: "x",
      surface: "slash",
      draftHash: "other",
      counts: true,
      findings: [],
    });
    await store.mentoring.recordRequest("T1", "C1", "100.1", "U1", now - 3000_000);
    const req = (await store.mentoring.request("T1", "C1", "100.1"))!;
    await store.mentoring.recordReply("T1", req.id, "U2", "100.2", now - 2000_000);
    await store.mentoring.recordReply("T1", req.id, "U3", "100.3", now - 1000_000);
    await store.users.update("T1", "U2", { showInDigest: true });
    await store.close();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints this week's digest for a channel with --dry-run, naming only mentors who opted in", async () => {
    const r = await runPostcheck(["digest", "--channel", "C1", "--dry-run"], undefined, {
      DATABASE_PATH: db,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 people checked 3 drafts here (average score 63/100)");
    expect(r.stdout).toContain("1 feedback request, 2 thoughtful replies");
    expect(r.stdout).toContain("What came up most:* `self-congratulation`");
    expect(r.stdout).toContain("Thank you to <@U2> and 1 more teammate for mentoring");
    expect(r.stdout).not.toContain("U3");
    expect(r.stdout).not.toContain("U9");
  });

  it("posts it with the bot token through the Slack Web API", async () => {
    const r = await runPostcheck(["digest", "--channel", "C1"], undefined, {
      DATABASE_PATH: db,
      SLACK_BOT_TOKEN: "xoxb-digest",
      SLACK_API_URL: fake.apiUrl,
    });
    expect(r.code).toBe(0);
    const post = await fake.waitForCall("chat.postMessage");
    expect(post.params.channel).toBe("C1");
    expect(JSON.stringify(post.params.blocks)).toContain("postcoach weekly digest");
  });

  it("explains what is missing, with exit codes 2 (usage) and 1 (cannot post)", async () => {
    expect((await runPostcheck(["digest", "--dry-run"], undefined, { DATABASE_PATH: db })).code).toBe(2);
    const noToken = await runPostcheck(["digest", "--channel", "C1"], undefined, {
      DATABASE_PATH: db,
      SLACK_BOT_TOKEN: "",
    });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/SLACK_BOT_TOKEN is required/);
  });
});
