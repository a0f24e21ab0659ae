import { describe, expect, it } from "vitest";
import { successWithoutStruggle } from "../../../src/coach/rules/success-without-struggle.js";
import { excerpts } from "../../helpers/rules.js";

describe("success-without-struggle", () => {
  it("flags a success told alone", () => {
    expect(excerpts(successWithoutStruggle, "I got promoted to lead engineer!", "en")).toEqual([
      "got promoted",
    ]);
    expect(excerpts(successWithoutStruggle, "J'ai été promue cheffe d'équipe !", "fr")).toEqual([
      "J'ai été promue",
    ]);
  });
  it("is satisfied when the road is told too", () => {
    expect(
      excerpts(
        successWithoutStruggle,
        "I got promoted after two years of doubts and one failed project.",
        "en",
      ),
    ).toEqual([]);
    expect(excerpts(successWithoutStruggle, "J'ai été promue après deux ans de doutes.", "fr")).toEqual([]);
  });
});
