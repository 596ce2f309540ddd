/**
 * Summary statistics of timing samples for the bench tables: median and p90 by simple-statistics' R-7 quantile.
 */
import { quantileSorted } from "simple-statistics";

/** Median, p90, count and sum of a sample, milliseconds. */
export interface Summary {
  samples: number;
  medianMs: number;
  p90Ms: number;
  totalMs: number;
}

/**
 * Summarises timing samples (ms). Quantiles use linear interpolation (R type 7, numpy's default).
 * @example summarize([1, 2, 3, 4]) // { samples: 4, medianMs: 2.5, p90Ms: 3.7, totalMs: 10 }
 */
export function summarize(samplesMs: readonly number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    medianMs: quantileSorted(sorted, 0.5),
    p90Ms: quantileSorted(sorted, 0.9),
    totalMs: sorted.reduce((a, b) => a + b, 0),
  };
}

/** Milliseconds elapsed since a `process.hrtime.bigint()` reading. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
