import { describe, expect, it } from "vitest";
import { auc, fitLogistic, folds, predictLogit } from "../../scripts/lib/logistic.js";

/** A deterministic pseudo-random stream, so the synthetic data is the same every run. */
function stream(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function synthetic(n: number, weights: number[], intercept: number) {
  const rand = stream(7);
  const x: number[][] = [];
  const y: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const row = weights.map((_, j) => (j === 0 ? rand() * 4 : rand() < 0.3 ? 1 : 0));
    const z = intercept + row.reduce((s, v, j) => s + v * weights[j]!, 0);
    x.push(row);
    y.push(rand() < 1 / (1 + Math.exp(-z)));
  }
  return { x, y };
}

describe("fitLogistic", () => {
  it("recovers the weights that generated the data", () => {
    const { x, y } = synthetic(6000, [0.8, -1.5, 0], -1);
    const m = fitLogistic(x, y, { lambda: 1e-5, signs: [0, 0, 0] });
    expect(m.weights[0]).toBeCloseTo(0.8, 0);
    expect(m.weights[1]).toBeCloseTo(-1.5, 0);
    expect(Math.abs(m.weights[2]!)).toBeLessThan(0.2);
    expect(m.intercept).toBeCloseTo(-1, 0);
  });

  it("keeps each weight on the side its sign allows, and within its bounds", () => {
    const { x, y } = synthetic(3000, [0.8, -1.5, 0], -1);
    const signed = fitLogistic(x, y, { lambda: 1e-4, signs: [0, 1, 0] });
    expect(signed.weights[1]).toBe(0);
    const bounded = fitLogistic(x, y, {
      lambda: 1e-4,
      signs: [1, -1, 0],
      bounds: [[0.1, 0.5], [-1, -0.2], undefined],
    });
    expect(bounded.weights[0]).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(bounded.weights[0]).toBeGreaterThanOrEqual(0.1 - 1e-9);
    expect(bounded.weights[1]).toBeGreaterThanOrEqual(-1 - 1e-9);
    expect(bounded.weights[1]).toBeLessThanOrEqual(-0.2 + 1e-9);
  });

  it("ranks the data it was fitted on", () => {
    const { x, y } = synthetic(2000, [1.2, -2, 0.5], -0.5);
    const m = fitLogistic(x, y, { lambda: 1e-3, signs: [0, 0, 0] });
    expect(auc(x.map((row, i) => ({ value: predictLogit(m, row), positive: y[i]! })))).toBeGreaterThan(0.75);
  });
});

describe("auc", () => {
  it("is 1 for perfect ranking, 0 reversed, 0.5 for ties", () => {
    expect(
      auc([
        { value: 2, positive: true },
        { value: 1, positive: false },
      ]),
    ).toBe(1);
    expect(
      auc([
        { value: 1, positive: true },
        { value: 2, positive: false },
      ]),
    ).toBe(0);
    expect(
      auc([
        { value: 1, positive: true },
        { value: 1, positive: false },
      ]),
    ).toBe(0.5);
  });
  it("matches the pairwise definition", () => {
    const rand = stream(3);
    const items = Array.from({ length: 200 }, () => ({
      value: Math.round(rand() * 20),
      positive: rand() < 0.3,
    }));
    const pos = items.filter((i) => i.positive);
    const neg = items.filter((i) => !i.positive);
    let wins = 0;
    for (const p of pos) for (const n of neg) wins += p.value > n.value ? 1 : p.value === n.value ? 0.5 : 0;
    expect(auc(items)).toBeCloseTo(wins / (pos.length * neg.length), 10);
  });
});

describe("folds", () => {
  it("splits deterministically into k folds of near-equal size", () => {
    const f = folds(103, 10);
    expect(folds(103, 10)).toEqual(f);
    const sizes = Array.from({ length: 10 }, (_, k) => f.filter((x) => x === k).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});
