import { describe, expect, it } from "vitest";
import { escapeText, linksIn, messageText, slackToPlain, truncate } from "../../src/slack/mrkdwn.js";

describe("mrkdwn", () => {
  it("escapes Slack's control characters and defuses broadcast words", () => {
    expect(escapeText("<!channel> & <@U1>")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt;");
    expect(escapeText("hey @here and @Everyone")).not.toMatch(/@(here|everyone)\b/i);
    expect(escapeText("mail me@example.com")).toBe("mail me@example.com");
  });
  it("reads Slack markup as a person sees it", () => {
    expect(
      slackToPlain(
        "<@U1|ada> in <#C1|general>: <!here> read <https://x.com/a|x.com/a> &amp; <https://b.io|this>",
      ),
    ).toBe("@ada in #general: @here read https://x.com/a & this (https://b.io)");
    expect(slackToPlain("<!subteam^S1|@devs> and <!channel>")).toBe("@devs and @channel");
    expect(slackToPlain("a &lt; b &gt; c")).toBe("a < b > c");
  });
  it("finds links in order without duplicates", () => {
    expect(linksIn("<https://a.io|a> then <http://b.io> and <https://a.io> and <mailto:x@y.z|x>")).toEqual([
      "https://a.io",
      "http://b.io",
    ]);
  });
  it("truncates without splitting a character", () => {
    expect(truncate("abc", 5)).toBe("abc");
    expect(truncate("🚀🚀🚀", 4)).toBe("🚀…");
  });
});

describe("the words of a message", () => {
  it("are its text when it has one", () => {
    expect(
      messageText({ text: "Hello <@U1|ada>", blocks: [{ type: "header", text: { text: "ignored" } }] }),
    ).toBe("Hello @ada");
  });

  it("are read from its blocks and attachments when it has no text (Workflow Builder, app posts)", () => {
    const message = {
      text: "",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Big news" } },
        {
          type: "rich_text",
          elements: [
            {
              type: "rich_text_section",
              elements: [
                { type: "text", text: "I was promoted " },
                { type: "emoji", name: "tada" },
                { type: "link", url: "https://x.io", text: "read more" },
              ],
            },
            {
              type: "rich_text_list",
              elements: [
                { type: "rich_text_section", elements: [{ type: "text", text: "first" }] },
                { type: "rich_text_section", elements: [{ type: "text", text: "second" }] },
              ],
            },
          ],
        },
        {
          type: "section",
          text: { type: "mrkdwn", text: "Thanks <#C1|team>" },
          fields: [{ text: "*Role:* VP" }],
        },
        { type: "divider" },
        { type: "context", elements: [{ type: "mrkdwn", text: "Posted by HR" }, { type: "image" }] },
      ],
      attachments: [{ pretext: "FYI", text: "Details &amp; more", fallback: "ignored" }],
    };
    expect(messageText(message)).toBe(
      "Big news\nI was promoted :tada:read more\nfirst\nsecond\nThanks #team\n*Role:* VP\nPosted by HR\nFYI\nDetails & more",
    );
  });

  it("is empty for a message of files or malformed blocks", () => {
    expect(
      messageText({ blocks: [{ type: "image" }, null, "x", { type: "rich_text", elements: "no" }] }),
    ).toBe("");
    expect(messageText({})).toBe("");
  });
});

describe("the words of a forged message", () => {
  it("survive lists nested far deeper than Slack nests them", () => {
    let list: Record<string, unknown> = {
      type: "rich_text_section",
      elements: [{ type: "text", text: "deep" }],
    };
    for (let i = 0; i < 20_000; i++) list = { type: "rich_text_list", elements: [list] };
    const message = {
      blocks: [
        {
          type: "rich_text",
          elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "top" }] }, list],
        },
      ],
    };
    expect(messageText(message)).toBe("top");
  });
});
