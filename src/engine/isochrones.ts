/**
 * Commute isochrones: for every zone centroid, a cutoff-bounded shortest-time search on the passenger network
 * (rail + road + access links), summarised as nodes, cities and population reached within each cutoff.
 *
 * One search per origin with cutoff = the largest cutoff; smaller cutoffs are read off the same times (a node's
 * shortest time does not depend on the cutoff). Centroids are allowed as through-nodes: that is how a transfer
 * between stations or between rail and road is modelled (egress + access + wait, see networks/yrd/SOURCES.md).
 */
import { UsageError } from "../errors.ts";
import type { Network } from "../model/network.ts";
import { singleSourceCosts } from "../algorithms/dijkstra.ts";
import type { CompiledNetwork } from "./compile.ts";
import type { CityIsochrone } from "./run-result.ts";

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
  const centroids = network
    .filterNodes((_id, a) => a.kind === "centroid")
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const centroidIndex = centroids.map((id) => {
    const idx = compiled.nodeIndex.get(id);
    if (idx === undefined) throw new UsageError(`centroid ${id} is not in the compiled passenger network`, "not-compiled");
    return idx;
  });
  const population = centroids.map((id) => network.getNodeAttribute(id, "populationPersons") ?? 0);
  const n = centroids.length;
  const timeMin = new Float64Array(n * n);
  const cities: CityIsochrone[] = [];
  for (let i = 0; i < n; i++) {
    const { costs } = singleSourceCosts(compiled.csr, centroidIndex[i]!, { cutoff: maxCutoff, closed: compiled.closed });
    // Node counts per cutoff: one pass over all nodes.
    const nodesReached = new Array<number>(cutoffs.length).fill(0);
    for (let v = 0; v < costs.length; v++) {
      const t = costs[v]!;
      if (t > maxCutoff) continue;
      for (let k = 0; k < cutoffs.length; k++) if (t <= cutoffs[k]!) nodesReached[k]!++;
    }
    const citiesReached = new Array<number>(cutoffs.length).fill(0);
    const pop = new Array<number>(cutoffs.length).fill(0);
    for (let j = 0; j < n; j++) {
      const t = costs[centroidIndex[j]!]!;
      timeMin[i * n + j] = t <= maxCutoff ? t : Infinity;
      for (let k = 0; k < cutoffs.length; k++) {
        if (t <= cutoffs[k]!) {
          citiesReached[k]!++;
          pop[k]! += population[j]!;
        }
      }
    }
    const a = network.getNodeAttributes(centroids[i]!);
    cities.push({
      zoneId: a.zoneId ?? centroids[i]!,
      name: a.name,
      nameZh: a.nameZh,
      province: a.province,
      populationPersons: population[i]!,
      byCutoff: cutoffs.map((c, k) => ({
        cutoffMin: c,
        nodesReached: nodesReached[k]!,
        citiesReached: citiesReached[k]!,
        populationReachedPersons: pop[k]!,
      })),
    });
  }
  return { cities, zoneIds: cities.map((c) => c.zoneId), timeMin };
}
