import { describe, expect, it } from "vitest";
import { selfCongratulation } from "../../../src/coach/rules/self-congratulation.js";
import { excerpts } from "../../helpers/rules.js";

describe("self-congratulation", () => {
  it("finds announcement phrases in English", () => {
    expect(excerpts(selfCongratulation, "Thrilled to announce I'm joining Acme!", "en")).toEqual([
      "Thrilled to announce",
    ]);
    expect(excerpts(selfCongratulation, "Humbled and honored to receive this.", "en")).toEqual([
      "Humbled and honored to receive",
    ]);
  });
  it("finds announcement phrases in French", () => {
    expect(excerpts(selfCongratulation, "Ravie de vous annoncer mon arrivée chez Acme.", "fr")).toEqual([
      "Ravie de vous annoncer",
    ]);
    expect(excerpts(selfCongratulation, "J'ai le plaisir de vous annoncer la nouvelle.", "fr")).toEqual([
      "J'ai le plaisir de vous annoncer",
    ]);
    // "J'ai eu l'honneur d'intervenir": an honour told, past (blind probe).
    expect(
      excerpts(selfCongratulation, "J'ai eu l'honneur d'intervenir sur la scène principale.", "fr"),
    ).toEqual(["J'ai eu l'honneur d'intervenir"]);
  });
  it("leaves news told for the reader alone", () => {
    expect(
      excerpts(selfCongratulation, "Our API now supports webhooks: here is how to use them.", "en"),
    ).toEqual([]);
    expect(
      excerpts(selfCongratulation, "Notre API gère maintenant les webhooks : voici comment.", "fr"),
    ).toEqual([]);
  });
  it("reads joy offered to the reader as an offer (found by a probe: 'I'm happy to answer questions' in a hiring post)", () => {
    expect(
      excerpts(
        selfCongratulation,
        "I'm happy to answer questions about what the day-to-day looks like.",
        "en",
      ),
    ).toEqual([]);
    expect(excerpts(selfCongratulation, "Je suis ravie de vous aider si besoin.", "fr")).toEqual([]);
    expect(excerpts(selfCongratulation, "I'm happy to announce I joined Acme.", "en")).toEqual([
      "I'm happy to announce",
    ]);
    expect(excerpts(selfCongratulation, "Je suis ravie de rejoindre Acme.", "fr")).toEqual(["Je suis ravie"]);
    // The reader must be the one served: walking a stage or helping 200 clients is the author's news
    // (found by a review).
    for (const [draft, lang] of [
      ["I'm so proud to walk across the stage tomorrow to receive my MBA.", "en"],
      ["I'm thrilled to connect with 500 CEOs at Davos.", "en"],
      ["Je suis fière d'accompagner plus de 200 entreprises du CAC 40.", "fr"],
      ["Fière d'aider plus de 10 000 clients.", "fr"],
    ] as const)
      expect(excerpts(selfCongratulation, draft, lang), draft).toHaveLength(1);
    for (const [draft, lang] of [
      ["I'm happy to take your questions.", "en"],
      ["Ravie de pouvoir répondre à vos questions.", "fr"],
      ["Ravie d'en discuter avec vous.", "fr"],
    ] as const)
      expect(excerpts(selfCongratulation, draft, lang), draft).toEqual([]);
  });
});
