/**
 * Bridges and articulation points of the undirected view of a link-list graph, where the links of one facility (the
 * two directions of a road, rail leg or power line) form one undirected edge: iterative Hopcroft–Tarjan lowpoints.
 *
 * Design: one depth-first search with an explicit stack (no recursion, so a 1,000,000-node path is fine; the tests
 * run it). The search skips the *edge* it arrived by (by edge id, not by parent node), so two facilities between the
 * same pair of nodes are parallel edges and neither is a bridge, while the two directions of one facility are one
 * edge. Time and memory O(nodeCount + linkCount).
 */
import { UsageError } from "../errors.ts";
import { validateLinkGraph } from "./link-graph.ts";

/** Bridges and articulation points of an undirected view. */
export interface BridgesAndArticulationPoints {
  /** Facility ids (values of `facilityOfLink`) whose removal disconnects their two end nodes; sorted ascending. */
  bridgeFacilities: Int32Array;
  /** Node indices whose removal increases the number of components among the other nodes; sorted ascending. */
  articulationNodes: Int32Array;
}

/**
 * Bridges and articulation points of the undirected view: every directed link is an undirected edge, and links that
 * share a facility id are one edge.
 *
 * Contract
 * - `fromIndex`/`toIndex`: `Int32Array`s of length `linkCount` (directed links, compiled link index), node indices in
 *   `[0, nodeCount)`.
 * - `facilityOfLink`: `Int32Array` of length `linkCount`, facility id ≥ 0 per link (any non-negative int32; ids need
 *   not be dense). All links of one facility must join the same unordered pair of nodes.
 * - `closed` (optional, length `linkCount`, non-zero = ignored): a facility is present when at least one of its links
 *   is open (a one-way street still connects its ends in the undirected view).
 * - Edge cases: self-loops are ignored (never bridges, never make an articulation point); two different facilities
 *   between the same nodes are parallel edges and not bridges; an isolated node is not an articulation point; an empty
 *   graph gives two empty arrays.
 * - Time O(nodeCount + linkCount); memory O(nodeCount + linkCount).
 *
 * @throws UsageError code `invalid-node-count`, `length-mismatch`, `node-index-out-of-range` (see
 *   `validateLinkGraph`), `invalid-facility` (a negative facility id, naming the link), or
 *   `facility-endpoints-mismatch` (two links of one facility join different node pairs; names both links).
 * @see J. Hopcroft, R. Tarjan (1973), "Algorithm 447: efficient algorithms for graph manipulation",
 *   Comm. ACM 16(6):372–378; R. E. Tarjan (1974), "A note on finding the bridges of a graph",
 *   Information Processing Letters 2(6):160–161.
 * @example
 * // Two triangles 0-1-2 and 3-4-5 joined by facility 6 (2–3), each facility one link:
 * bridgesAndArticulationPoints(6,
 *   Int32Array.of(0, 1, 2, 3, 4, 5, 2), Int32Array.of(1, 2, 0, 4, 5, 3, 3), Int32Array.of(0, 1, 2, 3, 4, 5, 6))
 * // { bridgeFacilities: Int32Array [6], articulationNodes: Int32Array [2, 3] }
 */
