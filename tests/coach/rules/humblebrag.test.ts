import { describe, expect, it } from "vitest";
import { humblebrag } from "../../../src/coach/rules/humblebrag.js";
import { excerpts } from "../../helpers/rules.js";

describe("humblebrag (Sezer, Gino & Norton)", () => {
  it("finds complaint-based humblebrags", () => {
    expect(excerpts(humblebrag, "So tired of all these award dinners.", "en")).toEqual([
      "complaint:So tired of all these award dinners",
    ]);
    expect(excerpts(humblebrag, "Marre de toutes ces soirées de gala.", "fr")).toEqual([
      "complaint:Marre de toutes ces soirées de gala",
    ]);
  });
  it("finds humility-based humblebrags", () => {
    expect(excerpts(humblebrag, "I don't know why they picked me, but I got promoted again.", "en")).toEqual([
      "I don't know why they picked me, but I got promoted",
    ]);
    expect(excerpts(humblebrag, "Je n'en reviens pas, j'ai été nommée directrice.", "fr")).toEqual([
      "Je n'en reviens pas, j'ai été nommée",
    ]);
  });
  it("leaves a plain complaint or a plain modest note alone", () => {
    expect(excerpts(humblebrag, "So tired of flaky tests this week.", "en")).toEqual([]);
    expect(excerpts(humblebrag, "Marre des tests instables cette semaine.", "fr")).toEqual([]);
  });
});
