import { describe, expect, it } from "vitest";
import { oversharing } from "../../../src/coach/rules/oversharing.js";
import { excerpts } from "../../helpers/rules.js";

describe("oversharing", () => {
  it("finds emails, phone numbers and intimate topics in English", () => {
    expect(excerpts(oversharing, "Email me at jane.doe@example.com or call +1 415 555 0100.", "en")).toEqual([
      "email:jane.doe@example.com",
      "phone:+1 415 555 0100",
    ]);
    expect(excerpts(oversharing, "After my divorce and the chemo, I came back to work.", "en")).toEqual([
      "divorce",
      "chemo",
    ]);
  });
  it("finds French phone numbers and intimate topics", () => {
    expect(excerpts(oversharing, "Appelez-moi au 06 12 34 56 78.", "fr")).toEqual(["phone:06 12 34 56 78"]);
    // From abroad, with the 00 prefix.
    expect(excerpts(oversharing, "Appelez le 0033 1 23 45 67 89.", "fr")).toEqual([
      "phone:0033 1 23 45 67 89",
    ]);
    expect(excerpts(oversharing, "Après ma dépression, j'ai repris le travail.", "fr")).toEqual([
      "dépression",
    ]);
  });
  it("leaves years and short numbers alone", () => {
    expect(excerpts(oversharing, "In 2024 we grew 3 teams to 12 people.", "en")).toEqual([]);
    expect(excerpts(oversharing, "En 2024, nous sommes passés de 3 à 12 personnes.", "fr")).toEqual([]);
  });
});

describe("oversharing, in context", () => {
  it("asks about the author's own intimate details, not a topic discussed", () => {
    expect(excerpts(oversharing, "AI now detects breast cancer earlier. #cancer #health", "en")).toEqual([]);
    expect(excerpts(oversharing, "Un nouvel outil aide au diagnostic du cancer.", "fr")).toEqual([]);
  });
});
