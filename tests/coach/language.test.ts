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

  it("reads a French post of three words as French (found by a probe: they read as English)", () => {
    for (const text of ["Promu VP aujourd'hui !!", "Promue directrice aujourd’hui !!", "Reçue à HEC !!!"])
      expect(languageOf(text), text).toBe("fr");
    expect(languageOf("Promoted to VP today!!")).toBe("en");
  });

  it("reads a short French draft with no function word as French, and a tie by its first one", () => {
    // Found by a probe: a tie went to English.
    expect(languageOf("Claire devient directrice commerciale.")).toBe("fr");
    expect(languageOf("Je like.")).toBe("fr");
    expect(languageOf("I like.")).toBe("en");
    expect(languageOf("Nice.")).toBe("en");
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
