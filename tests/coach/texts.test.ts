import { describe, expect, it } from "vitest";
import { LANGUAGES, RULES } from "../../src/coach/index.js";
import { LENS_QUESTIONS } from "../../src/coach/messages.js";

describe("rule texts", () => {
  it("every rule speaks both languages, with the same variants", () => {
    for (const rule of RULES) {
      expect(Object.keys(rule.texts.fr).sort(), rule.id).toEqual(Object.keys(rule.texts.en).sort());
      expect(rule.texts.en.default, rule.id).toBeDefined();
    }
  });
  it("every question is a question that quotes the draft", () => {
    for (const rule of RULES) {
      for (const lang of LANGUAGES) {
        for (const [variant, t] of Object.entries(rule.texts[lang])) {
          if (!t.question) continue;
          expect(t.question.endsWith("?"), `${rule.id}/${lang}/${variant}`).toBe(true);
          expect(t.question, `${rule.id}/${lang}/${variant}`).toContain("{q}");
        }
      }
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    }
    for (const lang of LANGUAGES) {
      for (const q of Object.values(LENS_QUESTIONS[lang])) expect(q.endsWith("?")).toBe(true);
      expect(Object.keys(LENS_QUESTIONS[lang]).sort()).toEqual(Object.keys(LENS_QUESTIONS.en).sort());
    }
  });
});
