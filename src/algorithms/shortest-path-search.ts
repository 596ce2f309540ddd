/**
 * The shortest-path search factory: `createShortestPathSearch(csr)` allocates every workspace once, then its
 * methods answer single-source, isochrone, point-to-point and skim queries without further allocation.
 *
 * Shape follows ngraph.path (`aStar(graph, options).find(from, to)`): heavy setup in the factory, cheap queries as
 * methods. Arguments are validated at each method's entry (UsageError with a code); the kernels never check.
 * One search object is single-threaded state: use one per worker.
 * @see ngraph.path `a-star/a-star.js` (factory + query; `blocked` for closures, here the `closed` mask).
 */
import { UsageError } from "../errors.ts";
import { aStarPath, createAStarWorkspace, createGreatCircleHeuristic, type AStarWorkspace, type GreatCircleHeuristic } from "./a-star.ts";
import { bidirectionalPath, createBidirectionalWorkspace, type BidirectionalWorkspace } from "./bidirectional.ts";
import type { Csr } from "./csr.ts";
import { aStarLandmarksPath, createLandmarkWorkspace, type LandmarkWorkspace, type Landmarks } from "./landmarks.ts";
import { createDijkstraWorkspace, runDijkstra } from "./dijkstra.ts";
import type { ShortestPath } from "./path.ts";
import { pointToPointPath } from "./point-to-point.ts";
import { checkNodeIndex, checkNodeList, resolveClosed, resolveCutoff, type SearchOptions } from "./search-arguments.ts";
import { skimCosts } from "./skim.ts";

/** Options of {@link createShortestPathSearch}. */
export interface ShortestPathSearchOptions {
  /** Float64Array(nodeCount): node longitudes, degrees; with `lat`, enables `pathAStar`. NaN = missing. */
  lon?: Float64Array;
  /** Float64Array(nodeCount): node latitudes, degrees. */
  lat?: Float64Array;
  /** Precomputed landmarks (`createLandmarks(csr, count)`) to enable `pathLandmarks`; shareable between searches. */
  landmarks?: Landmarks;
}

/**
 * Result of {@link ShortestPathSearch.singleSource}: views into the search's workspace, valid until the next query
 * on the same search object (copy with `.slice()` to keep them).
 */
export interface SingleSourceView {
  /** Float64Array(nodeCount): least cost from the origin (cost unit); Infinity = unreachable or beyond cutoff. */
  readonly costs: Float64Array;
  /** Int32Array(nodeCount): link index of the last link on the best path; −1 for the origin and unreachable nodes. */
  readonly predecessorLinks: Int32Array;
  /** Int32Array: the reached nodes in ascending cost (ties by node index); its length is the number reached. */
  readonly reachedNodes: Int32Array;
}

/** Nodes within a cutoff of an origin (a fresh copy, owned by the caller). */
export interface Isochrone {
  /** Int32Array: reached node indexes in ascending cost (ties by node index); the origin first. */
  nodes: Int32Array;
  /** Float64Array, same length: least cost of each node in `nodes` (cost unit), all ≤ cutoff. */
  costs: Float64Array;
}

