/**
 * Test support for the shortest-path tests: random small networks (fast-check arbitraries), and independent oracles —
 * a Floyd–Warshall brute force, graphology-shortest-path and ngraph.path on the same links.
 */
import { fc } from "@fast-check/vitest";
import { MultiDirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import createGraph from "ngraph.graph";
import { aStar, nba } from "ngraph.path";
import { buildCsr, type Csr } from "../../src/algorithms/csr.ts";

/** A small directed network as plain link lists (link i: from[i] → to[i] at cost[i]). */
export interface LinkList {
  nodeCount: number;
  from: number[];
  to: number[];
  cost: number[];
  /** 1 = closed, per link. */
  closed: number[];
}

/** Options of {@link linkListArbitrary}. */
export interface LinkListOptions {
  maxNodes?: number;
  maxLinks?: number;
  /** Allow zero costs (default true). */
  zero?: boolean;
  /** Allow Infinity costs (default false). */
  infinite?: boolean;
  /** Allow closed links (default false). */
  closures?: boolean;
}

/**
 * Random networks: 1 … maxNodes nodes, 0 … maxLinks links (parallel links and self-loops included), costs drawn
 * from small integers and quarter fractions (exact in binary, so float sums are exact too), zero and Infinity on
 * request.
 */
export function linkListArbitrary(options: LinkListOptions = {}): fc.Arbitrary<LinkList> {
  const { maxNodes = 12, maxLinks = 40, zero = true, infinite = false, closures = false } = options;
  const costArb = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 120 }).map((q) => q / 4) },
    ...(zero ? [{ weight: 1, arbitrary: fc.constant(0) }] : []),
    ...(infinite ? [{ weight: 1, arbitrary: fc.constant(Infinity) }] : []),
  );
  return fc.integer({ min: 1, max: maxNodes }).chain((nodeCount) =>
    fc
      .array(
        fc.record({
          from: fc.integer({ min: 0, max: nodeCount - 1 }),
          to: fc.integer({ min: 0, max: nodeCount - 1 }),
          cost: costArb,
          closed: closures ? fc.integer({ min: 0, max: 4 }).map((x) => (x === 0 ? 1 : 0)) : fc.constant(0),
        }),
        { maxLength: maxLinks },
      )
      .map((links) => ({
        nodeCount,
        from: links.map((l) => l.from),
        to: links.map((l) => l.to),
        cost: links.map((l) => l.cost),
        closed: links.map((l) => l.closed),
      })),
  );
}

/** The CSR of a link list (closed flags become the csr's mask). */
export function csrOf(list: LinkList): Csr {
  return buildCsr(
    list.nodeCount,
    Int32Array.from(list.from),
    Int32Array.from(list.to),
    Float64Array.from(list.cost),
    Uint8Array.from(list.closed),
  );
}

/**
 * All-pairs least costs by Floyd–Warshall (the brute-force oracle), closed links left out; Infinity = unreachable.
 * With the exact costs of {@link linkListArbitrary} the sums are exact, so comparisons can be exact.
 */
export function floydWarshall(list: LinkList): number[][] {
  const n = list.nodeCount;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  list.from.forEach((u, i) => {
    if (list.closed[i] === 1) return;
    const v = list.to[i];
    if (list.cost[i] < d[u][v]) d[u][v] = list.cost[i];
  });
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const via = d[i][k] + d[k][j];
    if (via < d[i][j]) d[i][j] = via;
  }
  return d;
}

/** Cheapest open parallel link cost from u to v (Infinity when none). */
function cheapest(list: LinkList, u: number, v: number): number {
  let best = Infinity;
  list.from.forEach((a, i) => {
    if (a === u && list.to[i] === v && list.closed[i] === 0 && list.cost[i] < best) best = list.cost[i];
  });
  return best;
}

/** Sum of cheapest link costs along a node path (left to right). */
function nodePathCost(list: LinkList, nodes: readonly (string | number)[]): number {
  let cost = 0;
  for (let i = 1; i < nodes.length; i++) cost += cheapest(list, Number(nodes[i - 1]), Number(nodes[i]));
  return cost;
}

/**
 * Single-source costs by graphology-shortest-path `dijkstra.singleSource` on a MultiDirectedGraph with the open
 * links (weight attribute `cost`): it returns node paths, whose costs are summed here; nodes it does not list are
 * unreachable (Infinity).
 */
export function graphologyCosts(list: LinkList, origin: number): number[] {
  const graph = new MultiDirectedGraph();
  for (let v = 0; v < list.nodeCount; v++) graph.addNode(String(v));
  list.from.forEach((u, i) => {
    if (list.closed[i] === 0) graph.addDirectedEdge(String(u), String(list.to[i]), { cost: list.cost[i] });
  });
  const paths = dijkstra.singleSource(graph, String(origin), "cost");
  return Array.from({ length: list.nodeCount }, (_, v) => {
    const path = paths[String(v)];
    return path === undefined ? Infinity : nodePathCost(list, path);
  });
}

/**
 * Point-to-point cost by ngraph.path (`aStar` or `nba`, `oriented: true`, distance = link cost, closed links
 * `blocked`); an empty path means unreachable (Infinity). ngraph returns paths destination → origin; the cost is
 * summed over the reversed path.
 */
export function ngraphCost(list: LinkList, origin: number, destination: number, method: "aStar" | "nba"): number {
  if (origin === destination) return 0;
  const graph = createGraph<unknown, { cost: number; closed: boolean }>({ multigraph: true });
  for (let v = 0; v < list.nodeCount; v++) graph.addNode(v);
  list.from.forEach((u, i) => graph.addLink(u, list.to[i], { cost: list.cost[i], closed: list.closed[i] === 1 }));
  const finder = (method === "aStar" ? aStar : nba)(graph, {
    oriented: true,
    distance: (_a, _b, link) => link.data.cost,
    blocked: (_a, _b, link) => link.data.closed,
  });
  const path = finder.find(origin, destination).map((node) => Number(node.id)).reverse();
  // ngraph.path 1.6.1 aStar pushes a neighbour into its open set before checking `blocked` (and before seeing an
  // Infinity distance), so when the destination is adjacent only through such a link it returns [destination]:
  // a "path" that does not start at the origin. Read that as "no path".
  if (path.length === 0 || path[0] !== origin) return Infinity;
  return nodePathCost(list, path);
}
