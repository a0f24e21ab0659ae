import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import {
  blockActionPayload,
  FORM,
  homeSelectPayload as homeSelect,
  postSigned,
} from "../helpers/slack-requests.js";

type Block = { type: string; elements?: { action_id?: string; value?: string }[] };

const DRAFT = "I'm thrilled to announce I won the award! Here is what I learned along the way.";

function revision(view: Record<string, unknown>) {
  return {
    type: "view_submission",
    team: { id: "T1" },
    user: { id: "U1", team_id: "T1" },
    api_app_id: "A1",
    view: { id: "V1", callback_id: "postcheck_revise_view", ...view },
  };
}

const buttonsOf = (blocks: unknown) => (blocks as Block[]).find((b) => b.type === "actions")?.elements ?? [];

describe("forged or malformed interactive input", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("never stores a Home setting the Home doesn't offer, and the user keeps getting replies", async () => {
    const published = h.fake.callsTo("views.publish").length;
    for (const [action, value] of [
      ["home_language", "klingon"],
      ["home_platform", "myspace"],
    ] as const) {
      expect((await h.interact(homeSelect(action, value, "UK"))).status).toBe(200);
    }
    await h.fake.waitFor(() => h.fake.callsTo("views.publish")[published + 1]);
    const row = h.store.db
      .prepare("SELECT language, platform FROM user_settings WHERE user_id = 'UK'")
      .get() as Record<string, string> | undefined;
    expect(row ?? { language: "auto", platform: "linkedin" }).toEqual({
      language: "auto",
      platform: "linkedin",
    });
    await h.command(DRAFT, "k1", { user_id: "UK" });
    expect(JSON.stringify((await h.fake.waitForResponse("k1")).body.blocks)).toContain(
      "Questions to ask yourself",
    );
  });

  it("files a Home setting under the user's team when an org-wide install sends team: null, and never under an empty team", async () => {
    const published = h.fake.callsTo("views.publish").length;
    const orgWide = { ...homeSelect("home_language", "fr", "UORG"), team: null };
    expect((await h.interact(orgWide)).status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo("views.publish")[published]);
    expect(await h.store.users.get("T1", "UORG")).toMatchObject({ language: "fr" });

    const teamless = { ...homeSelect("home_language", "fr", "UNONE"), team: null, user: { id: "UNONE" } };
    expect((await h.interact(teamless)).status).toBe(200);
    const rows = h.store.db
      .prepare("SELECT team_id FROM user_settings WHERE user_id = 'UNONE' OR team_id = ''")
      .all();
    expect(rows).toEqual([]);
    expect((await fetch(h.url.replace("/slack/events", "/healthz"))).status).toBe(200);
  });

  it("a bad value already in the database reads as the default: /postcheck and DMs answer again", async () => {
    await h.store.users.update("T1", "UBAD", { language: "fr" });
    h.store.db
      .prepare("UPDATE user_settings SET language = 'klingon', platform = 'myspace' WHERE user_id = 'UBAD'")
      .run();
    expect(await h.store.users.get("T1", "UBAD")).toMatchObject({ language: "auto", platform: "linkedin" });
    await h.command(DRAFT, "bad1", { user_id: "UBAD" });
    expect(JSON.stringify((await h.fake.waitForResponse("bad1")).body.blocks)).toContain(
      "Questions to ask yourself",
    );
    await h.event({
      type: "message",
      channel: "DBAD",
      channel_type: "im",
      user: "UBAD",
      text: DRAFT,
      ts: "1700000100.000100",
    });
    const dm = await h.fake.waitFor(() =>
      h.fake.callsTo("chat.postMessage").find((c) => c.params.channel === "DBAD"),
    );
    expect(JSON.stringify(dm.params.blocks)).toContain("Questions to ask yourself");
  });

  it("answers a button it cannot read with a clear message, never silence or a 500", async () => {
    const values = [
      undefined,
      "null",
      "not json",
      '{"o":{"lang":"de"}}',
      '{"d":"hi","o":{"lang":"de"}}',
      "[]",
    ];
    for (const [i, value] of values.entries()) {
      const payload = blockActionPayload("postcheck_why", value ?? "", {
        responseUrl: h.fake.responseUrl(`v${i}`),
      });
      if (value === undefined) delete (payload.actions[0] as { value?: string }).value;
      expect((await h.interact(payload)).status, String(value)).toBe(200);
      const answer = await h.fake.waitForResponse(`v${i}`);
      expect(String(answer.body.text), String(value)).toMatch(/couldn't read that button/);
    }
    expect(h.fake.callsTo("views.open")).toEqual([]);
  });

  it("a revision without state or first version gets an inline error in the modal", async () => {
    const noState = await h.interact(revision({ private_metadata: "{}" }));
    expect(noState.status).toBe(200);
    expect(noState.json()).toMatchObject({
      response_action: "errors",
      errors: { draft: expect.any(String) },
    });
    for (const metadata of [
      null,
      "",
      "{}",
      '{"score":"x"}',
      '{"score":50,"rules":[],"options":{"lang":"de"}}',
    ]) {
      const res = await h.interact(
        revision({
          private_metadata: metadata,
          state: { values: { draft: { draft_input: { type: "plain_text_input", value: DRAFT } } } },
        }),
      );
      expect(res.status, String(metadata)).toBe(200);
      expect(res.json(), String(metadata)).toMatchObject({
        response_action: "errors",
        errors: { draft: expect.stringMatching(/lost track of your first version/) },
      });
    }
  });

  it("a /postcheck without the fields Slack always sends is answered kindly", async () => {
    const body = new URLSearchParams({ command: "/postcheck", text: DRAFT, team_id: "T1" }).toString();
    const res = await postSigned(h.url, body, FORM);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringMatching(/try `\/postcheck` again/),
    });
  });

  it("a long draft's button opens it for its author only, not for someone replaying its value", async () => {
    const long = `${DRAFT} ${"We rehearsed the rollback every month, and it paid off. ".repeat(45)}`;
    expect(long.length).toBeGreaterThan(2000);
    await h.command(long, "long", { user_id: "UA" });
    const [revise] = buttonsOf((await h.fake.waitForResponse("long")).body.blocks);
    expect(JSON.parse(revise!.value!)).toHaveProperty("k");
    const opens = h.fake.callsTo("views.open").length;

    await h.interact(
      blockActionPayload("postcheck_revise", revise!.value!, {
        responseUrl: h.fake.responseUrl("b"),
        user: "UB",
      }),
    );
    expect(String((await h.fake.waitForResponse("b")).body.text)).toMatch(/no longer in my memory/);
    expect(h.fake.callsTo("views.open")).toHaveLength(opens);

    await h.interact(
      blockActionPayload("postcheck_revise", revise!.value!, {
        responseUrl: h.fake.responseUrl("a"),
        user: "UA",
      }),
    );
    const open = await h.fake.waitFor(() => h.fake.callsTo("views.open")[opens]);
    expect(JSON.stringify(open.params.view)).toContain("We rehearsed the rollback");
  });
});
