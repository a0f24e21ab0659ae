import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { blockActionPayload } from "../helpers/slack-requests.js";

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] };

describe("coaching reply buttons", () => {
  let h: Harness;
  let value: string;
  const DRAFT = "I'm thrilled to announce I won the award! #blessed";

  beforeAll(async () => {
    h = await startHarness();
    await h.command(DRAFT, "orig");
    const reply = await h.fake.waitForResponse("orig");
    const actions = (reply.body.blocks as Block[]).find((b) => b.type === "actions")!;
    value = actions.elements![0]!.value!;
  });
  /** Submits the revise modal opened by the first "Check a revised draft" click. */
  const submitRevision = (revised: string) => {
    const opened = h.fake.callsTo("views.open")[0]!.params.view as { private_metadata: string };
    return h.interact({
      type: "view_submission",
      team: { id: "T1", domain: "acme" },
      user: { id: "U1", username: "ada", name: "ada", team_id: "T1" },
      api_app_id: "A1",
      token: "verification-token",
      trigger_id: "1.2.3",
      view: {
        id: "V1",
        team_id: "T1",
        type: "modal",
        callback_id: "postcheck_revise_view",
        private_metadata: opened.private_metadata,
        state: { values: { draft: { draft_input: { type: "plain_text_input", value: revised } } } },
        hash: "1",
        title: { type: "plain_text", text: "Revise" },
        blocks: [],
        app_id: "A1",
        bot_id: "BBOT",
      },
    });
  };
  afterAll(async () => {
    await h.stop();
  });

  it("'Check a revised draft' opens a modal prefilled with the draft", async () => {
    const res = await h.interact(
      blockActionPayload("postcheck_revise", value, { responseUrl: h.fake.responseUrl("b1") }),
    );
    expect(res.status).toBe(200);
    const call = await h.fake.waitForCall("views.open");
    const view = call.params.view as {
      callback_id: string;
      blocks: { element: { initial_value: string } }[];
      private_metadata: string;
    };
    expect(view.callback_id).toBe("postcheck_revise_view");
    expect(view.blocks[0]!.element.initial_value).toBe(DRAFT);
    // The modal carries the first version's outcome, never its text.
    expect(view.private_metadata).not.toContain("thrilled");
  });

  it("submitting the revision updates the modal with the score delta and what was resolved", async () => {
    const res = await submitRevision(
      "We won an award for our accessibility work. Here are three things you can reuse: 1. test with a screen reader 2. ... What would you add?",
    );
    expect(res.status).toBe(200);
    const body = res.json() as { response_action: string; view: { blocks: Block[] } };
    expect(body.response_action).toBe("update");
    const text = JSON.stringify(body.view.blocks);
    expect(text).toMatch(/Score \d+ → \*\d+\* \(\+\d+\)/);
    expect(text).toContain("No longer there");
    // Each by its title, as the reply names it, not by a rule id.
    expect(text).toContain(":white_check_mark: Self-congratulation");
    expect(text).not.toContain("`self-congratulation`");
  });

  it("a revision of a few words is not shown as a gain: no delta, nothing 'no longer there'", async () => {
    const res = await submitRevision("x");
    expect(res.status).toBe(200);
    const text = JSON.stringify((res.json() as { view: { blocks: Block[] } }).view.blocks);
    expect(text).toContain("Too short to compare");
    expect(text).not.toMatch(/Score \d+ → /);
    expect(text).not.toContain("No longer there");
  });

  it("an empty revision gets a field error, not a result", async () => {
    const res = await h.interact({
      type: "view_submission",
      team: { id: "T1" },
      user: { id: "U1", team_id: "T1" },
      api_app_id: "A1",
      view: {
        id: "V1",
        callback_id: "postcheck_revise_view",
        private_metadata: "{}",
        state: { values: { draft: { draft_input: { type: "plain_text_input", value: "   " } } } },
      },
    });
    expect(res.json()).toMatchObject({ response_action: "errors", errors: { draft: expect.any(String) } });
  });

  it("'Why these questions?' opens a modal with the rule and guidance behind each finding", async () => {
    const before = h.fake.callsTo("views.open").length;
    await h.interact(blockActionPayload("postcheck_why", value, { responseUrl: h.fake.responseUrl("b2") }));
    const call = await h.fake.waitFor(() => h.fake.callsTo("views.open")[before]);
    const text = JSON.stringify(call.params.view);
    expect(text).toContain("self-congratulation");
    expect(text).toContain("Post to reveal who you are");
  });

  it("'Ask a teammate' posts the draft to the channel as a feedback request, escaped", async () => {
    await h.interact(
      blockActionPayload("postcheck_ask_teammate", value, { responseUrl: h.fake.responseUrl("b3") }),
    );
    const post = await h.fake.waitForCall("chat.postMessage");
    expect(post.params.channel).toBe("C1");
    const text = JSON.stringify(post.params.blocks);
    expect(text).toContain("<@U1> would like feedback");
    expect(text).toContain("thrilled to announce");
    const ack = await h.fake.waitForResponse("b3");
    expect(ack.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(ack.body.text)).toMatch(/Posted/);
  });

  it("tells the author to invite the bot when it is not in the channel", async () => {
    h.fake.on("chat.postMessage", () => ({ ok: false, error: "not_in_channel" }));
    await h.interact(
      blockActionPayload("postcheck_ask_teammate", value, {
        responseUrl: h.fake.responseUrl("b4"),
        channel: "C2",
      }),
    );
    const ack = await h.fake.waitForResponse("b4");
    expect(String(ack.body.text)).toMatch(/\/invite @postcoach/);
  });

  it("a button whose long draft has expired asks to run /postcheck again", async () => {
    await h.interact(
      blockActionPayload("postcheck_why", JSON.stringify({ k: "gone", o: {} }), {
        responseUrl: h.fake.responseUrl("b5"),
      }),
    );
    const ack = await h.fake.waitForResponse("b5");
    expect(String(ack.body.text)).toMatch(/run \/postcheck again/i);
  });

  it("a draft longer than the revision box: the modal says so, and an unchanged submission shows no change", async () => {
    // What a reader would notice comes after the first 3,000 characters: the box can't hold it.
    const neutral = "Our team moved the build to a new runner this week, and here is what we learned. ";
    const long = `${neutral.repeat(Math.ceil(3100 / neutral.length))}I'm thrilled to announce I won the award! So proud. #blessed #winning`;
    await h.command(long, "long");
    const reply = await h.fake.waitForResponse("long");
    const actions = (reply.body.blocks as Block[]).find((b) => b.type === "actions")!;
    const before = h.fake.callsTo("views.open").length;
    await h.interact(
      blockActionPayload("postcheck_revise", actions.elements![0]!.value!, {
        responseUrl: h.fake.responseUrl("b6"),
      }),
    );
    const view = (await h.fake.waitFor(() => h.fake.callsTo("views.open")[before])).params.view as {
      private_metadata: string;
      blocks: { type: string; element?: { initial_value: string }; elements?: { text: string }[] }[];
    };
    const box = view.blocks.find((b) => b.type === "input")!.element!.initial_value;
    expect(box.length).toBeLessThanOrEqual(3000);
    expect(long.startsWith(box)).toBe(true);
    const note = JSON.stringify(view.blocks.filter((b) => b.type === "context"));
    expect(note).toContain("3,000");
    expect(note).toContain("/postcheck");

    const res = await h.interact({
      type: "view_submission",
      team: { id: "T1", domain: "acme" },
      user: { id: "U1", username: "ada", name: "ada", team_id: "T1" },
      api_app_id: "A1",
      view: {
        id: "V2",
        callback_id: "postcheck_revise_view",
        private_metadata: view.private_metadata,
        state: { values: { draft: { draft_input: { type: "plain_text_input", value: box } } } },
      },
    });
    const shown = JSON.stringify((res.json() as { view: { blocks: Block[] } }).view.blocks);
    // The same text on both sides: what the box cut off is not counted as an improvement.
    expect(shown).toMatch(/Score (\d+) → \*\1\* \(no change\)/);
    expect(shown).not.toContain("No longer there");
  });
});
