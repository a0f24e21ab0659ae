import { describe, expect, it } from "vitest";
import { emojiWall } from "../../../src/coach/rules/emoji-wall.js";
import { excerpts } from "../../helpers/rules.js";

describe("emoji-wall", () => {
  it("flags a row of four or more emoji", () => {
    expect(excerpts(emojiWall, "Launch day 🚀🔥💯🙌 let's go", "en")).toEqual(["🚀🔥💯🙌"]);
    expect(excerpts(emojiWall, "Jour J 🚀 🔥 💯 🙌 c'est parti", "fr")).toEqual(["🚀 🔥 💯 🙌"]);
  });
  it("leaves one emoji alone", () => {
    expect(excerpts(emojiWall, "Launch day 🚀 here is what changed.", "en")).toEqual([]);
    expect(excerpts(emojiWall, "Jour J 🚀 voici ce qui change.", "fr")).toEqual([]);
  });
});
