import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WAL_SCRUB_DELAY_MS } from "../../src/store/db.js";
import { databaseBytes } from "../helpers/databases.js";
import { type Harness, startHarness } from "../helpers/harness.js";
import { blockActionPayload, homeSelectPayload } from "../helpers/slack-requests.js";

const LONG =
  "Here is what we learned from our first outage, and three things you can reuse in your own team.";

describe("App Home and privacy", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  const openHome = (user: string) =>
    h.event({ type: "app_home_opened", user, channel: "D1", tab: "home", event_ts: `${Date.now() / 1000}` });
  /** The Home's privacy checkboxes, as Slack sends them once the user ticked `ticked`; waits for the Home again. */
  const tickHomeOptions = async (user: string, ticked: string[]) => {
    const before = h.fake.callsTo("views.publish").length;
    await h.interact({
      ...blockActionPayload("home_options", "", { responseUrl: "" }),
      user: { id: user, team_id: "T1" },
      container: { type: "view", view_id: "V1" },
      actions: [
        {
          type: "checkboxes",
          action_id: "home_options",
          block_id: "home_privacy",
          selected_options: ticked.map((value) => ({ value, text: { type: "plain_text", text: value } })),
          action_ts: "1",
        },
      ],
    });
    await h.fake.waitFor(() => h.fake.callsTo("views.publish")[before]);
  };
  const published = async (n: number) =>
    (await h.fake.waitFor(() => h.fake.callsTo("views.publish")[n])).params;

  it("welcomes a brand-new user, within Slack's limits", async () => {
    await openHome("UNEW");
    const call = await published(0);
    const view = call.view as { type: string; blocks: unknown[] };
    expect(call.user_id).toBe("UNEW");
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain("Your first check starts your streak");
  });

  it("shows streaks, the score trend, recurring findings and settings once there is activity", async () => {
    await h.command(`I'm thrilled to announce my promotion! ${LONG}`, "h1", { user_id: "U5" });
    await h.fake.waitForResponse("h1");
    await openHome("U5");
    const view = JSON.stringify((await published(1)).view);
    expect(view).toContain("Being mentored*: 1 week in a row");
    expect(view).toMatch(/Score, last 8 weeks\*\s+`[·▁▂▃▄▅▆▇█]{8}`/);
    expect(view).toContain("*Self-congratulation* (1×)");
    expect(view).toContain("home_language");
    expect(view).toContain("Forget me");
  });

  it("shows the Home in French once the user picks French in its language menu, in English after", async () => {
    await h.command(
      "Je suis ravi d'annoncer ma promotion ! Voici ce que nous avons appris de notre première panne, et trois choses que vous pouvez réutiliser dans votre équipe.",
      "hfr",
      { user_id: "UFRH" },
    );
    await h.fake.waitForResponse("hfr");
    const pick = async (language: string) => {
      const before = h.fake.callsTo("views.publish").length;
      await h.interact(homeSelectPayload("home_language", language, "UFRH"));
      return JSON.stringify((await published(before)).view);
    };
    const french = await pick("fr");
    for (const words of [
      "Vos habitudes de publication",
      "*Être mentoré* : 1 semaine d'affilée",
      "*Score, 8 dernières semaines*",
      "1 brouillon vérifié",
      "*Ce qui revient le plus souvent*",
      "• *Auto-félicitation* (1×) : Publiez pour révéler qui vous êtes",
      "Réglages",
      "Selon le brouillon",
      "Afficher mon nom dans le bilan du canal",
      "Garder le texte de mes brouillons dans mon historique (pour moi seul)",
      "`/postcheck confidentialité`",
      "Exporter mes données",
      "M'oublier",
      "Tout effacer ?",
    ])
      expect(french).toContain(words);
    expect(french).not.toMatch(
      /Settings|Detect from the draft|Show my name|Export my data|Forget me|Being mentored/,
    );
    // The language menu still shows French picked, among the same three values.
    expect(french).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Français"},"value":"fr"}',
    );
    const english = await pick("en");
    expect(english).toContain("Your posting habits");
    expect(english).toContain("*Being mentored*: 1 week in a row");
    expect(english).not.toContain("Réglages");
  });

  it("saves settings from the Home tab and republishes it", async () => {
    await tickHomeOptions("U5", ["store_drafts"]);
    expect(await h.store.users.get("T1", "U5")).toMatchObject({ storeDrafts: true, showInDigest: false });
  });

  it("stores draft text only for users who opted in", async () => {
    await h.command(`Second draft, kept because I opted in. ${LONG}`, "h2", { user_id: "U5" });
    await h.fake.waitForResponse("h2");
    await h.command(`A draft from someone who did not opt in. ${LONG}`, "h3", { user_id: "U6" });
    await h.fake.waitForResponse("h3");
    const rows = h.store.db.prepare("SELECT user_id, draft_text FROM checks ORDER BY id").all() as {
      user_id: string;
      draft_text: string | null;
    }[];
    expect(rows.find((r) => r.user_id === "U5" && r.draft_text?.startsWith("Second draft"))).toBeDefined();
    expect(rows.filter((r) => r.user_id === "U6").every((r) => r.draft_text === null)).toBe(true);
    expect(rows.filter((r) => r.user_id === "U5")[0]!.draft_text).toBeNull();
  });

  it("/postcheck privacy says exactly what is stored", async () => {
    await h.command("privacy", "p1", { user_id: "U5" });
    const text = String((await h.fake.waitForResponse("p1")).body.text);
    expect(text).toContain("2 checked drafts");
    expect(text).toContain("The text of 1 draft you checked, because you opted in");
    expect(text).toMatch(/older than 365 days/);
  });

  it("/postcheck privacy names a long draft kept for its buttons", async () => {
    const long = `${LONG} `.repeat(30);
    await h.command(long, "l1", { user_id: "U8" });
    await h.fake.waitForResponse("l1");
    await h.command("privacy", "l2", { user_id: "U8" });
    const text = String((await h.fake.waitForResponse("l2")).body.text);
    expect(text).toContain("1 long draft kept for the buttons under its reply, deleted an hour after it.");
    expect(text).toContain("Not the text of your drafts");
  });

  it("a draft leaves the database files, write-ahead log included, soon after its reply is out", async () => {
    const word = "Wombatquillfeather";
    await h.command(`${LONG} ${word} was our first product.`, "w1", { user_id: "U8" });
    await h.fake.waitForResponse("w1");
    await expect
      .poll(() => databaseBytes(h.databasePath).includes(word), { timeout: WAL_SCRUB_DELAY_MS + 3000 })
      .toBe(false);
  });

  it("/postcheck export sends a JSON file of everything to the user's DM", async () => {
    await h.command("export", "p2", { user_id: "U5" });
    expect(String((await h.fake.waitForResponse("p2")).body.text)).toMatch(/direct messages/);
    expect((await h.fake.waitForCall("conversations.open")).params.users).toBe("U5");
    const upload = await h.fake.waitFor(() => h.fake.uploads[0]);
    // The Web API client uploads the file as multipart form data: the JSON is its one part.
    const raw = upload.body.toString("utf8");
    const data = JSON.parse(raw.slice(raw.indexOf("{"), raw.lastIndexOf("}") + 1));
    expect(data.userId).toBe("U5");
    expect(data.checks).toHaveLength(2);
    expect(data.settings[0]).toMatchObject({ store_drafts: 1 });
    const complete = await h.fake.waitForCall("files.completeUploadExternal");
    expect(complete.params.channel_id).toBe("DU5");
  });

  it("unticking “keep my draft text” deletes the texts kept, from the database files too", async () => {
    await tickHomeOptions("U5", []);
    expect(await h.store.users.get("T1", "U5")).toMatchObject({ storeDrafts: false });
    const kept = h.store.db.prepare("SELECT COUNT(*) AS n FROM checks WHERE draft_text IS NOT NULL").get();
    expect(kept).toEqual({ n: 0 });
    expect(await h.store.checks.count("T1", "U5")).toBe(2);
    await expect
      .poll(() => databaseBytes(h.databasePath).includes("kept because I opted in"), {
        timeout: WAL_SCRUB_DELAY_MS + 3000,
      })
      .toBe(false);
    await h.command("privacy", "p5", { user_id: "U5" });
    expect(String((await h.fake.waitForResponse("p5")).body.text)).toContain("Not the text of your drafts");
  });

  it("/postcheck forget deletes everything about the user after confirmation: no table mentions them", async () => {
    // The channel's digest U5 turned on stays on; who turned it on is forgotten.
    await h.command("digest on", "pdigest", { user_id: "U5", channel_id: "C5" });
    await h.fake.waitForResponse("pdigest");
    expect(JSON.stringify(h.store.db.prepare("SELECT * FROM digest_schedules").all())).toContain("U5");
    await h.command("forget", "p3", { user_id: "U5" });
    const prompt = await h.fake.waitForResponse("p3");
    expect(JSON.stringify(prompt.body.blocks)).toContain("privacy_forget_confirmed");
    expect(await h.store.checks.count("T1", "U5")).toBe(2);
    await h.interact({
      ...blockActionPayload("privacy_forget_confirmed", "forget", { responseUrl: h.fake.responseUrl("p4") }),
      user: { id: "U5", team_id: "T1" },
    });
    expect(String((await h.fake.waitForResponse("p4")).body.text)).toMatch(/deleted/);
    const tables = (
      h.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables.length).toBeGreaterThan(8);
    for (const table of tables) {
      const rows = h.store.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      for (const row of rows) expect(JSON.stringify(row), table).not.toContain("U5");
    }
    expect(await h.store.checks.count("T1", "U6")).toBe(1);
    expect(await h.store.digestSchedules.get("T1", "C5")).toMatchObject({ enabled: true });
  });
});

describe("Home settings apply to coaching", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("uses the chosen language and default platform unless the draft says otherwise", async () => {
    await h.store.users.update("T1", "U7", { language: "fr", platform: "x" });
    const long = "We shipped the new onboarding flow and here is what we learned along the way. ".repeat(5);
    await h.command(long, "s1", { user_id: "U7" });
    const text = JSON.stringify((await h.fake.waitForResponse("s1")).body.blocks);
    expect(text).toContain("Questions à vous poser");
    expect(text).toContain("Trop long pour cette plateforme");
    await h.command(`--en --blog ${long}`, "s2", { user_id: "U7" });
    const typed = JSON.stringify((await h.fake.waitForResponse("s2")).body.blocks);
    expect(typed).toContain("Questions to ask yourself");
    expect(typed).not.toContain("Too long for this platform");
  });
});
