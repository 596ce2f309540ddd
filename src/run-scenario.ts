/**
 * Scenario runs: the library entry that reads a scenario file, applies it to its network and analyses the result —
 * what `deltanet run` and `deltanet compare` call.
 */
import { analyseNetwork, type AnalyseOptions } from "./engine/analyse.ts";
import type { RunResult } from "./engine/run-result.ts";
import { compareRuns, type ComparisonResult } from "./report/compare.ts";
import { applyScenario } from "./scenario/apply-scenario.ts";

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
 * Runs two scenarios with the same options and compares them (after − before).
 * @throws as {@link runScenario}.
 */
export function compareScenarios(beforePath: string, afterPath: string, options: AnalyseOptions = {}): ComparisonResult {
  const before = runScenario(beforePath, options);
  const after = runScenario(afterPath, options);
  return compareRuns(before, after);
}
