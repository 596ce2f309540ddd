/**
 * Seeded pseudo-random numbers for the bench: mulberry32 (32-bit state), so every input and query list is the same
 * on every run and machine. Not for statistics, only for reproducible inputs.
 */

/**
 * Returns a generator of floats in [0, 1) from a 32-bit seed (mulberry32, Tommy Ettinger's public-domain generator).
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
 * Uniform integer in min … max (inclusive) from a generator.
 * @example randomInt(mulberry32(1), 1, 6) // an integer 1 … 6
 */
export function randomInt(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}
