import { describe, expect, it } from "vitest";
import {
  findAll,
  leadingPairs,
  leadingParts,
  leadingPrefixes,
  leadingStems,
  lexicon,
  literalStem,
  prefixKey,
  splitTopLevel,
} from "../../src/coach/lexicon.js";
import { buildContext } from "../../src/coach/text.js";

describe("lexicon prefix index", () => {
  it("lists the keys an entry can start with", () => {
    expect(leadingPrefixes("(?:so |very )?proud")?.sort()).toEqual(["pro", "so", "ver"]);
    expect(leadingPrefixes("honou?red")).toEqual(["hon"]);
    expect(leadingPrefixes("game[- ]?changers?")).toEqual(["gam"]);
    expect(leadingPrefixes("i'?m")?.sort()).toEqual(["i", "im"]);
    expect(leadingPrefixes("ugh+")).toEqual(["ugh"]);
    // A repeated group after the key's letters, each option starting with a space.
    expect(leadingPrefixes("(?:my|our)(?: own| new){0,3} (?:book|course)")?.sort()).toEqual(["my", "our"]);
    expect(leadingPrefixes("ab(?: c)*d")?.sort()).toEqual(["ab", "abd"]);
    expect(leadingPrefixes("ab(?: c){1,2}d")).toEqual(["ab"]);
  });
  it("gives up (full scan) where a key cannot be listed", () => {
    expect(leadingPrefixes("#1")).toBeNull();
    expect(leadingPrefixes("ah+")).toBeNull();
    expect(leadingPrefixes("'ve been")).toBeNull();
    expect(leadingPrefixes("ab(?:c| d){0,2}")).toBeNull();
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

describe("lexicon word pairs", () => {
  it("lists the word pairs an entry can start with, or gives up", () => {
    expect(leadingPairs("(?:people|they) (?:always )?told me")?.sort()).toEqual([
      "people alw",
      "people tol",
      "they alw",
      "they tol",
    ]);
    expect(leadingPairs("(?:the )?struggle is real")?.sort()).toEqual(["struggle is", "the str"]);
    expect(leadingPairs("we(?:'re| are) proud")?.sort()).toEqual(["we are", "we're pro"]);
    expect(leadingPairs("therap(?:y|ist)")).toBeNull();
    expect(leadingPairs("game[- ]?changers?")).toBeNull();
    expect(leadingPairs("so+ proud")).toBeNull();
    expect(leadingPairs("\\w+ award")).toBeNull();
  });

  // Entries that are a literal word, a space and a second word are only tried where that pair
  // starts; everything else must be found exactly as a plain regex scan finds it.
  const lex = lexicon("en", ["the best part", "the (?:worst|hardest) thing", "thrilled"]);
  const found = (text: string) =>
    findAll(lex, buildContext(text, "linkedin", "en")).map(({ start, end }) => text.slice(start, end));

  it("finds a pair where it starts, and not in a longer first word or across a hyphen", () => {
    expect(found("The best part? They best part. the-best part. The hardest thing, thrilled.")).toEqual([
      "The best part",
      "The hardest thing",
      "thrilled",
    ]);
  });
  it("tries a single-word entry only on tokens that start with its letters", () => {
    expect(literalStem("therap(?:y|ist)")).toBe("therap");
    expect(literalStem("honou?red")).toBe("hono");
    expect(literalStem("self-made")).toBe("self-made");
    expect(literalStem("(?:so )?proud")).toBe("");
    const mixed = lexicon("en", ["the best part", "therap(?:y|ist)", "honou?red"]);
    const text = "The therapist, the best part: honoured, then honored.";
    expect(
      findAll(mixed, buildContext(text, "linkedin", "en")).map(({ start, end }) => text.slice(start, end)),
    ).toEqual(["therapist", "the best part", "honoured", "honored"]);
  });
  it("lists the pairs of entries whose second word is repeated or opens with an apostrophe", () => {
    expect(leadingPairs("i'?m (?:so |really |kind of ){0,4}blessed")?.sort()).toEqual([
      "i'm ble",
      "i'm kin",
      "i'm rea",
      "i'm so",
      "im ble",
      "im kin",
      "im rea",
      "im so",
    ]);
    expect(leadingPairs("my(?: own| (?:new|latest)){0,3} book")?.sort()).toEqual([
      "my boo",
      "my lat",
      "my new",
      "my own",
    ]);
    expect(leadingPairs("i (?:will|'ll) teach")).toEqual(["i wil"]);
    // A key that would run past the repetition cannot be listed.
    expect(leadingPairs("my(?: a| new)+ book")).toBeNull();
    const lex = lexicon("en", [
      "i'?m (?:so |really ){0,4}blessed",
      "my(?: own| new){0,3} book",
      "i (?:will|'ll) teach",
    ]);
    const text = "I'm so really blessed. My own new book! My book. I 'll teach, i will teach.";
    expect(
      findAll(lex, buildContext(text, "linkedin", "en")).map(({ start, end }) => text.slice(start, end)),
    ).toEqual(["I'm so really blessed", "My own new book", "My book", "I 'll teach", "i will teach"]);
  });
  it("lists the starts of an entry that opens with alternatives, one alternative at a time", () => {
    expect(leadingParts("(?:i|we) (?:just )?won")).toEqual(["i (?:just )?won", "we (?:just )?won"]);
    expect(leadingParts("(?:so )?proud")).toEqual(["so proud", "proud"]);
    expect(leadingParts("(?:so )+proud")).toEqual(["(?:so )+proud"]);
    expect(leadingStems("(?:series [a-d]|seed round|funding round)")?.sort()).toEqual([
      "funding",
      "seed",
      "series",
    ]);
    // A pattern ends a stem where it starts: "\\d" gives "", any word.
    expect(leadingStems("(?:top|\\d+)-rated")?.sort()).toEqual(["", "top"]);
    // Only the words an alternative can start with run the entry; its matches are all still found.
    const media = lexicon("en", ["(?:the today show|cnbc|\\w+ radio)", "(?:series [a-d]|seed round)"]);
    const text = "See more: the series b, then the today show, on cnbc and bbc radio. The seed round.";
    expect(
      findAll(media, buildContext(text, "linkedin", "en")).map(({ start, end }) => text.slice(start, end)),
    ).toEqual(["series b", "the today show", "cnbc", "bbc radio", "seed round"]);
  });
  it("still tries the entries when the next word is not a token (inside a link)", () => {
    const link = lexicon("en", ["the https"]);
    const text = "Read the https://example.com/post";
    expect(findAll(link, buildContext(text, "linkedin", "en")).length).toBe(1);
  });
  it("never matches across two spaces or a line break, as the regex would not", () => {
    expect(found("the  best part\nthe\nbest part")).toEqual([]);
  });
});

describe("lexicons indexed on first use", () => {
  it("finds an entry the index cannot hold even in a draft with no word (only a hashtag)", () => {
    // "#1" starts with no listable key: it is scanned whole, and set up when the language is indexed.
    const tag = lexicon("en", ["#1\\w*"]);
    const ctx = buildContext("#1winner", "x", "en");
    expect(ctx.words).toHaveLength(0);
    expect(findAll(tag, ctx)).toEqual([{ start: 0, end: 8 }]);
  });

  it("reads a lexicon made after drafts of its language were read", () => {
    const before = buildContext("the quiet zebra", "linkedin", "en");
    const first = lexicon("en", ["quiet"]);
    expect(findAll(first, before)).toEqual([{ start: 4, end: 9 }]);
    const later = lexicon("en", ["zebra"]);
    expect(findAll(later, buildContext("the quiet zebra", "linkedin", "en"))).toEqual([
      { start: 10, end: 15 },
    ]);
  });
});
