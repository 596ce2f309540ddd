/**
 * Traffic assignment engine: turns a link table (from a deltanet network's road layer or a TNTP file) and an OD matrix
 * into a user-equilibrium assignment on the fast CSR core, and maps the index-space result back to link and zone ids.
 *
 * Entry points
 * - {@link assignLinkTable}(table, demand, options): any network given as a {@link LinkTable} (TNTP: `tntpLinkTable`
 *   in io/tntp.ts returns exactly this shape, so io and engine stay decoupled).
 * - {@link roadLinkTable}(network): the road layer of a deltanet network plus its centroid connectors; zones are the
 *   centroids (ascending id), blocked so that no path passes through a third city (blockCentroidFlows).
 * - {@link assignRoad}(network, options) / {@link assignScenarioRoad}: gravity demand (engine/gravity.ts) from 2020
 *   population and free-flow road times, assignment, and a JSON-safe {@link RoadAssignmentSummary} (the `compare`
 *   integration point).
 *
 * Road link assumptions (src/defaults.ts): BPR alpha 0.15, beta 4 on every road link (expressways and Yangtze
 * crossings); capacity = the link's `capacityVehPerHour` (per direction), else lanes / 2 × the network's assumption
 * `laneCapacityPcuPerHour` (model/network-assumptions.ts); centroid connectors are uncongested (capacity null in results:
 * time = their `timeMin`, 15 min). Station access/egress links and the rail, water and power layers are left out.
 * Closed links (scenario `closed: true`) carry no flow. Link free-flow time = `timeMin` (includes border delays).
 *
 * Design: validation with ids happens here, once (InputError naming the link); the algorithms below it are pure and
 * only check indexes. A run is one call with one options object (no setters): STYLE.md §5.
 * @see AequilibraE `paths/traffic_assignment.py` (results mapped back to link ids; effective parameters reported).
 */
import { createAssignmentNetwork, type AssignmentNetwork } from "../algorithms/assignment/assignment-network.ts";
import {
  ASSIGNMENT_ALGORITHMS,
  solveUserEquilibrium,
  type AssignmentAlgorithm,
  type ConvergenceRow,
} from "../algorithms/assignment/user-equilibrium.ts";
import { zoneCostMatrix } from "../algorithms/assignment/zone-skim.ts";
import {
  ASSIGNMENT_TOP_LINK_COUNT,
  DEFAULT_ASSIGNMENT_ALGORITHM,
  DEFAULT_BPR_ALPHA,
  DEFAULT_BPR_BETA,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_RELATIVE_GAP_TARGET,
} from "../defaults.ts";
import { InputError, UsageError, type Issue } from "../errors.ts";
import type { LinkTable, LinkTableLink } from "../model/link-table.ts";
import type { Network } from "../model/network.ts";
import { requireAssumption } from "../model/network-assumptions.ts";
import { EARTH_RADIUS_KM, MIN_PER_HOUR } from "../units.ts";
import { gravityModel, greatCircleKm, type GravityParameters, type GravityResult } from "./gravity.ts";

export type { LinkTable, LinkTableLink } from "../model/link-table.ts";

/** Options of an assignment run; defaults from src/defaults.ts. */
export interface AssignOptions {
  /** `fw`, `cfw` or `bfw`. Default {@link DEFAULT_ASSIGNMENT_ALGORITHM} (`bfw`). */
  algorithm?: AssignmentAlgorithm;
  /** Relative gap target, finite ≥ 0. Default {@link DEFAULT_RELATIVE_GAP_TARGET} (1e-4). */
  relativeGapTarget?: number;
  /** Iteration bound, integer ≥ 1. Default {@link DEFAULT_MAX_ITERATIONS} (250). */
  maxIterations?: number;
}

/** Effective assignment parameters (recorded in results). */
export interface AssignParameters {
  algorithm: AssignmentAlgorithm;
  relativeGapTarget: number;
  maxIterations: number;
}

/** Assigned state of one link. Uncongested links (infinite capacity) have `capacityVehPerHour` and `vcRatio` null. */
export interface LinkFlow {
  linkId: string;
  fromNodeId: string;
  toNodeId: string;
  /** veh/h ≥ 0. */
  flowVehPerHour: number;
  /** veh/h, or null for an uncongested link. */
  capacityVehPerHour: number | null;
  /** flow / capacity, or null for an uncongested link. */
  vcRatio: number | null;
  /** Minutes. */
  freeFlowTimeMin: number;
  /** BPR time at the flow, minutes. */
  congestedTimeMin: number;
  /** Generalised cost = congested time + fixed cost, minutes. */
  costMin: number;
}

