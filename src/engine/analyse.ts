/**
 * Analysis of one (already scenario-applied) network: commute isochrones and city reachability on the passenger
 * network, connectivity of every layer and of the passenger network, and the capacity queries — assembled into a
 * {@link RunResult} with its provenance (engine version, input hashes).
 */
import type { CapacityQuery } from "../model/capacity-query.ts";
import { INFRASTRUCTURE_LAYERS, type Layer, type Network } from "../model/network.ts";
import { contentSha256 } from "../model/checksum.ts";
import { assignRoad, type RoadAssignmentInput } from "./assign.ts";
import type { OdDemand } from "./gravity-demand.ts";
import { capacityBetween } from "./capacity.ts";
import { cityReachability } from "./city-reachability.ts";
import { compileNetwork, type CompiledNetwork } from "./compile.ts";
import { layerConnectivity } from "./connectivity.ts";
import { computeIsochrones } from "./isochrones.ts";
import { RESULT_SCHEMA_VERSION, type RunAssignment, type LayerConnectivity, type RunProvenance, type RunResult } from "../model/run-result.ts";
import { DELTANET_VERSION } from "../version.ts";

/** Options of {@link analyseNetwork}: all given (the library API fills them from `src/defaults.ts`). */
export interface AnalyseOptions {
  /** Isochrone cutoffs, minutes, > 0, strictly ascending. */
  cutoffsMin: readonly number[];
  /** Layers of the passenger network the isochrones and city reachability are computed on. */
  passengerLayers: readonly Layer[];
  /** Max-flow/min-cut questions, in report order. */
  capacityQueries: readonly CapacityQuery[];
  /**
   * Road traffic assignment (user equilibrium, src/engine/assign.ts): `{ parameters }` (all given) with the network's
   * own gravity demand; `{ parameters, demand }` with a fixed OD matrix (veh/h), e.g. the before scenario's in a
   * comparison, so that before and after differ by the network only; `false` to skip it.
   */
  assignment: false | RoadAssignmentInput;
}

/**
 * Scenario facts recorded in the result (from `applyScenario`), plus the sha256 of each chain file's bytes
 * (`fileSha256`, parallel to `files`) that goes into the result's provenance rather than its `scenario` block.
 * Without `fileSha256` (a chain built in memory) the provenance records `sha256: null` for each file.
 */
export type ScenarioInfo = RunResult["scenario"] & { fileSha256?: readonly string[] };

const zeroCost = () => 0;

/**
 * The provenance block of a result: engine version, base network checksum, chain file hashes, parameters hash.
 * @param scenario the scenario facts (`baseChecksum`, `files`, optional `fileSha256` parallel to `files`)
 * @param parameters the effective parameters recorded in the result (hashed in canonical JSON)
 * @returns the block; a file without a known hash gets `sha256: null`
 * @example runProvenance({ ...info, files: ["a.yaml"], fileSha256: ["ab…"] }, parameters).scenarioFiles
 * // [{ file: "a.yaml", sha256: "ab…" }]
 */
export function runProvenance(scenario: ScenarioInfo, parameters: RunResult["parameters"]): RunProvenance {
  return {
    deltanetVersion: DELTANET_VERSION,
    networkChecksum: scenario.baseChecksum,
    scenarioFiles: scenario.files.map((file, i) => ({ file, sha256: scenario.fileSha256?.[i] ?? null })),
    parametersSha256: contentSha256(parameters),
  };
}

/**
 * Runs every analysis on `network`: commute isochrones, city reachability, connectivity of every layer and of the
 * passenger network, the capacity queries and the road assignment, with the result's provenance.
 * @param network the scenario-applied network (not modified)
 * @param scenario facts recorded in `scenario` and `provenance` (see {@link ScenarioInfo})
 * @param options cutoffs (minutes, > 0, ascending), passenger layers, capacity queries and the assignment
 * @throws UsageError (code `invalid-cutoff`) for bad cutoffs; InputError for links lacking a time or capacity.
 * @example analyseNetwork(applied.network, info).provenance.deltanetVersion // "0.1.0"
 */
export function analyseNetwork(network: Network, scenario: ScenarioInfo, options: AnalyseOptions): RunResult {
  const cutoffsMin = [...options.cutoffsMin];
  const capacityQueries = [...options.capacityQueries];
  const passengerLayers = [...options.passengerLayers];
  const passenger = compileNetwork(network, { layers: passengerLayers });
  const iso = computeIsochrones(network, passenger, { cutoffsMin });
  const assignment = runAssignment(network, options.assignment);
  const n = iso.zoneIds.length;
  const matrix: (number | null)[][] = [];
  for (let i = 0; i < n; i++) {
    const row: (number | null)[] = [];
    for (let j = 0; j < n; j++) {
      const t = iso.timeMin[i * n + j]!;
      row.push(Number.isFinite(t) ? Math.round(t * 10) / 10 : null);
    }
    matrix.push(row);
  }
  const views = new Map<Layer, CompiledNetwork>();
  const view = (layer: Layer): CompiledNetwork => {
    let v = views.get(layer);
    if (!v) {
      v = compileNetwork(network, { layers: [layer], cost: zeroCost });
      views.set(layer, v);
    }
    return v;
  };
  const connectivity: LayerConnectivity[] = INFRASTRUCTURE_LAYERS.map((layer) => layerConnectivity(network, view(layer), layer));
  connectivity.push(layerConnectivity(network, passenger, "passenger"));
  const capacity = capacityQueries.map((q) => capacityBetween(network, view(q.layer), q));
  const parameters: RunResult["parameters"] = { cutoffsMin, passengerLayers, capacityQueries };
  const { fileSha256: _fileSha256, ...scenarioBlock } = scenario;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: "deltanet-run",
    deltanetVersion: DELTANET_VERSION,
    provenance: runProvenance(scenario, parameters),
    scenario: scenarioBlock,
    parameters,
    isochrones: iso.cities,
    travelTimeMin: { zoneIds: iso.zoneIds, maxCutoffMin: cutoffsMin[cutoffsMin.length - 1]!, matrix },
    cityReachability: cityReachability(network, passenger),
    connectivity,
    capacity,
    ...(assignment ? { assignment } : {}),
  };
}

/**
 * The road assignment of a run: the summary of {@link assignRoad} plus the OD matrix it loaded (veh/h, row = origin,
 * zone ids = centroid node ids), so a comparison can load the same demand on the after network.
 */
function runAssignment(network: Network, option: AnalyseOptions["assignment"]): RunAssignment | undefined {
  if (option === false) return undefined;
  const r = assignRoad(network, option);
  const z = r.demand.zoneIds.length;
  const matrix: number[][] = [];
  for (let i = 0; i < z; i++) matrix.push(Array.from(r.demand.demandVehPerHour.subarray(i * z, (i + 1) * z)));
  return { ...r.summary, odMatrixVehPerHour: { zoneIds: [...r.demand.zoneIds], matrix } };
}

/** Converts a run's OD matrix back into the assignment's demand input. */
export function runDemand(assignment: RunAssignment): OdDemand {
  const { zoneIds, matrix } = assignment.odMatrixVehPerHour;
  return { zoneIds: [...zoneIds], demandVehPerHour: Float64Array.from(matrix.flat()) };
}
