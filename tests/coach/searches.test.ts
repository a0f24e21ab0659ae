import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMAIL_RE, emailSpans } from "../../src/coach/pii.js";
import { listItemStarts } from "../../src/coach/rules/usable-content.js";
import { allMatches, collectFrom } from "../../src/coach/text.js";

// The coach tries some patterns only where a match can start (after an "@"'s run, at a "#", at a
// line start) instead of scanning every position: each must find exactly what the full scan finds.
const piece = fc.constantFrom(
  ..."aBé19##@@._%+- \t\n\r\u2028&•✅👉✔\ufe0f)*→東٣".split(""),
  "x.co",
  "ab@cd.fr",
  "1.",
  "2)",
  "𝐀",
  "\ud835",
  "#tag",
  "- item",
);
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(""));
const spans = (matches: Iterable<RegExpMatchArray>) =>
  [...matches].map((m) => [m.index!, m.index! + m[0].length]);

describe("searches tried only where a match can start", () => {
  it("finds the e-mail addresses a full scan finds", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(emailSpans(t).map((s) => [s.start, s.end])).toEqual(spans(t.matchAll(EMAIL_RE)));
      }),
      { numRuns: 20_000 },
    );
    expect(emailSpans("mail a.b@x.fr or c@d.io@e.com")).toEqual([
      { start: 5, end: 13 },
      { start: 17, end: 23 },
    ]);
  });

  it("finds the hashtags a full scan finds", () => {
    const full = /(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
    const sticky = new RegExp(full.source, "uy");
    fc.assert(
      fc.property(text, (t) => {
        expect(collectFrom(sticky, t, "#").map((s) => [s.start, s.end])).toEqual(spans(t.matchAll(full)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("finds what matchAll finds, empty matches and Unicode included", () => {
    const patterns = [/\d+/g, /x*/g, /\p{L}*/gu, /(?:\p{Extended_Pictographic}\s*){2,}/gu, /@?/gu];
    fc.assert(
      fc.property(text, (t) => {
        for (const re of patterns)
          expect(allMatches(re, t).map((m) => [m.index, m[0]])).toEqual(
            [...t.matchAll(re)].map((m) => [m.index, m[0]]),
          );
      }),
      { numRuns: 5_000 },
    );
  });

  it("finds the list items a multiline scan finds", () => {
    const full = /^[ \t]*(?:\d{1,2}[.)]|[-•*▪→]|✅|👉|✔️?)[ \t]+\S/gmu;
    fc.assert(
      fc.property(text, (t) => {
        expect(listItemStarts(t)).toEqual([...t.matchAll(full)].map((m) => m.index));
      }),
      { numRuns: 20_000 },
    );
    expect(listItemStarts("Tips:\n1. one\r\n- two\u2028✅ three")).toEqual([6, 14, 20]);
  });
});
