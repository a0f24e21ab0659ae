import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { analyze, MAX_ANALYZED_CHARS, titleOf } from "../../src/coach/index.js";
import { escapeHtml, html, jsonForScript } from "../../src/playground/html.js";
import { pageLanguage, renderPage } from "../../src/playground/page.js";
import {
  groupFindings,
  MAX_MARKS,
  MAX_QUOTES,
  renderCoaching,
  renderDraft,
  snapshotOf,
} from "../../src/playground/view.js";

/** Parses a fragment the way the page's innerHTML does. */
function dom(fragment: string) {
  return parseHTML(`<!doctype html><html><body>${fragment}</body></html>`).document;
}

const BRAG_TAGS = ["#blessed", "#success", "#proud", "#winning", "#grateful", "#boss"];
const BRAG = `I'm thrilled to announce I won the award! Humbled and grateful. ${BRAG_TAGS.join(" ")}`;

/** Every marked finding, rebuilt from the marks that carry it: it must read exactly as its excerpt. */
function markedTexts(fragment: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const mark of dom(fragment).querySelectorAll(".pc-mark")) {
    for (const id of (mark.getAttribute("data-f") ?? "").split(" "))
      texts.set(id, (texts.get(id) ?? "") + mark.textContent);
  }
  return texts;
}

describe("the annotated draft", () => {
  it("marks every finding on exactly its words, overlaps included", () => {
    const result = analyze(BRAG);
    const texts = markedTexts(renderDraft(BRAG, result, groupFindings(result)).value);
    expect(texts.size).toBe(result.findings.length);
    result.findings.forEach((f, i) => {
      expect(texts.get(`f${i}`)).toBe(f.excerpt);
    });
    // The rest of the draft is there too, unmarked: nothing lost, nothing added.
    expect(
      dom(renderDraft(BRAG, result, groupFindings(result)).value).querySelector(".pc-annotated")!.textContent,
    ).toBe(BRAG);
  });

  it("keeps overlapping findings visible: the shared words carry both, deeper", () => {
    const draft = "I'm thrilled to share that I'm proud of my team.";
    const result = analyze(draft);
    const groups = groupFindings(result);
    const marks = [...dom(renderDraft(draft, result, groups).value).querySelectorAll(".pc-mark")];
    const shared = marks.filter((m) => (m.getAttribute("data-f") ?? "").split(" ").length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const m of shared) {
      expect(m.className).toMatch(/pc-depth-[23]/);
      // The accessible name names every finding there.
      const titles = (m.getAttribute("data-g") ?? "")
        .split(" ")
        .map((g: string) => groups.find((x) => x.id === g)!.title);
      for (const title of titles) expect(m.getAttribute("aria-label")).toContain(title);
    }
  });

  it("escapes the draft: markup in it stays text", () => {
    const draft = `<img src=x onerror="alert(1)"> I'm thrilled to announce <script>alert(2)</script> & "quotes"`;
    const result = analyze(draft);
    const fragment = renderDraft(draft, result, groupFindings(result)).value;
    const doc = dom(fragment);
    expect(doc.querySelector("img")).toBeNull();
    expect(doc.querySelector("script")).toBeNull();
    expect(doc.querySelector(".pc-annotated")!.textContent).toBe(draft);
  });

  it("marks at most MAX_MARKS findings and says how many there are, and that the rest was not read", () => {
    const prose = "I'm thrilled to announce #blessed #success. ".repeat(2300);
    const result = analyze(prose);
    expect(result.findings.length).toBeGreaterThan(MAX_MARKS);
    const fragment = renderDraft(prose, result, groupFindings(result)).value;
    const doc = dom(fragment);
    const ids = new Set(
      [...doc.querySelectorAll(".pc-mark")].flatMap((m) => (m.getAttribute("data-f") ?? "").split(" ")),
    );
    expect(ids.size).toBe(MAX_MARKS);
    const total = result.findings.filter((f) => f.end > f.start).length;
    expect(doc.body.textContent).toContain(`The first ${MAX_MARKS} of ${total} findings are marked`);
    expect(doc.body.textContent).toContain(
      `Only the first ${MAX_ANALYZED_CHARS.toLocaleString("en")} characters were read`,
    );
    expect(doc.querySelector(".pc-unread")!.textContent).toBe(prose.slice(result.analyzedLength));
  });
});

