import type { Logger } from "@slack/bolt";
import { type FetchPolicy, fetchPage } from "./fetch.js";
import { PageReader } from "./page-reader.js";

const MAX_LINKS = 2;

export interface SharedReading {
  /** The message and the readable text of its pages, coached together. */
  draft: string;
  /** Pages read, with their titles (or hosts). */
  read: { url: string; title: string }[];
  /** Pages that could not be read. */
  unread: string[];
}

/** One reader for the process: pages are read one at a time, off the bot's thread. */
const pageReader = new PageReader();

/** Reads the first pages linked from a shared message (safely: see fetchPage), for coaching with it. */
export async function readShared(
  message: string,
  links: string[],
  policy: FetchPolicy,
  logger: Logger,
): Promise<SharedReading> {
  const pages = await Promise.all(
    links.slice(0, MAX_LINKS).map(async (url) => {
      const page = await fetchPage(url, policy);
      if (!page.ok) {
        logger.info(`link not read (${page.reason}): ${hostOf(url)}`);
        return { url };
      }
      const reading = await pageReader.read(page.body, page.contentType);
      if (!reading.ok) {
        logger.info(`link not read (${reading.reason}): ${hostOf(url)}`);
        return { url };
      }
      return { url, article: reading.article.text ? reading.article : undefined };
    }),
  );
  const read = pages.flatMap((p) =>
    p.article ? [{ url: p.url, title: p.article.title ?? hostOf(p.url), text: p.article.text }] : [],
  );
  return {
    draft: [message, ...read.map((r) => r.text)].filter(Boolean).join("\n\n"),
    read: read.map(({ url, title }) => ({ url, title })),
    unread: pages.filter((p) => !p.article).map((p) => p.url),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