/** A reusable shortest-path search over one {@link Csr}. */
export interface ShortestPathSearch {
  /** The network searched. Its `closed` mask is read at every query (the default when no `closed` option is given). */
  readonly csr: Csr;
  /**
   * Least costs and predecessor links from `origin` to every node (optionally bounded by `cutoff`).
   * @throws UsageError `invalid-node-index`, `invalid-cutoff`, `invalid-closed-mask`.
   * @example search.singleSource(0).costs // [0, 4, 10] on the 3-node example of createShortestPathSearch
   */
  singleSource(origin: number, options?: SearchOptions): SingleSourceView;
  /**
   * The isochrone of `origin`: every node whose least cost is ≤ `cutoff`, with its cost, ascending.
   * @param cutoff cost bound, ≥ 0 (required; use singleSource for an unbounded search)
   * @throws UsageError `invalid-node-index`, `invalid-cutoff` (also when cutoff is undefined), `invalid-closed-mask`.
   * @example search.isochrone(0, 5) // { nodes: [0, 1], costs: [0, 4] }
   */
  isochrone(origin: number, cutoff: number, options?: Pick<SearchOptions, "closed">): Isochrone;
  /**
   * Least-cost path by Dijkstra with early exit (same path as singleSource's predecessor tree).
   * `cutoff` makes destinations costing more unreachable. `undefined` when unreachable.
   * @throws UsageError `invalid-node-index`, `invalid-cutoff`, `invalid-closed-mask`.
   * @example search.path(0, 2) // { cost: 10, links: [0, 1], nodes: [0, 1, 2] }
   */
  path(origin: number, destination: number, options?: SearchOptions): ShortestPath | undefined;
  /**
   * Least-cost path by bidirectional Dijkstra (builds the reverse CSR on first use). `undefined` when unreachable.
   * @throws UsageError `invalid-node-index`, `invalid-closed-mask`.
   * @example search.pathBidirectional(0, 2)?.cost // 10
   */
  pathBidirectional(origin: number, destination: number, options?: Pick<SearchOptions, "closed">): ShortestPath | undefined;
  /**
   * Least-cost path by A* with the great-circle bound (needs `lon`/`lat` for every node). `undefined` when unreachable.
   * @throws UsageError `missing-coordinates` (no or incomplete coordinates), `invalid-node-index`, `invalid-closed-mask`.
   * @example createShortestPathSearch(csr, { lon, lat }).pathAStar(0, 2)?.cost // 10
   */
  pathAStar(origin: number, destination: number, options?: Pick<SearchOptions, "closed">): ShortestPath | undefined;
  /**
   * Least-cost path by A* with landmark bounds (ALT; needs `landmarks`). `undefined` when unreachable.
   * @throws UsageError `missing-landmarks` (no landmarks given), `invalid-node-index`, `invalid-closed-mask`.
   * @example createShortestPathSearch(csr, { landmarks: createLandmarks(csr, 2) }).pathLandmarks(0, 2)?.cost // 10
   */
  pathLandmarks(origin: number, destination: number, options?: Pick<SearchOptions, "closed">): ShortestPath | undefined;
  /**
   * Many-to-many skim: Float64Array(origins.length × destinations.length), row-major (row = origin), least costs,
   * Infinity when unreachable or beyond cutoff. Written into `out` when given (it must have that length).
   * @throws UsageError `invalid-node-index` (naming the entry), `invalid-cutoff`, `invalid-closed-mask`, `invalid-argument`.
   * @example search.skim([0, 2], [1, 2]) // Float64Array [4, 10, Infinity, 0]
   */
  skim(origins: ArrayLike<number>, destinations: ArrayLike<number>, options?: SearchOptions, out?: Float64Array): Float64Array;
}

/**
 * Creates a reusable search over `csr`: one Dijkstra workspace (≈ 28 bytes per node) now, the bidirectional and
 * A* workspaces on first use.
 * @param csr network in CSR form
 * @param options `lon`/`lat` (degrees, Float64Array(nodeCount)) to enable `pathAStar`; `landmarks` to enable
 *   `pathLandmarks`
 * @throws UsageError `invalid-argument` when only one of lon/lat is given, a length differs from nodeCount, or the
 *   landmarks belong to another network.
 * @example
 * // 0 →(4) 1 →(6) 2 and 0 →(12) 2
 * const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));
 * const search = createShortestPathSearch(csr);
 * search.singleSource(0).costs // Float64Array [0, 4, 10]
 * search.path(0, 2)            // { cost: 10, links: Int32Array [0, 1], nodes: Int32Array [0, 1, 2] }
 * search.path(2, 0)            // undefined
 */