/** An OD pair whose destination cannot be reached, with its demand. */
export interface UnreachableDemand {
  originZoneId: string;
  destinationZoneId: string;
  demandVehPerHour: number;
}

/** Result of {@link assignLinkTable}: id-keyed, JSON-safe. */
export interface AssignmentRun {
  name: string;
  parameters: AssignParameters;
  converged: boolean;
  iterations: number;
  relativeGap: number;
  /** Beckmann objective, veh/h × minutes. */
  objective: number;
  /** Σ flow × generalised cost, veh/h × minutes. */
  totalCost: number;
  /** Per-iteration trace. */
  convergence: ConvergenceRow[];
  /** One entry per link, in table order. */
  links: LinkFlow[];
  demand: {
    totalVehPerHour: number;
    assignedVehPerHour: number;
    intrazonalVehPerHour: number;
    unreachableVehPerHour: number;
    unreachablePairCount: number;
    /** Every unreachable pair, origin-major in zone order. */
    unreachablePairs: UnreachableDemand[];
  };
  /** Σ flow × congested time / 60 over all links, vehicle-hours per hour. */
  vehicleHours: number;
  /** Σ flow × free-flow time / 60, vehicle-hours per hour (the same flows at zero congestion). */
  freeFlowVehicleHours: number;
}

