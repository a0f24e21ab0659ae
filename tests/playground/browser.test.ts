import axe from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/coach/index.js";
import { LLM_UNAVAILABLE } from "../../src/coach/messages.js";
import { LlmCoach } from "../../src/llm/client.js";
import { MAX_BODY, startPlayground } from "../../src/playground/server.js";
import { MAX_MARKS } from "../../src/playground/view.js";
import { launchChromium } from "../helpers/browser.js";
import { answer, FakeOpenAI, type Reply } from "../helpers/fake-openai.js";

/**
 * The playground in headless Chromium, as a newcomer uses it: with the mouse, the keyboard alone,
 * a phone-sized screen, in English and French, with and without an LLM. Nothing here waits for a
 * fixed time: every step waits for the page to say it is done (data-checks, data-llm).
 */

const BRAG =
  "I'm thrilled to announce I won the award! Humbled and grateful. #blessed #success #proud #winning #grateful #boss";
const FRENCH =
  "Ravie de vous annoncer ma promotion au poste de directrice ! Je suis fière de ce parcours. #fierté #réussite";

// What page.evaluate callbacks use from the page: the project compiles without the DOM library
// (so that no browser global can slip into server code), and these names stay local to this file.
// biome-ignore lint/suspicious/noExplicitAny: the page's own globals, typed by the browser
type PageGlobal = any;
declare const document: PageGlobal;
declare const window: PageGlobal;
declare const navigator: PageGlobal;
declare const localStorage: PageGlobal;
declare const sessionStorage: PageGlobal;
declare const getComputedStyle: PageGlobal;
type HTMLElement = PageGlobal;
type HTMLTextAreaElement = PageGlobal;
type Element = PageGlobal;

type Playground = Awaited<ReturnType<typeof startPlayground>>;

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Every URL the page asked for. */
  requests: string[];
  /** Console errors (a CSP violation shows here) and uncaught exceptions. */
  errors: string[];
}

async function waitForCount(page: Page, key: "checks" | "errors", n: number): Promise<void> {
  await page.waitForFunction(([k, v]) => Number(document.body.dataset[k] ?? 0) >= v, [key, n] as const);
}

/** Waits for something outside the page (the fake LLM got its request). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

async function coach(page: Page, text: string, checksBefore = 0): Promise<void> {
  await page.fill("#pc-draft", text);
  await page.click("#pc-go");
  await waitForCount(page, "checks", checksBefore + 1);
}

/** What each marked finding reads in the page: the text of all marks that carry its id, in order. */
async function markedTexts(page: Page): Promise<Map<string, string>> {
  const marks = await page.$$eval(".pc-mark", (els) =>
    els.map((m) => [(m as HTMLElement).dataset.f ?? "", m.textContent ?? ""] as const),
  );
  const texts = new Map<string, string>();
  for (const [ids, text] of marks)
    for (const id of ids.split(" ")) texts.set(id, (texts.get(id) ?? "") + text);
  return texts;
}

async function expectMarksOnTheirWords(page: Page, draft: string): Promise<void> {
  const result = analyze(draft);
  const texts = await markedTexts(page);
  expect(texts.size).toBe(result.findings.length);
  result.findings.forEach((f, i) => {
    expect(texts.get(`f${i}`), f.rule).toBe(f.excerpt);
  });
}

/** What axe-core (the accessibility engine) finds wrong on the page as it is now, all impacts. */
async function accessibilityViolations(
  page: Page,
): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the browser's debugging protocol, which the page's CSP doesn't govern.
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v: PageGlobal) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n: PageGlobal) => n.target.join(" ")),
    }));
  });
}

