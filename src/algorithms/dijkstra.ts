/**
 * Dijkstra's single-source search on a {@link Csr}: least costs and predecessor links from one origin, with an
 * optional cutoff (the isochrone primitive), early exit at a destination or a set of targets, and a closed mask.
 *
 * Semantics (shared by every search in src/algorithms):
 * - costs ≥ 0, zero allowed; `Infinity` cost or a closed link = impassable; unreachable = `Infinity`, never 0 or null;
 * - a node is reached when its least cost is ≤ cutoff; cutoff `Infinity` (or none) = unbounded;
 * - parallel links: the cheapest wins; equal-cost ties go to the smallest link index (see below);
 * - costs are the left-to-right float sum of link costs along the best path, i.e. exactly
 *   min over paths of ((c1 + c2) + c3) + …, whatever the scan order.
 *
 * Determinism: the heap pops by (cost, node index). A node's predecessor link is the smallest link index among its
 * tight in-links (cost[u] + c = cost[v]) whose from-node was settled before it. With positive costs every tight
 * in-link qualifies, so predecessors depend on costs and link indexes only, not on the order arcs are scanned or
 * nodes are pushed; with zero-cost links, "settled before" follows the (cost, node index) pop order.
 *
 * Workspace: searches reuse one {@link DijkstraWorkspace} (costs, predecessor links, heap, settled list), reset in
 * O(nodes touched by the previous run), so thousands of searches allocate nothing.
 *
 * Performance (bench/README.md, DIMACS NY with seeded weights, 264,346 nodes, paired runs against a C++
 * std::priority_queue Dijkstra compiled with g++ -O2 doing the same work): single-source 1.21–1.28× the C++ time,
 * cutoff-bounded 1.13–1.28×, 58× faster than graphology-shortest-path's singleSource. Measured to matter: the
 * bottom-up heap pop (heap.ts, ≈ 6 %). Also done, without a separately measurable effect on this noisy machine:
 * cutoff and closure are checked only on arcs that improve a label; every hot loop sits in a function with nothing
 * but `return` after it — V8 compiles a long first call by on-stack replacement, and a property store after the
 * loop, never executed before that compile, deoptimised the code at the end of every later call (`--trace-deopt`).
 * @see E. W. Dijkstra (1959), "A note on two problems in connexion with graphs", Numerische Mathematik 1, 269–271.
 */
import { UsageError } from "../errors.ts";
import type { Csr } from "./csr.ts";
import { IndexedMinHeap } from "./heap.ts";
import { checkNodeIndex, resolveClosed, resolveCutoff, type SearchOptions } from "./search-arguments.ts";

/** Reusable state of a Dijkstra search over a network of `nodeCount` nodes. */
export interface DijkstraWorkspace {
  /** Number of nodes n the workspace is sized for. */
  readonly nodeCount: number;
  /**
   * Float64Array(n), node index: least cost of every node settled by the last run; `Infinity` for nodes not reached.
   * After an early exit, nodes labelled but not settled hold tentative costs: read only settled nodes then.
   */
  readonly costs: Float64Array;
  /** Int32Array(n), node index: link index of the last link on the best path, −1 for the origin and unreached nodes. */
  readonly predecessorLinks: Int32Array;
  /** Int32Array(n): entries 0 … settledCount − 1 are the settled nodes in settle order (ascending cost). */
  readonly settled: Int32Array;
  /** Number of nodes settled by the last run. */
  settledCount: number;
  /** The priority queue (nodes labelled but not settled remain in it after an early exit). */
  readonly heap: IndexedMinHeap;
}

/**
 * Allocates a workspace for networks of `nodeCount` nodes (≈ 28 bytes per node).
 * @param nodeCount n, integer ≥ 0
 * @example createDijkstraWorkspace(3).costs // Float64Array [Infinity, Infinity, Infinity]
 */