describe("grouped findings", () => {
  it("groups repeated findings with their quotes, warnings first", () => {
    const result = analyze(BRAG);
    const groups = groupFindings(result);
    const hashtags = groups.find((g) => g.title === "Self-labelling hashtag")!;
    expect(hashtags.items.map((i) => i.excerpt)).toEqual(BRAG_TAGS);
    expect(hashtags.question).toBe(
      "What does “#blessed” tell a reader about the topic, rather than about you?",
    );
    expect(hashtags.suggestion).toMatch(/hashtags help readers find a topic/);
    const severities = groups.map((g) => g.severity);
    expect(severities.indexOf("info")).toBeGreaterThan(severities.lastIndexOf("warning"));

    const doc = dom(renderCoaching(result, groups).value);
    const toggle = [...doc.querySelectorAll(".pc-group-toggle")].find((b) =>
      b.textContent!.includes("Self-labelling"),
    )!;
    expect(toggle.textContent).toContain("6 times");
    expect(toggle.textContent).toContain("“#blessed”, “#success”, “#proud” …");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    const detail = doc.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(detail.hasAttribute("hidden")).toBe(true);
    expect(detail.textContent).toContain("The idea behind it");
    expect(detail.textContent).toContain("A question to ask yourself");
    // One line per kind of finding, not one per hashtag.
    expect(doc.querySelectorAll(".pc-group").length).toBe(groups.length);
    expect(groups.length).toBeLessThan(result.findings.length);
  });

  it("shows no number and no dimension meters for a draft too short to judge", () => {
    const result = analyze("Merci !");
    expect(result.band).toBe("too-short");
    const doc = dom(renderCoaching(result, groupFindings(result)).value);
    expect(doc.querySelector(".pc-score-num")!.textContent).toBe("–");
    expect(doc.querySelector(".pc-score-max")).toBeNull();
    expect(doc.querySelector(".pc-dims")).toBeNull();
    expect(doc.querySelector(".pc-band")!.textContent).toBe(result.bandLabel);
  });

  it("compares no score with a version too short to judge, on either side", () => {
    const brag = analyze(BRAG);
    const short = analyze("Hello team");
    const toShort = dom(renderCoaching(short, groupFindings(short), { previous: snapshotOf(brag) }).value);
    expect(toShort.querySelector(".pc-delta")!.textContent).toMatch(/^Too short to compare/);
    const fromShort = dom(renderCoaching(brag, groupFindings(brag), { previous: snapshotOf(short) }).value);
    expect(fromShort.querySelector(".pc-delta")).toBeNull();
    expect(snapshotOf(short).tooShort).toBe(true);
  });

  it("lists at most MAX_QUOTES quotes under a group, then 'and N more'", () => {
    const tags = [...BRAG_TAGS, "#hustle", "#mindset", "#goals"];
    const result = analyze(`Big week. ${tags.join(" ")}`);
    const groups = groupFindings(result);
    const doc = dom(renderCoaching(result, groups).value);
    const g = groups.find((x) => x.title === "Self-labelling hashtag")!;
    const detail = doc.getElementById(`pc-gd-${g.id}`)!;
    expect(detail.querySelectorAll(".pc-quote").length).toBe(MAX_QUOTES);
    expect(detail.textContent).toContain(`and ${tags.length - MAX_QUOTES} more`);
  });

  it("speaks French for a French draft: headings, labels and the rule's own question", () => {
    const result = analyze("Ravi de vous annoncer ma promotion ! Fier de ce parcours. #fierté #réussite");
    expect(result.language).toBe("fr");
    const groups = groupFindings(result);
    const text = dom(renderCoaching(result, groups).value).body.textContent!;
    expect(text).toContain("Ce qu'un lecteur peut remarquer");
    expect(text).toContain("Questions à vous poser");
    expect(text).toContain("L'idée derrière");
    expect(text).toContain("Public");
    expect(text).not.toContain("What a reader may notice");
    expect(text).not.toContain("Audience");
  });

  it("says why: the band in words, each group's points and the whole draft's signals", () => {
    const en = analyze("I'm thrilled to announce I won the award! So proud of myself.");
    const doc = dom(renderCoaching(en, groupFindings(en)).value);
    expect(doc.querySelector(".pc-band")!.textContent).toBe(en.bandLabel);
    const congrats = groupFindings(en).find((g) => g.rule === "self-congratulation")!;
    expect(congrats.points).toBeLessThan(0);
    expect(doc.body.textContent).toContain(`−${Math.abs(congrats.points)} points`);
    expect(doc.querySelectorAll(".pc-signals li").length).toBe(en.signals.length);
    expect(doc.body.textContent).toContain("Also in the score");

    const fr = analyze("Ravie de vous annoncer que j'ai été promue ! Tellement fière de moi.");
    const text = dom(renderCoaching(fr, groupFindings(fr)).value).body.textContent!;
    expect(text).toContain(fr.bandLabel);
    expect(text).toContain("Compte aussi dans le score");
    expect(text).not.toContain("Also in the score");
  });

  it("takes a finding's title from its message, in both languages", () => {
    expect(titleOf("Self-congratulation: the post leads with how you feel about your news.")).toBe(
      "Self-congratulation",
    );
    expect(titleOf("Hashtag d'autopromotion : il vous décrit, pas le sujet.")).toBe(
      "Hashtag d'autopromotion",
    );
    expect(titleOf("A success told without the road to it.")).toBe("A success told without the road to it");
  });
});

