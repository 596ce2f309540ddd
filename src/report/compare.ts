/**
 * Scenario comparison: pairs two {@link RunResult}s city by city, layer by layer and query by query and computes
 * the changes (after − before) a planner reads in the table, markdown or JSON report.
 */
import { UsageError } from "../errors.ts";
import {
  RESULT_SCHEMA_VERSION,
  type CapacityResult,
  type LayerConnectivity,
  type ReachAtCutoff,
  type RunResult,
} from "../model/run-result.ts";

/** Before/after reach of one city at one cutoff; `change*` = after − before. */
export interface ReachChange {
  cutoffMin: number;
  before: Omit<ReachAtCutoff, "cutoffMin">;
  after: Omit<ReachAtCutoff, "cutoffMin">;
  changePopulationPersons: number;
  changeCities: number;
}

export interface CityComparison {
  zoneId: string;
  name: string;
  nameZh?: string;
  province?: string;
  populationPersons: number;
  byCutoff: ReachChange[];
}

export interface ConnectivityComparison {
  layer: LayerConnectivity["layer"];
  before: Omit<LayerConnectivity, "layer">;
  after: Omit<LayerConnectivity, "layer">;
  /** Bridges present after but not before (facility ids). */
  newBridges: string[];
  /** Bridges present before but not after. */
  removedBridges: string[];
  newArticulationPoints: string[];
  removedArticulationPoints: string[];
}

export interface CapacityComparison {
  id: string;
  label: string;
  layer: CapacityResult["layer"];
  unit: CapacityResult["unit"];
  before: number | null;
  after: number | null;
  /** after − before in `unit`; null when either is unbounded. */
  change: number | null;
  /** change / before; null when before is 0 or unbounded. */
  relativeChange: number | null;
  minCutBefore: CapacityResult["minCut"];
  minCutAfter: CapacityResult["minCut"];
}

/** One way in which two runs' provenance differs (see {@link runMismatches}). */
export interface RunMismatch {
  /** `network`: the base networks' checksums differ; `engine`: the deltanet versions differ. */
  field: "network" | "engine";
  /** The value of the first (before/baseline) run: a sha256 or a version. */
  before: string;
  /** The value of the second (after/candidate) run. */
  after: string;
  /** One line saying what differs, with both values. */
  message: string;
}

/** Options of {@link compareRuns}. */
export interface CompareOptions {
  /**
   * Compare runs whose base network or engine (deltanet version) differ instead of refusing them; the differences
   * are still recorded in `mismatches`. Default false. Runs with different parameters are always refused.
   */
  allowMismatch?: boolean;
}

/** One road-assignment total before, after and the change (after − before). */
export interface TotalChange {
  before: number;
  after: number;
  change: number;
}

/**
 * Road traffic assignment before/after. Totals are per hour of the OD matrix (veh/h): vehicle-hours, delay
 * vehicle-hours (congested − free-flow), vehicle-km, links with v/c > 1. `sameDemand` is true when both runs loaded
 * the same OD matrix (as `compare` arranges), so the change is due to the network alone.
 */
export interface AssignmentComparison {
  sameDemand: boolean;
  vehicleHours: TotalChange;
  delayVehicleHours: TotalChange;
  vehicleKm: TotalChange;
  linksOverCapacity: TotalChange;
  unreachableDemandVehPerHour: TotalChange;
  converged: { before: boolean; after: boolean };
  relativeGap: { before: number; after: number };
  topCongestedLinksAfter: NonNullable<RunResult["assignment"]>["topCongestedLinks"];
}

function totalChange(before: number, after: number): TotalChange {
  return { before, after, change: after - before };
}

/** Before/after road-assignment totals, or undefined when either run has no assignment. */
export function compareAssignments(before: RunResult, after: RunResult): AssignmentComparison | undefined {
  const b = before.assignment;
  const a = after.assignment;
  if (!b || !a) return undefined;
  return {
    sameDemand: JSON.stringify(b.odMatrixVehPerHour) === JSON.stringify(a.odMatrixVehPerHour),
    vehicleHours: totalChange(b.totals.vehicleHours, a.totals.vehicleHours),
    delayVehicleHours: totalChange(b.totals.delayVehicleHours, a.totals.delayVehicleHours),
    vehicleKm: totalChange(b.totals.vehicleKm, a.totals.vehicleKm),
    linksOverCapacity: totalChange(b.totals.linksOverCapacity, a.totals.linksOverCapacity),
    unreachableDemandVehPerHour: totalChange(b.demand.unreachable.demandVehPerHour, a.demand.unreachable.demandVehPerHour),
    converged: { before: b.converged, after: a.converged },
    relativeGap: { before: b.relativeGap, after: a.relativeGap },
    topCongestedLinksAfter: a.topCongestedLinks,
  };
}

