import { describe, expect, it } from "vitest";
import { leadingPrefixes, prefixKey, splitTopLevel } from "../../src/coach/lexicon.js";

describe("lexicon prefix index", () => {
  it("lists the keys an entry can start with", () => {
    expect(leadingPrefixes("(?:so |very )?proud")?.sort()).toEqual(["pro", "so", "ver"]);
    expect(leadingPrefixes("honou?red")).toEqual(["hon"]);
    expect(leadingPrefixes("game[- ]?changers?")).toEqual(["gam"]);
    expect(leadingPrefixes("i'?m")?.sort()).toEqual(["i", "im"]);
    expect(leadingPrefixes("ugh+")).toEqual(["ugh"]);
  });
  it("gives up (full scan) where a key cannot be listed", () => {
    expect(leadingPrefixes("#1")).toBeNull();
    expect(leadingPrefixes("ah+")).toBeNull();
    expect(leadingPrefixes("'ve been")).toBeNull();
  });
  it("keys tokens the same way", () => {
    expect(prefixKey("proudly")).toBe("pro");
    expect(prefixKey("i'm")).toBe("i");
    expect(prefixKey("so")).toBe("so");
    expect(prefixKey("j'ai")).toBe("j");
    expect(splitTopLevel("a|(?:b|c)|[|]")).toEqual(["a", "(?:b|c)", "[|]"]);
  });
});

describe("lexicon digits", () => {
  it("indexes entries that start with a number under one key", () => {
    expect(leadingPrefixes("\\d+ offers")).toEqual(["0"]);
    expect(leadingPrefixes("10x")).toEqual(["0"]);
    expect(prefixKey("300")).toBe("0");
  });
});
