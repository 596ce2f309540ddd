/**
 * Traffic assignment run: turns a link table (from a deltanet network's road layer or a TNTP file) and an OD matrix
 * into a user-equilibrium assignment on the fast CSR core, and maps the index-space result back to link and zone ids.
 *
 * Entry points
 * - {@link assignLinkTable}(table, demand, parameters): any network given as a {@link LinkTable} (TNTP:
 *   `tntpLinkTable` in io/tntp.ts returns exactly this shape, so io and engine stay decoupled).
 * - {@link assignRoad}(network, { parameters, demand? }) / {@link assignScenarioRoad}: the road layer of a deltanet
 *   network (engine/road-link-table.ts), gravity demand (engine/gravity-demand.ts) from 2020 population and free-flow road
 *   times, assignment, and a JSON-safe summary (engine/assignment-summary.ts; the `compare` integration point).
 *
 * Design: every call takes its parameters complete (the library API applies the defaults of src/defaults.ts:
 * src/api/assignment-parameters.ts) and checks them once, at its start ({@link checkAssignParameters},
 * {@link checkRoadAssignmentParameters}); the link table is checked once, with ids, when it is compiled
 * (engine/compile-link-table.ts); the algorithms below only check indexes. A run is one call with one parameters
 * object (no setters): STYLE.md §5.
 * @see AequilibraE `paths/traffic_assignment.py` (results mapped back to link ids; effective parameters reported).
 */
import type { AssignmentNetwork } from "../algorithms/assignment/assignment-network.ts";
import { ASSIGNMENT_ALGORITHMS, solveUserEquilibrium, type AssignmentAlgorithm, type ConvergenceRow } from "../algorithms/assignment/user-equilibrium.ts";
import { zoneCostMatrix } from "../algorithms/assignment/zone-skim.ts";
import { InputError, UsageError, type Issue } from "../errors.ts";
import type { AssignmentRun as AssignmentRunDocument, LinkFlow, UnreachableDemand } from "../model/assignment-run.ts";
import type { LinkTable } from "../model/link-table.ts";
import type { Network } from "../model/network.ts";
import { summarizeRoadAssignment, sumLinkTotals, type GravityDiagnostics, type RoadAssignmentSummary } from "./assignment-summary.ts";
import { compileLinkTable, MAX_LINK_TABLE_ISSUES } from "./compile-link-table.ts";
import { gravityDemandForTable, type OdDemand } from "./gravity-demand.ts";
import type { GravityParameters } from "./gravity.ts";
import { checkRoadLinkTableParameters, roadLinkTable, type RoadLinkTableParameters } from "./road-link-table.ts";

export { ASSIGNMENT_ALGORITHMS, type AssignmentAlgorithm } from "../algorithms/assignment/user-equilibrium.ts";
export type { LinkFlow, UnreachableDemand };

/** An assignment run as the engine returns it: the run document of model/assignment-run.ts with its precise types. */
export interface AssignmentRun extends AssignmentRunDocument {
  parameters: AssignParameters;
  /** Per-iteration trace. */
  convergence: ConvergenceRow[];
}

/** Parameters of an assignment run, all given (defaults in src/defaults.ts, applied by the library API); recorded. */
export interface AssignParameters {
  /** `fw`, `cfw` or `bfw`. */
  algorithm: AssignmentAlgorithm;
  /** Relative gap target, finite ≥ 0. */
  relativeGapTarget: number;
  /** Iteration bound, integer ≥ 1. */
  maxIterations: number;
}




/**
 * Checks assignment parameters: the one check of `algorithm`, `relativeGapTarget` and `maxIterations`, in that order.
 * @throws UsageError code `invalid-option` naming the first bad one, e.g. `maxIterations must be an integer ≥ 1 (got 0)`
 * @example checkAssignParameters({ algorithm: "bfw", relativeGapTarget: 1e-4, maxIterations: 0 }) // throws UsageError
 */
