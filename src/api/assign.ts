/**
 * Use case `assign`: static user-equilibrium road assignment of a scenario's road layer (gravity demand) or of a TNTP
 * network folder (its own trips), with the convergence trace and link flows.
 */
import { existsSync, statSync } from "node:fs";
import { assignLinkTable, assignRoad, type AssignmentAlgorithm, type AssignmentRun } from "../engine/assign.ts";
import type { RoadAssignmentSummary } from "../engine/assignment-summary.ts";
import type { GravityParameters } from "../engine/gravity.ts";
import { InputError, UsageError, type Issue } from "../errors.ts";
import { isTntpFolder, readTntpFolder, tntpLinkTable } from "../io/tntp.ts";
import { applyScenario } from "../scenario/apply-scenario.ts";
import { resolveAssignParameters, resolveRoadAssignmentParameters } from "./assignment-parameters.ts";

export { ASSIGNMENT_ALGORITHMS, type AssignmentAlgorithm } from "../engine/assign.ts";
export type { GravityParameters } from "../engine/gravity.ts";

/** Options of {@link assign}. */
export interface AssignOptions {
  /** A scenario file, or a folder holding `<name>_net.tntp` and `<name>_trips.tntp`. */
  input: string;
  /** `fw`, `cfw` or `bfw`. Default `DEFAULT_ASSIGNMENT_ALGORITHM` (bfw). */
  algorithm?: AssignmentAlgorithm;
  /** Stop at or below this relative gap, ≥ 0. Default `DEFAULT_RELATIVE_GAP_TARGET` (1e-4). */
  relativeGapTarget?: number;
  /** Most iterations, integer ≥ 1. Default `DEFAULT_MAX_ITERATIONS` (250). */
  maxIterations?: number;
  /** Gravity model parameters of a scenario's demand (defaults in src/defaults.ts); refused for a TNTP folder. */
  gravity?: Partial<GravityParameters>;
  /** Progress lines (no newline), e.g. which input is being assigned. */
  log?: (line: string) => void;
}

/** What {@link assign} computed. */
export interface AssignResult {
  /** What the input was. */
  input: "scenario" | "tntp";
  /** The scenario's name, or the TNTP network's. */
  name: string;
  /** The assignment run: link flows, congested times, convergence rows. */
  run: AssignmentRun;
  /** The road assignment summary of a scenario (absent for a TNTP network). */
  roadSummary?: RoadAssignmentSummary;
  /** Input warnings (a TNTP file's, or the scenario's), each with its file and line where known. */
  warnings: Issue[];
}

/**
 * Assigns a scenario's road layer or a TNTP network.
 * @returns the run and, for a scenario, its summary; `run.converged` is false when the gap target was not reached
 *   (the CLI's `--require-convergence` turns that into exit code 4)
 * @throws InputError `file-not-found` (exit 3) when the input does not exist, and the readers' InputError/ScenarioError
 *   for bad files; UsageError `invalid-option` for gravity options with a TNTP folder
 * @example assign({ input: "scenarios/baseline-2019.yaml" }).roadSummary?.converged // true
 */
export function assign(options: AssignOptions): AssignResult {
  const parameters = resolveAssignParameters(options);
  const gravity = options.gravity ?? {};
  const { input } = options;
  if (!existsSync(input)) {
    throw new InputError({
      file: input,
      code: "file-not-found",
      message: `no such file or folder; expected a scenario file (YAML) or a folder holding TNTP files (<name>_net.tntp, <name>_trips.tntp)`,
    });
  }
  if (isTntpFolder(input) || statSync(input).isDirectory()) {
    if (Object.keys(gravity).length > 0) throw new UsageError("gravity options apply to scenarios only: a TNTP folder has its own trips file", "invalid-option");
    options.log?.(`assigning TNTP network ${input}`);
    const folder = readTntpFolder(input);
    const run = assignLinkTable(tntpLinkTable(folder.net, folder.name), folder.trips.demandVehPerHour, parameters);
    return { input: "tntp", name: run.name, run, warnings: [...folder.net.warnings, ...folder.trips.warnings] };
  }
  options.log?.(`assigning the road layer of ${input}`);
  const applied = applyScenario(input);
  const road = assignRoad(applied.network, { parameters: resolveRoadAssignmentParameters({ ...parameters, gravity }) });
  return { input: "scenario", name: applied.scenario.name, run: road.run, roadSummary: road.summary, warnings: applied.warnings };
}
