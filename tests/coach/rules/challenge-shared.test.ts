import { describe, expect, it } from "vitest";
import { challengeShared } from "../../../src/coach/rules/challenge-shared.js";
import { excerpts } from "../../helpers/rules.js";

describe("challenge-shared", () => {
  it("finds difficulties and doubts", () => {
    expect(excerpts(challengeShared, "It wasn't easy: I failed twice and had doubts.", "en")).toEqual([
      "wasn't easy",
      "failed",
      "doubts",
    ]);
    expect(excerpts(challengeShared, "Ça n'a pas été facile, j'ai eu des doutes.", "fr")).toEqual([
      "pas été facile",
      "doutes",
    ]);
  });
  it("finds shame, layoffs and running out of money, and French plurals", () => {
    expect(
      excerpts(challengeShared, "I was embarrassed when I got laid off; we nearly ran out of money.", "en"),
    ).toEqual(["embarrassed", "laid off", "ran out of money"]);
    expect(excerpts(challengeShared, "Deux pilotes ratés, et j'avais honte d'être licenciée.", "fr")).toEqual(
      ["ratés", "honte", "licenciée"],
    );
  });
  it("finds nothing in a smooth success story", () => {
    expect(excerpts(challengeShared, "We launched and it went great.", "en")).toEqual([]);
    expect(excerpts(challengeShared, "On a lancé et tout s'est bien passé.", "fr")).toEqual([]);
  });
  it("does not take 'honestly' for a difficulty", () => {
    expect(excerpts(challengeShared, "Honestly the best thing I've ever owned.", "en")).toEqual([]);
    expect(excerpts(challengeShared, "Honnêtement, le meilleur achat de ma vie.", "fr")).toEqual([]);
  });
});
