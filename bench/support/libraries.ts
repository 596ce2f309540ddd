/**
 * The reference libraries on the bench graphs: graphology-shortest-path (`dijkstra.singleSource`, `bidirectional`)
 * and ngraph.path (`aStar`, `nba`, `oriented: true`), built from the same CSR links, plus cost helpers that turn
 * their node paths into costs (cheapest parallel link per step) for the agreement checks.
 */
import { MultiDirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import createGraph from "ngraph.graph";
import { aStar, nba } from "ngraph.path";
import type { Csr } from "../../src/algorithms/csr.ts";

/** Cheapest open link cost from u to v in the csr (Infinity when there is none). */
export function stepCost(csr: Csr, u: number, v: number): number {
  let best = Infinity;
  for (let k = csr.offsets[u]; k < csr.offsets[u + 1]; k++) {
    if (csr.targets[k] === v && csr.closed[csr.arcLinks[k]] === 0 && csr.arcCosts[k] < best) best = csr.arcCosts[k];
  }
  return best;
}

/** Cost of a node path (origin first), left to right; Infinity for an empty path. */
export function nodePathCost(csr: Csr, nodes: ArrayLike<number>): number {
  if (nodes.length === 0) return Infinity;
  let cost = 0;
  for (let i = 1; i < nodes.length; i++) cost += stepCost(csr, nodes[i - 1], nodes[i]);
  return cost;
}

/** A graphology MultiDirectedGraph with nodes "0" … "n−1" and one edge per open link, weight attribute `w`. */
export function toGraphology(csr: Csr): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (let v = 0; v < csr.nodeCount; v++) graph.addNode(String(v));
  for (let i = 0; i < csr.linkCount; i++) {
    if (csr.closed[i] === 0) graph.addDirectedEdge(String(csr.linkFromNodes[i]), String(csr.linkToNodes[i]), { w: csr.linkCosts[i] });
  }
  return graph;
}

/** graphology-shortest-path single source: node → path (array of node keys). */
export function graphologySingleSource(graph: MultiDirectedGraph, origin: number): Record<string, string[]> {
  return dijkstra.singleSource(graph, String(origin), "w");
}

/** graphology-shortest-path bidirectional: node path origin → destination as numbers, empty when unreachable. */
export function graphologyBidirectional(graph: MultiDirectedGraph, origin: number, destination: number): number[] {
  const path = dijkstra.bidirectional(graph, String(origin), String(destination), "w");
  return path === null || path === undefined ? [] : path.map(Number);
}

/** Path finders of ngraph.path on an ngraph.graph multigraph of the open links (link data = cost). */
export function ngraphFinders(csr: Csr): { aStar: (o: number, d: number) => number[]; nba: (o: number, d: number) => number[] } {
  const graph = createGraph<unknown, number>({ multigraph: true });
  for (let v = 0; v < csr.nodeCount; v++) graph.addNode(v);
  for (let i = 0; i < csr.linkCount; i++) if (csr.closed[i] === 0) graph.addLink(csr.linkFromNodes[i], csr.linkToNodes[i], csr.linkCosts[i]);
  const options = { oriented: true, distance: (_a: unknown, _b: unknown, link: { data: number }) => link.data };
  const a = aStar(graph, options);
  const b = nba(graph, options);
  // ngraph returns destination → origin; reverse to origin → destination.
  const wrap = (finder: { find: (o: number, d: number) => { id: string | number }[] }) => (o: number, d: number) =>
    finder.find(o, d).map((node) => Number(node.id)).reverse();
  return { aStar: wrap(a), nba: wrap(b) };
}
