/**
 * Seeded pseudo-random draws for Monte Carlo batches: mulberry32 (32-bit state) and sampling without replacement,
 * so the same seed gives the same failure sets on every machine, worker count and shard.
 */

/**
 * A generator of floats in [0, 1) from a 32-bit seed (mulberry32, Tommy Ettinger's public-domain generator).
 * @param seed integer 0 … 2^32 − 1 (other numbers are truncated to 32 bits)
 * @example const next = mulberry32(42); next() // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `k` distinct indexes of 0 … n − 1, uniformly, by a partial Fisher–Yates shuffle driven by `next`; returned in
 * ascending order. Consumes exactly k numbers from `next`.
 * @param n population size, integer ≥ 0
 * @param k sample size, integer 0 … n
 * @throws RangeError when k is not an integer in 0 … n (callers validate first: batch generator `failures`).
 * @example sampleIndexes(mulberry32(1), 5, 5) // [0, 1, 2, 3, 4]
 */
export function sampleIndexes(next: () => number, n: number, k: number): number[] {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || k > n) throw new RangeError(`sample size ${k} must be an integer in 0 … ${n}`);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, k).sort((a, b) => a - b);
}
