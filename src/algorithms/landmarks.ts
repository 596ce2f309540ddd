/**
 * A* with landmarks (ALT): lower bounds from precomputed least costs to and from a few landmark nodes, by the
 * triangle inequality; for networks without coordinates (DIMACS NY) or where a great-circle bound is weak.
 *
 * h(v) = max over landmarks L of max(d(L, t) − d(L, v), d(v, L) − d(t, L)), t the destination. Each term is a
 * consistent lower bound of d(v, t), so A* settles every node at its final cost and stops at the destination.
 * Landmark costs are computed with every link open (the `closed` mask ignored): closing links later only raises true
 * costs, so the bounds stay admissible and consistent under any closures — N-1 criticality needs no re-preprocessing.
 * A cost change (new Csr) does need new landmarks. Landmarks are chosen by the "farthest" rule: each next landmark is
 * the node whose least cost from the chosen ones is largest (unreached nodes first, ties by smaller index).
 *
 * Costs are exact for integer link costs; with fractional costs the bound can be off by rounding (≈ 1e-15 relative),
 * which at worst returns a path longer than the best by that much.
 * @see A. V. Goldberg, C. Harrelson (2005), "Computing the shortest path: A* search meets graph theory", SODA 2005,
 *   sections 4–6 (ALT bounds, farthest landmark selection).
 */
import { UsageError } from "../errors.ts";
import { reverseCsr, type Csr } from "./csr.ts";
import { clearDijkstraWorkspace, createDijkstraWorkspace, runDijkstra, type DijkstraWorkspace } from "./dijkstra.ts";
import { pathLinks, shortestPathFromLinks, type ShortestPath } from "./path.ts";

/** Precomputed landmark costs. Arrays are node-major: entry v · count + i is about node v and landmark i. */
export interface Landmarks {
  /** Number of landmarks k, ≥ 1. */
  readonly count: number;
  /** Int32Array(k): the landmark node indexes, in selection order. */
  readonly nodes: Int32Array;
  /** Float64Array(n · k): least cost from landmark i to node v (Infinity = unreachable), all links open. */
  readonly fromLandmark: Float64Array;
  /** Float64Array(n · k): least cost from node v to landmark i (Infinity = unreachable), all links open. */
  readonly toLandmark: Float64Array;
}

/**
 * Chooses `count` landmarks by the farthest rule and computes least costs to and from each (2 · count single-source
 * searches, all links open). Memory: 16 · count bytes per node (NY, 8 landmarks: 34 MB).
 * @param count number of landmarks, integer 1 … 64 (at most nodeCount)
 * @param start node the farthest rule starts from (default 0)
 * @throws UsageError code `invalid-argument` for a bad count or start; `invalid-node-index` for an empty network.
 * @example createLandmarks(csr, 8).nodes // Int32Array of 8 node indexes, the first the farthest from node 0
 */
export function createLandmarks(csr: Csr, count: number, start = 0): Landmarks {
  const n = csr.nodeCount;
  if (!Number.isInteger(count) || count < 1 || count > 64 || count > n) {
    throw new UsageError(`landmark count must be an integer in 1 … min(64, nodeCount = ${n}) (got ${count})`, "invalid-argument");
  }
  if (!Number.isInteger(start) || start < 0 || start >= n) {
    throw new UsageError(`landmark start must be a node index in 0 … ${n - 1} (got ${start})`, "invalid-argument");
  }
  const open = new Uint8Array(csr.linkCount);
  const reverse = reverseCsr(csr);
  const ws = createDijkstraWorkspace(n);
  const nodes = new Int32Array(count);
  const fromLandmark = new Float64Array(n * count);
  const toLandmark = new Float64Array(n * count);
  // nearest[v] = least cost from the chosen landmarks (or from `start` before the first is chosen).
  const nearest = new Float64Array(n).fill(Infinity);
  runDijkstra(ws, csr, start, Infinity, open, -1, undefined, 0);
  nearest.set(ws.costs);
  for (let i = 0; i < count; i++) {
    const landmark = farthest(nearest);
    nodes[i] = landmark;
    runDijkstra(ws, csr, landmark, Infinity, open, -1, undefined, 0);
    const costs = ws.costs;
    for (let v = 0; v < n; v++) {
      fromLandmark[v * count + i] = costs[v];
      if (i === 0 || costs[v] < nearest[v]) nearest[v] = costs[v];
    }
    nearest[landmark] = -1; // never chosen twice
    runDijkstra(ws, reverse, landmark, Infinity, open, -1, undefined, 0);
    const back = ws.costs;
    for (let v = 0; v < n; v++) toLandmark[v * count + i] = back[v];
  }
  return { count, nodes, fromLandmark, toLandmark };
}

/** Index of the largest entry (Infinity counts as largest; ties → smaller index). */
function farthest(values: Float64Array): number {
  let best = 0;
  for (let v = 1; v < values.length; v++) if (values[v] > values[best]) best = v;
  return best;
}

/** Workspace of a landmark A* search: a Dijkstra workspace (heap keyed by g + h) and cached h values. */
export interface LandmarkWorkspace {
  readonly search: DijkstraWorkspace;
  /** Float64Array(n): h(v) for the current destination, NaN until computed. */
  readonly estimates: Float64Array;
  /** Float64Array(2k): the destination's landmark costs for the current query. */
  readonly target: Float64Array;
}

