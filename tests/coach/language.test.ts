import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze, languageOf } from "../../src/coach/index.js";

const drafts = readFileSync(new URL("../fixtures/dev-set.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);

describe("languageOf", () => {
  it("agrees with the coach's own detection on every dev-set draft, both languages", () => {
    for (const text of drafts) expect(languageOf(text), text.slice(0, 60)).toBe(analyze(text).language);
    expect(new Set(drafts.map(languageOf))).toEqual(new Set(["en", "fr"]));
  });

  it("reads past links and hashtags", () => {
    expect(
      languageOf("Merci pour vos retours sur https://example.com/the-new-release #shipping #growth"),
    ).toBe("fr");
    expect(languageOf("Thanks for the feedback on https://exemple.fr/la-nouvelle-version #lancement")).toBe(
      "en",
    );
  });
});