/** Resolves and validates assignment options. @throws UsageError code `invalid-option`. @example resolveAssignOptions({}).algorithm // "bfw" */
export function resolveAssignOptions(options: AssignOptions = {}): AssignParameters {
  const algorithm = options.algorithm ?? DEFAULT_ASSIGNMENT_ALGORITHM;
  const relativeGapTarget = options.relativeGapTarget ?? DEFAULT_RELATIVE_GAP_TARGET;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (!(ASSIGNMENT_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new UsageError(`algorithm must be one of ${ASSIGNMENT_ALGORITHMS.join(", ")} (got ${JSON.stringify(algorithm)})`, "invalid-option");
  }
  if (typeof relativeGapTarget !== "number" || !Number.isFinite(relativeGapTarget) || relativeGapTarget < 0) {
    throw new UsageError(`relativeGapTarget must be a finite number ≥ 0 (got ${JSON.stringify(relativeGapTarget)})`, "invalid-option");
  }
  if (typeof maxIterations !== "number" || !Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new UsageError(`maxIterations must be an integer ≥ 1 (got ${JSON.stringify(maxIterations)})`, "invalid-option");
  }
  return { algorithm, relativeGapTarget, maxIterations };
}

const MAX_TABLE_ISSUES = 20;

/** A link table compiled for the algorithms (index maps + assignment graph). */
interface PreparedTable {
  table: LinkTable;
  network: AssignmentNetwork;
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Validates a link table (every problem, with the link id) and builds its assignment graph. */
function prepareLinkTable(table: LinkTable): PreparedTable {
  const issues: Issue[] = [];
  let omitted = 0;
  const add = (issue: Issue) => {
    if (issues.length < MAX_TABLE_ISSUES) issues.push({ file: table.file, ...issue });
    else omitted++;
  };
  const nodeIndex = new Map<string, number>();
  table.nodeIds.forEach((id, i) => {
    if (nodeIndex.has(id)) add({ path: `nodes[${i}]`, code: "duplicate-id", message: `duplicate node id "${id}"` });
    else nodeIndex.set(id, i);
  });
  const n = table.nodeIds.length;
  const zoneNodes = new Int32Array(table.zoneNodeIds.length);
  table.zoneNodeIds.forEach((id, z) => {
    const v = nodeIndex.get(id);
    if (v === undefined) add({ path: `zones[${z}]`, code: "unknown-node", message: `zone node "${id}" is not a node of the network` });
    zoneNodes[z] = v ?? 0;
  });
  if (new Set(table.zoneNodeIds).size !== table.zoneNodeIds.length) add({ path: "zones", code: "duplicate-id", message: "two zones share a node" });
  const blocked = new Uint8Array(n);
  for (const id of table.blockedNodeIds) {
    const v = nodeIndex.get(id);
    if (v === undefined) add({ path: "blockedNodeIds", code: "unknown-node", message: `blocked node "${id}" is not a node of the network` });
    else blocked[v] = 1;
  }
  const m = table.links.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const t0 = new Float64Array(m);
  const capacity = new Float64Array(m);
  const alpha = new Float64Array(m);
  const beta = new Float64Array(m);
  const fixed = new Float64Array(m);
  const closed = new Uint8Array(m);
  const linkIds = new Set<string>();
  table.links.forEach((link, i) => {
    const path = (field: string) => `links[${JSON.stringify(link.id)}].${field}`;
    if (linkIds.has(link.id)) add({ path: path("id"), code: "duplicate-id", message: `duplicate link id "${link.id}"` });
    linkIds.add(link.id);
    for (const [field, id, out] of [["fromNodeId", link.fromNodeId, from], ["toNodeId", link.toNodeId, to]] as const) {
      const v = nodeIndex.get(id);
      if (v === undefined) add({ path: path(field), code: "unknown-node", message: `link "${link.id}" refers to unknown node "${id}"` });
      out[i] = v ?? 0;
    }
    const c = link.capacityVehPerHour;
    if (typeof c !== "number" || !(c > 0)) {
      add({ path: path("capacityVehPerHour"), code: "invalid-capacity", message: `link "${link.id}" has capacityVehPerHour ${describe(c)}; expected a number > 0` });
    }
    capacity[i] = c;
    const finite = (field: "freeFlowTimeMin" | "alpha" | "beta" | "fixedCostMin", code: string, out: Float64Array) => {
      const value = link[field];
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        add({ path: path(field), code, message: `link "${link.id}" has ${field} ${describe(value)}; expected a finite number ≥ 0` });
      }
      out[i] = value;
    };
    finite("freeFlowTimeMin", "invalid-time", t0);
    finite("alpha", "invalid-vdf", alpha);
    finite("beta", "invalid-vdf", beta);
    finite("fixedCostMin", "invalid-cost", fixed);
    closed[i] = link.closed === true ? 1 : 0;
  });
  if (issues.length > 0) {
    if (omitted > 0) issues.push({ file: table.file, code: "too-many-issues", message: `${omitted} more problem(s) in the network` });
    throw new InputError(issues);
  }
  const network = createAssignmentNetwork({
    nodeCount: n,
    linkFromNodes: from,
    linkToNodes: to,
    freeFlowTimeMin: t0,
    capacityVehPerHour: capacity,
    alpha,
    beta,
    fixedCostMin: fixed,
    zoneNodes,
    blockedNodes: blocked,
    closed,
  });
  return { table, network };
}

function checkDemand(table: LinkTable, demandVehPerHour: Float64Array): void {
  const z = table.zoneNodeIds.length;
  if (!(demandVehPerHour instanceof Float64Array) || demandVehPerHour.length !== z * z) {
    throw new UsageError(`demand must be a Float64Array of length zoneCount² = ${z * z}`, "invalid-argument");
  }
  const issues: Issue[] = [];
  for (let i = 0; i < demandVehPerHour.length && issues.length < MAX_TABLE_ISSUES; i++) {
    const v = demandVehPerHour[i];
    if (!(Number.isFinite(v) && v >= 0)) {
      const o = table.zoneNodeIds[Math.floor(i / z)];
      const d = table.zoneNodeIds[i % z];
      issues.push({ file: table.file, path: `demand[${JSON.stringify(o)}][${JSON.stringify(d)}]`, code: "invalid-demand", message: `demand ${o} → ${d} is ${v}; expected a finite number ≥ 0 (veh/h)` });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

function runPrepared(prepared: PreparedTable, demandVehPerHour: Float64Array, parameters: AssignParameters): AssignmentRun {
  const { table, network } = prepared;
  checkDemand(table, demandVehPerHour);
  const result = solveUserEquilibrium(network, demandVehPerHour, parameters);
  const z = table.zoneNodeIds.length;
  let vehicleHours = 0;
  let freeFlowVehicleHours = 0;
  const links: LinkFlow[] = table.links.map((link, i) => {
    const flow = result.linkFlowVehPerHour[i];
    const capacity = network.capacityVehPerHour[i];
    vehicleHours += (flow * result.congestedTimeMin[i]) / MIN_PER_HOUR;
    freeFlowVehicleHours += (flow * network.freeFlowTimeMin[i]) / MIN_PER_HOUR;
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
    vehicleHours,
    freeFlowVehicleHours,
  };
}

/**
 * User-equilibrium assignment of `demandVehPerHour` on a link table.
 *
 * @param table the network (ids; see {@link LinkTable})
 * @param demandVehPerHour Float64Array(z × z), row = origin zone in `table.zoneNodeIds` order, veh/h, finite ≥ 0
 * @param options algorithm (default bfw), relativeGapTarget (1e-4), maxIterations (250)
 * @returns the id-keyed run: flows, v/c, congested times, the convergence trace, `converged` (false is a result),
 *   demand accounting with every unreachable pair. Deterministic (byte-identical for the same inputs).
 * @throws InputError (exit 3) listing up to 20 problems with link ids: `invalid-capacity` (capacity 0, negative,
 *   NaN or not a number), `invalid-time`, `invalid-vdf`, `invalid-cost`, `unknown-node`, `duplicate-id`,
 *   `invalid-demand`; UsageError `invalid-option` for bad options, `invalid-argument` for a demand of the wrong length.
 * @example
 * // Braess network (TNTP), 6 veh/h from 1 to 2: every path costs 92 at equilibrium
 * const run = assignLinkTable(tntpLinkTable(net), trips.demandVehPerHour, { relativeGapTarget: 1e-8, maxIterations: 1000 });
 * run.totalCost // ≈ 552 (= 6 × 92)
 */
export function assignLinkTable(table: LinkTable, demandVehPerHour: Float64Array, options: AssignOptions = {}): AssignmentRun {
  const parameters = resolveAssignOptions(options);
  return runPrepared(prepareLinkTable(table), demandVehPerHour, parameters);
}

/**
 * Least free-flow cost between every pair of zones of a link table (through-zone paths blocked), minutes; Infinity
 * when unreachable, 0 on the diagonal. Row = origin in `zoneNodeIds` order.
 * @throws InputError as {@link assignLinkTable} for a bad table.
 * @example zoneFreeFlowCostsMin(roadLinkTable(network))[0 * 41 + 1] // free-flow minutes from the first to the second city
 */
export function zoneFreeFlowCostsMin(table: LinkTable): Float64Array {
  return zoneCostMatrix(prepareLinkTable(table).network);
}

/** Options of {@link roadLinkTable}. */
export interface RoadLinkTableOptions {
  /** BPR alpha of road links. Default {@link DEFAULT_BPR_ALPHA} (0.15). */
  alpha?: number;
  /** BPR beta of road links. Default {@link DEFAULT_BPR_BETA} (4). */
  beta?: number;
  /** Paths may not pass through centroids. Default true. */
  blockCentroidFlows?: boolean;
}

/**
 * Per-direction capacity of a road link from its lane count (both directions), veh/h: lanes / 2 × the per-lane capacity.
 * @param lanes lanes in both directions, integer > 0
 * @param laneCapacityPcuPerHour capacity of one lane, pcu/h counted as veh/h (the network's `laneCapacityPcuPerHour`)
 * @example laneCapacityVehPerHour(6, 2000) // 6000
 */
export function laneCapacityVehPerHour(lanes: number, laneCapacityPcuPerHour: number): number {
  return (lanes / 2) * laneCapacityPcuPerHour;
}

/**
 * The road assignment link table of a deltanet network: every `road` link (BPR, capacity per direction) plus every
 * `centroid-connector` access link (uncongested); nodes = the centroids and the links' ends, in network order; zones =
 * centroid nodes in ascending id order, blocked.
 *
 * @throws InputError listing up to 20 links: `missing-capacity` (road link with neither capacityVehPerHour nor lanes),
 *   `invalid-capacity` (0, negative, NaN, or not a number: a `"4000"` string is refused), `invalid-time` (timeMin
 *   missing, negative, NaN); paths are `links["<id>"].<field>`. UsageError `invalid-option` for bad alpha/beta.
 * @example
 * const table = roadLinkTable(network);
 * table.zoneNodeIds.length // 41 for networks/yrd
 * table.links.filter((l) => l.capacityVehPerHour === Infinity).length // 82 centroid connectors
 */
export function roadLinkTable(network: Network, options: RoadLinkTableOptions = {}): LinkTable {
  const alpha = options.alpha ?? DEFAULT_BPR_ALPHA;
  const beta = options.beta ?? DEFAULT_BPR_BETA;
  for (const [name, value] of [["alpha", alpha], ["beta", beta]] as const) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new UsageError(`${name} must be a finite number ≥ 0 (got ${JSON.stringify(value)})`, "invalid-option");
    }
  }
  const issues: Issue[] = [];
  let omitted = 0;
  const add = (issue: Issue) => {
    if (issues.length < MAX_TABLE_ISSUES) issues.push(issue);
    else omitted++;
  };
  const zoneNodeIds = network.filterNodes((_id, a) => a.kind === "centroid").sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const links: LinkTableLink[] = [];
  network.forEachEdge((id, a, source, target) => {
    const isRoad = a.layer === "road";
    const isConnector = a.layer === "access" && a.linkType === "centroid-connector";
    if (!isRoad && !isConnector) return;
    const path = (field: string) => `links[${JSON.stringify(id)}].${field}`;
    const time = a.timeMin;
    if (typeof time !== "number" || !Number.isFinite(time) || time < 0) {
      add({ path: path("timeMin"), code: "invalid-time", message: `link "${id}" has timeMin ${describe(time)}; expected a finite number ≥ 0 (minutes)` });
      return;
    }
    let capacity = Infinity;
    if (isRoad) {
      const given = a.capacityVehPerHour;
      if (given === undefined) {
        if (typeof a.lanes === "number" && Number.isInteger(a.lanes) && a.lanes > 0) {
          capacity = laneCapacityVehPerHour(a.lanes, requireAssumption(network, "laneCapacityPcuPerHour", `road link "${id}" (lanes but no capacityVehPerHour)`));
        } else {
          add({ path: path("capacityVehPerHour"), code: "missing-capacity", message: `road link "${id}" has neither capacityVehPerHour nor lanes` });
          return;
        }
      } else if (typeof given !== "number" || !(given > 0) || !Number.isFinite(given)) {
        add({ path: path("capacityVehPerHour"), code: "invalid-capacity", message: `road link "${id}" has capacityVehPerHour ${describe(given)}; expected a finite number > 0 (veh/h)` });
        return;
      } else capacity = given;
    }
    links.push({
      id,
      fromNodeId: source,
      toNodeId: target,
      freeFlowTimeMin: time,
      capacityVehPerHour: capacity,
      alpha: isRoad ? alpha : 0,
      beta: isRoad ? beta : 1,
      fixedCostMin: 0,
      closed: a.closed === true,
    });
  });
  if (issues.length > 0) {
    if (omitted > 0) issues.push({ code: "too-many-issues", message: `${omitted} more road link problem(s)` });
    throw new InputError(issues);
  }
  // Nodes: the centroids and the ends of the selected links, in network order (not the whole multimodal graph).
  const used = new Set<string>(zoneNodeIds);
  for (const l of links) {
    used.add(l.fromNodeId);
    used.add(l.toNodeId);
  }
  const nodeIds = network.filterNodes((id) => used.has(id));
  return {
    name: network.getAttribute("name"),
    nodeIds,
    zoneNodeIds,
    blockedNodeIds: options.blockCentroidFlows === false ? [] : zoneNodeIds,
    links,
  };
}

/** An OD matrix keyed by zone ids. */
export interface OdDemand {
  /** Zone (centroid node) ids; order = matrix order. */
  zoneIds: string[];
  /** Float64Array(z × z), row = origin, veh/h. */
  demandVehPerHour: Float64Array;
}

/** Gravity demand of a road network, with the model's diagnostics. */
export interface RoadGravityDemand extends OdDemand {
  gravity: GravityResult;
  /** Float64Array(z × z): the costs the model used, minutes (road free-flow times; fallback where unreachable). */
  costMin: Float64Array;
  /** Number of zone pairs (i ≠ j) that used the great-circle fallback time. */
  fallbackPairCount: number;
}

/**
 * Gravity-model OD matrix (veh/h) between the centroids of a network from their 2020 population
 * (`populationPersons`) and free-flow road times on {@link roadLinkTable}; pairs without a road route use the
 * great-circle fallback (great-circle × `roadCircuity` at `roadSpeedKph` plus two `centroidConnectorMin`, read from the
 * network's assumptions), so their trips exist and are reported unreachable by the assignment.
 * @throws InputError `missing-population` naming centroids without a population, `missing-assumption` when a pair
 *   needs the fallback and the network lacks one of its assumptions, plus roadLinkTable's errors; UsageError for bad
 *   gravity parameters.
 * @example roadGravityDemand(network).zoneIds.length // 41 for networks/yrd
 */
export function roadGravityDemand(network: Network, gravity: Partial<GravityParameters> = {}, tableOptions: RoadLinkTableOptions = {}): RoadGravityDemand {
  const table = roadLinkTable(network, tableOptions);
  return gravityForTable(network, table, prepareLinkTable(table).network, gravity);
}

function gravityForTable(network: Network, table: LinkTable, assignmentNetwork: AssignmentNetwork, gravity: Partial<GravityParameters>): RoadGravityDemand {
  const zoneIds = [...table.zoneNodeIds];
  const z = zoneIds.length;
  const issues: Issue[] = [];
  const population = zoneIds.map((id) => {
    const p = network.getNodeAttribute(id, "populationPersons");
    if (typeof p !== "number") issues.push({ path: `nodes[${JSON.stringify(id)}].populationPersons`, code: "missing-population", message: `centroid "${id}" has no populationPersons` });
    return p ?? 0;
  });
  if (issues.length > 0) throw new InputError(issues);
  const costMin = zoneCostMatrix(assignmentNetwork);
  let fallbackPairCount = 0;
  for (let i = 0; i < z; i++) {
    for (let j = 0; j < z; j++) {
      if (i === j || costMin[i * z + j] !== Infinity) continue;
      const a = network.getNodeAttributes(zoneIds[i]);
      const b = network.getNodeAttributes(zoneIds[j]);
      if (a.lon === undefined || a.lat === undefined || b.lon === undefined || b.lat === undefined) continue;
      const neededBy = `the gravity model's fallback road time ${zoneIds[i]} → ${zoneIds[j]} (no road route)`;
      const km = greatCircleKm(a.lon, a.lat, b.lon, b.lat, EARTH_RADIUS_KM) * requireAssumption(network, "roadCircuity", neededBy);
      costMin[i * z + j] = (km / requireAssumption(network, "roadSpeedKph", neededBy)) * MIN_PER_HOUR + 2 * requireAssumption(network, "centroidConnectorMin", neededBy);
      fallbackPairCount++;
    }
  }
  const result = gravityModel(population, costMin, gravity);
  return { zoneIds, demandVehPerHour: result.demandVehPerHour, gravity: result, costMin, fallbackPairCount };
}

/** Options of {@link assignRoad} / {@link assignScenarioRoad}. */
export interface RoadAssignmentOptions extends AssignOptions, RoadLinkTableOptions {
  /** Gravity parameters (defaults in src/defaults.ts); ignored when `demand` is given. */
  gravity?: Partial<GravityParameters>;
  /**
   * A fixed OD matrix instead of the gravity model (e.g. the base scenario's, so that before/after differ only by
   * the network). Its zone ids must be the network's centroids (any order).
   */
  demand?: OdDemand;
  /** How many links to list in `topCongestedLinks`. Default {@link ASSIGNMENT_TOP_LINK_COUNT} (10). */
  topLinkCount?: number;
}

/** One of the most congested road links. */
export interface CongestedLink {
  linkId: string;
  name?: string;
  fromNodeId: string;
  toNodeId: string;
  flowVehPerHour: number;
  capacityVehPerHour: number;
  vcRatio: number;
  freeFlowTimeMin: number;
  congestedTimeMin: number;
}

/**
 * JSON-safe summary of a road assignment (what `compare` shows before/after). Numbers are unrounded; every field is
 * a plain number, string, boolean or array of them.
 */
export interface RoadAssignmentSummary {
  kind: "deltanet-road-assignment";
  /** Effective parameters: algorithm, gap target, iteration bound, BPR alpha/beta, demand source and gravity parameters. */
  parameters: AssignParameters & {
    alpha: number;
    beta: number;
    demandSource: "gravity" | "given";
    gravity?: GravityParameters;
  };
  converged: boolean;
  iterations: number;
  relativeGap: number;
  zoneCount: number;
  /** Road links in the assignment (closed ones included). */
  roadLinkCount: number;
  demand: {
    totalVehPerHour: number;
    assignedVehPerHour: number;
    intrazonalVehPerHour: number;
    unreachable: {
      pairCount: number;
      demandVehPerHour: number;
      /** Zones none of whose demand (to or from them) can be served by road, ascending (Huainan, Huaibei on YRD). */
      isolatedZoneIds: string[];
      /** Their names (the centroid's `name`, else the id), parallel to `isolatedZoneIds`. */
      isolatedZoneNames: string[];
    };
    /** Gravity model diagnostics (absent when the demand was given): Furness balance and fallback-cost pairs. */
    gravity?: { balanced: boolean; balancingIterations: number; balancingError: number; fallbackPairCount: number };
  };
  totals: {
    /** Σ road-link flow × congested time / 60, vehicle-hours per hour (centroid connectors excluded). */
    vehicleHours: number;
    /** The same flows at free-flow times. */
    freeFlowVehicleHours: number;
    /** vehicleHours − freeFlowVehicleHours: the hour's congestion delay. */
    delayVehicleHours: number;
    /** Σ road-link flow × lengthKm, vehicle-km per hour (links without lengthKm count 0). */
    vehicleKm: number;
    /** Road links with v/c > 1. */
    linksOverCapacity: number;
  };
  /** Most congested road links by v/c, descending (ties by link id). */
  topCongestedLinks: CongestedLink[];
}

/** Full result of {@link assignRoad}. */
export interface RoadAssignment {
  summary: RoadAssignmentSummary;
  run: AssignmentRun;
  demand: OdDemand;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
 * Road assignment of a (scenario) network: gravity demand (or `options.demand`), user equilibrium on the road layer
 * with centroid connectors, and its summary.
 * @throws as {@link roadLinkTable}, {@link roadGravityDemand} and {@link assignLinkTable}; UsageError `demand-zones-mismatch`
 *   when a given demand's zones are not the network's centroids.
 * @example
 * const { summary, run } = assignRoad(applyScenario("scenarios/baseline-2019.yaml").network);
 * summary.converged // true; summary.demand.unreachable.isolatedZoneIds // ["zone:340400", "zone:340600"] (Huainan, Huaibei)
 */
export function assignRoad(network: Network, options: RoadAssignmentOptions = {}): RoadAssignment {
  const parameters = resolveAssignOptions(options);
  const topLinkCount = options.topLinkCount ?? ASSIGNMENT_TOP_LINK_COUNT;
  if (!Number.isInteger(topLinkCount) || topLinkCount < 0) throw new UsageError(`topLinkCount must be an integer ≥ 0 (got ${topLinkCount})`, "invalid-option");
  const table = roadLinkTable(network, options);
  const prepared = prepareLinkTable(table);
  let demand: OdDemand;
  let gravity: GravityParameters | undefined;
  let gravityDiagnostics: RoadAssignmentSummary["demand"]["gravity"];
  if (options.demand !== undefined) {
    demand = { zoneIds: [...table.zoneNodeIds], demandVehPerHour: alignDemand(table, options.demand) };
  } else {
    const g = gravityForTable(network, table, prepared.network, options.gravity ?? {});
    demand = { zoneIds: g.zoneIds, demandVehPerHour: g.demandVehPerHour };
    gravity = g.gravity.parameters;
    gravityDiagnostics = {
      balanced: g.gravity.balanced,
      balancingIterations: g.gravity.balancingIterations,
      balancingError: g.gravity.balancingError,
      fallbackPairCount: g.fallbackPairCount,
    };
  }
  const run = runPrepared(prepared, demand.demandVehPerHour, parameters);

  let vehicleHours = 0;
  let freeFlowVehicleHours = 0;
  let vehicleKm = 0;
  let linksOverCapacity = 0;
  let roadLinkCount = 0;
  const congested: CongestedLink[] = [];
  for (const link of run.links) {
    if (link.capacityVehPerHour === null || link.vcRatio === null) continue;
    roadLinkCount++;
    const attributes = network.getEdgeAttributes(link.linkId);
    vehicleHours += (link.flowVehPerHour * link.congestedTimeMin) / MIN_PER_HOUR;
    freeFlowVehicleHours += (link.flowVehPerHour * link.freeFlowTimeMin) / MIN_PER_HOUR;
    vehicleKm += link.flowVehPerHour * (attributes.lengthKm ?? 0);
    if (link.vcRatio > 1) linksOverCapacity++;
    congested.push({
      linkId: link.linkId,
      ...(attributes.name !== undefined ? { name: attributes.name } : {}),
      fromNodeId: link.fromNodeId,
      toNodeId: link.toNodeId,
      flowVehPerHour: link.flowVehPerHour,
      capacityVehPerHour: link.capacityVehPerHour,
      vcRatio: link.vcRatio,
      freeFlowTimeMin: link.freeFlowTimeMin,
      congestedTimeMin: link.congestedTimeMin,
    });
  }
  congested.sort((a, b) => b.vcRatio - a.vcRatio || byCodeUnits(a.linkId, b.linkId));
  // Isolated zones: every pair with demand to or from them is unreachable (e.g. a city without a road link).
  const z = table.zoneNodeIds.length;
  const pairsWithDemand = new Int32Array(z);
  const unreachableCounts = new Int32Array(z);
  for (let i = 0; i < z; i++) {
    for (let j = 0; j < z; j++) {
      if (i === j || !(demand.demandVehPerHour[i * z + j] > 0)) continue;
      pairsWithDemand[i]++;
      pairsWithDemand[j]++;
    }
  }
  const zoneIndex = new Map(table.zoneNodeIds.map((id, i) => [id, i]));
  for (const p of run.demand.unreachablePairs) {
    unreachableCounts[zoneIndex.get(p.originZoneId) as number]++;
    unreachableCounts[zoneIndex.get(p.destinationZoneId) as number]++;
  }
  const isolatedZoneIds = table.zoneNodeIds.filter((_, i) => unreachableCounts[i] > 0 && unreachableCounts[i] === pairsWithDemand[i]);
  const summary: RoadAssignmentSummary = {
    kind: "deltanet-road-assignment",
    parameters: {
      ...parameters,
      alpha: options.alpha ?? DEFAULT_BPR_ALPHA,
      beta: options.beta ?? DEFAULT_BPR_BETA,
      demandSource: options.demand !== undefined ? "given" : "gravity",
      ...(gravity !== undefined ? { gravity } : {}),
    },
    converged: run.converged,
    iterations: run.iterations,
    relativeGap: run.relativeGap,
    zoneCount: z,
    roadLinkCount,
    demand: {
      totalVehPerHour: run.demand.totalVehPerHour,
      assignedVehPerHour: run.demand.assignedVehPerHour,
      intrazonalVehPerHour: run.demand.intrazonalVehPerHour,
      unreachable: {
        pairCount: run.demand.unreachablePairCount,
        demandVehPerHour: run.demand.unreachableVehPerHour,
        isolatedZoneIds: [...isolatedZoneIds].sort(byCodeUnits),
        isolatedZoneNames: [...isolatedZoneIds].sort(byCodeUnits).map((id) => network.getNodeAttribute(id, "name") ?? id),
      },
      ...(gravityDiagnostics !== undefined ? { gravity: gravityDiagnostics } : {}),
    },
    totals: {
      vehicleHours,
      freeFlowVehicleHours,
      delayVehicleHours: vehicleHours - freeFlowVehicleHours,
      vehicleKm,
      linksOverCapacity,
    },
    topCongestedLinks: congested.slice(0, topLinkCount),
  };
  return { summary, run, demand };
}

/**
 * The `compare` integration point: road assignment summary of a scenario network (see {@link RoadAssignmentSummary}
 * for the shape). Equivalent to `assignRoad(network, options).summary`. For a fixed-demand before/after comparison,
 * compute the demand once (`roadGravityDemand(before)`) and pass it as `options.demand` to both calls; by default
 * each network gets its own gravity demand (trip distribution then reacts to the new travel times).
 * @throws as {@link assignRoad}.
 * @example assignScenarioRoad(network).topCongestedLinks[0] // { linkId, flowVehPerHour, capacityVehPerHour, vcRatio, … }
 */
export function assignScenarioRoad(network: Network, options: RoadAssignmentOptions = {}): RoadAssignmentSummary {
  return assignRoad(network, options).summary;
}
