import { describe, expect, it } from "vitest";
import { platformLength } from "../../../src/coach/rules/platform-length.js";
import { excerpts } from "../../helpers/rules.js";

describe("platform-length", () => {
  it("flags the part of a post past X's 280 characters", () => {
    const draft = `${"a".repeat(280)} overflow words`;
    expect(excerpts(platformLength, draft, "en", "x")).toEqual([" "]);
    const words = `${"mot ".repeat(70)}fin`;
    expect(excerpts(platformLength, words, "fr", "x")).toEqual(["fin"]);
  });
  it("counts emoji as one character each", () => {
    expect(excerpts(platformLength, "🚀".repeat(280), "en", "x")).toEqual([]);
  });
  it("accepts a post within the limit, and a blog of any length", () => {
    expect(excerpts(platformLength, "a".repeat(280), "en", "x")).toEqual([]);
    expect(excerpts(platformLength, "mot ".repeat(2000), "fr", "blog")).toEqual([]);
  });
});
