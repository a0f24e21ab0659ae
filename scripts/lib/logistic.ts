/**
 * L2-regularised logistic regression with sign constraints, by cyclic coordinate descent (Newton
 * steps per coordinate). Small and exact enough for a few dozen explainable features and a few
 * thousand examples; the sign constraints keep each feature pointing the way its meaning says
 * (a question to the reader can never make a post more self-promotional).
 */
export interface FitOptions {
  /** L2 penalty on standardised weights. */
  lambda: number;
  /** Per feature: +1 weight must be ≥ 0, -1 must be ≤ 0, 0 free. */
  signs: readonly number[];
  /** Per feature bounds on the raw (unstandardised) weight, when tighter than its sign. */
  bounds?: readonly ([number, number] | undefined)[];
  /**
   * Features vary at least this much for the penalty's sake: a feature seen a handful of times gets
   * no huge weight from so little evidence (raw weights of rare features shrink more).
   */
  minScale?: readonly number[];
  /** Per feature, the raw weight the penalty pulls towards (defaults to 0). */
  priors?: readonly number[];
  /** Per example weight (defaults to 1). */
  sampleWeights?: readonly number[];
  sweeps?: number;
}

export interface LogisticModel {
  intercept: number;
  /** Weights on the raw (unstandardised) features. */
  weights: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitLogistic(x: readonly number[][], y: readonly boolean[], opts: FitOptions): LogisticModel {
  const n = x.length;
  const p = opts.signs.length;
  const sw = opts.sampleWeights ?? new Array<number>(n).fill(1);
  const totalWeight = sw.reduce((a, b) => a + b, 0);
  // Standardise so that one penalty suits features of every scale.
  const mean = new Array<number>(p).fill(0);
  const sd = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j]! += (sw[i]! * x[i]![j]!) / totalWeight;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) sd[j]! += (sw[i]! * (x[i]![j]! - mean[j]!) ** 2) / totalWeight;
  for (let j = 0; j < p; j++) sd[j] = Math.max(Math.sqrt(sd[j]!), opts.minScale?.[j] ?? 0) || 1;
  const cols: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = (x[i]![j]! - mean[j]!) / sd[j]!;
    cols.push(c);
  }
  const w = new Float64Array(p);
  let b = 0;
  const eta = new Float64Array(n);
  const sweeps = opts.sweeps ?? 300;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let maxStep = 0;
    // Intercept.
    {
      let g = 0;
      let h = 0;
      for (let i = 0; i < n; i++) {
        const pr = sigmoid(eta[i]! + b);
        g += sw[i]! * (pr - (y[i] ? 1 : 0));
        h += sw[i]! * pr * (1 - pr);
      }
      const step = g / Math.max(h, 1e-9);
      b -= step;
      maxStep = Math.max(maxStep, Math.abs(step));
    }
    for (let j = 0; j < p; j++) {
      const c = cols[j]!;
      const prior = (opts.priors?.[j] ?? 0) * sd[j]!;
      let g = opts.lambda * totalWeight * (w[j]! - prior);
      let h = opts.lambda * totalWeight;
      for (let i = 0; i < n; i++) {
        const pr = sigmoid(eta[i]! + b);
        g += sw[i]! * (pr - (y[i] ? 1 : 0)) * c[i]!;
        h += sw[i]! * pr * (1 - pr) * c[i]! * c[i]!;
      }
      let next = w[j]! - g / Math.max(h, 1e-9);
      const sign = opts.signs[j]!;
      if (sign > 0 && next < 0) next = 0;
      if (sign < 0 && next > 0) next = 0;
      const bound = opts.bounds?.[j];
      if (bound) next = Math.max(bound[0] * sd[j]!, Math.min(bound[1] * sd[j]!, next));
      const delta = next - w[j]!;
      if (delta !== 0) {
        for (let i = 0; i < n; i++) eta[i]! += delta * c[i]!;
        w[j] = next;
      }
      maxStep = Math.max(maxStep, Math.abs(delta));
    }
    if (maxStep < 1e-7) break;
  }
  const weights = Array.from(w, (wj, j) => wj / sd[j]!);
  const intercept = b - weights.reduce((acc, wj, j) => acc + wj * mean[j]!, 0);
  return { intercept, weights };
}

export function predictLogit(model: LogisticModel, row: readonly number[]): number {
  let z = model.intercept;
  for (let j = 0; j < row.length; j++) z += model.weights[j]! * row[j]!;
  return z;
}

/**
 * Area under the ROC curve: the probability that a random positive ranks above a random negative
 * on `value` (ties count half). Sort-based, O(n log n).
 */
export function auc(items: readonly { value: number; positive: boolean }[]): number {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.value === sorted[i]!.value) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]!.positive) {
        pos++;
        rankSum += avgRank;
      } else neg++;
    }
    i = j;
  }
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Deterministic fold of an example (by its index in a seeded permutation). */
export function folds(n: number, k: number, seed = 1): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Array<number>(n);
  order.forEach((idx, pos) => {
    fold[idx] = pos % k;
  });
  return fold;
}
