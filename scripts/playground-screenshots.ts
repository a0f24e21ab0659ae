/**
 * Saves screenshots of the playground's main states under docs/ for the README:
 *   node --import tsx scripts/playground-screenshots.ts
 * Needs Chromium (apt-get install -y chromium, or CHROMIUM_PATH). Heuristics only, no LLM.
 */
import { join } from "node:path";
import { startPlayground } from "../src/playground/server.js";
import { launchChromium } from "../tests/helpers/browser.js";

const DOCS = join(import.meta.dirname, "..", "docs");
const DRAFT =
  "I'm thrilled to announce that I won the Innovation Award! Humbled and grateful to be recognised. " +
  "It was a lot of work, but we made it.\n\nMore to come. #blessed #success #proud #innovation";
const REVISION =
  "We won the Innovation Award, after two prototypes that failed in front of customers.\n\n" +
  "What changed: we tested with five users in week one instead of month six. If you run a small team, " +
  "that one habit is worth stealing. What would you test first? #innovation";
const FRENCH =
  "Ravie de vous annoncer ma promotion au poste de directrice ! Je suis fière de ce parcours. #fierté #réussite #succès";

const pg = await startPlayground({ port: 0 });
const browser = await launchChromium();
const url = `http://localhost:${pg.port}/`;

async function coached(width: number, height: number, draft: string) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url);
  await page.fill("#pc-draft", draft);
  await page.click("#pc-go");
  await page.waitForFunction(() => document.body.dataset.checks === "1");
  return { page, context };
}

try {
  {
    const { page, context } = await coached(1280, 1000, DRAFT);
    await page.locator(".pc-group-toggle", { hasText: "Self-labelling" }).click();
    await page.locator(".pc-mark", { hasText: "thrilled" }).first().click();
    await page.screenshot({ path: join(DOCS, "playground.png") });
    await page.locator("#pc-slack-card").screenshot({ path: join(DOCS, "playground-slack-preview.png") });
    await page.click("#pc-edit");
    await page.fill("#pc-draft", REVISION);
    await page.click("#pc-go");
    await page.waitForFunction(() => document.body.dataset.checks === "2");
    await page.locator(".pc-coaching-card").screenshot({ path: join(DOCS, "playground-revision.png") });
    await context.close();
  }
  {
    const { page, context } = await coached(390, 844, FRENCH);
    await page.locator(".pc-mark").first().click();
    await page.screenshot({ path: join(DOCS, "playground-mobile-fr.png") });
    await context.close();
  }
  console.log(`Saved the playground's screenshots in ${DOCS}`);
} finally {
  await browser.close();
  await pg.stop();
}
