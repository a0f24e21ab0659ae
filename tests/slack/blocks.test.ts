import { describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";
import { comparedGrowth } from "../../src/commands/replies.js";
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

describe("a revision compared with a version too short to judge", () => {
  const real = analyze(
    "We won an award for our accessibility work. Here are three things you can reuse. What would you add?",
  );
  const short = analyze("Hello team");

  it("shows no change after a first version too short to judge", () => {
    const shown = JSON.stringify(
      coachingBlocks(real, { revision: { score: 70, rules: [], tooShort: true } }),
    );
    expect(shown).not.toContain("→");
    expect(shown).toContain(`Score ${real.score}/100`);
  });

  it("says a revision too short to judge can't be compared, with no number", () => {
    const shown = JSON.stringify(coachingBlocks(short, { revision: { score: 20, rules: ["bragging"] } }));
    expect(shown).toContain("Too short to compare");
    expect(shown).not.toContain("/100");
  });

  it("counts no growth on either side of a version too short to judge", () => {
    expect(comparedGrowth({ score: 20, rules: [] }, short)).toBeUndefined();
    expect(comparedGrowth({ score: 70, rules: [], tooShort: true }, real)).toBeUndefined();
    expect(comparedGrowth({ score: 20, rules: [] }, real)).toEqual({ scoreDelta: real.score - 20 });
  });
});
