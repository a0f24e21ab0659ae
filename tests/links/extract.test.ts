import { describe, expect, it } from "vitest";
import { extractArticle, MAX_READER_ELEMENTS, withoutNonText } from "../../src/links/extract.js";

const DESCRIPTION = "What the page says about itself, long enough to stand for its text when needed.";
const ARTICLE = `<article><h1>Shipping on Fridays</h1>${"<p>We stopped shipping on Fridays and our weekends got quieter, here is what we changed and what it cost us.</p>".repeat(6)}</article>`;

const page = (body: string) =>
  `<html><head><title>A page</title><meta name="description" content="${DESCRIPTION}"></head><body>${body}</body></html>`;

describe("reading a shared page", () => {
  it("reads the article in reader mode", async () => {
    const { title, text } = await extractArticle(page(ARTICLE));
    expect(title).toBe("A page");
    expect(text).toContain("We stopped shipping on Fridays");
  });

  it("skips reader mode on a page of too many elements, and reads its description instead", async () => {
    // Reader mode's time grows faster than the page: 125,000 tiny elements held the event loop 5.6 s.
    const crowded = page(ARTICLE + "<b>a</b>".repeat(MAX_READER_ELEMENTS + 1));
    expect((await extractArticle(crowded)).text).toBe(DESCRIPTION);
  });

  it("does not count scripts, styles, SVG or comments as the page's elements", async () => {
    const noisy = page(`<script>${"<b>".repeat(MAX_READER_ELEMENTS + 1)}</script>${ARTICLE}<!-- <i></i> -->`);
    expect((await extractArticle(noisy)).text).toContain("We stopped shipping on Fridays");
  });

  it("removes what is never text in one pass, an unclosed element ending the page", () => {
    expect(withoutNonText("a<script>x</script>b<STYLE media=x>y</style >c<!-- z -->d<svg><g/></svg>e")).toBe(
      "a b c d e",
    );
    expect(withoutNonText("kept<script>never closed <p>gone</p>")).toBe("kept ");
    // Many openers and no closer: still one pass (a backtracking regex would take minutes here).
    expect(withoutNonText(`start${"<script>".repeat(50_000)}`)).toBe("start ");
  });
});
