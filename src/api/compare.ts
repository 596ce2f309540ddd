/**
 * Use case `compare`: two scenarios (or saved runs) run with the same parameters and compared, after − before; the
 * after scenario's road assignment loads the before scenario's OD matrix, so the two differ by the network only.
 */
import { runDemand } from "../engine/analyse.ts";
import type { RunResult } from "../model/run-result.ts";
import { UsageError } from "../errors.ts";
import { compareRuns, type ComparisonResult } from "../report/compare.ts";
import { resolveAnalysis, runInput, sharedBaseNetwork, type AnalysisOptions } from "./inputs.ts";

/** Options of {@link compareScenarios}. */
export interface CompareOptions extends AnalysisOptions {
  /** The scenario before: a scenario file, or a saved run document (`deltanet run --format json`). */
  before: string;
  /** The scenario after: a scenario file, or a saved run document. */
  after: string;
  /** Compare runs of different base networks or deltanet versions anyway (default false); recorded in `mismatches`. */
  allowMismatch?: boolean;
}

/**
 * Runs two scenarios (or reads saved runs) with the same options and compares them.
 * @returns the compare document (`kind: "deltanet-compare"`), holding both runs
 * @throws InputError / ScenarioError (exit 3) for bad files; UsageError (exit 2) `mismatched-runs` for runs with
 *   different parameters, `provenance-mismatch` for a different base network or engine without `allowMismatch`
 * @example compareScenarios({ before: "scenarios/baseline-2019.yaml", after: "scenarios/plan-2025.yaml" }).isochrones.length // 41
 */
export function compareScenarios(options: CompareOptions): ComparisonResult {
  const analysis = resolveAnalysis(options);
  const base = sharedBaseNetwork([options.before, options.after]);
  const before = runInput(options.before, analysis, base);
  const afterAnalysis = before.assignment && analysis.assignment !== false ? { ...analysis, assignment: { ...analysis.assignment, demand: runDemand(before.assignment) } } : analysis;
  let after: RunResult;
  try {
    after = runInput(options.after, afterAnalysis, base);
  } catch (err) {
    // Another network with other zones cannot carry the before OD matrix: assign its own, and let compareRuns refuse
    // (provenance-mismatch) or, with allowMismatch, compare.
    if (!(err instanceof UsageError && err.code === "demand-zones-mismatch")) throw err;
    after = runInput(options.after, analysis, base);
  }
  return compareRuns(before, after, { allowMismatch: options.allowMismatch });
}
