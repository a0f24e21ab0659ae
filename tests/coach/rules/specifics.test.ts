import { describe, expect, it } from "vitest";
import { specifics } from "../../../src/coach/rules/specifics.js";
import { excerpts } from "../../helpers/rules.js";

describe("specifics", () => {
  it("finds numbers and amounts", () => {
    expect(excerpts(specifics, "Build time went from 14 min to 6 min, a 57% cut.", "en")).toEqual([
      "14 min",
      "6 min",
      "57%",
    ]);
    expect(excerpts(specifics, "Le build est passé de 14 à 6 minutes.", "fr")).toEqual(["14", "6"]);
  });
  it("ignores a number in a sales pitch: scarcity is no detail for the reader", () => {
    expect(excerpts(specifics, "Only 20 seats left! Register now.", "en")).toEqual([]);
    expect(excerpts(specifics, "Plus que 15 places ! Inscrivez-vous.", "fr")).toEqual([]);
  });
  it("ignores the digits of a link or a mention: an address, not a detail", () => {
    expect(excerpts(specifics, "Read it at https://mysite.com/award-2026 today", "en")).toEqual([]);
    expect(excerpts(specifics, "Merci <@U0G9QF9C6> et @sam_2024 pour la relecture.", "fr")).toEqual([]);
    expect(excerpts(specifics, "We cut 40% of build time: https://example.com/post-2026", "en")).toEqual([
      "40%",
    ]);
  });
  it("ignores hashtags with digits and vague text", () => {
    expect(excerpts(specifics, "Great year #2024", "en")).toEqual([]);
    expect(excerpts(specifics, "Une belle année.", "fr")).toEqual([]);
  });
});
