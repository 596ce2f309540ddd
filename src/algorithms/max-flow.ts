/**
 * Maximum flow and a minimum cut between two sets of nodes of a link-list graph with per-link capacities (veh/h, MW,
 * trains/day: any one unit), by FIFO push-relabel with global relabelling, on typed arrays and without recursion.
 *
 * Design
 * - Several sources and sinks act as if a super source fed every source and every sink drained into a super sink
 *   without limit. No extra arcs are built: sources are held at height nodeCount and sinks at 0, and links into a
 *   source or out of a sink are left out (they can carry no useful flow and never cross a cut from source to sink side).
 *   So no flow enters a source or leaves a sink.
 * - Residual arcs: link i gives arc 2i (from → to, residual = capacity − flow) and arc 2i+1 (to → from,
 *   residual = flow); adjacency entries per node are in ascending arc id. One pass both finds the maximum preflow and
 *   returns the excess that cannot reach a sink to the sources (heights ≥ nodeCount = nodeCount + distance to a
 *   source), so the result is a flow, not a preflow. Global relabelling (exact heights by two breadth-first searches
 *   from the sinks, then from the sources) runs after every ~6·nodeCount + entries/2 units of relabel work.
 * - Determinism: the active-node queue is FIFO, seeded in ascending source order, and arcs are scanned in ascending
 *   arc id, so the same inputs give the same flows byte for byte. `sourceSide` is moreover the same for every maximum
 *   flow: the nodes reachable from the sources in the final residual graph form the smallest source side among all
 *   minimum cuts (Picard & Queyranne 1980, "On the structure of all minimum cuts in a network and applications",
 *   Math. Programming Study 13:8–16).
 * - Floating point: a residual r on link i counts as usable only when r > ε · c_i, with ε = {@link MAX_FLOW_EPSILON}
 *   = 1e-12 and c_i the link's capacity (for an uncapacitated link, the largest finite capacity in the graph). Pushes
 *   that empty an excess or saturate an arc set it to exactly 0, so termination does not depend on rounding. A node
 *   whose excess can go nowhere (possible only through rounding) drops it. With integer capacities whose sum stays
 *   below 2^52 every operation is exact, and so are the results. With fractional capacities, flow conservation and
 *   `value = Σ capacity(minCutLinks)` hold to about ε relative.
 * - Uncapacitated (`Infinity`) links are allowed. If the sources reach a sink through uncapacitated links only, no finite
 *   cut exists: the result is `value: Infinity` with one such path as witness (see {@link maxFlow}). One breadth-first
 *   search checks this first. Otherwise an uncapacitated link gets the finite stand-in 2 · Σ finite capacities + 1.
 *   That is above every finite cut, so it changes no minimum cut and no arithmetic meets `Infinity`.
 *
 * Choice of algorithm: FIFO push-relabel was faster than a Dinic implementation on every input tried, from
 * networkx's gl1 to a million-node grid (the figures are in bench/README.md, "Evidence behind design choices");
 * Dinic needs one level search per distinct augmenting-path length, which grows with a grid's width. For
 * million-node instances, highest-label selection with the gap heuristic (Cherkassky & Goldberg 1997) is the
 * known next step.
 */
import { UsageError } from "../errors.ts";
import { outAdjacency, validateLinkGraph, type Adjacency } from "./link-graph.ts";

/**
 * Relative tolerance ε: a residual r on link i is treated as zero when r ≤ ε · c_i (c_i = capacity, or the largest
 * finite capacity for uncapacitated links). 1e-12 is ~4,500 ulps, far above rounding noise and far below any
 * meaningful capacity difference.
 */
export const MAX_FLOW_EPSILON = 1e-12;

/** Result of {@link maxFlow}. */
export interface MaxFlowResult {
  /**
   * Maximum flow value from the sources to the sinks (sum of the flow on links into sinks), in the unit of
   * `capacity`, ≥ 0; `Infinity` when an uncapacitated path joins a source to a sink.
   */
  value: number;
  /** Length `linkCount`, indexed by compiled link index: flow on each link, 0 ≤ linkFlow[i] ≤ capacity[i]. */
  linkFlow: Float64Array;
  /**
   * Length `nodeCount`: 1 for nodes reachable from the sources in the final residual graph, else 0: the source side of
   * the minimum cut (sources included, sinks excluded), the smallest among all minimum cuts.
   */
  sourceSide: Uint8Array;
  /**
   * Compiled link indices of the open links with positive capacity that go from the source side to the sink side,
   * ascending. Their capacities sum to `value`. Empty when `value` is `Infinity` (no finite cut exists).
   */
  minCutLinks: Int32Array;
}

