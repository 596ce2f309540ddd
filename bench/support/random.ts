/**
 * Seeded pseudo-random numbers for the bench: mulberry32 (32-bit state), so every input and query list is the same
 * on every run and machine. Not for statistics, only for reproducible inputs.
 */

// mulberry32 (32-bit state, Tommy Ettinger's public-domain generator) is the one the batch runner uses.
export { mulberry32 } from "../../src/api/batch/random.ts";

/**
 * Uniform integer in min … max (inclusive) from a generator.
 * @example randomInt(mulberry32(1), 1, 6) // an integer 1 … 6
 */
export function randomInt(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}
