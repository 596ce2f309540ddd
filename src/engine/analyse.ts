/**
 * Analysis of one (already scenario-applied) network: commute isochrones on the passenger network, connectivity of
 * every layer and of the passenger network, and the capacity queries — assembled into a {@link RunResult}.
 */
import { DEFAULT_CAPACITY_QUERIES, DEFAULT_CUTOFFS_MIN, PASSENGER_LAYERS, type CapacityQuery } from "../defaults.ts";
import { INFRASTRUCTURE_LAYERS, type Layer, type Network } from "../model/network.ts";
import { capacityBetween } from "./capacity.ts";
import { compileNetwork, type CompiledNetwork } from "./compile.ts";
import { layerConnectivity } from "./connectivity.ts";
import { computeIsochrones } from "./isochrones.ts";
import { RESULT_SCHEMA_VERSION, type LayerConnectivity, type RunResult } from "./run-result.ts";
import { DELTANET_VERSION } from "../version.ts";

/** Options of {@link analyseNetwork}; every field defaults to `src/defaults.ts`. */
export interface AnalyseOptions {
  /** Isochrone cutoffs, minutes, > 0, strictly ascending. Default 30, 60, 90, 120, 180. */
  cutoffsMin?: readonly number[];
  capacityQueries?: readonly CapacityQuery[];
}

/** Scenario facts recorded in the result (from `applyScenario`). */
export type ScenarioInfo = RunResult["scenario"];

const zeroCost = () => 0;

/**
 * Runs every analysis of issue 2 on `network`.
 * @throws UsageError (code `invalid-cutoff`) for bad cutoffs; InputError for links lacking a time or capacity.
 */
export function analyseNetwork(network: Network, scenario: ScenarioInfo, options: AnalyseOptions = {}): RunResult {
  const cutoffsMin = [...(options.cutoffsMin ?? DEFAULT_CUTOFFS_MIN)];
  const capacityQueries = [...(options.capacityQueries ?? DEFAULT_CAPACITY_QUERIES)];
  const passenger = compileNetwork(network, { layers: [...PASSENGER_LAYERS] });
  const iso = computeIsochrones(network, passenger, { cutoffsMin });
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
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: "deltanet-run",
    deltanetVersion: DELTANET_VERSION,
    scenario,
    parameters: { cutoffsMin, passengerLayers: [...PASSENGER_LAYERS], capacityQueries },
    isochrones: iso.cities,
    travelTimeMin: { zoneIds: iso.zoneIds, maxCutoffMin: cutoffsMin[cutoffsMin.length - 1]!, matrix },
    connectivity,
    capacity,
  };
}