/**
 * Maximum flow from a set of source nodes to a set of sink nodes, with a minimum cut (max-flow/min-cut theorem: the
 * maximum flow value equals the smallest total capacity of links whose removal separates the sources from the sinks).
 *
 * Contract
 * - `fromIndex`/`toIndex`: `Int32Array`s of length `linkCount` (directed links, compiled link index), node indices in
 *   `[0, nodeCount)`; self-loops (carry nothing) and parallel links allowed.
 * - `capacity`: `Float64Array` of length `linkCount`, any unit, each ≥ 0 or `Infinity` (uncapacitated). The capacity
 *   of a closed link is not read.
 * - `sources`, `sinks`: non-empty lists of node indices (repeats allowed); no node in both. The flow behaves as if a
 *   super source fed every source and every sink drained into a super sink, both without limit.
 * - `closed` (optional, length `linkCount`, non-zero = closed): closed links carry nothing.
 * - Results: see {@link MaxFlowResult}. Flow is conserved at every node that is neither source nor sink; no flow enters
 *   a source or leaves a sink; links into a source or out of a sink carry 0 and are never cut links.
 * - Edge cases: no path from the sources to the sinks gives value 0, zero flows, an empty cut and the reachable nodes as
 *   source side. An uncapacitated path gives `value: Infinity`, `linkFlow` = `Infinity` on the links of one such path
 *   (fewest links, ties broken by lower link index) and 0 elsewhere, `sourceSide` = the nodes reachable from the
 *   sources through open links of positive capacity (the sinks reached included, not gone past), and an empty
 *   `minCutLinks`.
 * - Time O(nodeCount³) worst case (FIFO push-relabel), far less in practice (see the module header); memory
 *   O(nodeCount + linkCount).
 *
 * @throws UsageError code `invalid-node-count`, `length-mismatch`, `node-index-out-of-range` (see
 *   `validateLinkGraph`); `invalid-capacity` (NaN or negative capacity on an open link; names the link index);
 *   `invalid-node` (a source or sink that is not a node index); `empty-source-set` / `empty-sink-set`;
 *   `source-sink-overlap` (a node in both sets; names it).
 * @see A. V. Goldberg, R. E. Tarjan (1988), "A new approach to the maximum-flow problem", J. ACM 35(4):921–940
 *   (push-relabel, FIFO selection); B. V. Cherkassky, A. V. Goldberg (1997), "On implementing the push-relabel method
 *   for the maximum flow problem", Algorithmica 19:390–410 (global relabelling); E. A. Dinic (1970), "Algorithm for
 *   solution of a problem of maximum flow in networks with power estimation", Soviet Math. Doklady 11:1277–1280 (the
 *   alternative measured); L. R. Ford, D. R. Fulkerson (1956), "Maximal flow through a network", Canadian J. Math.
 *   8:399–404 (the max-flow/min-cut theorem).
 * @example
 * // 0→1 (cap 3), 0→2 (cap 2), 1→2 (cap 1), 1→3 (cap 2), 2→3 (cap 3); from {0} to {3}:
 * maxFlow(4, Int32Array.of(0, 0, 1, 1, 2), Int32Array.of(1, 2, 2, 3, 3), Float64Array.of(3, 2, 1, 2, 3), [0], [3])
 * // value 5, linkFlow [3, 2, 1, 2, 3], minCutLinks Int32Array [0, 1], sourceSide Uint8Array [1, 0, 0, 0]
 */
