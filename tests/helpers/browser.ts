import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Headless Chromium for the web pages' end-to-end tests: Debian's `chromium` (or CHROMIUM_PATH),
 * driven by playwright-core, which downloads no browser of its own.
 *
 * Without Chromium the browser tests fail, saying how to install it (`.ci/run` installs it first):
 * they are never skipped.
 */
export const CHROMIUM_PATH = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].find((p): p is string => Boolean(p) && existsSync(p!));

// Without the background-networking flags Chromium tries to reach Google's services, which a
// closed network refuses many times over; Playwright gives it a fresh profile directory itself.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM_PATH) {
    throw new Error(
      "Chromium is required for the browser tests and was not found at /usr/bin/chromium: .ci/run installs it (apt-get install -y chromium), or set CHROMIUM_PATH.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}