export function createShortestPathSearch(csr: Csr, options: ShortestPathSearchOptions = {}): ShortestPathSearch {
  const { lon, lat, landmarks } = options;
  if (landmarks !== undefined && (landmarks.fromLandmark.length !== csr.nodeCount * landmarks.count || landmarks.toLandmark.length !== csr.nodeCount * landmarks.count)) {
    throw new UsageError("createShortestPathSearch: landmarks were computed for another network (array lengths differ)", "invalid-argument");
  }
  if ((lon === undefined) !== (lat === undefined)) {
    throw new UsageError("createShortestPathSearch: give both lon and lat, or neither", "invalid-argument");
  }
  if (lon !== undefined && lat !== undefined && (lon.length !== csr.nodeCount || lat.length !== csr.nodeCount)) {
    throw new UsageError(`createShortestPathSearch: lon and lat must have length nodeCount = ${csr.nodeCount}`, "invalid-argument");
  }
  const ws = createDijkstraWorkspace(csr.nodeCount);
  let bidirectional: BidirectionalWorkspace | undefined;
  let aStar: { workspace: AStarWorkspace; heuristic: GreatCircleHeuristic } | undefined;
  let targetMask: Uint8Array | undefined;
  let landmarkWorkspace: LandmarkWorkspace | undefined;

  return {
    csr,
    singleSource(origin, searchOptions = {}) {
      checkNodeIndex(csr, origin, "origin");
      const cutoff = resolveCutoff(searchOptions.cutoff);
      const closed = resolveClosed(csr, searchOptions.closed);
      runDijkstra(ws, csr, origin, cutoff, closed, -1, undefined, 0);
      return { costs: ws.costs, predecessorLinks: ws.predecessorLinks, reachedNodes: ws.settled.subarray(0, ws.settledCount) };
    },
    isochrone(origin, cutoff, searchOptions = {}) {
      checkNodeIndex(csr, origin, "origin");
      if (cutoff === undefined) throw new UsageError("isochrone: cutoff is required (use singleSource for no cutoff)", "invalid-cutoff");
      const bound = resolveCutoff(cutoff);
      const closed = resolveClosed(csr, searchOptions.closed);
      runDijkstra(ws, csr, origin, bound, closed, -1, undefined, 0);
      const nodes = ws.settled.slice(0, ws.settledCount);
      const costs = new Float64Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) costs[i] = ws.costs[nodes[i]];
      return { nodes, costs };
    },
    path(origin, destination, searchOptions = {}) {
      checkNodeIndex(csr, origin, "origin");
      checkNodeIndex(csr, destination, "destination");
      const cutoff = resolveCutoff(searchOptions.cutoff);
      const closed = resolveClosed(csr, searchOptions.closed);
      return pointToPointPath(ws, csr, origin, destination, closed, cutoff);
    },
    pathBidirectional(origin, destination, searchOptions = {}) {
      checkNodeIndex(csr, origin, "origin");
      checkNodeIndex(csr, destination, "destination");
      const closed = resolveClosed(csr, searchOptions.closed);
      bidirectional ??= createBidirectionalWorkspace(csr);
      return bidirectionalPath(bidirectional, csr, origin, destination, closed);
    },
    pathAStar(origin, destination, searchOptions = {}) {
      if (lon === undefined || lat === undefined) {
        throw new UsageError("pathAStar needs node coordinates: createShortestPathSearch(csr, { lon, lat })", "missing-coordinates");
      }
      checkNodeIndex(csr, origin, "origin");
      checkNodeIndex(csr, destination, "destination");
      const closed = resolveClosed(csr, searchOptions.closed);
      aStar ??= { workspace: createAStarWorkspace(csr.nodeCount), heuristic: createGreatCircleHeuristic(csr, lon, lat) };
      return aStarPath(aStar.workspace, csr, aStar.heuristic, origin, destination, closed);
    },
    pathLandmarks(origin, destination, searchOptions = {}) {
      if (landmarks === undefined) {
        throw new UsageError("pathLandmarks needs landmarks: createShortestPathSearch(csr, { landmarks: createLandmarks(csr, k) })", "missing-landmarks");
      }
      checkNodeIndex(csr, origin, "origin");
      checkNodeIndex(csr, destination, "destination");
      const closed = resolveClosed(csr, searchOptions.closed);
      landmarkWorkspace ??= createLandmarkWorkspace(csr.nodeCount, landmarks);
      return aStarLandmarksPath(landmarkWorkspace, csr, landmarks, origin, destination, closed);
    },
    skim(origins, destinations, searchOptions = {}, out) {
      const originList = checkNodeList(csr, origins, "origins");
      const destinationList = checkNodeList(csr, destinations, "destinations");
      const cutoff = resolveCutoff(searchOptions.cutoff);
      const closed = resolveClosed(csr, searchOptions.closed);
      const size = originList.length * destinationList.length;
      if (out !== undefined && out.length !== size) {
        throw new UsageError(`skim: out must have length origins × destinations = ${size} (got ${out.length})`, "invalid-argument");
      }
      targetMask ??= new Uint8Array(csr.nodeCount);
      return skimCosts(ws, csr, originList, destinationList, cutoff, closed, out ?? new Float64Array(size).fill(Infinity), targetMask);
    },
  };
}
