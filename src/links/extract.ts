import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

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
export function extractArticle(html: string, contentType = "text/html"): Article {
  if (contentType.toLowerCase().startsWith("text/plain")) return { text: clean(html).slice(0, MAX_TEXT) };
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
