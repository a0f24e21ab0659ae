import { describe, expect, it } from "vitest";
import { analyze, MAX_ANALYZED_CHARS } from "../../src/coach/index.js";

const BRAG =
  "I'm thrilled to announce that I've been promoted to VP of Sales! So proud of what I achieved this year.";
const HELPFUL =
  "Three things that cut our code review time in half:\n1. PRs under 200 lines\n2. A checklist in the template\n3. Reviews before lunch\nWhat works for your team?";

describe("analyze", () => {
  it("returns the contract's result object", () => {
    const r = analyze(BRAG);
    expect(r.language).toBe("en");
    expect(Object.keys(r.dimensions)).toEqual(
      expect.arrayContaining(["audience", "authenticity", "vulnerability"]),
    );
    for (const f of r.findings) {
      expect(f.rule).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(["info", "warning"]).toContain(f.severity);
      expect(r.findings.length).toBeGreaterThan(0);
      expect(f.excerpt).toBe(BRAG.slice(f.start, f.end));
    }
    expect(r.questions.length).toBeGreaterThanOrEqual(2);
    expect(r.questions.length).toBeLessThanOrEqual(5);
    for (const q of r.questions) expect(q.trim().endsWith("?")).toBe(true);
  });

  it("scores a reader-focused draft above a self-promotional one", () => {
    expect(analyze(HELPFUL).score).toBeGreaterThan(analyze(BRAG).score + 25);
  });

  it("quotes the draft in at least one question", () => {
    const r = analyze(BRAG);
    expect(r.questions.some((q) => q.includes("“I'm thrilled"))).toBe(true);
  });

  it("encourages a good draft with a sharper question instead of inventing problems", () => {
    const r = analyze(HELPFUL);
    expect(r.findings.filter((f) => f.severity === "warning")).toEqual([]);
    expect(r.summary).toMatch(/gives your reader something/);
    expect(r.questions[0]).toContain("What works for your team?");
  });

  it("answers in French for a French draft, and follows --lang", () => {
    const fr = analyze("Ravi de vous annoncer que j'ai été promu directeur ! Tellement fier de moi.");
    expect(fr.language).toBe("fr");
    expect(
      fr.questions.some((q) => q.includes("« Ravi de vous annoncer que j'ai été promu directeur »")),
    ).toBe(true);
    expect(analyze("Bonjour à tous", { lang: "en" }).language).toBe("en");
  });

  it("is monotonic: a question to the reader never lowers audience, brag hashtags never raise the score", () => {
    for (const draft of [BRAG, HELPFUL, "Quick update from the team.", "J'ai rejoint Acme cette semaine."]) {
      const base = analyze(draft);
      expect(analyze(`${draft} What would you do?`).dimensions.audience).toBeGreaterThanOrEqual(
        base.dimensions.audience,
      );
      expect(analyze(`${draft} #blessed #winning`).score).toBeLessThanOrEqual(base.score);
    }
  });

  it("scores the platform: a long post fits a blog but not X", () => {
    const long = "Here is what we learned moving our queue to Postgres. ".repeat(10);
    expect(analyze(long, { platform: "x" }).findings.map((f) => f.rule)).toContain("platform-length");
    expect(analyze(long, { platform: "blog" }).findings.map((f) => f.rule)).not.toContain("platform-length");
  });

  it("analyses the first part of a huge draft and says so", () => {
    const huge = "Here is one tip for you. ".repeat(5000);
    const r = analyze(huge);
    expect(r.truncated).toBe(true);
    expect(r.analyzedLength).toBe(MAX_ANALYZED_CHARS);
    expect(r.findings.map((f) => f.rule)).toContain("draft-truncated");
    expect(r.summary).toMatch(/20,000/);
  });

  it("calls a few words with nothing wrong too short to tell, never written for the reader", () => {
    for (const text of ["Hello", "Lorem ipsum dolor sit amet.", "Meeting at 3pm."]) {
      const r = analyze(text);
      expect(r.band, text).toBe("too-short");
      expect(r.bandLabel).toBe("Too short to tell");
      expect(r.summary).toMatch(/^Too short to tell yet/);
      expect(r.questions.length).toBeGreaterThanOrEqual(2);
    }
    expect(analyze("Bonjour à tous").bandLabel).toBe("Trop court pour en juger");
    // A short brag is still read for what it is.
    expect(analyze("Got promoted today!!").band).toBe("self-promotion");
  });

  it("reports offsets into the draft as typed, even decomposed (NFD, as macOS pastes it)", () => {
    const text = "Après des mois de travail, j’ai gagné le prix et je suis très fière.".normalize("NFD");
    const r = analyze(text);
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of [...r.findings, ...r.strengths]) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    expect(r.analyzedLength).toBe(text.length);
    expect(r.language).toBe("fr");
  });

  it("gives an empty draft a kind summary and two questions", () => {
    const r = analyze("   ");
    expect(r.summary).toMatch(/Nothing to read yet/);
    expect(r.questions).toHaveLength(2);
    expect(r.findings).toEqual([]);
  });
});
