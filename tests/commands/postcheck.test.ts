import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";
import { JSON_TYPE, postSigned } from "../helpers/slack-requests.js";

type Block = {
  type: string;
  text?: { type?: string; text: string; verbatim?: boolean };
  elements?: { action_id?: string; value?: string; confirm?: unknown }[];
};

/** Every text element of the reply's rich text blocks, as Slack shows it (literally). */
function richTexts(blocks: Block[]): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const n = node as { type?: string; text?: unknown; elements?: unknown };
      if (n.type === "text" && typeof n.text === "string") out.push(n.text);
      walk(n.elements);
    }
  };
  walk(blocks.filter((b) => b.type === "rich_text"));
  return out;
}

describe("/postcheck over HTTP", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("acks at once, then sends the ephemeral coaching reply to response_url", async () => {
    const res = await h.command("I'm thrilled to announce I won the award!", "r1");
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const reply = await h.fake.waitForResponse("r1");
    expect(reply.body.response_type).toBe("ephemeral");
    const blocks = reply.body.blocks as Block[];
    const all = JSON.stringify(blocks);
    expect(all).toMatch(/Score \d+\/100/);
    expect(all).toContain("Self-congratulation");
    expect(all).toContain("I'm thrilled to announce");
    expect(all).toContain("Questions to ask yourself");
    const actions = blocks.find((b) => b.type === "actions")!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual([
      "postcheck_revise",
      "postcheck_why",
      "postcheck_ask_teammate",
    ]);
    expect(actions.elements![2]!.confirm).toBeDefined();
    expect(String(reply.body.text).length).toBeLessThan(4000);
  });

  it("shows usage for /postcheck alone and /postcheck help, mentioning threads", async () => {
    for (const text of ["", "help"]) {
      const res = await h.command(text);
      expect(res.status).toBe(200);
      const body = res.json();
      expect(body.response_type).toBe("ephemeral");
      expect(String(body.text)).toMatch(/can't be used inside threads/);
      expect(String(body.text)).toMatch(/channel feedback on/);
    }
    // Asked in French, answered in French.
    for (const text of ["aide", "--fr"]) {
      const body = (await h.command(text)).json();
      expect(String(body.text), text).toMatch(/ne marchent pas dans les fils/);
    }
  });

  it("asks what a mistyped subcommand meant, and does nothing", async () => {
    const cases: [string, string][] = [
      ["forgt", "/postcheck forget"],
      ["exprot", "/postcheck export"],
      ["digets on friday 16:00", "/postcheck digest on friday 16:00"],
      ["chanel feedback off", "/postcheck channel feedback off"],
    ];
    for (const [i, [typed, meant]] of cases.entries()) {
      const res = await h.command(typed, `typo-${i}`);
      const text = String(res.json().text);
      expect(text, typed).toContain(`Did you mean \`${meant}\`?`);
      expect(text, typed).toContain(typed);
    }
    // Nothing was coached, deleted or scheduled: no reply came after the answer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const i of cases.keys()) expect(h.fake.responses.some((r) => r.id === `typo-${i}`)).toBe(false);
    // A mistyped help gets the help it asked for, in French for "aied".
    expect(String((await h.command("hlep")).json().text)).toMatch(/can't be used inside threads/);
    expect(String((await h.command("aied")).json().text)).toMatch(/ne marchent pas dans les fils/);
    // Words one edit from a command inside a draft leave the draft a draft.
    for (const [i, draft] of [
      "Forgot my keys",
      "Expert tips inside",
      "Digest this: our numbers are in",
      // Corrected, not a valid subcommand; a four-letter word one letter from "help" or "aide".
      "Digests on sale!",
      "Hell",
      "Side",
    ].entries()) {
      const res = await h.command(draft, `draft-${i}`);
      expect(res.text, draft).toBe("");
      expect((await h.fake.waitForResponse(`draft-${i}`)).body.response_type).toBe("ephemeral");
    }
  });

  it("never lets a draft broadcast or mention anyone", async () => {
    await h.command(
      "<!channel> <!here> <!everyone> <!subteam^S123|@team> <@U999> @channel I won the award",
      "r2",
    );
    const reply = await h.fake.waitForResponse("r2");
    // Everything Slack renders (button values are data, never displayed).
    const shown = (reply.body.blocks as Block[])
      .flatMap((b) => [
        b.text?.text ?? "",
        ...(b.elements ?? []).map((e) => JSON.stringify((e as { text?: unknown }).text ?? "")),
      ])
      .join("\n");
    for (const raw of ["<!channel>", "<!here>", "<!everyone>", "<!subteam", "<@U999>"])
      expect(shown).not.toContain(raw);
    expect(shown).not.toMatch(/@(channel|here|everyone)\b/);
    expect(String(reply.body.text)).not.toMatch(/<[!@]/);
    for (const b of reply.body.blocks as Block[]) if (b.text) expect(b.text.verbatim).toBe(true);
  });

  it("shows Slack's control characters typed in a draft as typed, never as markup", async () => {
    // Slack sends typed <, > and & as entities; the reply quotes them in rich text, as characters.
    await h.command("Thrilled to announce a &lt; b &amp;&amp; &lt;!here&gt; wins!", "r2b");
    const reply = await h.fake.waitForResponse("r2b");
    const rich = richTexts(reply.body.blocks as Block[]).join("\n");
    // The quote stops before "<!here>", read as a mention: never a piece of one.
    expect(rich).toContain("“Thrilled to announce a < b &&”");
    expect(rich).not.toContain("&lt;");
    // Nothing typed reaches a mrkdwn text, where Slack would parse it.
    const mrkdwn = (reply.body.blocks as Block[]).map((b) => b.text?.text ?? "").join("\n");
    expect(mrkdwn).not.toContain("<!here>");
  });

  it("strips terminal escapes and bidi overrides from a draft wherever the reply quotes it", async () => {
    // ESC would reach terminals that print notifications; U+202E (RLO) makes text read backwards.
    await h.command(
      "\u001b[31mThrilled\u001b[0m to announce \u202eI won the award\u202c! So proud. #blessed",
      "r2ctl",
    );
    const reply = await h.fake.waitForResponse("r2ctl");
    // Buttons carry the draft back as data, exactly as typed: only what Slack shows is checked.
    const sent = JSON.stringify({ text: reply.body.text, blocks: reply.body.blocks }, (key, v) =>
      key === "value" ? undefined : v,
    );
    expect(String(reply.body.text)).toMatch(/Thrilled|award|proud/);
    expect(sent).not.toMatch(/\\u001b|\\u202[a-e]|\\u206[6-9]/i);
    expect(sent).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it("shows a draft's *bold* _italic_ ~strike~ and `code` marks as typed, in rich text", async () => {
    const draft = "I'm *thrilled* to announce _our_ ~old~ `new` launch! So proud of me.";
    await h.command(draft, "r2c");
    const reply = await h.fake.waitForResponse("r2c");
    const blocks = reply.body.blocks as Block[];
    const excerpts = richTexts(blocks);
    expect(excerpts.some((t) => t.includes("*thrilled*"))).toBe(true);
    // No mrkdwn text object carries a word of the draft: only the coach's own words are formatted.
    for (const b of blocks) if (b.text?.type === "mrkdwn") expect(b.text.text).not.toContain("thrilled");
  });

  it("answers in French for a French draft", async () => {
    await h.command("Ravie de vous annoncer ma promotion !", "r3");
    const reply = await h.fake.waitForResponse("r3");
    expect(JSON.stringify(reply.body.blocks)).toContain("Questions à vous poser");
  });

  it("handles a huge draft within Slack's limits and says it read the first part", async () => {
    await h.command("Here is one thing I learned. ".repeat(3000), "r4");
    const reply = await h.fake.waitForResponse("r4");
    const blocks = reply.body.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    for (const b of blocks)
      for (const e of b.elements ?? []) if (e.value) expect(e.value.length).toBeLessThanOrEqual(2000);
    expect(JSON.stringify(blocks)).toContain("20,000");
  });

  it("takes platform and language flags before the draft", async () => {
    await h.command(`--x --fr ${"mot ".repeat(100)}`, "r5");
    const reply = await h.fake.waitForResponse("r5");
    expect(JSON.stringify(reply.body.blocks)).toContain("Trop long pour cette plateforme");
  });

  it("switches a channel to public thread feedback and back", async () => {
    await h.command("channel feedback on", "r6");
    expect(String((await h.fake.waitForResponse("r6")).body.text)).toMatch(/for everyone/);
    expect(await h.store.settings.channel("T1", "C1")).toEqual({ publicFeedback: true });
    await h.command("channel feedback off", "r7");
    await h.fake.waitForResponse("r7");
    expect(await h.store.settings.channel("T1", "C1")).toEqual({ publicFeedback: false });
  });

  it("turns the weekly digest on for a channel", async () => {
    await h.command("digest on", "rd");
    expect(String((await h.fake.waitForResponse("rd")).body.text)).toMatch(/weekly|Monday/);
    expect(await h.store.digestSchedules.get("T1", "C1")).toMatchObject({
      enabled: true,
      weekday: 1,
      minute: 540,
    });
  });

  it("does not offer 'Ask a teammate' in a DM", async () => {
    await h.command("We shipped the release.", "r8", { channel_id: "D1" });
    const reply = await h.fake.waitForResponse("r8");
    expect(JSON.stringify(reply.body.blocks)).not.toContain("postcheck_ask_teammate");
  });

  it("answers Slack's url_verification challenge when the Request URL is set", async () => {
    const body = JSON.stringify({
      token: "t",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const res = await postSigned(h.url, body, JSON_TYPE);
    expect(res.status).toBe(200);
    expect(res.text).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("refuses requests with a bad, missing or stale signature", async () => {
    const bad = await h.command("hello", "bad1", {}, { signature: "v0=deadbeef" });
    const missing = await h.command("hello", "bad2", {}, { signature: null });
    const stale = await h.command(
      "hello",
      "bad3",
      {},
      { timestamp: Math.floor(Date.now() / 1000) - 60 * 10 },
    );
    const wrongSecret = await h.command("hello", "bad4", {}, { secret: "not-the-secret" });
    // Slack: reject a timestamp more than five minutes from local time, either way.
    const future = await h.command(
      "hello",
      "bad5",
      {},
      { timestamp: Math.floor(Date.now() / 1000) + 60 * 6 },
    );
    for (const r of [bad, missing, stale, wrongSecret, future]) expect(r.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.responses.filter((r) => r.id.startsWith("bad"))).toEqual([]);
  });

  it("never logs the token or the draft", async () => {
    await h.command("My secret draft about the quarterly numbers", "r9");
    await h.fake.waitForResponse("r9");
    const logs = h.logs.join("\n");
    expect(logs).not.toContain("xoxb-test-token");
    expect(logs).not.toContain("secret draft");
  });
});
