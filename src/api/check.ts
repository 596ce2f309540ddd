/**
 * Use case `check`: the CI gate — reads the rules (or takes the defaults), runs the baseline and the candidate
 * (scenario files, or saved run documents) with the parameters the rules need, and evaluates the rules.
 */
import { DEFAULT_CAPACITY_QUERIES, DEFAULT_CHECK_RULES, DEFAULT_CUTOFFS_MIN } from "../defaults.ts";
import type { AnalyseOptions } from "../engine/analyse.ts";
import type { RunResult } from "../model/run-result.ts";
import { InputError, type Issue } from "../errors.ts";
import { readRulesFile } from "../io/rules-file.ts";
import type { RuleSet } from "../model/check-rule.ts";
import { INFRASTRUCTURE_LAYERS, type Network } from "../model/network.ts";
import { checkRuleReferences, checkRuns, ruleReferencesOfRun, ruleSetOf, type CheckResult, type RuleReferences } from "../report/check.ts";
import { isRunResultFile, readRunResultFile } from "../io/run-result-file.ts";
import { analyseScenarioFile, resolveAnalysis, sharedBaseNetwork } from "./inputs.ts";
import { runOptionsForRules } from "./run.ts";

/** Options of {@link checkScenarios}. */
export interface CheckOptions {
  /** The baseline: a scenario file, or a saved run document (`deltanet run --format json`). */
  baseline: string;
  /** The candidate: a scenario file, or a saved run document. */
  candidate: string;
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
export function checkAnalyseOptions(ruleSet: RuleSet, saved: RunResult | undefined): AnalyseOptions {
  if (saved) {
    const { cutoffsMin, passengerLayers, capacityQueries } = saved.parameters;
    return resolveAnalysis({ cutoffsMin, passengerLayers, capacityQueries });
  }
  return resolveAnalysis(runOptionsForRules(ruleSet, DEFAULT_CUTOFFS_MIN));
}

/**
 * The default rules of `deltanet check` (`DEFAULT_CHECK_RULES` in `src/defaults.ts`) as a rule set.
 * @example defaultRuleSet().rules.map((r) => r.id)
 * // ["reachability", "component-count", "no-new-bridges", "no-new-articulation-points",
 * //  "population-reach-60min", "population-reach-120min", "max-flow", "assignment-gap"]
 */
export function defaultRuleSet(): RuleSet {
  return ruleSetOf(DEFAULT_CHECK_RULES, [], "default rules");
}

/**
 * What rules may refer to in runs of `network` with `analyse`: its cities (zone centroids), the connectivity layers a
 * run reports (the infrastructure layers and `passenger`), the capacity query ids and the cutoffs.
 * @example networkRuleReferences(network, checkAnalyseOptions(defaultRuleSet(), undefined)).layers.at(-1) // "passenger"
 */
export function networkRuleReferences(network: Network, analyse: Pick<AnalyseOptions, "capacityQueries" | "cutoffsMin">): RuleReferences {
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
 * @param options the baseline and candidate, `rulesPath`, `allowMismatch`
 * @returns the check result (`passed` false when a rule found a regression); the caller decides the exit code
 * @throws InputError (code `invalid-rules`, exit 3) for a bad rules file or a rule referring to what the runs lack
 *   (including a rules-file capacity query missing from a saved run); ScenarioError/InputError (exit 3) for bad
 *   scenario or run files; UsageError (exit 2) for runs with different parameters, or a different base network or
 *   engine without `allowMismatch`
 * @example checkScenarios({ baseline: "scenarios/baseline-2019.yaml", candidate: "scenarios/whatif-close-sutong-bridge.yaml" }).passed // false
 */
export function checkScenarios(options: CheckOptions): CheckResult {
  const { baseline: baselinePath, candidate: candidatePath } = options;
  const ruleSet = options.rulesPath !== undefined ? readRulesFile(options.rulesPath, DEFAULT_CAPACITY_QUERIES.map((q) => q.id)) : defaultRuleSet();
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
  const baseline = savedBaseline ?? analyseScenarioFile(baselinePath, analyse, base);
  const candidate = savedCandidate ?? analyseScenarioFile(candidatePath, analyse, base);
  return checkRuns(baseline, candidate, ruleSet, { allowMismatch: options.allowMismatch });
}
