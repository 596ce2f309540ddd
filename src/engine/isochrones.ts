/**
 * Commute isochrones: for every zone centroid, a cutoff-bounded shortest-time search on the passenger network
 * (rail + road + access links), summarised as nodes, cities and population reached within each cutoff.
 *
 * One search per origin with cutoff = the largest cutoff; smaller cutoffs are read off the same times (a node's
 * shortest time does not depend on the cutoff). Centroids are allowed as through-nodes: that is how a transfer
 * between stations or between rail and road is modelled (egress + access + wait, see networks/yrd/SOURCES.md).
 * The per-origin work is the `zoneReach` kernel of src/algorithms/zone-reach.ts, the same one the worker pool runs
 * for batch what-if runs (engine/what-if-kernel), so both give the same numbers float for float.
 */
import { UsageError } from "../errors.ts";
import type { Network } from "../model/network.ts";
import { createDijkstraWorkspace } from "../algorithms/dijkstra.ts";
import { resolveClosed } from "../algorithms/search-arguments.ts";
import { createZoneReachOutput, zoneReach, type ZoneReachNetwork } from "../algorithms/zone-reach.ts";
import type { CompiledNetwork } from "./compile.ts";
import type { CityIsochrone } from "../model/run-result.ts";
import { compareCodeUnits } from "../model/compare-code-units.ts";

/** Options of {@link computeIsochrones}. */
export interface IsochroneOptions {
  /** Cutoffs, minutes, each finite and > 0, strictly ascending. */
  cutoffsMin: readonly number[];
}

/** Output of {@link computeIsochrones}. */
export interface IsochroneOutput {
  cities: CityIsochrone[];
  /** Zone ids in the order of `cities` and of the matrix rows/columns. */
  zoneIds: string[];
  /** `zoneCount × zoneCount` door-to-door minutes, row = origin; `Infinity` = beyond the largest cutoff. */
  timeMin: Float64Array;
}

/**
 * Validates cutoffs: finite numbers > 0, strictly ascending.
 * @throws UsageError (code `invalid-cutoff`) otherwise — a 0 cutoff is refused, never read as "none".
 */
export function checkCutoffs(cutoffsMin: readonly number[]): void {
  if (cutoffsMin.length === 0) throw new UsageError("at least one cutoff is needed", "invalid-cutoff");
  cutoffsMin.forEach((c, i) => {
    if (typeof c !== "number" || !Number.isFinite(c) || c <= 0) {
      throw new UsageError(`cutoff ${JSON.stringify(c)} min is invalid: expected a finite number of minutes > 0`, "invalid-cutoff");
    }
    if (i > 0 && c <= cutoffsMin[i - 1]!) throw new UsageError(`cutoffs must be strictly ascending, got ${cutoffsMin.join(", ")}`, "invalid-cutoff");
  });
}

/** The zones of a network in index order: see {@link zoneCentroids}. */
export interface ZoneCentroids {
  /** Centroid node ids (kind `centroid`), ascending in code-unit order; zone index = position here. */
  centroidIds: string[];
  /** Int32Array(zoneCount): compiled node index of each centroid. */
  zoneNodes: Int32Array;
  /** Float64Array(zoneCount): resident population of each zone, persons (0 when the node has none). */
  zonePopulation: Float64Array;
}

/**
 * The zone index space shared by isochrones and batch what-if runs: every centroid node of `network`, ascending by
 * node id (`zone:<adcode>`, so by zone id), with its compiled node index and population.
 * @throws UsageError (code `not-compiled`) when a centroid is not a node of `compiled`.
 * @example zoneCentroids(net, compiled).centroidIds // ["zone:310100", "zone:320500", …]
 */
export function zoneCentroids(network: Network, compiled: CompiledNetwork): ZoneCentroids {
  const centroidIds = network
    .filterNodes((_id, a) => a.kind === "centroid")
    .sort(compareCodeUnits);
  const zoneNodes = Int32Array.from(centroidIds, (id) => {
    const idx = compiled.nodeIndex.get(id);
    if (idx === undefined) throw new UsageError(`centroid ${id} is not in the compiled passenger network`, "not-compiled");
    return idx;
  });
  const zonePopulation = Float64Array.from(centroidIds, (id) => network.getNodeAttribute(id, "populationPersons") ?? 0);
  return { centroidIds, zoneNodes, zonePopulation };
}

/**
 * Commute isochrones of every centroid of `network` on the compiled passenger network.
 *
 * Contract
 * - `compiled` was built from `network` with the passenger layers; closed links are impassable.
 * - Cities are the centroid nodes (kind `centroid`), in ascending zone id order.
 * - Reach at cutoff c counts nodes with shortest time ≤ c (inclusive), including the origin (time 0).
 * @throws UsageError (code `invalid-cutoff`) for bad cutoffs.
 * @example computeIsochrones(net, compiled, { cutoffsMin: [60] }).cities[0].byCutoff[0].populationReachedPersons
 */
export function computeIsochrones(network: Network, compiled: CompiledNetwork, options: IsochroneOptions): IsochroneOutput {
  checkCutoffs(options.cutoffsMin);
  const cutoffs = options.cutoffsMin;
  const maxCutoff = cutoffs[cutoffs.length - 1]!;
  const { centroidIds: centroids, zoneNodes, zonePopulation } = zoneCentroids(network, compiled);
  const n = centroids.length;
  const timeMin = new Float64Array(n * n);
  const cities: CityIsochrone[] = [];
  const reachNetwork: ZoneReachNetwork = {
    csr: compiled.csr,
    closed: resolveClosed(compiled.csr, compiled.closed),
    zoneNodes,
    zonePopulation,
    cutoffsMin: Float64Array.from(cutoffs),
    searchCutoffMin: maxCutoff,
  };
  const ws = createDijkstraWorkspace(compiled.csr.nodeCount);
  const out = createZoneReachOutput(n, cutoffs.length);
  for (let i = 0; i < n; i++) {
    zoneReach(ws, reachNetwork, i, out);
    timeMin.set(out.timeMin, i * n);
    const a = network.getNodeAttributes(centroids[i]!);
    cities.push({
      zoneId: a.zoneId ?? centroids[i]!,
      name: a.name,
      nameZh: a.nameZh,
      province: a.province,
      populationPersons: zonePopulation[i]!,
      byCutoff: cutoffs.map((c, k) => ({
        cutoffMin: c,
        nodesReached: out.nodesReached[k]!,
        citiesReached: out.zonesReached[k]!,
        populationReachedPersons: out.populationReachedPersons[k]!,
      })),
    });
  }
  return { cities, zoneIds: cities.map((c) => c.zoneId), timeMin };
}
