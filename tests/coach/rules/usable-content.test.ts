import { describe, expect, it } from "vitest";
import { usableContent } from "../../../src/coach/rules/usable-content.js";
import { excerpts } from "../../helpers/rules.js";

describe("usable-content", () => {
  it("finds tips and numbered lists in English, not a bare link", () => {
    const found = excerpts(
      usableContent,
      "Three tips for calmer code reviews:\n1. Keep PRs small\n2. Review before lunch\nTemplate: https://example.org/t",
      "en",
    );
    expect(found).toContain("Three tips");
    expect(found).toContain("1. Keep PRs small");
    expect(found).not.toContain("https://example.org/t");
  });
  it("finds conseils and étapes in French", () => {
    expect(excerpts(usableContent, "Voici mes conseils en trois étapes.", "fr")).toEqual([
      "Voici mes",
      "conseils",
      "trois étapes",
    ]);
  });
  it("finds nothing in a plain announcement", () => {
    expect(excerpts(usableContent, "I joined a new company today.", "en")).toEqual([]);
    expect(excerpts(usableContent, "J'ai rejoint une nouvelle entreprise.", "fr")).toEqual([]);
  });
});