export function createDijkstraWorkspace(nodeCount: number): DijkstraWorkspace {
  return {
    nodeCount,
    costs: new Float64Array(nodeCount).fill(Infinity),
    predecessorLinks: new Int32Array(nodeCount).fill(-1),
    settled: new Int32Array(nodeCount),
    settledCount: 0,
    heap: new IndexedMinHeap(nodeCount),
  };
}

/**
 * Restores a workspace to "nothing reached" in O(nodes touched by the last run): every node labelled by it is
 * either settled (in `settled`) or still in the heap. When the last run touched more than a quarter of the nodes,
 * sequential fills are used instead (cheaper than scattered writes).
 * @example clearDijkstraWorkspace(ws); ws.settledCount // 0
 */
export function clearDijkstraWorkspace(ws: DijkstraWorkspace): void {
  const heap = ws.heap;
  if (4 * (ws.settledCount + heap.size) > ws.nodeCount) {
    ws.costs.fill(Infinity);
    ws.predecessorLinks.fill(-1);
  } else {
    resetNodes(ws.costs, ws.predecessorLinks, ws.settled, ws.settledCount);
    resetNodes(ws.costs, ws.predecessorLinks, heap.items, heap.size);
  }
  heap.clear();
  ws.settledCount = 0;
}

/** Sets costs to Infinity and predecessors to −1 for nodes[0 … count − 1]. (A separate function: see runDijkstra.) */
function resetNodes(costs: Float64Array, predecessorLinks: Int32Array, nodes: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) {
    const v = nodes[i];
    costs[v] = Infinity;
    predecessorLinks[v] = -1;
  }
}

/**
 * The Dijkstra kernel: clears `ws`, then searches from `origin` until the heap is empty, `destination` is settled,
 * or every node with `targetMask[node] === 1` is settled (`targetCount` of them). Results are left in `ws`.
 *
 * Contract
 * - `ws.nodeCount === csr.nodeCount`; origin and destination are valid node indexes (destination −1 = none);
 * - `cutoff` ≥ 0 or Infinity, in the csr's cost unit; labels above it are never made;
 * - `closed`: Uint8Array(linkCount), nonzero = closed;
 * - `targetMask` (Uint8Array(n), 1 = target) with `targetCount` ≥ 1 distinct targets, or `undefined`;
 * - O((n + m) log n) time; no allocation.
 * Never throws: arguments are checked by the public wrappers ({@link singleSourceCosts}, createShortestPathSearch).
 * @example
 * const csr = buildCsr(3, Int32Array.of(0, 1), Int32Array.of(1, 2), Float64Array.of(4, 6));
 * const ws = createDijkstraWorkspace(3);
 * runDijkstra(ws, csr, 0, Infinity, csr.closed, -1, undefined, 0); // ws.costs = [0, 4, 10]
 */
export function runDijkstra(
  ws: DijkstraWorkspace,
  csr: Csr,
  origin: number,
  cutoff: number,
  closed: Uint8Array,
  destination: number,
  targetMask: Uint8Array | undefined,
  targetCount: number,
): void {
  clearDijkstraWorkspace(ws);
  // The loop lives in its own function so that nothing but `return` follows it: V8 optimises a long first call by
  // on-stack replacement, and a property store after the loop (never run before that compile) deoptimised the OSR
  // code at the end of every call (seen with --trace-deopt on NY).
  ws.settledCount = dijkstraLoop(ws, csr, origin, cutoff, closed, destination, targetMask, targetCount);
}

