import { describe, expect, it } from "vitest";
import { statedOpinion } from "../../../src/coach/rules/stated-opinion.js";
import { excerpts } from "../../helpers/rules.js";

describe("stated-opinion", () => {
  it("finds a stated opinion", () => {
    expect(excerpts(statedOpinion, "I think code review is a teaching tool.", "en")).toEqual(["I think"]);
    expect(excerpts(statedOpinion, "À mon avis, la revue de code sert à apprendre.", "fr")).toEqual([
      "À mon avis",
    ]);
  });
  it("finds nothing in a neutral statement", () => {
    expect(excerpts(statedOpinion, "Code review happens on Tuesdays.", "en")).toEqual([]);
    expect(excerpts(statedOpinion, "La revue de code a lieu le mardi.", "fr")).toEqual([]);
  });
});