export function maxFlow(
  nodeCount: number,
  fromIndex: Int32Array,
  toIndex: Int32Array,
  capacity: Float64Array,
  sources: ArrayLike<number>,
  sinks: ArrayLike<number>,
  closed?: Uint8Array,
): MaxFlowResult {
  const linkCount = validateLinkGraph(nodeCount, fromIndex, toIndex, closed);
  if (!(capacity instanceof Float64Array) || capacity.length !== linkCount) {
    throw new UsageError(`capacity must be a Float64Array of length ${linkCount}`, "length-mismatch");
  }
  const isSource = markNodes(nodeCount, sources, "sources", "empty-source-set");
  const isSink = markNodes(nodeCount, sinks, "sinks", "empty-sink-set");
  for (let v = 0; v < nodeCount; v++) {
    if (isSource[v] === 1 && isSink[v] === 1) {
      throw new UsageError(`node ${v} is both a source and a sink`, "source-sink-overlap");
    }
  }
  const sourceList: number[] = [];
  for (let v = 0; v < nodeCount; v++) if (isSource[v] === 1) sourceList.push(v);

  // Active links: open, not a self-loop, capacity > 0. Validate capacities of open links.
  const active = new Uint8Array(linkCount);
  let maxFiniteCapacity = 0;
  let finiteCapacitySum = 0;
  let anyInfinite = false;
  for (let i = 0; i < linkCount; i++) {
    if (closed !== undefined && closed[i] !== 0) continue;
    const c = capacity[i];
    if (!(c >= 0)) {
      throw new UsageError(
        `link ${i}: capacity[${i}] = ${String(c)} is not a number ≥ 0 (use Infinity for an uncapacitated link)`,
        "invalid-capacity",
      );
    }
    if (c === 0 || fromIndex[i] === toIndex[i]) continue;
    // A link into a source or out of a sink can carry no useful flow (super source/sink view); never used.
    if (isSource[toIndex[i]] === 1 || isSink[fromIndex[i]] === 1) continue;
    active[i] = 1;
    if (c === Infinity) anyInfinite = true;
    else {
      finiteCapacitySum += c;
      if (c > maxFiniteCapacity) maxFiniteCapacity = c;
    }
  }

  const linkFlow = new Float64Array(linkCount);
  if (anyInfinite) {
    const infinite = uncapacitatedPath(nodeCount, fromIndex, toIndex, capacity, active, sourceList, isSink);
    if (infinite !== undefined) {
      for (const i of infinite) linkFlow[i] = Infinity;
      const sourceSide = reachable(nodeCount, fromIndex, toIndex, active, sourceList);
      return { value: Infinity, linkFlow, sourceSide, minCutLinks: new Int32Array(0) };
    }
  }

  // Arcs: 2i = link i forward (residual starts at its capacity), 2i+1 = backward (residual = flow, starts at 0).
  // An uncapacitated link starts with a finite stand-in above every finite cut, 2 · Σ finite capacities + 1, so no
  // minimum cut uses it and no arithmetic meets Infinity. Adjacency entries per node in ascending arc id.
  const standInCapacity = 2 * finiteCapacitySum + 1;
  const tolerance = new Float64Array(linkCount);
  const residual = new Float64Array(2 * linkCount);
  const offsets = new Int32Array(nodeCount + 1);
  let entryCount = 0;
  for (let i = 0; i < linkCount; i++) {
    if (active[i] === 0) continue;
    const c = capacity[i];
    tolerance[i] = MAX_FLOW_EPSILON * (c === Infinity ? maxFiniteCapacity : c);
    residual[2 * i] = c === Infinity ? standInCapacity : c;
    offsets[fromIndex[i] + 1]++;
    offsets[toIndex[i] + 1]++;
    entryCount += 2;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
  const entryArc = new Int32Array(entryCount);
  const entryHead = new Int32Array(entryCount);
  const fill = offsets.slice(0, nodeCount);
  for (let i = 0; i < linkCount; i++) {
    if (active[i] === 0) continue;
    let k = fill[fromIndex[i]]++;
    entryArc[k] = 2 * i;
    entryHead[k] = toIndex[i];
    k = fill[toIndex[i]]++;
    entryArc[k] = 2 * i + 1;
    entryHead[k] = fromIndex[i];
  }

  const unreachedHeight = 2 * nodeCount;
  const height = new Int32Array(nodeCount);
  const excess = new Float64Array(nodeCount);
  const current = new Int32Array(nodeCount);
  const activeQueue = new Int32Array(nodeCount); // FIFO ring of active nodes
  const inQueue = new Uint8Array(nodeCount);
  const bfs = new Int32Array(nodeCount);
  let qHead = 0;
  let qCount = 0;
  const enqueue = (w: number): void => {
    if (inQueue[w] === 1 || isSource[w] === 1 || isSink[w] === 1) return;
    inQueue[w] = 1;
    let tail = qHead + qCount;
    if (tail >= nodeCount) tail -= nodeCount;
    activeQueue[tail] = w;
    qCount++;
  };

  // Exact heights: distance to the nearest sink in the residual graph; failing that, nodeCount + distance to the
  // nearest source; unreachable nodes get 2·nodeCount. Resets the current-arc pointers.
  const globalRelabel = (): void => {
    height.fill(unreachedHeight);
    for (let pass = 0; pass < 2; pass++) {
      let bHead = 0;
      let bTail = 0;
      for (let v = 0; v < nodeCount; v++) {
        if (pass === 0 ? isSink[v] === 1 : isSource[v] === 1) {
          height[v] = pass === 0 ? 0 : nodeCount;
          bfs[bTail++] = v;
        }
      }
      while (bHead < bTail) {
        const w = bfs[bHead++];
        const hw = height[w] + 1;
        for (let k = offsets[w], end = offsets[w + 1]; k < end; k++) {
          const v = entryHead[k];
          if (height[v] !== unreachedHeight) continue;
          const back = entryArc[k] ^ 1; // arc v → w
          if (residual[back] > tolerance[back >> 1] && isSource[v] === 0) {
            height[v] = hw;
            bfs[bTail++] = v;
          }
        }
      }
    }
    current.set(offsets.subarray(0, nodeCount));
  };

  // Preflow: saturate every arc out of the sources, then label.
  for (const s of sourceList) {
    for (let k = offsets[s], end = offsets[s + 1]; k < end; k++) {
      const a = entryArc[k];
      const r = residual[a];
      if (r <= tolerance[a >> 1]) continue;
      const w = entryHead[k];
      residual[a] = 0;
      residual[a ^ 1] += r;
      excess[w] += r;
      enqueue(w);
    }
  }
  globalRelabel();

  // Discharge active nodes in FIFO order; global relabel after about 6·nodeCount + entryCount/2 relabel work.
  const relabelBudget = 6 * nodeCount + (entryCount >> 1);
  let work = 0;
  while (qCount > 0) {
    const v = activeQueue[qHead];
    qHead = qHead + 1 === nodeCount ? 0 : qHead + 1;
    qCount--;
    inQueue[v] = 0;
    const begin = offsets[v];
    const end = offsets[v + 1];
    while (excess[v] > 0) {
      const hv = height[v];
      if (hv >= unreachedHeight) {
        excess[v] = 0; // rounding residue with no way back (impossible in exact arithmetic): dropped
        break;
      }
      let k = current[v];
      for (; k < end; k++) {
        if (height[entryHead[k]] !== hv - 1) continue;
        const a = entryArc[k];
        if (residual[a] > tolerance[a >> 1]) break;
      }
      current[v] = k;
      if (k < end) {
        const a = entryArc[k];
        const w = entryHead[k];
        const r = residual[a];
        const e = excess[v];
        if (e < r) {
          residual[a] = r - e;
          residual[a ^ 1] += e;
          excess[v] = 0;
          excess[w] += e;
        } else {
          residual[a] = 0;
          residual[a ^ 1] += r;
          excess[v] = e - r;
          excess[w] += r;
        }
        enqueue(w);
        continue;
      }
      // Relabel: one above the lowest neighbour over a usable arc.
      let lowest = unreachedHeight;
      for (let j = begin; j < end; j++) {
        const a = entryArc[j];
        if (residual[a] > tolerance[a >> 1] && height[entryHead[j]] < lowest) lowest = height[entryHead[j]];
      }
      height[v] = lowest + 1;
      current[v] = begin;
      work += end - begin + 12;
      if (work > relabelBudget) {
        work = 0;
        globalRelabel();
      }
    }
  }

  // Flow = residual of the backward arc, clamped to [0, capacity] against rounding.
  for (let i = 0; i < linkCount; i++) {
    if (active[i] === 1) linkFlow[i] = Math.min(capacity[i], residual[2 * i + 1]);
  }
  // Source side of a minimum cut: nodes reachable from the sources over usable residual arcs.
  const sourceSide = new Uint8Array(nodeCount);
  {
    let bHead = 0;
    let bTail = 0;
    for (const s of sourceList) {
      sourceSide[s] = 1;
      bfs[bTail++] = s;
    }
    while (bHead < bTail) {
      const v = bfs[bHead++];
      if (isSink[v] === 1) continue; // unreachable in exact arithmetic; never gone past
      for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
        const w = entryHead[k];
        const a = entryArc[k];
        if (sourceSide[w] === 0 && residual[a] > tolerance[a >> 1]) {
          sourceSide[w] = 1;
          bfs[bTail++] = w;
        }
      }
    }
  }
  let cutCount = 0;
  for (let i = 0; i < linkCount; i++) {
    if (active[i] === 1 && sourceSide[fromIndex[i]] === 1 && sourceSide[toIndex[i]] === 0) cutCount++;
  }
  const minCutLinks = new Int32Array(cutCount);
  let value = 0;
  for (let i = 0, j = 0; i < linkCount; i++) {
    if (active[i] === 0) continue;
    if (sourceSide[fromIndex[i]] === 1 && sourceSide[toIndex[i]] === 0) minCutLinks[j++] = i;
    if (isSink[toIndex[i]] === 1) value += linkFlow[i];
  }
  return { value, linkFlow, sourceSide, minCutLinks };
}

