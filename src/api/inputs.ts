/**
 * What the use cases of the library API share: resolving the analysis options from `src/defaults.ts`, reading the
 * base network of a scenario pair once, and taking either a scenario file or a saved run document as a run.
 */
import { resolve } from "node:path";
import { DEFAULT_CAPACITY_QUERIES, DEFAULT_CUTOFFS_MIN, PASSENGER_LAYERS } from "../defaults.ts";
import { analyseNetwork, type AnalyseOptions } from "../engine/analyse.ts";
import type { OdDemand } from "../engine/gravity-demand.ts";
import type { RunResult } from "../model/run-result.ts";
import { readNetworkFolder } from "../io/network-file.ts";
import type { CapacityQuery } from "../model/capacity-query.ts";
import type { Layer, Network } from "../model/network.ts";
import { isRunResultFile, readRunResultFile } from "../io/run-result-file.ts";
import { applyScenario } from "../scenario/apply-scenario.ts";
import { inspectScenarioChain } from "../scenario/read-scenario.ts";
import { resolveRoadAssignmentParameters } from "./assignment-parameters.ts";

/** Analysis options a caller may give; what is left out comes from `src/defaults.ts`. */
export interface AnalysisOptions {
  /** Isochrone cutoffs, minutes, > 0, strictly ascending. Default `DEFAULT_CUTOFFS_MIN` (30, 60, 90, 120, 180). */
  cutoffsMin?: readonly number[];
  /** Layers of the passenger network. Default `PASSENGER_LAYERS` (transit, road, access). */
  passengerLayers?: readonly Layer[];
  /** Max-flow/min-cut questions. Default `DEFAULT_CAPACITY_QUERIES` (road across the Yangtze, power, rail). */
  capacityQueries?: readonly CapacityQuery[];
  /**
   * Road traffic assignment: `true` (default) with the network's own gravity demand, `{ demand }` with a fixed OD
   * matrix (veh/h), `false` to skip it.
   */
  assignment?: boolean | { demand: OdDemand };
}

/**
 * The effective analysis options: each given value, else its default from `src/defaults.ts`; an assignment gets the
 * default road assignment parameters (`resolveRoadAssignmentParameters`).
 * @example resolveAnalysis({ cutoffsMin: [60] }).passengerLayers // ["transit", "road", "access"]
 * @example resolveAnalysis({ assignment: false }).assignment // false
 */
export function resolveAnalysis(options: AnalysisOptions = {}): AnalyseOptions {
  const assignment = options.assignment ?? true;
  return {
    cutoffsMin: [...(options.cutoffsMin ?? DEFAULT_CUTOFFS_MIN)],
    passengerLayers: [...(options.passengerLayers ?? PASSENGER_LAYERS)],
    capacityQueries: [...(options.capacityQueries ?? DEFAULT_CAPACITY_QUERIES)],
    assignment:
      assignment === false
        ? false
        : { parameters: resolveRoadAssignmentParameters(), ...(assignment === true ? {} : { demand: assignment.demand }) },
  };
}

/**
 * Reads, applies and analyses one scenario file.
 * @param scenarioPath a scenario file (YAML or JSON)
 * @param analysis the effective analysis options
 * @param baseNetwork the chain's base network when already read (see {@link sharedBaseNetwork}); never modified
 * @throws InputError / ScenarioError (exit code 3) for bad files, with file, line and path; UsageError for bad options.
 */
export function analyseScenarioFile(scenarioPath: string, analysis: AnalyseOptions, baseNetwork?: Network): RunResult {
  const applied = applyScenario(scenarioPath, baseNetwork ? { network: baseNetwork } : {});
  return analyseNetwork(
    applied.network,
    {
      name: applied.scenario.name,
      description: applied.scenario.description,
      files: applied.scenario.files,
      fileSha256: applied.scenario.fileSha256,
      asOfDate: applied.scenario.asOfDate,
      networkChecksum: applied.resultChecksum,
      baseChecksum: applied.baseChecksum,
      log: applied.log.map((l) => ({ index: l.index, type: l.type, message: l.message })),
      warnings: applied.warnings,
    },
    analysis,
  );
}

/**
 * The base network of two scenarios read once, when both chains are intact and name the same network folder (the
 * usual baseline/candidate pair): reading and checksumming the bundled network is the largest fixed cost of a run.
 * Returns undefined otherwise, or when the folder is bad: the normal path then reports every problem with its
 * position.
 * @param paths the scenario files (a saved run document or a broken chain gives undefined)
 * @example sharedBaseNetwork(["scenarios/baseline-2019.yaml", "scenarios/plan-2025.yaml"])?.order // 8737
 */
export function sharedBaseNetwork(paths: readonly string[]): Network | undefined {
  const dirs = new Set<string>();
  for (const p of paths) {
    if (isRunResultFile(p)) return undefined;
    const { chain, issues } = inspectScenarioChain(p);
    if (!chain || issues.some((i) => i.severity === "error")) return undefined;
    dirs.add(resolve(chain.networkDir));
  }
  if (dirs.size !== 1) return undefined;
  try {
    return readNetworkFolder([...dirs][0]!);
  } catch {
    return undefined;
  }
}

/**
 * A run from either a scenario file (analysed now with `analysis`) or a saved run document (`deltanet run --format
 * json`, recognised by its `"kind": "deltanet-run"`; `analysis` does not apply to it: its own parameters stand).
 * @param path scenario file (YAML or JSON) or saved run document (JSON)
 * @param analysis the effective analysis options for a scenario
 * @param baseNetwork the scenario's base network when already read
 * @throws as {@link analyseScenarioFile}; InputError (exit 3) with file, line and path for a bad run document
 * @example runInput("baseline.json", resolveAnalysis()).provenance.networkChecksum // the baseline's base network sha256
 */
export function runInput(path: string, analysis: AnalyseOptions, baseNetwork?: Network): RunResult {
  return isRunResultFile(path) ? readRunResultFile(path) : analyseScenarioFile(path, analysis, baseNetwork);
}
