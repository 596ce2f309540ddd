/**
 * Use case `run`: one scenario file applied to its network and analysed — commute isochrones, city reachability,
 * connectivity, capacity and the road assignment (what `deltanet run` prints).
 */
import { DEFAULT_CAPACITY_QUERIES } from "../defaults.ts";
import type { RunResult } from "../model/run-result.ts";
import { readRulesFile } from "../io/rules-file.ts";
import type { CapacityQuery } from "../model/capacity-query.ts";
import type { RuleSet } from "../model/check-rule.ts";
import { analyseScenarioFile, resolveAnalysis, type AnalysisOptions } from "./inputs.ts";

/** Options of {@link runScenario}. */
export interface RunOptions extends AnalysisOptions {
  /** The scenario file (YAML or JSON). */
  scenario: string;
  /**
   * A rules file of a later `deltanet check`: its capacity queries and `population-reach` cutoffs are added to the
   * run, so the saved run can be that check's baseline.
   */
  rules?: string;
}

/**
 * Runs one scenario.
 * @param options the scenario file and the analysis options (defaults from `src/defaults.ts`)
 * @returns the run document (`kind: "deltanet-run"`); its `parameters` are the effective values
 * @throws InputError / ScenarioError (exit code 3) for a bad scenario, network or rules file, with file, line and path;
 *   UsageError (exit 2) for bad options (e.g. a cutoff ≤ 0)
 * @example runScenario({ scenario: "scenarios/baseline-2019.yaml" }).isochrones.length // 41
 */
export function runScenario(options: RunOptions): RunResult {
  const analysis = resolveAnalysis(options);
  if (options.rules !== undefined) {
    const forRules = runOptionsForRules(readRulesFile(options.rules, DEFAULT_CAPACITY_QUERIES.map((q) => q.id)), analysis.cutoffsMin, analysis.capacityQueries);
    analysis.cutoffsMin = forRules.cutoffsMin;
    analysis.capacityQueries = forRules.capacityQueries;
  }
  return analyseScenarioFile(options.scenario, analysis);
}

/**
 * Cutoffs and capacity queries of a run meant as the baseline of a `check` under `ruleSet`: the given cutoffs plus
 * every `population-reach` cutoff of the rules, and the given capacity queries plus the rules file's.
 * @param ruleSet the rules (from `readRulesFile`)
 * @param cutoffsMin the run's cutoffs, minutes (> 0)
 * @param capacityQueries the run's capacity queries (default `DEFAULT_CAPACITY_QUERIES`)
 * @returns cutoffs ascending without duplicates, and the queries followed by the rules' own
 * @example runOptionsForRules(defaultRuleSet(), [60, 120]).cutoffsMin // [60, 120] (the default rules add none)
 */
export function runOptionsForRules(
  ruleSet: RuleSet,
  cutoffsMin: readonly number[],
  capacityQueries: readonly CapacityQuery[] = DEFAULT_CAPACITY_QUERIES,
): { cutoffsMin: number[]; capacityQueries: CapacityQuery[] } {
  const cutoffs = new Set<number>(cutoffsMin);
  for (const { rule } of ruleSet.rules) if (rule.type === "population-reach") cutoffs.add(rule.cutoffMin);
  return { cutoffsMin: [...cutoffs].sort((a, b) => a - b), capacityQueries: [...capacityQueries, ...ruleSet.capacityQueries] };
}
