import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/coach/index.js";
import { usableContent } from "../../../src/coach/rules/usable-content.js";
import { excerpts } from "../../helpers/rules.js";

describe("usable-content", () => {
  it("finds tips and numbered lists in English, not a bare link", () => {
    const found = excerpts(
      usableContent,
      "Three tips for calmer code reviews:\n1. Keep PRs small\n2. Review before lunch\nTemplate: https://example.org/t",
      "en",
    );
    expect(found).toContain("Three tips");
    expect(found).toContain("1. Keep PRs small");
    expect(found).not.toContain("https://example.org/t");
  });
  it("finds conseils and étapes in French", () => {
    expect(excerpts(usableContent, "Voici mes conseils en trois étapes.", "fr")).toEqual([
      "Voici mes",
      "conseils",
      "trois étapes",
    ]);
  });
  it("finds nothing in a plain announcement", () => {
    expect(excerpts(usableContent, "I joined a new company today.", "en")).toEqual([]);
    expect(excerpts(usableContent, "J'ai rejoint une nouvelle entreprise.", "fr")).toEqual([]);
  });
  it("gives nothing that is asked for: a question or a request", () => {
    expect(excerpts(usableContent, "Any tips?", "en")).toEqual([]);
    expect(excerpts(usableContent, "Des conseils ?", "fr")).toEqual([]);
    expect(excerpts(usableContent, "Does anyone have a template for OKRs?", "en")).toEqual([]);
    expect(excerpts(usableContent, "Anyone have a good onboarding checklist.", "en")).toEqual([]);
    expect(excerpts(usableContent, "I'm looking for a guide to Postgres indexes.", "en")).toEqual([]);
    expect(excerpts(usableContent, "Je cherche un modèle de CV.", "fr")).toEqual([]);
    expect(excerpts(usableContent, "Quelqu'un a une méthode pour prioriser.", "fr")).toEqual([]);
    // A question after what is given leaves it given.
    expect(excerpts(usableContent, "Here are 3 tips — which one will you try first?", "en")).toEqual([
      "Here are",
      "3 tips",
    ]);
  });
  it("gives nothing it asks the reader for: 'What worked for you?' (found by a probe)", () => {
    for (const text of [
      "Options I'm weighing: every two weeks, or group sessions. What worked for you, and what did you stop doing?",
      "What helped you most in your first month?",
    ])
      expect(excerpts(usableContent, text, "en"), text).toEqual([]);
    expect(excerpts(usableContent, "Ce qui a marché pour vous, c'était quoi ?", "fr")).toEqual([]);
    // Counter-cases: the author tells what worked, or asks after giving it; the question still asks.
    expect(excerpts(usableContent, "What worked for us: weekly 1:1s for new folks.", "en")).toEqual([
      "What worked",
    ]);
    const asked = analyze(
      "I manage twelve people and skip some 1:1s every week, which I hate. What worked for you?",
    );
    expect(asked.strengths.map((s) => s.rule)).toContain("reader-question");
    expect(asked.questions.join(" ")).toContain("You ask “What worked for you?”");
  });
  it("gives nothing it dismisses, though a negated imperative is advice", () => {
    expect(excerpts(usableContent, "I don't need another checklist.", "en")).toEqual([]);
    expect(excerpts(usableContent, "Frameworks don't matter.", "en")).toEqual([]);
    expect(excerpts(usableContent, "Je n'ai pas besoin d'une autre checklist.", "fr")).toEqual([]);
    expect(excerpts(usableContent, "Les méthodes ne servent à rien sans discipline.", "fr")).toEqual([]);
    expect(excerpts(usableContent, "Don't skip these 3 steps before a release.", "en")).toEqual(["3 steps"]);
    expect(excerpts(usableContent, "N'oubliez pas ces trois étapes avant une mise en prod.", "fr")).toEqual([
      "trois étapes",
    ]);
  });
  it("counts what a request or a negation does not govern (found by a review)", () => {
    expect(
      excerpts(usableContent, "I need to share the 3 tips that saved my first year: sleep, ask, ship.", "en"),
    ).toContain("3 tips");
    expect(excerpts(usableContent, "I never skip these 3 steps before a release.", "en")).toEqual([
      "3 steps",
    ]);
    expect(excerpts(usableContent, "Je ne saute jamais ces 3 étapes avant une mise en prod.", "fr")).toEqual([
      "3 étapes",
    ]);
    // "Here's why:" introduces no tip: it is quoted as it is.
    expect(excerpts(usableContent, "Here's why: I was scared.", "en")).toEqual(["Here's why"]);
  });
  it("reads « modèle » as a template only in a template's sense", () => {
    expect(excerpts(usableContent, "Ma mère reste mon modèle.", "fr")).toEqual([]);
    expect(excerpts(usableContent, "Je travaille sur les modèles de langage.", "fr")).toEqual([]);
    expect(excerpts(usableContent, "Voici mon modèle de CV à télécharger.", "fr")).toEqual(["modèle de CV"]);
    expect(excerpts(usableContent, "Le modèle à télécharger est en commentaire.", "fr")).toEqual([
      "modèle à télécharger",
    ]);
  });
  it("quotes what a label introduces, not the label alone: 'Tip:' (found by a probe)", () => {
    expect(excerpts(usableContent, "💡 Tip: batch your code reviews before lunch.", "en")).toEqual([
      "batch your code reviews before lunch",
    ]);
    expect(excerpts(usableContent, "Astuce : dans Excel, Ctrl+Maj+L active les filtres.", "fr")).toEqual([
      "dans Excel, Ctrl+Maj+L active les filtres",
    ]);
    expect(excerpts(usableContent, "Here's my tip: batch your reviews.", "en")).toEqual(["tip"]);
    expect(analyze("💡 Tip: batch your code reviews before lunch.").questions[0]).toBe(
      "Your reader gets “batch your code reviews before lunch”. What is the one thing they should try first, and how will they know it worked?",
    );
  });
  it("reads a milestone as no steps to follow: 'Nouvelle étape', 'a big step'", () => {
    expect(excerpts(usableContent, "Nouvelle étape : je rejoins Doctolib comme PM !", "fr")).toEqual([]);
    expect(excerpts(usableContent, "A big step for me: I joined Acme.", "en")).toEqual([]);
    expect(excerpts(usableContent, "The first step is to write the test.", "en")).toEqual(["step"]);
  });
  it("still finds what is given", () => {
    expect(excerpts(usableContent, "Here are 3 tips: write less, ship more.", "en")).toEqual([
      "Here are",
      "3 tips",
    ]);
    expect(excerpts(usableContent, "Try this checklist before every release.", "en")).toEqual([
      "Try this",
      "checklist",
    ]);
    expect(excerpts(usableContent, "Trois conseils pour vos revues de code.", "fr")).toEqual([
      "Trois conseils",
    ]);
  });
});