/** The document `deltanet compare` writes (JSON schemaVersion 1, see README). */
export interface ComparisonResult {
  schemaVersion: number;
  kind: "deltanet-compare";
  deltanetVersion: string;
  /** How the two runs' provenance differs (empty when they share network and engine; see `allowMismatch`). */
  mismatches: RunMismatch[];
  before: RunResult["scenario"];
  after: RunResult["scenario"];
  parameters: RunResult["parameters"];
  isochrones: CityComparison[];
  connectivity: ConnectivityComparison[];
  capacity: CapacityComparison[];
  /** Road traffic assignment before/after (present when both runs include one). */
  assignment?: AssignmentComparison;
  /** The two full runs, for tools that need travel-time matrices. */
  runs: { before: RunResult; after: RunResult };
}

function reachCore(r: ReachAtCutoff): Omit<ReachAtCutoff, "cutoffMin"> {
  return { nodesReached: r.nodesReached, citiesReached: r.citiesReached, populationReachedPersons: r.populationReachedPersons };
}

function difference(a: string[], b: string[]): string[] {
  const set = new Set(b);
  return a.filter((x) => !set.has(x));
}

function withoutLayer(c: LayerConnectivity): Omit<LayerConnectivity, "layer"> {
  const { layer: _layer, ...rest } = c;
  return rest;
}

/** First 12 hex characters of a sha256, enough to tell two apart in a message. */
function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

/**
 * How the provenance of two runs differs: the base network (`provenance.networkChecksum`) and the engine
 * (`provenance.deltanetVersion`). Scenario files and parameters are not listed: the scenarios differ by design, and
 * parameters are checked separately (they must match).
 * @param before the first run (baseline)
 * @param after the second run (candidate)
 * @returns the differences, `network` first; empty when both match
 * @example runMismatches(runOnNetworkA, runOnNetworkB)[0].message
 * // "base network differs: sha256 3f1c2a9b0d4e… (baseline-2019) vs 77aa01c3e5f2… (candidate)"
 */
export function runMismatches(before: RunResult, after: RunResult): RunMismatch[] {
  const out: RunMismatch[] = [];
  const b = before.provenance;
  const a = after.provenance;
  if (b.networkChecksum !== a.networkChecksum) {
    out.push({
      field: "network",
      before: b.networkChecksum,
      after: a.networkChecksum,
      message: `base network differs: sha256 ${shortHash(b.networkChecksum)} (${before.scenario.name}) vs ${shortHash(a.networkChecksum)} (${after.scenario.name})`,
    });
  }
  if (b.deltanetVersion !== a.deltanetVersion) {
    out.push({
      field: "engine",
      before: b.deltanetVersion,
      after: a.deltanetVersion,
      message: `engine differs: deltanet ${b.deltanetVersion} (${before.scenario.name}) vs ${a.deltanetVersion} (${after.scenario.name})`,
    });
  }
  return out;
}

/** Names of the parameter groups that differ between two runs, e.g. `["cutoffsMin"]`. */
function parameterDifferences(before: RunResult, after: RunResult): string[] {
  const keys = ["cutoffsMin", "passengerLayers", "capacityQueries"] as const;
  return keys.filter((k) => JSON.stringify(before.parameters[k]) !== JSON.stringify(after.parameters[k]));
}

/**
 * Refuses to pair two runs that cannot be compared: different parameters always; a different base network or
 * engine unless `options.allowMismatch`.
 * @returns the provenance differences (empty, or allowed ones)
 * @throws UsageError (code `mismatched-runs`) naming the parameters that differ, with both values of cutoffs;
 *   UsageError (code `provenance-mismatch`, exit 2) listing every network/engine difference
 * @example assertComparable(baseline, candidate) // [] for two scenarios of one network run by one deltanet
 */