describe("a revision", () => {
  it("shows the score change, the findings gone (one for one) and the new ones", () => {
    const before = analyze(BRAG);
    const after = analyze(
      "I won the award after two years of failed prototypes. Here is what I'd tell anyone starting: test with users early. #grateful #design",
    );
    const doc = dom(renderCoaching(after, groupFindings(after), { previous: snapshotOf(before) }).value);
    const revision = doc.querySelector(".pc-revision")!;
    const delta = after.score - before.score;
    expect(revision.querySelector(".pc-delta")!.textContent).toBe(
      `Score ${before.score} → ${after.score} (${delta > 0 ? `+${delta}` : delta})`,
    );
    const gone = revision.querySelector(".pc-gone")!.textContent!;
    expect(gone).toContain("Self-congratulation");
    expect(gone).toContain("“#blessed”");
    // #grateful is still there: it is not listed as gone.
    expect(gone).not.toContain("#grateful");
  });

  it("says when the same things still stand out", () => {
    const result = analyze(BRAG);
    const doc = dom(renderCoaching(result, groupFindings(result), { previous: snapshotOf(result) }).value);
    expect(doc.querySelector(".pc-delta")!.textContent).toBe(
      `Score ${result.score} → ${result.score} (no change)`,
    );
    expect(doc.querySelector(".pc-revision")!.textContent).toContain("The same things still stand out.");
  });
});

describe("the page shell", () => {
  it("is rendered in the visitor's language, with both languages' words for the script", () => {
    const fr = parseHTML(renderPage("fr")).document;
    expect(fr.documentElement.getAttribute("lang")).toBe("fr");
    expect(fr.querySelector("#pc-go")!.textContent).toBe("Me coacher");
    const strings = JSON.parse(fr.getElementById("pc-strings")!.textContent!);
    expect(Object.keys(strings)).toEqual(["en", "fr"]);
    expect(strings.en.coach).toBe("Coach me");
    // Every word the script switches exists in both languages.
    expect(Object.keys(strings.fr).sort()).toEqual(Object.keys(strings.en).sort());
    for (const el of fr.querySelectorAll("[data-i18n]"))
      expect(strings.en[el.getAttribute("data-i18n")!], el.getAttribute("data-i18n")!).toBeTypeOf("string");
  });

  it("loads nothing from elsewhere and has a favicon", () => {
    const doc = parseHTML(renderPage("en")).document;
    const urls = [...doc.querySelectorAll("[src], [href]")].map(
      (e) => e.getAttribute("src") ?? e.getAttribute("href")!,
    );
    for (const u of urls) expect(u, u).toMatch(/^(\/|#)/);
    expect(doc.querySelector('link[rel="icon"]')!.getAttribute("href")).toBe("/favicon.svg");
  });

  it("picks the language from ?lang=, then Accept-Language by preference, else English", () => {
    expect(pageLanguage("fr", "en")).toBe("fr");
    expect(pageLanguage(null, "fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(pageLanguage(null, "de-DE,en;q=0.5,fr;q=0.7")).toBe("fr");
    expect(pageLanguage("de", "de")).toBe("en");
    expect(pageLanguage(null, undefined)).toBe("en");
    expect(pageLanguage(null, "fr;q=0,en")).toBe("en");
  });
});

describe("html", () => {
  it("escapes interpolations, keeps nested fragments, and keeps JSON from closing its script", () => {
    expect(html`<p title="${`"><x`}">${"<b>"}${html`<i>ok</i>`}${[1, 2]}${undefined}${false}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;x">&lt;b&gt;<i>ok</i>12</p>',
    );
    expect(escapeHtml("'&")).toBe("&#39;&amp;");
    expect(jsonForScript({ a: "</script><!--" }).value).toBe('{"a":"\\u003c/script>\\u003c!--"}');
  });
});