export function bridgesAndArticulationPoints(
  nodeCount: number,
  fromIndex: Int32Array,
  toIndex: Int32Array,
  facilityOfLink: Int32Array,
  closed?: Uint8Array,
): BridgesAndArticulationPoints {
  const linkCount = validateLinkGraph(nodeCount, fromIndex, toIndex, closed);
  if (!(facilityOfLink instanceof Int32Array) || facilityOfLink.length !== linkCount) {
    throw new UsageError(`facilityOfLink must be an Int32Array of length ${linkCount}`, "length-mismatch");
  }

  // 1. Dense edge id per facility (in order of first link), with its ends; check every link of a facility agrees.
  const edgeOfLink = denseFacilityIds(facilityOfLink);
  let edgeCount = 0;
  for (let i = 0; i < linkCount; i++) if (edgeOfLink[i] + 1 > edgeCount) edgeCount = edgeOfLink[i] + 1;
  const edgeFirstLink = new Int32Array(edgeCount).fill(-1);
  const edgeOpen = new Uint8Array(edgeCount);
  for (let i = 0; i < linkCount; i++) {
    const e = edgeOfLink[i];
    const first = edgeFirstLink[e];
    if (first === -1) {
      edgeFirstLink[e] = i;
    } else {
      const a = fromIndex[first];
      const b = toIndex[first];
      const u = fromIndex[i];
      const v = toIndex[i];
      if (!((a === u && b === v) || (a === v && b === u))) {
        throw new UsageError(
          `links ${first} (${a}→${b}) and ${i} (${u}→${v}) share facility ${facilityOfLink[i]} but join different nodes`,
          "facility-endpoints-mismatch",
        );
      }
    }
    if ((closed === undefined || closed[i] === 0) && fromIndex[i] !== toIndex[i]) edgeOpen[e] = 1;
  }

  // 2. Undirected adjacency of the present edges: entry (neighbour, edge) at both ends.
  const offsets = new Int32Array(nodeCount + 1);
  let entries = 0;
  for (let e = 0; e < edgeCount; e++) {
    if (edgeOpen[e] === 0) continue;
    const i = edgeFirstLink[e];
    offsets[fromIndex[i] + 1]++;
    offsets[toIndex[i] + 1]++;
    entries += 2;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
  const neighbour = new Int32Array(entries);
  const edgeOfEntry = new Int32Array(entries);
  const fill = offsets.slice(0, nodeCount);
  for (let e = 0; e < edgeCount; e++) {
    if (edgeOpen[e] === 0) continue;
    const i = edgeFirstLink[e];
    const u = fromIndex[i];
    const v = toIndex[i];
    let k = fill[u]++;
    neighbour[k] = v;
    edgeOfEntry[k] = e;
    k = fill[v]++;
    neighbour[k] = u;
    edgeOfEntry[k] = e;
  }

  // 3. Iterative DFS with lowpoints.
  const order = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const parentEdge = new Int32Array(nodeCount);
  const next = new Int32Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  const isArticulation = new Uint8Array(nodeCount);
  const isBridge = new Uint8Array(edgeCount);
  let counter = 0;
  for (let root = 0; root < nodeCount; root++) {
    if (order[root] !== -1) continue;
    let top = 0;
    let rootChildren = 0;
    order[root] = low[root] = counter++;
    parentEdge[root] = -1;
    next[root] = offsets[root];
    stack[top++] = root;
    while (top > 0) {
      const v = stack[top - 1];
      if (next[v] < offsets[v + 1]) {
        const k = next[v]++;
        const e = edgeOfEntry[k];
        if (e === parentEdge[v]) continue;
        const w = neighbour[k];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          parentEdge[w] = e;
          next[w] = offsets[w];
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (order[w] < low[v]) {
          low[v] = order[w];
        }
        continue;
      }
      top--;
      if (top > 0) {
        const u = stack[top - 1];
        if (low[v] < low[u]) low[u] = low[v];
        if (low[v] > order[u]) isBridge[parentEdge[v]] = 1;
        if (u !== root && low[v] >= order[u]) isArticulation[u] = 1;
      }
    }
    if (rootChildren >= 2) isArticulation[root] = 1;
  }

  let bridgeCount = 0;
  for (let e = 0; e < edgeCount; e++) bridgeCount += isBridge[e];
  const bridgeFacilities = new Int32Array(bridgeCount);
  for (let e = 0, j = 0; e < edgeCount; e++) if (isBridge[e] === 1) bridgeFacilities[j++] = facilityOfLink[edgeFirstLink[e]];
  bridgeFacilities.sort();
  let articulationCount = 0;
  for (let v = 0; v < nodeCount; v++) articulationCount += isArticulation[v];
  const articulationNodes = new Int32Array(articulationCount);
  for (let v = 0, j = 0; v < nodeCount; v++) if (isArticulation[v] === 1) articulationNodes[j++] = v;
  return { bridgeFacilities, articulationNodes };
}

/**
 * Dense ids `0..k-1` for the facility ids of the links, in order of each facility's first link.
 * Uses a lookup table when ids are small (the usual case: ids are compiled facility indices) and a Map otherwise;
 * either way the assignment depends only on link order.
 */
function denseFacilityIds(facilityOfLink: Int32Array): Int32Array {
  const linkCount = facilityOfLink.length;
  let maxId = -1;
  for (let i = 0; i < linkCount; i++) {
    const f = facilityOfLink[i];
    if (f < 0) throw new UsageError(`link ${i}: facilityOfLink[${i}] = ${f} is negative`, "invalid-facility");
    if (f > maxId) maxId = f;
  }
  const dense = new Int32Array(linkCount);
  let count = 0;
  if (maxId < 2 * linkCount + 1024) {
    const table = new Int32Array(maxId + 1).fill(-1);
    for (let i = 0; i < linkCount; i++) {
      const f = facilityOfLink[i];
      if (table[f] === -1) table[f] = count++;
      dense[i] = table[f];
    }
  } else {
    const table = new Map<number, number>();
    for (let i = 0; i < linkCount; i++) {
      const f = facilityOfLink[i];
      let d = table.get(f);
      if (d === undefined) {
        d = count++;
        table.set(f, d);
      }
      dense[i] = d;
    }
  }
  return dense;
}