export function assertComparable(before: RunResult, after: RunResult, options: CompareOptions = {}): RunMismatch[] {
  const params = parameterDifferences(before, after);
  if (params.length > 0) {
    const cutoffs = params.includes("cutoffsMin") ? ` (cutoffs ${before.parameters.cutoffsMin.join(", ")} vs ${after.parameters.cutoffsMin.join(", ")} min)` : "";
    throw new UsageError(`cannot compare runs made with different parameters: ${params.join(", ")} differ${cutoffs}`, "mismatched-runs");
  }
  const mismatches = runMismatches(before, after);
  if (mismatches.length > 0 && options.allowMismatch !== true) {
    throw new UsageError(
      `refusing to compare runs of different networks or engines: ${mismatches.map((m) => m.message).join("; ")}. ` +
        `Pass --allow-mismatch (allowMismatch: true) to compare them anyway.`,
      "provenance-mismatch",
    );
  }
  return mismatches;
}

/**
 * Compares two runs made with the same parameters, on the same base network by the same engine.
 * @param before the first run (after − before is reported)
 * @param after the second run
 * @param options `allowMismatch` (default false): compare runs of different base networks or engines anyway
 * @throws UsageError (code `mismatched-runs`) when cutoffs, cities, layers or capacity queries differ; UsageError
 *   (code `provenance-mismatch`) when the base network checksum or the deltanet version differ, unless allowed.
 * @example compareRuns(baseline, plan).capacity[0].change // e.g. 12000 (veh/h more north → south)
 */
export function compareRuns(before: RunResult, after: RunResult, options: CompareOptions = {}): ComparisonResult {
  const mismatches = assertComparable(before, after, options);
  const afterCities = new Map(after.isochrones.map((c) => [c.zoneId, c]));
  const isochrones: CityComparison[] = before.isochrones.map((b) => {
    const a = afterCities.get(b.zoneId);
    if (!a) throw new UsageError(`city ${b.zoneId} is missing from the second run`, "mismatched-runs");
    return {
      zoneId: b.zoneId,
      name: b.name,
      nameZh: b.nameZh,
      province: b.province,
      populationPersons: b.populationPersons,
      byCutoff: b.byCutoff.map((rb, i) => {
        const ra = a.byCutoff[i]!;
        return {
          cutoffMin: rb.cutoffMin,
          before: reachCore(rb),
          after: reachCore(ra),
          changePopulationPersons: ra.populationReachedPersons - rb.populationReachedPersons,
          changeCities: ra.citiesReached - rb.citiesReached,
        };
      }),
    };
  });
  const afterLayers = new Map(after.connectivity.map((c) => [c.layer, c]));
  const connectivity: ConnectivityComparison[] = before.connectivity.map((b) => {
    const a = afterLayers.get(b.layer);
    if (!a) throw new UsageError(`layer ${b.layer} is missing from the second run`, "mismatched-runs");
    const bb = b.bridges.map((x) => x.facilityId);
    const ab = a.bridges.map((x) => x.facilityId);
    const bp = b.articulationPoints.map((x) => x.nodeId);
    const ap = a.articulationPoints.map((x) => x.nodeId);
    return {
      layer: b.layer,
      before: withoutLayer(b),
      after: withoutLayer(a),
      newBridges: difference(ab, bb),
      removedBridges: difference(bb, ab),
      newArticulationPoints: difference(ap, bp),
      removedArticulationPoints: difference(bp, ap),
    };
  });
  const afterCap = new Map(after.capacity.map((c) => [c.id, c]));
  const capacity: CapacityComparison[] = before.capacity.map((b) => {
    const a = afterCap.get(b.id)!;
    const change = b.maxFlow === null || a.maxFlow === null ? null : a.maxFlow - b.maxFlow;
    return {
      id: b.id,
      label: b.label,
      layer: b.layer,
      unit: b.unit,
      before: b.maxFlow,
      after: a.maxFlow,
      change,
      relativeChange: change === null || !b.maxFlow ? null : change / b.maxFlow,
      minCutBefore: b.minCut,
      minCutAfter: a.minCut,
    };
  });
  const assignment = compareAssignments(before, after);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: "deltanet-compare",
    deltanetVersion: after.deltanetVersion,
    mismatches,
    before: before.scenario,
    after: after.scenario,
    parameters: before.parameters,
    isochrones,
    connectivity,
    capacity,
    ...(assignment ? { assignment } : {}),
    runs: { before, after },
  };
}
