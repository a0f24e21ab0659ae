import { describe, expect, it } from "vitest";
import { buzzwords } from "../../../src/coach/rules/buzzwords.js";
import { excerpts } from "../../helpers/rules.js";

describe("buzzwords", () => {
  it("finds buzzwords in English", () => {
    expect(excerpts(buzzwords, "A game-changer that unlocks synergy.", "en")).toEqual([
      "game-changer",
      "synergy",
    ]);
  });
  it("finds buzzwords in French", () => {
    expect(excerpts(buzzwords, "Passionné par l'excellence et la synergie.", "fr")).toEqual([
      "Passionné par",
      "l'excellence",
      "synergie",
    ]);
  });
  it("leaves plain words alone", () => {
    expect(excerpts(buzzwords, "We moved the queue to Postgres and halved costs.", "en")).toEqual([]);
    expect(excerpts(buzzwords, "Nous avons déplacé la file vers Postgres.", "fr")).toEqual([]);
  });
});
