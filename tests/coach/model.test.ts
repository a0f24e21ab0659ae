import { describe, expect, it } from "vitest";
import { analyze, BANDS, bandOf, RULES } from "../../src/coach/index.js";
import { FEATURES } from "../../src/coach/model.js";
import { lengthGate, pointsOf } from "../../src/coach/score.js";
import { SIGNALS } from "../../src/coach/signals.js";
import { buildContext } from "../../src/coach/text.js";
import { MODEL } from "../../src/coach/weights.js";

const RULE_FEATURES = FEATURES.filter((f) => !SIGNALS.some((s) => s.id === f.id));

describe("the fitted model (src/coach/weights.ts)", () => {
  it("only weighs features the coach knows", () => {
    const known = new Set(FEATURES.map((f) => f.id));
    for (const id of Object.keys(MODEL.points)) expect(known.has(id), id).toBe(true);
  });

  it("moves the score the way each rule's meaning says, within bounds", () => {
    for (const f of RULE_FEATURES) {
      for (const gate of [0, 1]) {
        const p = pointsOf(f.id, gate);
        if (p === 0) continue;
        if (f.direction === "self") expect(p, f.id).toBeLessThanOrEqual(-1);
        else expect(p, f.id).toBeGreaterThanOrEqual(1);
        expect(Math.abs(p), f.id).toBeLessThanOrEqual(25);
      }
    }
    // Every concern a user can be shown costs something.
    for (const rule of RULES.filter((r) => r.kind === "concern")) {
      expect(pointsOf(rule.id, 0) + pointsOf(rule.id, 1), rule.id).toBeLessThan(0);
    }
  });

  it("blends short- and long-post weights by length", () => {
    expect(lengthGate(0)).toBe(0);
    expect(lengthGate(MODEL.gate.from)).toBe(0);
    expect(lengthGate(MODEL.gate.to)).toBe(1);
    expect(lengthGate(1000)).toBe(1);
    expect(lengthGate((MODEL.gate.from + MODEL.gate.to) / 2)).toBeCloseTo(0.5);
  });
});

describe("explaining a score", () => {
  it("adds up: the base for its length plus findings, strengths and signals give the score", () => {
    for (const draft of [
      "Got into Stanford!! So proud of myself.",
      "Three things that cut our code review time in half: 1. small PRs 2. a checklist 3. reviews before lunch. What works for your team?",
      "Ravie de vous annoncer que j'ai été promue directrice ! Tellement fière de moi.",
      "We shipped the new onboarding flow last week. The hardest part was admitting our first version confused everyone.",
    ]) {
      const r = analyze(draft);
      const gate = lengthGate(buildContext(draft, "linkedin", r.language).words.length);
      const base = (1 - gate) * MODEL.base[0] + gate * MODEL.base[1];
      const parts = [...r.findings, ...r.strengths, ...r.signals].reduce((sum, f) => sum + f.contribution, 0);
      const raw = base + parts;
      if (raw <= 0 || raw >= 100) continue;
      // Parts are shown to a tenth of a point, and signals under half a point are not listed.
      expect(Math.abs(r.score - raw), draft).toBeLessThanOrEqual(2);
    }
  });

  it("says where the score stands, in the draft's language", () => {
    const brag = analyze("I'm thrilled to announce I won the award! So proud of myself.");
    expect(brag.band).toBe("self-promotion");
    expect(brag.bandLabel).toBe("Reads as self-promotion");
    expect(analyze("Ravie de vous annoncer ma promotion ! Tellement fière de moi.").bandLabel).toBe(
      "Se lit comme de l'autopromotion",
    );
    const helpful = analyze(
      "What cut our review time in half: small PRs, a checklist in the template, reviews before lunch. What works for your team?",
    );
    expect(["balanced", "reader-focused"]).toContain(helpful.band);
  });

  it("has bands that cover 0–100 in order", () => {
    expect(BANDS[0]!.from).toBe(0);
    for (let i = 1; i < BANDS.length; i++) expect(BANDS[i]!.from).toBeGreaterThan(BANDS[i - 1]!.from);
    expect(bandOf(0)).toBe("self-promotion");
    expect(bandOf(100)).toBe("reader-focused");
  });
});
