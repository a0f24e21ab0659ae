import { describe, expect, it } from "vitest";
import { hashtags } from "../../src/coach/rules/hashtags.js";
import { buildContext } from "../../src/coach/text.js";
import { FIRST_FR, PLURAL_FR } from "../../src/coach/words.js";
import { excerpts } from "../helpers/rules.js";

describe("reading a draft", () => {
  it("keeps mentions, emoji shortcodes and links out of its words", () => {
    const ctx = buildContext(
      "@USER so happy :face_with_tears_of_joy: <@U123ABC> see HTTPURL or https://x.io",
      "x",
      "en",
    );
    expect(ctx.words.map((w) => w.word)).toEqual(["so", "happy", "see", "or"]);
    expect(ctx.mentions).toHaveLength(2);
    expect(ctx.emojiCodes).toHaveLength(1);
    expect(ctx.urls).toHaveLength(2);
  });

  it("reads French first person through elision, and 'on' as 'we'", () => {
    const ctx = buildContext("J'ai gagné. On a gagné. M'a surpris.", "linkedin", "fr");
    const cls = (w: string) => ctx.words.find((t) => t.word === w)!.cls;
    expect(cls("j'ai") & FIRST_FR).toBeTruthy();
    expect(cls("m'a") & FIRST_FR).toBeTruthy();
    expect(cls("on") & PLURAL_FR).toBeTruthy();
    expect(ctx.sentences[0]!.firstSingular).toBe(true);
    expect(ctx.sentences[1]!.firstPlural).toBe(true);
  });

  it("does not read 'won' in 'won't'", () => {
    const ctx = buildContext("I won't lie, it was a long week.", "linkedin", "en");
    expect(ctx.words.map((w) => w.word)).toContain("won't");
  });

  it("knows a brag tag however it is spelled, in English and French", () => {
    for (const tag of [
      "#humblebrag",
      "#BraggingRights",
      "#faussemodestie",
      "#fausemodestie",
      "#jemevante",
      "#flex",
    ]) {
      expect(excerpts(hashtags, `new shoes ${tag}`, "en"), tag).toEqual([`brag:${tag}`]);
    }
    expect(excerpts(hashtags, "new shoes #humble", "en")).toEqual([]);
  });
});