/**
 * Allocates a landmark A* workspace.
 * @example createLandmarkWorkspace(csr.nodeCount, landmarks).estimates.length === csr.nodeCount // true
 */
export function createLandmarkWorkspace(nodeCount: number, landmarks: Landmarks): LandmarkWorkspace {
  return {
    search: createDijkstraWorkspace(nodeCount),
    estimates: new Float64Array(nodeCount).fill(NaN),
    target: new Float64Array(2 * landmarks.count),
  };
}

/**
 * Least-cost path from `origin` to `destination` by A* with landmark bounds.
 *
 * Contract
 * - `landmarks` were computed for `csr` (same costs; any closed mask);
 * - origin, destination: node indexes; `closed`: Uint8Array(linkCount), nonzero = closed;
 * - returns `undefined` when unreachable; origin = destination gives cost 0 and no links;
 * - the cost is exact for integer link costs (see the module header for fractional costs).
 * Never throws: arguments are checked by `createShortestPathSearch(csr, { landmarkCount }).pathLandmarks`.
 * @example aStarLandmarksPath(lw, csr, createLandmarks(csr, 2), 0, 2, csr.closed)?.cost // 10 on the 3-node example
 */
export function aStarLandmarksPath(
  lw: LandmarkWorkspace,
  csr: Csr,
  landmarks: Landmarks,
  origin: number,
  destination: number,
  closed: Uint8Array,
): ShortestPath | undefined {
  const ws = lw.search;
  resetEstimates(lw.estimates, ws.settled, ws.settledCount);
  resetEstimates(lw.estimates, ws.heap.items, ws.heap.size);
  clearDijkstraWorkspace(ws);
  const k = landmarks.count;
  for (let i = 0; i < k; i++) {
    lw.target[i] = landmarks.fromLandmark[destination * k + i];
    lw.target[k + i] = landmarks.toLandmark[destination * k + i];
  }
  // The loop is a separate function so that only `return` follows it (see runDijkstra on V8 on-stack replacement).
  ws.settledCount = landmarkLoop(ws, lw.estimates, lw.target, csr, landmarks, origin, destination, closed);
  if (ws.costs[destination] === Infinity || ws.heap.positions[destination] >= 0) return undefined;
  const links = pathLinks(csr, ws.predecessorLinks, origin, destination);
  return links === undefined ? undefined : shortestPathFromLinks(csr, links, origin);
}

/** Sets estimates[nodes[i]] = NaN for i < count. */
function resetEstimates(estimates: Float64Array, nodes: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) estimates[nodes[i]] = NaN;
}

/** The landmark lower bound of d(v, destination); Infinity when v cannot reach the destination. */
function landmarkBound(landmarks: Landmarks, target: Float64Array, v: number): number {
  const k = landmarks.count;
  const from = landmarks.fromLandmark;
  const to = landmarks.toLandmark;
  const base = v * k;
  let h = 0;
  for (let i = 0; i < k; i++) {
    // NaN (Infinity − Infinity: no information) fails both comparisons and is ignored.
    const a = target[i] - from[base + i];
    if (a > h) h = a;
    const b = to[base + i] - target[k + i];
    if (b > h) h = b;
  }
  return h;
}

function landmarkLoop(
  ws: DijkstraWorkspace,
  estimates: Float64Array,
  target: Float64Array,
  csr: Csr,
  landmarks: Landmarks,
  origin: number,
  destination: number,
  closed: Uint8Array,
): number {
  const { offsets, targets, arcCosts, arcLinks } = csr;
  const { costs, predecessorLinks, settled, heap } = ws;
  const positions = heap.positions;
  let settledCount = 0;
  const h0 = landmarkBound(landmarks, target, origin);
  if (h0 === Infinity) return 0; // the destination is unreachable from the origin even with every link open
  costs[origin] = 0;
  estimates[origin] = h0;
  heap.push(origin, h0);
  while (heap.size > 0) {
    const u = heap.pop();
    settled[settledCount++] = u;
    if (u === destination) break;
    const costU = costs[u];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = targets[k];
      const cost = costU + arcCosts[k];
      const costV = costs[v];
      if (cost < costV) {
        const link = arcLinks[k];
        if (closed[link] !== 0) continue;
        if (costV !== Infinity && positions[v] < 0) continue; // settled: final under a consistent bound
        let h = estimates[v];
        if (h !== h) {
          h = landmarkBound(landmarks, target, v);
          // v cannot reach the destination: not labelled, and not cached (only labelled nodes are reset per query).
          if (h === Infinity) continue;
          estimates[v] = h;
        }
        costs[v] = cost;
        predecessorLinks[v] = link;
        if (costV === Infinity) heap.push(v, cost + h);
        else heap.decrease(v, cost + h);
      } else if (cost === costV && cost !== Infinity) {
        const link = arcLinks[k];
        if (closed[link] === 0 && link < predecessorLinks[v] && positions[v] >= 0) predecessorLinks[v] = link;
      }
    }
  }
  return settledCount;
}
