import type { types } from "@slack/bolt";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";
import { mrkdwn, slackMessage } from "../../src/playground/slack-preview.js";
import { coachingBlocks } from "../../src/slack/blocks.js";
import { escapeText } from "../../src/slack/mrkdwn.js";

const body = (fragment: string) =>
  parseHTML(`<!doctype html><html><body>${fragment}</body></html>`).document.body;

describe("the Slack preview's mrkdwn", () => {
  it("renders bold, italic, strike, code, emoji and line breaks as Slack does", () => {
    const el = body(
      mrkdwn("*Score 41/100* · _“quoted”_ ~gone~ `rule-id`\n:small_orange_diamond: next").value,
    );
    expect(el.querySelector("b")!.textContent).toBe("Score 41/100");
    expect(el.querySelector("i")!.textContent).toBe("“quoted”");
    expect(el.querySelector("s")!.textContent).toBe("gone");
    expect(el.querySelector("code")!.textContent).toBe("rule-id");
    expect(el.querySelector(".sk-emoji")!.textContent).toBe("🔸");
    expect(el.querySelectorAll("br").length).toBe(1);
  });

  it("leaves markers inside words alone, and unknown emoji as typed", () => {
    const el = body(mrkdwn("snake_case_name 2*3*4 :not_an_emoji_we_know:").value);
    expect(el.querySelector("i, b")).toBeNull();
    expect(el.textContent).toBe("snake_case_name 2*3*4 :not_an_emoji_we_know:");
  });

  it("quotes lines that start with >, but not an escaped &gt; from a draft", () => {
    const el = body(mrkdwn(">quoted line\n>second\n&gt; typed by the user").value);
    expect(el.querySelector("blockquote")!.textContent).toBe("quoted linesecond");
    expect(el.textContent).toContain("> typed by the user");
    expect(el.querySelectorAll("blockquote").length).toBe(1);
  });

  it("shows escaped draft text as the text the user typed, never as markup", () => {
    const draft = `<img src=x onerror=alert(1)> & <b>bold</b> <!channel>`;
    const el = body(mrkdwn(escapeText(draft)).value);
    expect(el.querySelector("img, b")).toBeNull();
    expect(el.textContent).toBe(draft.replace("@", "@\u2060"));
  });
});

describe("the Slack message", () => {
  it("renders every block of the coaching reply: sections, context and the three buttons", () => {
    const result = analyze("I'm thrilled to announce I won the award!");
    const blocks = coachingBlocks(result, {
      draftValue: '{"d":"x"}',
      canAskTeammate: true,
      notes: ["The AI coach was unavailable."],
    });
    const el = body(slackMessage(blocks, { app: "APP", onlyYou: "Only visible to you" }).value);
    expect(el.querySelectorAll(".sk-section").length).toBe(blocks.filter((b) => b.type === "section").length);
    expect(el.querySelector(".sk-context")!.textContent).toBe("The AI coach was unavailable.");
    expect([...el.querySelectorAll(".sk-button")].map((b) => b.textContent)).toEqual([
      "Check a revised draft",
      "Why these questions?",
      "Ask a teammate for feedback",
    ]);
    expect(el.textContent).toContain("Only visible to you");
    expect(el.querySelector(".sk-section b")!.textContent).toBe(`Score ${result.score}/100`);
  });

  it("shows the draft's excerpts and the questions in rich text as typed: *bold* _it_ ~s~ stay characters", () => {
    const result = analyze("I'm *thrilled* to announce _our_ ~old~ launch! So proud of me.");
    const el = body(slackMessage(coachingBlocks(result), { app: "APP", onlyYou: "" }).value);
    const items = [...el.querySelectorAll(".sk-rich li")].map((li) => li.textContent ?? "");
    expect(items.some((t) => t.includes("*thrilled*"))).toBe(true);
    expect(el.querySelector(".sk-rich ol")).not.toBeNull();
    // The excerpt is italic as a whole, never italic or bold where the draft had marks.
    expect([...el.querySelectorAll(".sk-rich b")].map((b) => b.textContent)).not.toContain("thrilled");
  });

  it("shows a block it doesn't know as a placeholder rather than dropping it", () => {
    const el = body(
      slackMessage([{ type: "video" } as unknown as types.KnownBlock, { type: "divider" }], {
        app: "APP",
        onlyYou: "",
      }).value,
    );
    expect(el.querySelector(".sk-unknown")!.textContent).toBe("[video block]");
    expect(el.querySelector("hr.sk-divider")).not.toBeNull();
  });
});
