/** Small helpers shared by every benchmark suite: timing, percentiles and a printed table. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)]!;
}

export interface Timing {
  count: number;
  totalMs: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** Times `fn` once per item (after a warm-up pass) and reports throughput and per-call latency. */
export async function timeEach<T>(
  items: readonly T[],
  fn: (item: T) => unknown,
  warmup = true,
): Promise<Timing> {
  if (warmup) for (const item of items.slice(0, Math.min(items.length, 200))) await fn(item);
  const samples = new Array<number>(items.length);
  const started = process.hrtime.bigint();
  for (let i = 0; i < items.length; i++) {
    const t0 = process.hrtime.bigint();
    await fn(items[i]!);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  samples.sort((a, b) => a - b);
  return {
    count: items.length,
    totalMs,
    perSecond: (items.length / totalMs) * 1000,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
  };
}

export function fmt(n: number, digits = 3): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "n/a";
}

export function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i] ?? 10)).join("  ");
}

/** The round with the median throughput. */
export function median(rounds: readonly Timing[]): Timing {
  const sorted = [...rounds].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A deterministic generator, so every run measures the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
