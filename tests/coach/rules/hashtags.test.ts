import { describe, expect, it } from "vitest";
import { hashtags } from "../../../src/coach/rules/hashtags.js";
import { excerpts } from "../../helpers/rules.js";

describe("hashtags", () => {
  it("flags every tag past five, and self-labelling tags", () => {
    expect(excerpts(hashtags, "Shipped. #a #b #c #d #e #f #g", "en")).toEqual(["#f", "#g"]);
    expect(excerpts(hashtags, "Done. #blessed #rust", "en")).toEqual(["self:#blessed"]);
    expect(excerpts(hashtags, "Fini. #fierté #rust", "fr")).toEqual(["self:#fierté"]);
  });
  it("leaves a couple of topic tags alone", () => {
    expect(excerpts(hashtags, "New guide to testing. #testing #rust", "en")).toEqual([]);
    expect(excerpts(hashtags, "Un guide des tests. #tests #rust", "fr")).toEqual([]);
  });
  it("flags a post tagged as a brag, not a reply's verdict on someone else's post", () => {
    expect(excerpts(hashtags, "Promoted to VP today #humblebrag", "en")).toEqual(["brag:#humblebrag"]);
    expect(excerpts(hashtags, "Promue VP aujourd'hui #jemevante", "fr")).toEqual(["brag:#jemevante"]);
    // A reply that is only the tag labels the post replied to.
    expect(excerpts(hashtags, "@sam #humblebrag", "en")).toEqual([]);
    expect(excerpts(hashtags, "<@U024BE7LH> <@U0G9QF9C6> #humblebrag :wink:", "en")).toEqual([]);
    // Not a reply, or with a link of the author's: still the author's own tag.
    for (const draft of [
      "#humblebrag",
      ":trophy: #humblebrag",
      "#newjob #promoted #humblebrag",
      "https://mysite.com/award-2026 #humblebrag",
      "@sam https://mysite.com/award-2026 #humblebrag",
    ])
      expect(excerpts(hashtags, draft, "en"), draft).toContain("brag:#humblebrag");
  });
});
