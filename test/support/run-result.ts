/**
 * Hand-made run results for report tests: a small, readable RunResult whose every number is given by the test, so
 * rule and report expectations can be derived by hand.
 */
import type { CapacityResult, CityIsochrone, LayerConnectivity, RunResult } from "../../src/model/run-result.ts";

/** A city with its population reached per cutoff (`reach[cutoffMin] = persons`). */
export interface CitySpec {
  zoneId: string;
  name: string;
  populationPersons: number;
  reach: Record<number, number>;
}

/** What a test sets; everything else gets a neutral value. */
export interface RunSpec {
  name?: string;
  cutoffsMin?: number[];
  cities?: CitySpec[];
  unreachablePairs?: [string, string][];
  connectivity?: Partial<LayerConnectivity>[];
  capacity?: Partial<CapacityResult>[];
  networkChecksum?: string;
  deltanetVersion?: string;
  assignment?: RunResult["assignment"];
}

/** Two cities: Shanghai (24.87 M) and Nantong (7.73 M), reaching each other within 120 min only. */
export const DEFAULT_CITIES: CitySpec[] = [
  { zoneId: "310100", name: "Shanghai", populationPersons: 24_870_895, reach: { 60: 24_870_895, 120: 32_597_530 } },
  { zoneId: "320600", name: "Nantong", populationPersons: 7_726_635, reach: { 60: 7_726_635, 120: 32_597_530 } },
];

function layer(c: Partial<LayerConnectivity>): LayerConnectivity {
  return {
    layer: "road",
    nodeCount: 4,
    linkCount: 6,
    weakComponentCount: 1,
    strongComponentCount: 1,
    bridges: [],
    articulationPoints: [],
    ...c,
  };
}

function capacity(c: Partial<CapacityResult>): CapacityResult {
  return {
    id: "road-north-to-south",
    label: "Road: north → south",
    layer: "road",
    unit: "veh/h",
    maxFlow: 60_000,
    sourceNodeCount: 2,
    sinkNodeCount: 2,
    minCut: [],
    ...c,
  };
}

/** A run result from a spec (parameters hold `cutoffsMin`, passenger layers and no capacity queries). */
export function makeRun(spec: RunSpec = {}): RunResult {
  const name = spec.name ?? "run";
  const cutoffsMin = spec.cutoffsMin ?? [60, 120];
  const cities = spec.cities ?? DEFAULT_CITIES;
  const isochrones: CityIsochrone[] = cities.map((c) => ({
    zoneId: c.zoneId,
    name: c.name,
    populationPersons: c.populationPersons,
    byCutoff: cutoffsMin.map((cutoffMin) => ({ cutoffMin, nodesReached: 1, citiesReached: 1, populationReachedPersons: c.reach[cutoffMin] ?? 0 })),
  }));
  const zoneIds = cities.map((c) => c.zoneId);
  const networkChecksum = spec.networkChecksum ?? "a".repeat(64);
  const deltanetVersion = spec.deltanetVersion ?? "0.1.0";
  return {
    schemaVersion: 1,
    kind: "deltanet-run",
    deltanetVersion,
    provenance: { deltanetVersion, networkChecksum, scenarioFiles: [{ file: `${name}.yaml`, sha256: null }], parametersSha256: "c".repeat(64) },
    scenario: { name, files: [`${name}.yaml`], networkChecksum: "d".repeat(64), baseChecksum: networkChecksum, log: [], warnings: [] },
    parameters: { cutoffsMin, passengerLayers: ["road", "access"], capacityQueries: [] },
    isochrones,
    travelTimeMin: { zoneIds, maxCutoffMin: cutoffsMin[cutoffsMin.length - 1]!, matrix: zoneIds.map(() => zoneIds.map(() => null)) },
    cityReachability: { zoneIds, unreachablePairs: spec.unreachablePairs ?? [] },
    connectivity: (spec.connectivity ?? [{ layer: "road" }, { layer: "passenger" }]).map(layer),
    capacity: (spec.capacity ?? [{}]).map(capacity),
    ...(spec.assignment !== undefined ? { assignment: spec.assignment } : {}),
  };
}