describe("the playground in a real browser", { timeout: 90_000 }, () => {
  let browser: Browser;
  let pg: Playground;
  const llm = new FakeOpenAI();
  let pgWithLlm: Playground;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    pg = await startPlayground({ port: 0 });
    await llm.start();
    pgWithLlm = await startPlayground({
      port: 0,
      llm: new LlmCoach({
        apiKey: "sk-test-key",
        baseUrl: llm.baseUrl,
        model: "test-model",
        timeoutMs: 10_000,
      }),
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
    await pgWithLlm?.stop();
    await llm.stop();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  async function open(
    options: { width?: number; height?: number; locale?: string; server?: Playground } = {},
  ): Promise<Opened> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      locale: options.locale ?? "en-US",
    });
    contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`http://localhost:${(options.server ?? pg).port}/`);
    return { page, context, requests, errors };
  }

  it("marks an English draft's findings on their words, groups them, and explains a selected mark", async () => {
    const { page, context, requests, errors } = await open();
    await coach(page, BRAG);
    await expectMarksOnTheirWords(page, BRAG);
    expect(await page.isHidden("#pc-draft")).toBe(true);

    // One line per kind of finding, with its count and quotes.
    const hashtags = page.locator(".pc-group-toggle", { hasText: "Self-labelling hashtag" });
    expect(await hashtags.count()).toBe(1);
    expect(await hashtags.textContent()).toContain("6 times");
    expect(await hashtags.textContent()).toContain("“#blessed”, “#success”, “#proud” …");

    // Overlapping findings: the shared words explain both.
    await page.locator(".pc-mark", { hasText: "I'm thrilled to announce" }).first().click();
    const details = (await page.textContent("#pc-details")) ?? "";
    expect(details).toContain("Self-congratulation: the post leads with how you feel about your news.");
    expect(details).toContain("Prism of me");
    expect(details).toContain("The idea behind it");
    expect(details).toContain("A question to ask yourself");
    expect(details).toContain("You wrote “I'm thrilled to announce”");

    // A finding in the list opens in place and lights up its six marks.
    await hashtags.click();
    expect(await hashtags.getAttribute("aria-expanded")).toBe("true");
    const detailId = (await hashtags.getAttribute("aria-controls"))!;
    expect(await page.isVisible(`#${detailId}`)).toBe(true);
    expect(await page.locator(".pc-mark.pc-active").count()).toBe(6);
    expect(await page.locator(".pc-mark[aria-pressed]").count()).toBe(0);
    expect(await page.textContent("#pc-details")).toContain("Select a marked passage");
    // A quote in it jumps to its mark.
    await page.locator(`#${detailId} button.pc-quote`, { hasText: "#proud" }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("#proud");

    // The Slack reply, and its JSON on the clipboard.
    const slack = (await page.textContent("#pc-slack")) ?? "";
    expect(slack).toContain(`Score ${analyze(BRAG).score}/100`);
    expect(slack).toContain("Check a revised draft");
    expect(slack).toContain("Only visible to you");
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.click("#pc-copy");
    await page.waitForFunction(() => document.getElementById("pc-copy-status")?.textContent === "Copied.");
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.response_type).toBe("ephemeral");
    expect(copied.blocks.at(-1).elements.map((e: { action_id: string }) => e.action_id)).toEqual([
      "postcheck_revise",
      "postcheck_why",
      "postcheck_ask_teammate",
    ]);

    // Nothing from elsewhere, nothing kept in the browser, no error, a favicon.
    const origin = new URL(page.url()).origin;
    for (const url of requests) expect(url.startsWith(`${origin}/`), url).toBe(true);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(await page.evaluate(() => fetch("/favicon.ico").then((r) => r.status))).toBe(200);
    expect(await page.getAttribute('link[rel="icon"]', "href")).toBe("/favicon.svg");
    expect(errors).toEqual([]);
  });

  it("speaks French for a French draft, headings and labels included, and follows the language picker", async () => {
    const { page, errors } = await open();
    expect(await page.textContent("#pc-go")).toBe("Coach me");
    await coach(page, FRENCH);
    await expectMarksOnTheirWords(page, FRENCH);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.textContent("#pc-draft-title")).toBe("Votre brouillon");
    expect(await page.textContent("#pc-coaching-title")).toBe("Coaching");
    expect(await page.textContent("#pc-edit")).toBe("Modifier le brouillon");
    expect(await page.textContent("#pc-slack-title")).toBe("Dans Slack");
    const coaching = (await page.textContent("#pc-coaching")) ?? "";
    expect(coaching).toContain("Ce qu'un lecteur peut remarquer");
    expect(coaching).toContain("Questions à vous poser");
    expect(coaching).toContain("Public");
    expect(coaching).not.toContain("What a reader may notice");
    expect(coaching).not.toContain("Audience");
    expect(await page.textContent("#pc-slack")).toContain("Vérifier une version revue");
    expect(await page.textContent("#pc-platform option[value=blog]")).toBe("Blog");
    expect(await page.textContent("#pc-details")).toMatch(/^Sélectionnez un passage marqué/);

    // Forcing English re-coaches the same draft, and the page follows. The same text is not a
    // revision: nothing is compared.
    await page.selectOption("#pc-lang", "en");
    await waitForCount(page, "checks", 2);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("#pc-coaching")).toContain("What a reader may notice");
    expect(await page.textContent("#pc-edit")).toBe("Edit draft");
    expect(await page.locator(".pc-revision").count()).toBe(0);
    expect(await page.textContent("#pc-details")).toMatch(/^Select a marked passage/);
    // Back to detection while the explanation is open: it changes language with the page.
    await page.locator(".pc-mark").first().click();
    await page.selectOption("#pc-lang", "");
    await waitForCount(page, "checks", 3);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.textContent("#pc-details")).toMatch(/^Sélectionnez un passage marqué/);
    expect(errors).toEqual([]);
  });

  it("opens in French for a French browser", async () => {
    const { page } = await open({ locale: "fr-FR" });
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.textContent("#pc-go")).toBe("Me coacher");
  });

  it("compares a revision: the score change and which findings are gone", async () => {
    const { page } = await open();
    await coach(page, BRAG);
    await page.click("#pc-edit");
    expect(await page.inputValue("#pc-draft")).toBe(BRAG);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("pc-draft");
    const revision =
      "I won the award after two years of failed prototypes. What I'd tell anyone starting: test with users in week one. #grateful";
    await page.fill("#pc-draft", revision);
    expect(await page.textContent("#pc-go")).toBe("Coach again");
    await page.click("#pc-go");
    await waitForCount(page, "checks", 2);
    const before = analyze(BRAG).score;
    const after = analyze(revision).score;
    const d = after - before;
    expect(await page.textContent(".pc-delta")).toBe(`Score ${before} → ${after} (${d > 0 ? `+${d}` : d})`);
    const gone = (await page.textContent(".pc-gone")) ?? "";
    expect(gone).toContain("Self-congratulation");
    expect(gone).toContain("“#blessed”");
    expect(gone).not.toContain("#grateful");
    await expectMarksOnTheirWords(page, revision);

    // "New draft" starts over: no comparison with the previous one.
    await page.click("#pc-new");
    expect(await page.inputValue("#pc-draft")).toBe("");
    await coach(page, "Three things we learned moving our tests to a real browser.", 2);
    expect(await page.locator(".pc-revision").count()).toBe(0);
  });

  it("passes axe-core's accessibility checks, empty, coached, with a mark and a finding open, at 390 px", async () => {
    for (const width of [1280, 390]) {
      const { page } = await open({ width });
      expect(await accessibilityViolations(page), `empty page at ${width}px`).toEqual([]);
      await coach(page, width === 390 ? FRENCH : BRAG);
      await page.locator(".pc-group-toggle").first().click();
      await page.locator(".pc-mark").first().click();
      expect(await accessibilityViolations(page), `coached page at ${width}px`).toEqual([]);
      await page.click("#pc-json-details summary");
      await page.click("#pc-edit");
      expect(await accessibilityViolations(page), `editing at ${width}px`).toEqual([]);
    }
  });

  it("works with the keyboard alone", async () => {
    const { page } = await open();
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== "pc-draft"; i++)
      await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("pc-draft");
    await page.keyboard.type("I'm thrilled to announce our launch! #blessed #success");
    await page.keyboard.press("Control+Enter");
    await waitForCount(page, "checks", 1);

    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { cls: el?.className ?? "", text: el?.textContent ?? "", id: el?.id ?? "" };
      });
    // Focus lands on the first mark; arrows move between marks, Enter explains, Escape closes.
    expect((await active()).cls).toContain("pc-mark");
    const first = (await active()).text;
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("ArrowRight");
    expect((await active()).text).not.toBe(first);
    await page.keyboard.press("ArrowLeft");
    expect((await active()).text).toBe(first);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-f"));
    expect(focused).toMatch(/^f\d+( f\d+)*$/);
    await page.keyboard.press("Enter");
    expect(await page.textContent("#pc-details")).toContain("The idea behind it");
    // The mark explained is the one Enter was pressed on.
    expect(await page.getAttribute(".pc-mark[aria-pressed=true]", "data-f")).toBe(focused);
    await page.keyboard.press("Escape");
    expect(await page.textContent("#pc-details")).toContain("Select a marked passage");

    // The marks are one stop: Tab leaves them for the controls, then reaches the findings.
    await page.keyboard.press("Tab");
    expect((await active()).id).toBe("pc-platform");
    let toggle = false;
    for (let i = 0; i < 10 && !toggle; i++) {
      await page.keyboard.press("Tab");
      toggle = (await active()).cls.includes("pc-group-toggle");
    }
    expect(toggle).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe("true");
    await page.keyboard.press("Space");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe("false");

    // Every control has a name a screen reader can say.
    const unnamed = await page.$$eval("button, select, textarea, [role=button]", (els) =>
      els
        .filter((e) => !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null)
        .filter((e) => {
          const labelled = e.id && document.querySelector(`label[for="${e.id}"]`);
          const wrapped = e.closest("label");
          return !(e.getAttribute("aria-label") || e.textContent?.trim() || labelled || wrapped);
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);

    // Back to editing with the keyboard.
    await page.focus("#pc-edit");
    await page.keyboard.press("Enter");
    expect((await active()).id).toBe("pc-draft");
  });

  for (const width of [390, 1280]) {
    it(`fits a ${width} px screen, long unbroken strings included`, async () => {
      const { page } = await open({ width, height: 844 });
      const long = `${"https://example.com/".padEnd(400, "a")} ${"#".padEnd(300, "x")} ${"y".repeat(3000)} I'm thrilled to announce it.`;
      await coach(page, long);
      const overflow = await page.evaluate(() => {
        const wide = (el: Element) => el.scrollWidth > el.clientWidth + 1;
        return {
          page: document.documentElement.scrollWidth - window.innerWidth,
          boxes: [
            ...document.querySelectorAll(
              ".pc-card, .pc-annotated, #pc-details, .sk-message, #pc-json, .pc-groups",
            ),
          ]
            .filter(wide)
            .map((e) => e.className || e.id),
          offscreen: [...document.querySelectorAll(".pc-card")]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth)
            .map((e) => e.className),
        };
      });
      expect(overflow).toEqual({ page: 0, boxes: [], offscreen: [] });
      await page.click("#pc-edit");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    });
  }

  it("shows the server's own message for a draft over the limit, not 'Failed to fetch'", async () => {
    const { page } = await open({ width: 390 });
    await page.evaluate((n) => {
      (document.getElementById("pc-draft") as HTMLTextAreaElement).value = "x".repeat(n);
    }, MAX_BODY + 50_000);
    await page.click("#pc-go");
    await waitForCount(page, "errors", 1);
    expect(await page.textContent("#pc-error")).toBe(
      "That draft is too large for the playground (at most 256 KB). Posts people finish are far shorter: try the part you care about most.",
    );
    expect(await page.getAttribute("#pc-error", "role")).toBe("alert");
  });

  it("keeps 100,000 characters of repeated prose readable: marks and quotes are limited, the page stays short", async () => {
    const { page } = await open();
    const prose =
      "I'm thrilled to announce that we did it again. #blessed #success Proud of my team. ".repeat(1200);
    await coach(page, prose);
    const result = analyze(prose);
    const total = result.findings.filter((f) => f.end > f.start).length;
    expect(total).toBeGreaterThan(MAX_MARKS);
    expect((await markedTexts(page)).size).toBe(MAX_MARKS);
    expect(await page.textContent("#pc-annotated")).toContain(
      `The first ${MAX_MARKS} of ${total} findings are marked`,
    );
    expect(await page.textContent("#pc-annotated")).toContain("Only the first 20,000 characters were read");
    expect(await page.locator(".pc-group").count()).toBeLessThan(12);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4000);
  });

  it("shows the heuristic questions first, then the LLM's, in the coaching and the Slack preview", async () => {
    let release: (r: Reply) => void = () => {};
    const llmQuestions = [
      "Which teammate would use what you learned here?",
      "What nearly stopped you on the way?",
    ];
    llm.reply(() => new Promise<Reply>((resolve) => (release = resolve)));
    const { page } = await open({ server: pgWithLlm });
    await coach(page, BRAG);
    await page.waitForFunction(() => document.body.dataset.llm === "pending");
    // Before the LLM answers: the coach's own questions, and a line saying the AI coach is at work.
    const heuristic = analyze(BRAG).questions;
    expect(await page.textContent("#pc-questions")).toContain(heuristic[0]!);
    expect(await page.textContent("#pc-llm-status")).toBe("Asking the AI coach for sharper questions…");
    await until(() => llm.requests.length > 0);
    release({ content: answer(llmQuestions, { vulnerability: "The award hides the doubts." }) });
    await page.waitForFunction(() => document.body.dataset.llm === "llm");
    const questions = (await page.textContent("#pc-questions")) ?? "";
    for (const q of llmQuestions) expect(questions).toContain(q);
    expect(questions).not.toContain(heuristic[0]!);
    expect(questions).toContain("The award hides the doubts.");
    expect(await page.textContent("#pc-llm-status")).toBe("The AI coach refined these questions.");
    expect(await page.textContent("#pc-slack")).toContain(llmQuestions[0]!);
    expect(await page.textContent("#pc-json")).toContain(llmQuestions[0]!);
  });

  it("says so when the LLM doesn't answer, and keeps the coach's own questions", async () => {
    llm.reply(() => ({
      status: 401,
      body: { error: { message: "bad key", type: "invalid_request_error" } },
    }));
    const { page } = await open({ server: pgWithLlm });
    await coach(page, FRENCH);
    await page.waitForFunction(() => document.body.dataset.llm === "heuristics");
    expect(await page.textContent("#pc-llm-status")).toBe(LLM_UNAVAILABLE.fr);
    expect(await page.textContent("#pc-questions")).toContain(analyze(FRENCH).questions[0]!);
    expect(await page.textContent("#pc-slack")).toContain(LLM_UNAVAILABLE.fr);
  });
});
