import type { Prng } from './prng';

/**
 * `k` distinct indices from [0, n), ascending for large k. Selection sampling (one pass) when k is
 * a large share of n, rejection into a Set otherwise, so both huge and tiny groups stay cheap.
 */
export function sampleIndices(rng: Prng, n: number, k: number): number[] {
  const want = Math.min(k, n);
  if (want * 3 >= n) {
    const out: number[] = [];
    let needed = want;
    for (let i = 0; i < n && needed > 0; i++) {
      if (rng.next() * (n - i) < needed) {
        out.push(i);
        needed--;
      }
    }
    return out;
  }
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < want) {
    const i = Math.floor(rng.next() * n);
    if (!seen.has(i)) {
      seen.add(i);
      out.push(i);
    }
  }
  return out;
}

/** Pareto-distributed integer ≥ min, capped: most values near min, a long tail. */
export function paretoInt(rng: Prng, min: number, alpha: number, cap: number): number {
  const u = 1 - rng.next(); // (0, 1]
  return Math.min(cap, Math.floor(min / Math.pow(u, 1 / alpha)));
}

/** Index into `weights` chosen proportionally to the weights. */
export function weightedIndex(rng: Prng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}
