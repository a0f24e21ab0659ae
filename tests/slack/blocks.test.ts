import { describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";
import { coachingText, scoreLine } from "../../src/slack/blocks.js";

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
