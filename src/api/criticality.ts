/**
 * Use case `criticality`: every open facility of a layer closed alone (N-1 on the worker pool) and ranked by how much
 * its closure hurts commute times, reach and capacity (see `api/batch/criticality.ts` for the ranking).
 */
import { availableParallelism } from "node:os";
import { DEFAULT_TASK_TIMEOUT_S } from "../defaults.ts";
import type { CriticalityResult } from "../report/criticality.ts";
import { criticality, type CriticalityOptions } from "./batch/criticality.ts";

export { LAYERS, type Layer } from "../model/network.ts";

/** Options of {@link rankCriticality}. */
export interface RankCriticalityOptions extends CriticalityOptions {
  /** The base scenario file. */
  scenario: string;
}

/**
 * Ranks a layer's facilities by the effect of closing each one alone.
 * @param options the scenario and `layer`; `workers` (default: the number of cores), `taskTimeoutMs` (default
 *   `DEFAULT_TASK_TIMEOUT_S` × 1000), `cutoffsMin` (default `BATCH_CUTOFFS_MIN`), `signal`, progress and log callbacks
 * @returns the ranking (`kind: "deltanet-criticality"`), failures and interruption as data
 * @throws UsageError `invalid-layer`; InputError (exit 3) for a bad scenario or a layer with no facility to close
 * @example (await rankCriticality({ scenario: "scenarios/baseline-2019.yaml", layer: "road" })).rows[0].facilityId
 */
export function rankCriticality(options: RankCriticalityOptions): Promise<CriticalityResult> {
  const { scenario, ...rest } = options;
  return criticality(scenario, { workers: availableParallelism(), taskTimeoutMs: DEFAULT_TASK_TIMEOUT_S * 1000, ...rest });
}
