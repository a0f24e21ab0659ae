import { describe, expect, it } from "vitest";
import { escapeText, linksIn, slackToPlain, truncate } from "../../src/slack/mrkdwn.js";

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
