/**
 * Zone reach: the per-origin kernel behind commute isochrones and batch what-if runs. From one origin zone's centroid,
 * one Dijkstra search gives the time to every zone and, per cutoff, the nodes, zones and population reached.
 *
 * The same function runs in the main thread (engine/isochrones `computeIsochrones`) and in the worker pool
 * (engine/what-if-kernel, called from engine/worker), so a result never depends on where it was computed. It only
 * reads typed arrays and writes into caller-owned output arrays: no allocation, no graphology.
 */
import type { Csr } from "./csr.ts";
import { runDijkstra, type DijkstraWorkspace } from "./dijkstra.ts";

/** The network and zones a {@link zoneReach} search runs on. All arrays are read only. */
export interface ZoneReachNetwork {
  /** The network; link costs in minutes (finite ≥ 0 or Infinity = impassable). */
  csr: Csr;
  /** Uint8Array(linkCount), link index: nonzero = closed (impassable). Usually `csr.closed` or a scenario's copy. */
  closed: Uint8Array;
  /** Int32Array(zoneCount), zone index → node index of the zone's centroid. */
  zoneNodes: Int32Array;
  /** Float64Array(zoneCount), zone index → resident population, persons, ≥ 0. */
  zonePopulation: Float64Array;
  /** Cutoffs, minutes, each finite > 0, strictly ascending (length cutoffCount ≥ 1). */
  cutoffsMin: ArrayLike<number>;
  /**
   * Bound of the search, minutes: `Infinity` for exact times to every zone (unreachable = Infinity), or the largest
   * cutoff to stop early (then every zone beyond it reads Infinity, as if unreachable). Must be ≥ the largest cutoff.
   */
  searchCutoffMin: number;
}

/** Caller-owned output of {@link zoneReach}; every array is overwritten. */
export interface ZoneReachOutput {
  /** Float64Array(zoneCount), zone index: least time from the origin, minutes; Infinity = unreachable (or > searchCutoffMin). */
  timeMin: Float64Array;
  /** Float64Array(cutoffCount): nodes with time ≤ cutoff (any node of the network, the origin included). */
  nodesReached: Float64Array;
  /** Float64Array(cutoffCount): zones with time ≤ cutoff, the origin zone included. */
  zonesReached: Float64Array;
  /** Float64Array(cutoffCount): population of those zones, persons, summed in ascending zone index. */
  populationReachedPersons: Float64Array;
}

/**
 * Allocates a {@link ZoneReachOutput} for `zoneCount` zones and `cutoffCount` cutoffs.
 * @example createZoneReachOutput(3, 2).timeMin.length // 3
 */
export function createZoneReachOutput(zoneCount: number, cutoffCount: number): ZoneReachOutput {
  return {
    timeMin: new Float64Array(zoneCount),
    nodesReached: new Float64Array(cutoffCount),
    zonesReached: new Float64Array(cutoffCount),
    populationReachedPersons: new Float64Array(cutoffCount),
  };
}

/**
 * Times from zone `originZone` to every zone, and what it reaches within each cutoff, by one Dijkstra search.
 *
 * Contract
 * - `ws.nodeCount === network.csr.nodeCount`; `originZone` in 0 … zoneCount − 1; cutoffs as in {@link ZoneReachNetwork}.
 * - A node or zone is reached at cutoff c when its least time is ≤ c (inclusive); the origin (time 0) always is.
 * - `out.timeMin[j]` is the least time in minutes (the left-to-right float sum of link times along the best path, as
 *   every search in src/algorithms), or Infinity when zone j is unreachable or beyond `searchCutoffMin`.
 * - Sums run in ascending zone index, so the result is the same float for float wherever it is computed.
 * - O((n + m) log n) for the search plus O(settled nodes × cutoffs + zones × cutoffs); no allocation.
 * Never throws: callers validate (engine/isochrones `checkCutoffs`, engine/what-if-model).
 * @example
 * // zones 0, 1, 2 at nodes 0, 1, 2; links 0 →(10) 1 →(30) 2; populations 100, 20, 3; cutoffs 10, 60
 * zoneReach(ws, { csr, closed: csr.closed, zoneNodes: Int32Array.of(0, 1, 2),
 *   zonePopulation: Float64Array.of(100, 20, 3), cutoffsMin: [10, 60], searchCutoffMin: Infinity }, 0, out);
 * // out.timeMin = [0, 10, 40]; out.zonesReached = [2, 3]; out.populationReachedPersons = [120, 123]
 */
export function zoneReach(ws: DijkstraWorkspace, network: ZoneReachNetwork, originZone: number, out: ZoneReachOutput): void {
  const { csr, closed, zoneNodes, zonePopulation, cutoffsMin, searchCutoffMin } = network;
  runDijkstra(ws, csr, zoneNodes[originZone], searchCutoffMin, closed, -1, undefined, 0);
  const costs = ws.costs;
  const cutoffCount = cutoffsMin.length;
  const { timeMin, nodesReached, zonesReached, populationReachedPersons } = out;
  nodesReached.fill(0);
  zonesReached.fill(0);
  populationReachedPersons.fill(0);
  // Every settled node has a finite time ≤ searchCutoffMin; unsettled nodes were never labelled.
  const settled = ws.settled;
  for (let s = 0; s < ws.settledCount; s++) {
    const t = costs[settled[s]];
    for (let k = 0; k < cutoffCount; k++) if (t <= cutoffsMin[k]) nodesReached[k]++;
  }
  for (let j = 0; j < zoneNodes.length; j++) {
    const t = costs[zoneNodes[j]];
    timeMin[j] = t;
    for (let k = 0; k < cutoffCount; k++) {
      if (t <= cutoffsMin[k]) {
        zonesReached[k]++;
        populationReachedPersons[k] += zonePopulation[j];
      }
    }
  }
}

/**
 * Marks, in a bitset, every link on the shortest paths of the last search in `ws` from its origin to the zones: the
 * links whose closure can change that origin's zone times. A closure that touches none of them leaves every zone
 * time of the origin exactly as it was (the old best path survives, and a closure never creates a cheaper one), so
 * batch N-1 runs skip that origin.
 *
 * Contract
 * - Call right after `zoneReach` (or `runDijkstra` without early exit) for the same origin; reads
 *   `ws.predecessorLinks`, so the paths are the search's deterministic shortest-path tree.
 * - `bits`: Int32Array, `bitOffset` … `bitOffset + ⌈linkCount / 32⌉ − 1` are this origin's words, zero on entry;
 *   link l is bit `l & 31` of word `bitOffset + (l >>> 5)`.
 * - O(links marked + zones); unreachable zones mark nothing.
 * Never throws.
 * @example
 * // 0 →(10) 1 →(30) 2 and 0 →(50) 2: paths from zone 0 to zones 1 and 2 use links 0 and 1, not 2
 * zonePathLinks(ws, csr, Int32Array.of(0, 1, 2), bits, 0); // bits[0] === 0b011
 */
export function zonePathLinks(ws: DijkstraWorkspace, csr: Csr, zoneNodes: Int32Array, bits: Int32Array, bitOffset: number): void {
  const pred = ws.predecessorLinks;
  const from = csr.linkFromNodes;
  for (let j = 0; j < zoneNodes.length; j++) {
    let link = pred[zoneNodes[j]];
    while (link >= 0) {
      const word = bitOffset + (link >>> 5);
      const mask = 1 << (link & 31);
      if ((bits[word] & mask) !== 0) break; // the rest of the path to the origin is marked already
      bits[word] |= mask;
      link = pred[from[link]];
    }
  }
}
