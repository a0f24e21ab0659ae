import { describe, expect, it } from "vitest";
import { normalizeDraft } from "../../src/coach/offsets.js";

describe("normalizeDraft", () => {
  it("leaves an NFC draft and its offsets as they are", () => {
    const { text, toDraft } = normalizeDraft("déjà vu");
    expect(text).toBe("déjà vu");
    expect(toDraft(3, false)).toBe(3);
  });
  it("maps offsets of the NFC text back into a decomposed draft", () => {
    const draft = "j’ai gagné le prix".normalize("NFD");
    const { text, toDraft } = normalizeDraft(draft);
    expect(text).toBe("j’ai gagné le prix");
    const start = text.indexOf("gagné");
    const end = start + "gagné".length;
    // The end keeps the accent that follows the "e".
    expect(draft.slice(toDraft(start, false), toDraft(end, true))).toBe("gagné".normalize("NFD"));
    expect(toDraft(text.length, true)).toBe(draft.length);
  });
  it("keeps NFC offsets when composition crosses characters (Hangul jamo)", () => {
    const draft = "\u1100\u1161 ok";
    const { text, toDraft } = normalizeDraft(draft);
    expect(text).toBe("\uac00 ok");
    expect(toDraft(2, false)).toBe(2);
  });
});
