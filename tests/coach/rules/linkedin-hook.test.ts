import { describe, expect, it } from "vitest";
import { linkedinHook } from "../../../src/coach/rules/linkedin-hook.js";
import { excerpts } from "../../helpers/rules.js";

const filler = " More context follows here for the curious.".repeat(6);

describe("linkedin-hook", () => {
  it("flags a long post whose first 210 characters hold nothing for the reader", () => {
    expect(excerpts(linkedinHook, `Last week was a big week at the office.${filler}`, "en")).toEqual([
      "Last week was a big week at the office.",
    ]);
    expect(
      excerpts(linkedinHook, `La semaine dernière a été chargée au bureau.${filler}`, "fr"),
    ).toHaveLength(1);
  });
  it("accepts a hook that speaks to the reader, and short posts", () => {
    expect(excerpts(linkedinHook, `Do you review code before lunch?${filler}`, "en")).toEqual([]);
    expect(excerpts(linkedinHook, `Relisez-vous le code avant midi ?${filler}`, "fr")).toEqual([]);
    expect(excerpts(linkedinHook, "Short post.", "en")).toEqual([]);
  });
  it("applies to LinkedIn only", () => {
    expect(excerpts(linkedinHook, `Last week was a big week.${filler}`, "en", "blog")).toEqual([]);
  });
});
