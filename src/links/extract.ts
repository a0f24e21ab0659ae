// The HTML parser and reader mode load on the first page read (in PageReader's worker, which
// itself starts on the first link shared): many workspaces never share one.
let readers: Promise<[typeof import("linkedom"), typeof import("@mozilla/readability")]> | undefined;
const loadReaders = () => {
  readers ??= Promise.all([import("linkedom"), import("@mozilla/readability")]);
  return readers;
};

export interface Article {
  title?: string;
  text: string;
}

const MAX_TEXT = 20_000;
/**
 * Reader mode takes time that grows faster than the page: a 1 MB page of 125,000 tiny
 * elements held the event loop for 5.6 s in Readability (whose own `maxElemsToParse` cannot count
 * linkedom's elements). Past this many tags, the page's description or its plain text is read
 * instead. The threshold was set on synthetic pages (this machine has no web access): measure it
 * on real shared pages before tightening it.
 */
export const MAX_READER_ELEMENTS = 8_000;

/**
 * The page without its scripts, styles, inline SVG and comments: never text to read, often most of
 * a page's bytes. One pass (an element never closed ends the page), never a backtracking regex.
 */
export function withoutNonText(html: string): string {
  const opener = /<(script|style|svg)\b|<!--/gi;
  let out = "";
  let from = 0;
  for (let m = opener.exec(html); m !== null; m = opener.exec(html)) {
    out += html.slice(from, m.index);
    const closer = m[1] ? new RegExp(`</${m[1]}`, "gi") : /-->/g;
    closer.lastIndex = opener.lastIndex;
    const close = closer.exec(html)?.index ?? -1;
    if (close === -1) return `${out} `;
    // Past the closing tag's ">", or the comment's "-->".
    const end = m[1] ? html.indexOf(">", close) + 1 : close + 3;
    if (end === 0) return `${out} `;
    out += " ";
    from = end;
    opener.lastIndex = from;
  }
  return out + html.slice(from);
}

function countTags(html: string): number {
  let n = 0;
  const re = /<[a-z]/gi;
  while (re.exec(html) !== null) n++;
  return n;
}

function clean(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\n\s*\n+/g, "\n\n")
    .trim();
}

type ParseHTML = typeof import("linkedom").parseHTML;
type Page = ReturnType<ParseHTML>["document"];

/** What a page says about itself: its title and description meta tags. */
function aboutPage(document: Page): { title?: string; description: string } {
  const meta = (name: string) =>
    document
      .querySelector(`meta[property="${name}"], meta[name="${name}"]`)
      ?.getAttribute("content")
      ?.trim() ?? "";
  const title = meta("og:title") || document.querySelector("title")?.textContent?.trim() || undefined;
  const description = meta("og:description") || meta("description") || meta("twitter:description");
  return { title, description };
}

/**
 * The readable text of a page, with Mozilla's reader mode (the Firefox one). Pages it cannot make
 * sense of fall back to their description meta tags, then to the body text.
 */
export async function extractArticle(html: string, contentType = "text/html"): Promise<Article> {
  if (contentType.toLowerCase().startsWith("text/plain")) return { text: clean(html).slice(0, MAX_TEXT) };
  const [{ parseHTML }, { Readability }] = await loadReaders();
  const page = withoutNonText(html);
  if (countTags(page) > MAX_READER_ELEMENTS) return readCrowded(page, parseHTML);
  const { document } = parseHTML(page);
  const { title, description } = aboutPage(document);
  let text = "";
  try {
    // Readability changes the document it reads; it is ours to change.
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 100,
    }).parse();
    text = clean(article?.textContent ?? "");
  } catch {
    text = "";
  }
  if (text.length < 80 && description) text = description;
  if (!text) text = clean(document.body?.textContent ?? "");
  return { title: title?.slice(0, 200), text: text.slice(0, MAX_TEXT) };
}

/**
 * A page too crowded for a DOM (building one grows faster than the page: 333,000 unclosed tags took
 * linkedom 94 s): its head is read as a DOM when it is small, the rest as text with its tags dropped.
 */
function readCrowded(page: string, parseHTML: ParseHTML): Article {
  const headEnd = page.search(/<\/head\s*>|<body\b/i);
  const head = headEnd === -1 ? "" : page.slice(0, headEnd);
  const { title, description } = aboutPage(
    parseHTML(countTags(head) <= MAX_READER_ELEMENTS ? `${head}</head><body></body></html>` : "<html></html>")
      .document,
  );
  // A tag ends at the first ">" before any other "<" (one pass); a stray "<" is dropped too.
  const bare = page
    .slice(Math.max(0, headEnd))
    .replace(/<[^<>]*>/g, " ")
    .replace(/</g, " ");
  // With no tag left, the parser only decodes its entities.
  const body = clean(parseHTML(`<html><body><p>${bare}</p></body></html>`).document.body?.textContent ?? "");
  const text = description || body;
  return { title: title?.slice(0, 200), text: text.slice(0, MAX_TEXT) };
}
