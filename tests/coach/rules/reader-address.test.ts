import { describe, expect, it } from "vitest";
import { readerAddress } from "../../../src/coach/rules/reader-address.js";
import { excerpts } from "../../helpers/rules.js";

describe("reader-address", () => {
  it("finds the reader addressed in English", () => {
    expect(excerpts(readerAddress, "If your team ships on Fridays, you know the feeling.", "en")).toEqual([
      "your",
      "you",
    ]);
  });
  it("finds vous, tu and elided t' in French", () => {
    expect(
      excerpts(
        readerAddress,
        "Si votre équipe livre le vendredi, tu sais ce que c'est. Je t'explique.",
        "fr",
      ),
    ).toEqual(["votre", "tu", "t'explique"]);
  });
  it("ignores a draft that never speaks to the reader", () => {
    expect(excerpts(readerAddress, "I shipped the release on Friday.", "en")).toEqual([]);
    expect(excerpts(readerAddress, "J'ai livré la version vendredi.", "fr")).toEqual([]);
  });
  it("does not count a quoted 'you': someone else's words, a title, code", () => {
    expect(excerpts(readerAddress, 'My boss said "you need to be visible."', "en")).toEqual([]);
    expect(excerpts(readerAddress, 'Currently reading "You Are a Badass".', "en")).toEqual([]);
    expect(excerpts(readerAddress, "The error was `you is undefined`.", "en")).toEqual([]);
    expect(excerpts(readerAddress, "Il m'a dit : « tu dois déléguer ».", "fr")).toEqual([]);
    expect(excerpts(readerAddress, 'She said "no" and you know why.', "en")).toEqual(["you"]);
  });
  it("does not count 'vous' used only to announce oneself", () => {
    expect(excerpts(readerAddress, "Ravi de vous annoncer ma promotion.", "fr")).toEqual([]);
  });
  it("does not count 'thank you': it speaks to the people thanked", () => {
    expect(excerpts(readerAddress, "Thank you to the judges.", "en")).toEqual([]);
    expect(
      excerpts(
        readerAddress,
        "Thank you to everyone who answered! 62% of you review code in the morning.",
        "en",
      ),
    ).toEqual(["you"]);
    expect(excerpts(readerAddress, "Thanks to you all, we shipped on time.", "en")).toEqual([]);
    expect(excerpts(readerAddress, "Merci à vous tous pour cette année.", "fr")).toEqual([]);
  });
});
