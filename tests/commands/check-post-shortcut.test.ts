import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../helpers/harness.js";

function shortcut(text: string, responseUrl: string, extra: Record<string, unknown> = {}) {
  return {
    type: "message_action",
    callback_id: "check_post",
    trigger_id: "1.2.3",
    response_url: responseUrl,
    team: { id: "T1", domain: "acme" },
    channel: { id: "C1", name: "general" },
    user: { id: "U2", name: "grace" },
    message_ts: "1700000000.000100",
    message: { type: "message", user: "U1", ts: "1700000000.000100", text, ...extra },
    token: "verification-token",
    action_ts: "1700000001.000000",
  };
}

describe("message shortcut 'Check this post'", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it("coaches the message privately for whoever used it", async () => {
    const res = await h.interact(shortcut("Tag someone who needs this! <!here>", h.fake.responseUrl("s1")));
    expect(res.status).toBe(200);
    const reply = await h.fake.waitForResponse("s1");
    expect(reply.body.response_type).toBe("ephemeral");
    const text = JSON.stringify(reply.body.blocks);
    expect(text).toContain("Engagement bait");
    expect(text).not.toContain("<!here>");
    expect(text).not.toContain("postcheck_ask_teammate");
  });

  it("coaches a message whose words are only in its blocks (a Workflow Builder or app post)", async () => {
    const blocks = [
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [{ type: "text", text: "Tag someone who needs this! Like and share if you agree." }],
          },
        ],
      },
    ];
    await h.interact(shortcut("", h.fake.responseUrl("s3"), { blocks }));
    const reply = await h.fake.waitForResponse("s3");
    expect(JSON.stringify(reply.body.blocks)).toContain("Engagement bait");
  });

  it("says kindly when the message has no text", async () => {
    await h.interact(shortcut("", h.fake.responseUrl("s2")));
    expect(String((await h.fake.waitForResponse("s2")).body.text)).toMatch(/no text I can read/);
  });
});