/** Marks a node set; refuses non-integers, out-of-range indices and an empty list. */
function markNodes(nodeCount: number, nodes: ArrayLike<number>, name: string, emptyCode: string): Uint8Array {
  if (nodes === null || typeof nodes !== "object" || typeof nodes.length !== "number") {
    throw new UsageError(`${name} must be an array of node indices`, "invalid-argument");
  }
  if (nodes.length === 0) throw new UsageError(`${name} is empty: give at least one node`, emptyCode);
  const mark = new Uint8Array(nodeCount);
  for (let j = 0; j < nodes.length; j++) {
    const v = nodes[j];
    if (!Number.isInteger(v) || v < 0 || v >= nodeCount) {
      throw new UsageError(`${name}[${j}] = ${String(v)} is not a node index in [0, ${nodeCount})`, "invalid-node");
    }
    mark[v] = 1;
  }
  return mark;
}

/**
 * Links of a path from a source to a sink through uncapacitated active links only (breadth-first: fewest links, ties by
 * lower link index), in path order; `undefined` when none exists.
 */
function uncapacitatedPath(
  nodeCount: number,
  fromIndex: Int32Array,
  toIndex: Int32Array,
  capacity: Float64Array,
  active: Uint8Array,
  sourceList: readonly number[],
  isSink: Uint8Array,
): number[] | undefined {
  const adjacency = activeOutAdjacency(nodeCount, fromIndex, toIndex, active, capacity, true);
  const viaLink = new Int32Array(nodeCount).fill(-1);
  const seen = new Uint8Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  let qHead = 0;
  let qTail = 0;
  for (const s of sourceList) {
    seen[s] = 1;
    queue[qTail++] = s;
  }
  while (qHead < qTail) {
    const v = queue[qHead++];
    if (isSink[v] === 1) {
      const links: number[] = [];
      for (let w = v; viaLink[w] !== -1; w = fromIndex[viaLink[w]]) links.push(viaLink[w]);
      return links.reverse();
    }
    for (let k = adjacency.offsets[v]; k < adjacency.offsets[v + 1]; k++) {
      const i = adjacency.links[k];
      const w = toIndex[i];
      if (seen[w] === 0) {
        seen[w] = 1;
        viaLink[w] = i;
        queue[qTail++] = w;
      }
    }
  }
  return undefined;
}

