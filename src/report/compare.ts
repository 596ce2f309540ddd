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
} from "../engine/run-result.ts";

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

/** The document `deltanet compare` writes (JSON schemaVersion 1, see README). */
export interface ComparisonResult {
  schemaVersion: number;
  kind: "deltanet-compare";
  deltanetVersion: string;
  before: RunResult["scenario"];
  after: RunResult["scenario"];
  parameters: RunResult["parameters"];
  isochrones: CityComparison[];
  connectivity: ConnectivityComparison[];
  capacity: CapacityComparison[];
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

/**
 * Compares two runs made with the same parameters.
 * @throws UsageError (code `mismatched-runs`) when cutoffs, cities, layers or capacity queries differ.
 * @example compareRuns(baseline, plan).capacity[0].change // e.g. 12000 (veh/h more north → south)
 */
export function compareRuns(before: RunResult, after: RunResult): ComparisonResult {
  if (JSON.stringify(before.parameters) !== JSON.stringify(after.parameters)) {
    throw new UsageError("cannot compare runs made with different parameters (cutoffs, layers or capacity queries)", "mismatched-runs");
  }
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
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: "deltanet-compare",
    deltanetVersion: after.deltanetVersion,
    before: before.scenario,
    after: after.scenario,
    parameters: before.parameters,
    isochrones,
    connectivity,
    capacity,
    runs: { before, after },
  };
}
