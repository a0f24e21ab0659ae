// The HTML parser and reader mode load on the first page read, not at start: they are a fifth of
// the bot's memory at rest, and many workspaces never share a link (docs/benchmarks.md, memory).
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

function clean(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\n\s*\n+/g, "\n\n")
    .trim();
}

/**
 * The readable text of a page, with Mozilla's reader mode (the Firefox one). Pages it cannot make
 * sense of fall back to their description meta tags, then to the body text.
 */
export async function extractArticle(html: string, contentType = "text/html"): Promise<Article> {
  if (contentType.toLowerCase().startsWith("text/plain")) return { text: clean(html).slice(0, MAX_TEXT) };
  const [{ parseHTML }, { Readability }] = await loadReaders();
  const { document } = parseHTML(html);
  const meta = (name: string) =>
    document
      .querySelector(`meta[property="${name}"], meta[name="${name}"]`)
      ?.getAttribute("content")
      ?.trim() ?? "";
  const title = meta("og:title") || document.querySelector("title")?.textContent?.trim() || undefined;
  const description = meta("og:description") || meta("description") || meta("twitter:description");
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
