/**
 * Scenario runs: the library entry that reads a scenario file, applies it to its network and analyses the result —
 * what `deltanet run`, `compare` and `diff` call. `compare` (and `check`) also take saved run documents.
 */
import { resolve } from "node:path";
import { UsageError } from "./errors.ts";
import { analyseNetwork, runDemand, type AnalyseOptions } from "./engine/analyse.ts";
import type { RunResult } from "./engine/run-result.ts";
import { readNetworkFolder } from "./io/network-file.ts";
import { isRunResultFile, readRunResultFile } from "./report/run-result-file.ts";
import { inspectScenarioChain } from "./io/scenario-file.ts";
import type { Network } from "./model/network.ts";
import { diffCounts, diffNetworks } from "./model/network-diff.ts";
import { compareRuns, type CompareOptions, type ComparisonResult } from "./report/compare.ts";
import type { DiffSide, ScenarioDiff } from "./report/scenario-diff.ts";
import { RESULT_SCHEMA_VERSION } from "./engine/run-result.ts";
import { applyScenario, type ScenarioResult } from "./scenario/apply-scenario.ts";
import { DELTANET_VERSION } from "./version.ts";

/**
 * Reads, applies and analyses one scenario file.
 * @param scenarioPath path of a scenario YAML file
 * @param options analysis options (cutoffs, capacity queries)
 * @param baseNetwork the chain's base network when already read (see {@link sharedBaseNetwork}); never modified
 * @throws InputError / ScenarioError (exit code 3) for bad files, with file, line and path; UsageError for bad options.
 */
export function runScenario(scenarioPath: string, options: AnalyseOptions = {}, baseNetwork?: Network): RunResult {
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
    options,
  );
}

/**
 * The base network of two scenarios read once, when both chains are intact and name the same network folder (the
 * usual baseline/candidate pair): saves reading and checksumming the bundled network twice (≈ 1.2 s + 0.5 s on
 * networks/yrd with its transit layer, measured on the 2-core VM). Returns undefined otherwise, or when the folder
 * is bad: the normal path then reports every problem with its position.
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
 * A run from either a scenario file (run now with `options`) or a saved run document (`deltanet run --format json`,
 * recognised by its `"kind": "deltanet-run"`; `options` do not apply to it: its own parameters stand).
 * @param path scenario file (YAML or JSON) or saved run document (JSON)
 * @param options analysis options for a scenario
 * @param baseNetwork the scenario's base network when already read
 * @throws as {@link runScenario}; InputError (exit 3) with file, line and path for a bad run document
 * @example runInput("baseline.json").provenance.networkChecksum // the baseline's base network sha256
 */
export function runInput(path: string, options: AnalyseOptions = {}, baseNetwork?: Network): RunResult {
  return isRunResultFile(path) ? readRunResultFile(path) : runScenario(path, options, baseNetwork);
}

/**
 * Runs two scenarios (or reads saved runs) with the same options and compares them (after − before).
 * @param beforePath scenario file or saved run document
 * @param afterPath scenario file or saved run document
 * @param options analysis options, and `allowMismatch` (compare runs of different base networks or engines)
 * @throws as {@link runInput}; UsageError `mismatched-runs` / `provenance-mismatch` as `compareRuns`.
 */
export function compareScenarios(beforePath: string, afterPath: string, options: AnalyseOptions & CompareOptions = {}): ComparisonResult {
  const base = sharedBaseNetwork([beforePath, afterPath]);
  const before = runInput(beforePath, options, base);
  // The after scenario's road assignment loads the before scenario's OD matrix: before/after differ by the network only.
  const afterOptions: AnalyseOptions =
    before.assignment && options.assignment !== false ? { ...options, assignment: { demand: runDemand(before.assignment) } } : options;
  let after: RunResult;
  try {
    after = runInput(afterPath, afterOptions, base);
  } catch (err) {
    // Another network with other zones cannot carry the before OD matrix: assign its own, and let compareRuns refuse
    // (provenance-mismatch) or, with allowMismatch, compare.
    if (!(err instanceof UsageError && err.code === "demand-zones-mismatch")) throw err;
    after = runInput(afterPath, options, base);
  }
  return compareRuns(before, after, { allowMismatch: options.allowMismatch });
}

function diffSide(applied: ScenarioResult): DiffSide {
  return {
    name: applied.scenario.name,
    files: applied.scenario.files,
    baseChecksum: applied.baseChecksum,
    networkChecksum: applied.resultChecksum,
  };
}

/**
 * What changed between two scenarios' networks: nodes and links added, removed, closed, reopened, and attribute
 * changes with before/after values (see `diffNetworks`). The scenarios may extend different networks; the diff then
 * shows the network change too, and each side records its base checksum.
 * @param aPath the scenario before
 * @param bPath the scenario after
 * @returns the diff document (`counts.total === 0` when the networks are equal)
 * @throws InputError / ScenarioError (exit 3) for bad scenario files
 * @example diffScenarios("scenarios/baseline-2019.yaml", "scenarios/whatif-close-sutong-bridge.yaml").counts.linksClosed // 2
 */
export function diffScenarios(aPath: string, bPath: string): ScenarioDiff {
  const base = sharedBaseNetwork([aPath, bPath]);
  const a = applyScenario(aPath, base ? { network: base } : {});
  const b = applyScenario(bPath, base ? { network: base } : {});
  const diff = diffNetworks(a.network, b.network);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: "deltanet-diff",
    deltanetVersion: DELTANET_VERSION,
    a: diffSide(a),
    b: diffSide(b),
    counts: diffCounts(diff),
    diff,
  };
}