export function checkAssignParameters(parameters: AssignParameters): void {
  const { algorithm, relativeGapTarget, maxIterations } = parameters;
  if (!(ASSIGNMENT_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new UsageError(`algorithm must be one of ${ASSIGNMENT_ALGORITHMS.join(", ")} (got ${JSON.stringify(algorithm)})`, "invalid-option");
  }
  if (typeof relativeGapTarget !== "number" || !Number.isFinite(relativeGapTarget) || relativeGapTarget < 0) {
    throw new UsageError(`relativeGapTarget must be a finite number ≥ 0 (got ${JSON.stringify(relativeGapTarget)})`, "invalid-option");
  }
  if (typeof maxIterations !== "number" || !Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new UsageError(`maxIterations must be an integer ≥ 1 (got ${JSON.stringify(maxIterations)})`, "invalid-option");
  }
}

/** The three assignment parameters alone, in the key order results record (a caller's object may hold more keys). */
function recordedParameters(parameters: AssignParameters): AssignParameters {
  return { algorithm: parameters.algorithm, relativeGapTarget: parameters.relativeGapTarget, maxIterations: parameters.maxIterations };
}

function checkDemand(table: LinkTable, demandVehPerHour: Float64Array): void {
  const z = table.zoneNodeIds.length;
  if (!(demandVehPerHour instanceof Float64Array) || demandVehPerHour.length !== z * z) {
    throw new UsageError(`demand must be a Float64Array of length zoneCount² = ${z * z}`, "invalid-argument");
  }
  const issues: Issue[] = [];
  for (let i = 0; i < demandVehPerHour.length && issues.length < MAX_LINK_TABLE_ISSUES; i++) {
    const v = demandVehPerHour[i];
    if (!(Number.isFinite(v) && v >= 0)) {
      const o = table.zoneNodeIds[Math.floor(i / z)];
      const d = table.zoneNodeIds[i % z];
      issues.push({ file: table.file, path: `demand[${JSON.stringify(o)}][${JSON.stringify(d)}]`, code: "invalid-demand", message: `demand ${o} → ${d} is ${v}; expected a finite number ≥ 0 (veh/h)` });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** Runs the equilibrium on a compiled table and maps the result back to ids. */
function runCompiled(table: LinkTable, network: AssignmentNetwork, demandVehPerHour: Float64Array, parameters: AssignParameters): AssignmentRun {
  checkDemand(table, demandVehPerHour);
  const result = solveUserEquilibrium(network, demandVehPerHour, parameters);
  const z = table.zoneNodeIds.length;
  const links: LinkFlow[] = table.links.map((link, i) => {
    const flow = result.linkFlowVehPerHour[i];
    const capacity = network.capacityVehPerHour[i];
    return {
      linkId: link.id,
      fromNodeId: link.fromNodeId,
      toNodeId: link.toNodeId,
      flowVehPerHour: flow,
      capacityVehPerHour: capacity === Infinity ? null : capacity,
      vcRatio: capacity === Infinity ? null : flow / capacity,
      freeFlowTimeMin: network.freeFlowTimeMin[i],
      congestedTimeMin: result.congestedTimeMin[i],
      costMin: result.linkCostMin[i],
    };
  });
  const totals = sumLinkTotals(links);
  const unreachablePairs = Array.from(result.demand.unreachablePairs, (flat) => ({
    originZoneId: table.zoneNodeIds[Math.floor(flat / z)],
    destinationZoneId: table.zoneNodeIds[flat % z],
    demandVehPerHour: demandVehPerHour[flat],
  }));
  return {
    name: table.name,
    parameters,
    converged: result.converged,
    iterations: result.iterations,
    relativeGap: result.relativeGap,
    objective: result.objective,
    totalCost: result.totalCost,
    convergence: result.convergence,
    links,
    demand: {
      totalVehPerHour: result.demand.totalVehPerHour,
      assignedVehPerHour: result.demand.assignedVehPerHour,
      intrazonalVehPerHour: result.demand.intrazonalVehPerHour,
      unreachableVehPerHour: result.demand.unreachableVehPerHour,
      unreachablePairCount: result.demand.unreachablePairCount,
      unreachablePairs,
    },
    vehicleHours: totals.vehicleHours,
    freeFlowVehicleHours: totals.freeFlowVehicleHours,
  };
}

/**
 * User-equilibrium assignment of `demandVehPerHour` on a link table.
 *
 * @param table the network (ids; see {@link LinkTable})
 * @param demandVehPerHour Float64Array(z × z), row = origin zone in `table.zoneNodeIds` order, veh/h, finite ≥ 0
 * @param parameters algorithm, relativeGapTarget and maxIterations, all given (checked by {@link checkAssignParameters})
 * @returns the id-keyed run: flows, v/c, congested times, the convergence trace, `converged` (false is a result),
 *   demand accounting with every unreachable pair. Deterministic (byte-identical for the same inputs).
 * @throws InputError (exit 3) listing up to 20 problems with link ids: `invalid-capacity` (capacity 0, negative,
 *   NaN or not a number), `invalid-time`, `invalid-vdf`, `invalid-cost`, `unknown-node`, `duplicate-id`,
 *   `invalid-demand`; UsageError `invalid-option` for bad options, `invalid-argument` for a demand of the wrong length.
 * @example
 * // Braess network (TNTP), 6 veh/h from 1 to 2: every path costs 92 at equilibrium
 * const run = assignLinkTable(tntpLinkTable(net), trips.demandVehPerHour, { algorithm: "bfw", relativeGapTarget: 1e-8, maxIterations: 1000 });
 * run.totalCost // ≈ 552 (= 6 × 92)
 */
export function assignLinkTable(table: LinkTable, demandVehPerHour: Float64Array, parameters: AssignParameters): AssignmentRun {
  checkAssignParameters(parameters);
  return runCompiled(table, compileLinkTable(table), demandVehPerHour, recordedParameters(parameters));
}

/**
 * Least free-flow cost between every pair of zones of a link table (through-zone paths blocked), minutes; Infinity
 * when unreachable, 0 on the diagonal. Row = origin in `zoneNodeIds` order.
 * @throws InputError as {@link assignLinkTable} for a bad table.
 * @example zoneFreeFlowCostsMin(roadLinkTable(network, tableParameters))[0 * 41 + 1] // free-flow minutes from the first to the second city
 */
export function zoneFreeFlowCostsMin(table: LinkTable): Float64Array {
  return zoneCostMatrix(compileLinkTable(table));
}

/**
 * Parameters of a road assignment ({@link assignRoad}), all given: `resolveRoadAssignmentParameters` of
 * src/api/assignment-parameters.ts applies the defaults of src/defaults.ts to a caller's options.
 */
export interface RoadAssignmentParameters {
  assignment: AssignParameters;
  /** BPR alpha and beta of road links and centroid blocking. */
  table: RoadLinkTableParameters;
  /** Gravity model of the demand; used (and checked) only when no fixed demand is given. */
  gravity: GravityParameters;
  /** How many links to list in `topCongestedLinks`, integer ≥ 0. */
  topLinkCount: number;
}

/** What {@link assignRoad} assigns: the parameters, and optionally a fixed OD matrix instead of the gravity model. */
export interface RoadAssignmentInput {
  parameters: RoadAssignmentParameters;
  /**
   * A fixed OD matrix instead of the gravity model (e.g. the base scenario's, so that before/after differ only by
   * the network). Its zone ids must be the network's centroids (any order).
   */
  demand?: OdDemand;
}

/**
 * Checks the parameters of a road assignment, all in one place and in this order: the assignment parameters
 * ({@link checkAssignParameters}), `topLinkCount`, then BPR alpha and beta (`checkRoadLinkTableParameters`).
 * Gravity parameters are checked by the gravity model, and a given demand against the network's zones.
 * @throws UsageError code `invalid-option` naming the first bad parameter
 * @example checkRoadAssignmentParameters({ ...parameters, topLinkCount: 1.5 }) // throws "topLinkCount must be an integer ≥ 0 (got 1.5)"
 */
export function checkRoadAssignmentParameters(parameters: RoadAssignmentParameters): void {
  checkAssignParameters(parameters.assignment);
  const { topLinkCount } = parameters;
  if (!Number.isInteger(topLinkCount) || topLinkCount < 0) throw new UsageError(`topLinkCount must be an integer ≥ 0 (got ${topLinkCount})`, "invalid-option");
  checkRoadLinkTableParameters(parameters.table);
}

/** Full result of {@link assignRoad}. */
export interface RoadAssignment {
  summary: RoadAssignmentSummary;
  run: AssignmentRun;
  demand: OdDemand;
}

function alignDemand(table: LinkTable, demand: OdDemand): Float64Array {
  const z = table.zoneNodeIds.length;
  const position = new Map(demand.zoneIds.map((id, i) => [id, i]));
  const missing = table.zoneNodeIds.filter((id) => !position.has(id));
  const extra = demand.zoneIds.filter((id) => !table.zoneNodeIds.includes(id));
  if (missing.length > 0 || extra.length > 0 || demand.zoneIds.length !== z || demand.demandVehPerHour.length !== z * z) {
    throw new UsageError(
      `demand zones must be the network's ${z} centroids${missing.length ? `; missing ${missing.slice(0, 5).join(", ")}` : ""}${extra.length ? `; unknown ${extra.slice(0, 5).join(", ")}` : ""}`,
      "demand-zones-mismatch",
    );
  }
  const out = new Float64Array(z * z);
  const k = demand.zoneIds.length;
  for (let i = 0; i < z; i++) {
    const pi = position.get(table.zoneNodeIds[i]) as number;
    for (let j = 0; j < z; j++) out[i * z + j] = demand.demandVehPerHour[pi * k + (position.get(table.zoneNodeIds[j]) as number)];
  }
  return out;
}

/**
 * Road assignment of a (scenario) network: gravity demand (or `input.demand`), user equilibrium on the road layer
 * with centroid connectors, and its summary.
 * @param network the scenario-applied network (not modified)
 * @param input the parameters, all given, and optionally a fixed OD matrix (veh/h)
 * @throws as {@link checkRoadAssignmentParameters}, `roadLinkTable`, `gravityDemandForTable` and
 *   {@link assignLinkTable}; UsageError `demand-zones-mismatch` when a given demand's zones are not the network's
 *   centroids.
 * @example
 * const { summary, run } = assignRoad(applyScenario("scenarios/baseline-2019.yaml").network, { parameters: resolveRoadAssignmentParameters() });
 * summary.converged // true; summary.demand.unreachable.isolatedZoneIds // ["zone:340400", "zone:340600"] (Huainan, Huaibei)
 */
export function assignRoad(network: Network, input: RoadAssignmentInput): RoadAssignment {
  const { parameters } = input;
  checkRoadAssignmentParameters(parameters);
  const assignment = recordedParameters(parameters.assignment);
  const table = roadLinkTable(network, parameters.table);
  const compiled = compileLinkTable(table);
  let demand: OdDemand;
  let gravity: GravityParameters | undefined;
  let gravityDiagnostics: GravityDiagnostics | undefined;
  if (input.demand !== undefined) {
    demand = { zoneIds: [...table.zoneNodeIds], demandVehPerHour: alignDemand(table, input.demand) };
  } else {
    const g = gravityDemandForTable(network, table, compiled, parameters.gravity);
    demand = { zoneIds: g.zoneIds, demandVehPerHour: g.demandVehPerHour };
    gravity = g.gravity.parameters;
    gravityDiagnostics = {
      balanced: g.gravity.balanced,
      balancingIterations: g.gravity.balancingIterations,
      balancingError: g.gravity.balancingError,
      fallbackPairCount: g.fallbackPairCount,
    };
  }
  const run = runCompiled(table, compiled, demand.demandVehPerHour, assignment);
  const summary = summarizeRoadAssignment({
    network,
    run,
    zoneIds: table.zoneNodeIds,
    demandVehPerHour: demand.demandVehPerHour,
    parameters: {
      ...assignment,
      alpha: parameters.table.alpha,
      beta: parameters.table.beta,
      demandSource: input.demand !== undefined ? "given" : "gravity",
      ...(gravity !== undefined ? { gravity } : {}),
    },
    ...(gravityDiagnostics !== undefined ? { gravity: gravityDiagnostics } : {}),
    topLinkCount: parameters.topLinkCount,
  });
  return { summary, run, demand };
}

/**
 * The `compare` integration point: road assignment summary of a scenario network (see `RoadAssignmentSummary`
 * for the shape). Equivalent to `assignRoad(network, input).summary`. For a fixed-demand before/after comparison,
 * compute the demand once (`roadGravityDemand(before, …)`) and pass it as `input.demand` to both calls; without one
 * each network gets its own gravity demand (trip distribution then reacts to the new travel times).
 * @throws as {@link assignRoad}.
 * @example assignScenarioRoad(network, { parameters }).topCongestedLinks[0] // { linkId, flowVehPerHour, capacityVehPerHour, vcRatio, … }
 */
export function assignScenarioRoad(network: Network, input: RoadAssignmentInput): RoadAssignmentSummary {
  return assignRoad(network, input).summary;
}
