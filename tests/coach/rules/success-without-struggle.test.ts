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
  it("reads where the author started from as the road (found by a probe: a marathon 'a year ago I couldn't run 5k')", () => {
    expect(
      excerpts(
        successWithoutStruggle,
        "I finished my first marathon on Sunday in 4:12! A year ago I couldn't run 5k without stopping.",
        "en",
      ),
    ).toEqual([]);
    expect(
      excerpts(
        successWithoutStruggle,
        "J'ai terminé mon premier marathon dimanche ! Il y a un an je n'arrivais pas à courir 5 km.",
        "fr",
      ),
    ).toEqual([]);
    expect(
      excerpts(successWithoutStruggle, "I finished my first marathon on Sunday in 4:12!", "en"),
    ).toHaveLength(1);
    // No road without a when, nor one that hides a brag (found by a review).
    expect(
      excerpts(
        successWithoutStruggle,
        "We hit $1M ARR. We couldn't do it without our amazing customers.",
        "en",
      ),
    ).toHaveLength(1);
    expect(
      excerpts(
        successWithoutStruggle,
        "We raised $40M! Back then I couldn't even finish my coffee before the third VC called.",
        "en",
      ),
    ).toHaveLength(1);
  });
});
