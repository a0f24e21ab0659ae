import { describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";
import { coachingBlocks, coachingText, scoreLine } from "../../src/slack/blocks.js";

describe("the coaching reply's score line", () => {
  it("gives the score and the dimensions of a draft long enough to judge", () => {
    const result = analyze("I'm thrilled to announce I won the award after years of hard work.");
    expect(scoreLine(result)).toMatch(new RegExp(`^\\*Score ${result.score}/100\\* · `));
    expect(coachingText(result)).toMatch(new RegExp(`^Score ${result.score}/100\\. `));
  });

  it("gives no number for a draft too short to judge, in its language", () => {
    for (const draft of ["Congrats on the launch!", "Merci à tous !"]) {
      const result = analyze(draft);
      expect(result.band, draft).toBe("too-short");
      expect(scoreLine(result)).toBe(`*${result.bandLabel}*`);
      expect(coachingText(result)).toMatch(new RegExp(`^${result.bandLabel}\\. `));
      expect(coachingText(result)).not.toContain("/100");
    }
  });
});

describe("a revision's reply", () => {
  it("names the findings gone by their titles, in the draft's language, never by rule id", () => {
    const revision = { score: 20, rules: ["self-congratulation", "bragging"] };
    const fr = JSON.stringify(
      coachingBlocks(
        analyze(
          "Voici trois choses que j'ai apprises cette année sur le recrutement, et une question pour vous.",
        ),
        {
          revision,
        },
      ),
    );
    expect(fr).toContain(":white_check_mark: Auto-félicitation");
    expect(fr).toContain(":white_check_mark: Vantardise");
    expect(fr).not.toContain("`bragging`");
    const en = JSON.stringify(
      coachingBlocks(
        analyze("Here are three things I learned this year about hiring, and a question for you."),
        {
          revision,
        },
      ),
    );
    expect(en).toContain(":white_check_mark: Self-congratulation");
  });
});
