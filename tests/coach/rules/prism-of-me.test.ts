import { describe, expect, it } from "vitest";
import { prismOfMe } from "../../../src/coach/rules/prism-of-me.js";
import { excerpts } from "../../helpers/rules.js";

describe("prism-of-me", () => {
  it("flags self-focus together with self-praise in English", () => {
    expect(excerpts(prismOfMe, "I am so proud of myself: I won the award I wanted.", "en")).toEqual([
      "I am so proud",
    ]);
    // Pride in one's team is praise of others, not self-praise: the author's own win comes next.
    expect(excerpts(prismOfMe, "I am so proud of my team and me: I won the award I wanted.", "en")).toEqual([
      "won the award",
    ]);
  });
  it("flags self-focus together with self-praise in French", () => {
    expect(
      excerpts(prismOfMe, "Je suis tellement fière de moi : j'ai remporté mon premier prix.", "fr"),
    ).toHaveLength(1);
  });
  it("does not flag first person alone (no self-praise)", () => {
    expect(excerpts(prismOfMe, "I think I was wrong about my estimate, and I learned why.", "en")).toEqual(
      [],
    );
    expect(excerpts(prismOfMe, "Je pense que je me suis trompé sur mon estimation.", "fr")).toEqual([]);
  });
  it("does not flag a win told mostly for the reader", () => {
    expect(
      excerpts(
        prismOfMe,
        "We won the bid. Here is what you can reuse: your pitch, your numbers, your story, your team.",
        "en",
      ),
    ).toEqual([]);
  });
});
