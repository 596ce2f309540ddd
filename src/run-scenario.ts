/**
 * Scenario runs: the library entry that reads a scenario file, applies it to its network and analyses the result —
 * what `deltanet run`, `compare` and `diff` call. `compare` (and `check`) also take saved run documents.
 */
import { analyseNetwork, type AnalyseOptions } from "./engine/analyse.ts";
import type { RunResult } from "./engine/run-result.ts";
import { isRunResultFile, readRunResultFile } from "./io/run-result-file.ts";
import { diffCounts, diffNetworks } from "./model/network-diff.ts";
import { compareRuns, type CompareOptions, type ComparisonResult } from "./report/compare.ts";
import type { DiffSide, ScenarioDiff } from "./report/scenario-diff.ts";
import { RESULT_SCHEMA_VERSION } from "./engine/run-result.ts";
import { applyScenario, type ScenarioResult } from "./scenario/apply-scenario.ts";
import { DELTANET_VERSION } from "./version.ts";

/**
 * Reads, applies and analyses one scenario file.
 * @param scenarioPath path of a scenario YAML file
 * @throws InputError / ScenarioError (exit code 3) for bad files, with file, line and path; UsageError for bad options.
 */
export function runScenario(scenarioPath: string, options: AnalyseOptions = {}): RunResult {
  const applied = applyScenario(scenarioPath);
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
 * A run from either a scenario file (run now with `options`) or a saved run document (`deltanet run --format json`,
 * recognised by its `"kind": "deltanet-run"`; `options` do not apply to it: its own parameters stand).
 * @param path scenario file (YAML or JSON) or saved run document (JSON)
 * @param options analysis options for a scenario
 * @throws as {@link runScenario}; InputError (exit 3) with file, line and path for a bad run document
 * @example runInput("baseline.json").provenance.networkChecksum // the baseline's base network sha256
 */
export function runInput(path: string, options: AnalyseOptions = {}): RunResult {
  return isRunResultFile(path) ? readRunResultFile(path) : runScenario(path, options);
}

/**
 * Runs two scenarios (or reads saved runs) with the same options and compares them (after − before).
 * @param beforePath scenario file or saved run document
 * @param afterPath scenario file or saved run document
 * @param options analysis options, and `allowMismatch` (compare runs of different base networks or engines)
 * @throws as {@link runInput}; UsageError `mismatched-runs` / `provenance-mismatch` as `compareRuns`.
 */
export function compareScenarios(beforePath: string, afterPath: string, options: AnalyseOptions & CompareOptions = {}): ComparisonResult {
  const before = runInput(beforePath, options);
  const after = runInput(afterPath, options);
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
  const a = applyScenario(aPath);
  const b = applyScenario(bPath);
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
