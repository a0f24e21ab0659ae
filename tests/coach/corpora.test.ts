import { describe, expect, it } from "vitest";
import { questionForms } from "../../scripts/evaluate.js";
import {
  crossValidate,
  finalWeights,
  fitModel,
  scoreAuc,
  scoreOf,
  toPoints,
  vectorize,
} from "../../scripts/fit.js";
import {
  loadFrenchTweets,
  loadLinkedIn,
  loadLinkedInAll,
  loadTweets,
  SHARED,
} from "../../scripts/lib/corpora.js";
import { analyze } from "../../src/coach/index.js";
import { MODEL } from "../../src/coach/weights.js";

// Real posts nobody on the team wrote (../shared/corpora, see its README). A clone without them
// skips these, saying so; CI and developers with the corpora run them.
const tweets = loadTweets();
const linkedin = loadLinkedIn();
const all = loadLinkedInAll();
const french = loadFrenchTweets();
if (!tweets || !linkedin || !all) console.warn(`corpora tests skipped: ${SHARED} is absent`);
if (!french) console.warn("French translation tests skipped: data/private/fr-translated-*.jsonl absent");

describe.runIf(tweets && linkedin && all)("on real labelled posts", () => {
  // Cross-validated: each post is scored by a model fitted without it, so these can fail.
  it("separates self-promotion from other posts on posts it was not fitted on", () => {
    const dev = [...tweets!, ...linkedin!];
    const cv = crossValidate(
      dev,
      dev.map((e) => vectorize(e.text, e.lang)),
      5,
    );
    expect(scoreAuc(dev, cv.scores, (e) => e.set === "tweets")).toBeGreaterThanOrEqual(0.8);
    expect(scoreAuc(dev, cv.scores, (e) => e.set === "linkedin")).toBeGreaterThanOrEqual(0.74);
    if (french) {
      const byLine = new Map(dev.map((e, i) => [`${e.set}:${e.line}`, i]));
      const scores = french.map((e) => {
        const model = cv.models[cv.fold[byLine.get(`tweets:${e.line}`)!]!]!;
        return scoreOf(model, vectorize(e.text, "fr"));
      });
      expect(scoreAuc(french, scores, () => true)).toBeGreaterThanOrEqual(0.78);
    }
  }, 120_000);

  // The lockbox: one post in five, never read while the lexicons were written, scored by a model
  // fitted without it. The nearest thing here to the held-out half the issue measures on.
  it("separates self-promotion on the lockbox, fitted without it", () => {
    const dev = [...tweets!, ...linkedin!].filter((e) => !e.lockbox);
    const model = toPoints(
      fitModel(
        dev,
        dev.map((e) => vectorize(e.text, e.lang)),
      ),
    );
    const box = [...tweets!, ...linkedin!, ...(french ?? [])].filter((e) => e.lockbox);
    const scores = box.map((e) => scoreOf(model, vectorize(e.text, e.lang)));
    expect(scoreAuc(box, scores, (e) => e.set === "tweets")).toBeGreaterThanOrEqual(0.8);
    expect(scoreAuc(box, scores, (e) => e.set === "linkedin")).toBeGreaterThanOrEqual(0.75);
    if (french) expect(scoreAuc(box, scores, (e) => e.set === "tweets-fr")).toBeGreaterThanOrEqual(0.75);
  }, 120_000);

  it("keeps ego warnings rare on 1,600 real LinkedIn posts", () => {
    const results = all!.map((p) => analyze(p.text));
    const share = (rule: string) =>
      results.filter((r) => r.findings.some((f) => f.rule === rule)).length / all!.length;
    expect(all!.length).toBe(1600);
    expect(share("prism-of-me")).toBeLessThan(0.05);
    expect(share("self-congratulation")).toBeLessThan(0.08);
    expect(share("oversharing")).toBeLessThan(0.03);
    // A question follows from what a post does: no question form on more than 30 % of them.
    for (const [form, n] of questionForms(results)) expect(n / all!.length, form).toBeLessThanOrEqual(0.3);
  });
});

describe.runIf(french)("on French translations of real tweets", () => {
  it("reads them as French", () => {
    const fr = french!.filter((e) => analyze(e.text).language === "fr").length;
    expect(fr / french!.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe.runIf(tweets && linkedin)("the committed weights", () => {
  it("are what `npm run fit -- --write` computes from the corpora", () => {
    const w = finalWeights(tweets!, linkedin!);
    expect(w.base[0]).toBeCloseTo(MODEL.base[0], 1);
    expect(w.base[1]).toBeCloseTo(MODEL.base[1], 1);
    const committed = MODEL.points as Record<string, readonly [number, number]>;
    for (const [id, [short, long]] of Object.entries(w.points)) {
      if (id === "platform-length") continue;
      expect(committed[id]?.[0] ?? 0, id).toBeCloseTo(short, 1);
      expect(committed[id]?.[1] ?? 0, id).toBeCloseTo(long, 1);
    }
  }, 60_000);
});
