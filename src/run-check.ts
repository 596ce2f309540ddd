/**
 * Checks: the library entry behind `deltanet check` — reads the rules (or takes the defaults), runs the baseline and
 * the candidate (scenario files, or saved run documents) with the parameters the rules need, and evaluates the rules.
 */
import { DEFAULT_CAPACITY_QUERIES, DEFAULT_CUTOFFS_MIN } from "./defaults.ts";
import type { AnalyseOptions } from "./engine/analyse.ts";
import type { RunResult } from "./engine/run-result.ts";
import { InputError, type Issue } from "./errors.ts";
import { isRunResultFile, readRunResultFile } from "./report/run-result-file.ts";
import { readRulesFile } from "./io/rules-file.ts";
import type { RuleSet } from "./model/check-rule.ts";
import { INFRASTRUCTURE_LAYERS, type Network } from "./model/network.ts";
import { checkRuleReferences, checkRuns, defaultRuleSet, ruleReferencesOfRun, type CheckResult, type RuleReferences } from "./report/check.ts";
import { runScenario, sharedBaseNetwork } from "./run-scenario.ts";

/** Options of {@link checkScenarios}. */
export interface CheckOptions {
  /** Rules file (YAML/JSON); default: the default rules (`DEFAULT_CHECK_RULES` in src/defaults.ts). */
  rulesPath?: string;
  /** Check runs of different base networks or engines anyway (default false). */
  allowMismatch?: boolean;
}

/**
 * Analysis options for the scenario runs of a check: the cutoffs of `deltanet run` (so a saved `run --format json`
 * baseline matches) plus every `population-reach` cutoff, and the default capacity queries plus the rules file's.
 * When a saved run is given, its own parameters are used instead, so that the other side is run to match it.
 * @example checkAnalyseOptions(defaultRuleSet(), undefined).cutoffsMin // [30, 60, 90, 120, 180]
 */
export function checkAnalyseOptions(ruleSet: RuleSet, saved: RunResult | undefined): Required<Omit<AnalyseOptions, "assignment">> {
  if (saved) return { cutoffsMin: [...saved.parameters.cutoffsMin], capacityQueries: [...saved.parameters.capacityQueries] };
  return runOptionsForRules(ruleSet, DEFAULT_CUTOFFS_MIN);
}

/**
 * Analysis options of `deltanet run --rules FILE`: the given cutoffs plus every `population-reach` cutoff of the rules,
 * and the default capacity queries plus the rules file's, so that the saved run can later be a `check` baseline
 * under those rules (without `--rules` a rules file's own capacity queries are missing from the run).
 * @param ruleSet the rules (from `readRulesFile`)
 * @param cutoffsMin the run's cutoffs, minutes (> 0)
 * @returns cutoffs ascending without duplicates, and the capacity queries
 * @example runOptionsForRules(defaultRuleSet(), [60, 120]).cutoffsMin // [60, 120] (the default rules add none)
 */
export function runOptionsForRules(ruleSet: RuleSet, cutoffsMin: readonly number[]): Required<Omit<AnalyseOptions, "assignment">> {
  const cutoffs = new Set<number>(cutoffsMin);
  for (const { rule } of ruleSet.rules) if (rule.type === "population-reach") cutoffs.add(rule.cutoffMin);
  return { cutoffsMin: [...cutoffs].sort((a, b) => a - b), capacityQueries: [...DEFAULT_CAPACITY_QUERIES, ...ruleSet.capacityQueries] };
}

/**
 * What rules may refer to in runs of `network` with `analyse`: its cities (zone centroids), the connectivity layers a
 * run reports (the infrastructure layers and `passenger`), the capacity query ids and the cutoffs.
 * @example networkRuleReferences(network, checkAnalyseOptions(defaultRuleSet(), undefined)).layers.at(-1) // "passenger"
 */
export function networkRuleReferences(network: Network, analyse: Required<Omit<AnalyseOptions, "assignment">>): RuleReferences {
  const cities = network
    .filterNodes((_id, a) => a.kind === "centroid")
    .map((id) => ({ zoneId: network.getNodeAttribute(id, "zoneId") ?? id, name: network.getNodeAttribute(id, "name") }));
  return {
    cities,
    layers: [...INFRASTRUCTURE_LAYERS, "passenger"],
    queryIds: analyse.capacityQueries.map((q) => q.id),
    cutoffsMin: analyse.cutoffsMin,
  };
}

/**
 * Runs `deltanet check`: the candidate against the baseline under the rules.
 * @param baselinePath scenario file, or saved run document (`deltanet run --format json`)
 * @param candidatePath scenario file, or saved run document
 * @param options `rulesPath`, `allowMismatch`
 * @returns the check result (`passed` false when a rule found a regression); the caller decides the exit code
 * @throws InputError (code `invalid-rules`, exit 3) for a bad rules file or a rule referring to what the runs lack
 *   (including a rules-file capacity query missing from a saved run); ScenarioError/InputError (exit 3) for bad
 *   scenario or run files; UsageError (exit 2) for runs with different parameters, or a different base network or
 *   engine without `allowMismatch`
 * @example checkScenarios("scenarios/baseline-2019.yaml", "scenarios/whatif-close-sutong-bridge.yaml").passed // false
 */
export function checkScenarios(baselinePath: string, candidatePath: string, options: CheckOptions = {}): CheckResult {
  const ruleSet = options.rulesPath !== undefined ? readRulesFile(options.rulesPath) : defaultRuleSet();
  const savedBaseline = isRunResultFile(baselinePath) ? readRunResultFile(baselinePath) : undefined;
  const savedCandidate = isRunResultFile(candidatePath) ? readRunResultFile(candidatePath) : undefined;
  const saved = savedBaseline ?? savedCandidate;
  if (saved) {
    const known = new Set(saved.parameters.capacityQueries.map((q) => q.id));
    const missing: Issue[] = [];
    ruleSet.capacityQueries.forEach((q, i) => {
      if (!known.has(q.id)) {
        missing.push({
          ...ruleSet.locate(["capacityQueries", i, "id"]),
          code: "query-not-in-run",
          message: `capacity query "${q.id}" is not in the saved run ${savedBaseline ? baselinePath : candidatePath}: save the run with \`deltanet run <scenario> --rules ${options.rulesPath ?? "<rules file>"} --format json\` so it has the rules' queries, or check scenario files`,
          severity: "error",
        });
      }
    });
    if (missing.length > 0) throw new InputError(missing, "invalid-rules");
  }
  const analyse = checkAnalyseOptions(ruleSet, saved);
  const base = saved ? undefined : sharedBaseNetwork([baselinePath, candidatePath]);
  // Unknown cities, layers or query ids in the rules are reported before the scenarios run (seconds each).
  if (saved) checkRuleReferences(ruleReferencesOfRun(saved), ruleSet);
  else if (base) checkRuleReferences(networkRuleReferences(base, analyse), ruleSet);
  const baseline = savedBaseline ?? runScenario(baselinePath, analyse, base);
  const candidate = savedCandidate ?? runScenario(candidatePath, analyse, base);
  return checkRuns(baseline, candidate, ruleSet, { allowMismatch: options.allowMismatch });
}
