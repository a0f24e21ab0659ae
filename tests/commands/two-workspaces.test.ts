import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, FakeOpenAI } from "../helpers/fake-openai.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { INSTALLATION_SECRET, OAUTH_ENV, workspaceInstallation } from "../helpers/installations.js";
import { eventCallbackBody, JSON_TYPE, postSigned } from "../helpers/slack-requests.js";
import { runPostcheck } from "../helpers/spawn.js";

const DRAFT = "I'm thrilled to announce we shipped the new onboarding flow! Here is what we learned.";

/**
 * Two workspaces on one postcoach, with the same user and channel ids in both (Slack's ids are
 * unique per workspace only): nothing of one is ever shown to the other.
 */
describe("two workspaces on one postcoach", () => {
  const llm = new FakeOpenAI();
  let h: Harness;
  beforeAll(async () => {
    await llm.start();
    llm.reply(() => ({ content: answer(["Who is this for?", "What was hard about it?"]) }));
    h = await startHarness({
      ...OAUTH_ENV,
      OPENAI_API_KEY: "test-key",
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_MODEL: "tiny",
    });
    for (const t of ["T1", "T2"]) await h.store.installations.save(workspaceInstallation(t));
  });
  afterAll(async () => {
    await h.stop();
    await llm.stop();
  });

  const tokenOf = (c: { headers: Record<string, unknown> }) => String(c.headers.authorization);

  it("keeps checks, the Home, exports and LLM answers apart, each workspace with its own token", async () => {
    // U1 checks the same draft twice in T1, once in T2.
    await h.command(DRAFT, "t1-a", { team_id: "T1" });
    await h.fake.waitForResponse("t1-a");
    await expect.poll(() => llm.requests.length, { timeout: 5000 }).toBe(1);
    await h.command(DRAFT, "t1-b", { team_id: "T1" });
    await h.fake.waitForResponse("t1-b");
    await h.command(DRAFT, "t2-a", { team_id: "T2" });
    await h.fake.waitForResponse("t2-a");
    // T1's second check was answered from T1's cache; T2's was not served T1's answer.
    await expect.poll(() => llm.requests.length, { timeout: 5000 }).toBe(2);
    await expect
      .poll(() => h.store.db.prepare("SELECT team_id FROM llm_cache ORDER BY team_id").all(), {
        timeout: 5000,
      })
      .toEqual([{ team_id: "T1" }, { team_id: "T2" }]);
    expect(await h.store.checks.count("T1", "U1")).toBe(2);
    expect(await h.store.checks.count("T2", "U1")).toBe(1);

    // The Home of U1 in each workspace: its own count, published with its own token.
    for (const t of ["T1", "T2"])
      await postSigned(
        h.url,
        eventCallbackBody({ type: "app_home_opened", user: "U1", channel: "D1", tab: "home" }, undefined, t),
        JSON_TYPE,
      );
    await h.fake.waitFor(() => (h.fake.callsTo("views.publish").length >= 2 ? true : undefined));
    const homes = new Map(
      h.fake.callsTo("views.publish").map((c) => [tokenOf(c), JSON.stringify(c.params.view)] as const),
    );
    expect(homes.get("Bearer xoxb-T1")).toContain("2 drafts checked");
    expect(homes.get("Bearer xoxb-T2")).toContain("1 draft checked");

    // U1's export in T2: T2's one check, sent with T2's token.
    await h.command("export", "t2-export", { team_id: "T2" });
    await h.fake.waitForResponse("t2-export");
    const upload = await h.fake.waitFor(() => h.fake.uploads[0]);
    const raw = upload.body.toString("utf8");
    const data = JSON.parse(raw.slice(raw.indexOf("{"), raw.lastIndexOf("}") + 1));
    expect(data.teamId).toBe("T2");
    expect(data.checks).toHaveLength(1);
    expect(h.fake.callsTo("conversations.open").map(tokenOf)).toEqual(["Bearer xoxb-T2"]);
  });

  it("posts a channel's digest with its own workspace's token (postcheck digest --team)", async () => {
    const run = await runPostcheck(["digest", "--channel", "C1", "--team", "T2", "--force"], undefined, {
      DATABASE_PATH: h.databasePath,
      DATABASE_URL: "",
      SLACK_BOT_TOKEN: "",
      INSTALLATION_ENCRYPTION_KEY: INSTALLATION_SECRET,
      SLACK_API_URL: h.fake.apiUrl,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const posts = h.fake.callsTo("chat.postMessage").filter((c) => c.params.channel === "C1");
    expect(posts.map(tokenOf)).toEqual(["Bearer xoxb-T2"]);
    const nowhere = await runPostcheck(["digest", "--channel", "C1", "--team", "T3"], undefined, {
      DATABASE_PATH: h.databasePath,
      DATABASE_URL: "",
      SLACK_BOT_TOKEN: "",
      INSTALLATION_ENCRYPTION_KEY: INSTALLATION_SECRET,
      SLACK_API_URL: h.fake.apiUrl,
    });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(/T3 has not installed postcoach/);
  });
});