/** Nodes reachable from the sources through active links (capacity > 0), sinks included. */
function reachable(
  nodeCount: number,
  fromIndex: Int32Array,
  toIndex: Int32Array,
  active: Uint8Array,
  sourceList: readonly number[],
): Uint8Array {
  const adjacency = activeOutAdjacency(nodeCount, fromIndex, toIndex, active, undefined, false);
  const seen = new Uint8Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  let qHead = 0;
  let qTail = 0;
  for (const s of sourceList) {
    seen[s] = 1;
    queue[qTail++] = s;
  }
  while (qHead < qTail) {
    const v = queue[qHead++];
    for (let k = adjacency.offsets[v]; k < adjacency.offsets[v + 1]; k++) {
      const w = toIndex[adjacency.links[k]];
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[qTail++] = w;
      }
    }
  }
  return seen;
}

/** Out-adjacency (ascending link index per node) of the active links, optionally only the uncapacitated ones. */
function activeOutAdjacency(
  nodeCount: number,
  fromIndex: Int32Array,
  toIndex: Int32Array,
  active: Uint8Array,
  capacity: Float64Array | undefined,
  onlyInfinite: boolean,
): Adjacency {
  const skip = new Uint8Array(fromIndex.length);
  for (let i = 0; i < fromIndex.length; i++) {
    skip[i] = active[i] === 1 && (!onlyInfinite || capacity![i] === Infinity) ? 0 : 1;
  }
  return outAdjacency(nodeCount, fromIndex, toIndex, skip);
}