function dijkstraLoop(
  ws: DijkstraWorkspace,
  csr: Csr,
  origin: number,
  cutoff: number,
  closed: Uint8Array,
  destination: number,
  targetMask: Uint8Array | undefined,
  targetCount: number,
): number {
  const { offsets, targets, arcCosts, arcLinks } = csr;
  const { costs, predecessorLinks, settled, heap } = ws;
  const positions = heap.positions;
  let settledCount = 0;
  let remaining = targetCount;
  costs[origin] = 0;
  heap.push(origin, 0);
  while (heap.size > 0) {
    const u = heap.pop();
    settled[settledCount++] = u;
    if (u === destination) break;
    if (targetMask !== undefined && targetMask[u] === 1 && --remaining === 0) break;
    const costU = costs[u];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = targets[k];
      const cost = costU + arcCosts[k];
      const costV = costs[v];
      if (cost < costV) {
        // Cutoff and closure are checked only for improving arcs (most arcs are not): fewer loads per arc.
        if (cost > cutoff) continue;
        const link = arcLinks[k];
        if (closed[link] !== 0) continue;
        costs[v] = cost;
        predecessorLinks[v] = link;
        if (costV === Infinity) heap.push(v, cost);
        else heap.decrease(v, cost);
      } else if (cost === costV && cost !== Infinity) {
        // Equal-cost tie (rare): keep the smallest open link index while v is still in the heap (not settled).
        const link = arcLinks[k];
        if (closed[link] === 0 && link < predecessorLinks[v] && positions[v] >= 0) predecessorLinks[v] = link;
      }
    }
  }
  return settledCount;
}

/** Least costs and predecessor links from one origin (arrays of length nodeCount, indexed by node index). */
export interface SingleSourceResult {
  /** Float64Array(n): least cost from the origin, in the csr's cost unit; `Infinity` = unreachable (or beyond cutoff). */
  costs: Float64Array;
  /** Int32Array(n): compiled link index of the last link on the best path; −1 for the origin and unreachable nodes. */
  predecessorLinks: Int32Array;
}

const workspaces = new WeakMap<Csr, DijkstraWorkspace>();

/**
 * Single-source least costs from `origin` to every node, with optional cutoff and closed mask: the isochrone
 * primitive. Convenience wrapper over {@link runDijkstra} with a workspace cached per csr; for many searches use
 * `createShortestPathSearch(csr).singleSource`, which returns views and copies nothing.
 *
 * @param csr network in CSR form
 * @param origin node index, 0 … nodeCount − 1
 * @param options `cutoff` (cost unit, ≥ 0; undefined = unbounded), `closed` (Uint8Array(linkCount); default csr.closed)
 * @param out optional arrays of length nodeCount to write into (returned); fresh arrays otherwise
 * @returns `{ costs, predecessorLinks }`: costs[origin] = 0; unreachable or beyond cutoff = Infinity with predecessor −1
 * @throws UsageError code `invalid-node-index` (bad origin), `invalid-cutoff` (NaN, negative, non-number),
 *   `invalid-closed-mask` (wrong type or length), `invalid-argument` (out arrays of the wrong length).
 * @example
 * // 0 →(4) 1 →(6) 2, plus a direct 0 →(12) 2
 * const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));
 * singleSourceCosts(csr, 0)             // { costs: [0, 4, 10], predecessorLinks: [-1, 0, 1] }
 * singleSourceCosts(csr, 0, { cutoff: 5 }) // { costs: [0, 4, Infinity], predecessorLinks: [-1, 0, -1] }
 */
export function singleSourceCosts(
  csr: Csr,
  origin: number,
  options: SearchOptions = {},
  out?: SingleSourceResult,
): SingleSourceResult {
  checkNodeIndex(csr, origin, "origin");
  const cutoff = resolveCutoff(options.cutoff);
  const closed = resolveClosed(csr, options.closed);
  const n = csr.nodeCount;
  if (out !== undefined && (out.costs.length !== n || out.predecessorLinks.length !== n)) {
    throw new UsageError(`out.costs and out.predecessorLinks must have length nodeCount = ${n}`, "invalid-argument");
  }
  let ws = workspaces.get(csr);
  if (ws === undefined) {
    ws = createDijkstraWorkspace(n);
    workspaces.set(csr, ws);
  }
  runDijkstra(ws, csr, origin, cutoff, closed, -1, undefined, 0);
  const result = out ?? { costs: new Float64Array(n), predecessorLinks: new Int32Array(n) };
  result.costs.set(ws.costs);
  result.predecessorLinks.set(ws.predecessorLinks);
  return result;
}
