/**
 * Point-to-point least-cost path by Dijkstra with early exit: the search stops as soon as the destination is
 * settled, so a nearby destination costs a small fraction of a full single-source search.
 */
import type { Csr } from "./csr.ts";
import { runDijkstra, type DijkstraWorkspace } from "./dijkstra.ts";
import { pathLinks, shortestPathFromLinks, type ShortestPath } from "./path.ts";

/**
 * Least-cost path from `origin` to `destination` (Dijkstra stopped when the destination is settled). The path is
 * the one the single-source search from `origin` would give (same predecessor tie rule).
 *
 * Contract
 * - origin, destination: node indexes of `csr`; `ws.nodeCount === csr.nodeCount`;
 * - `closed`: Uint8Array(linkCount), nonzero = closed; `cutoff` ≥ 0 or Infinity (cost unit): a destination
 *   costing more than the cutoff is unreachable;
 * - returns `undefined` when unreachable; origin = destination gives cost 0 and no links.
 * Never throws: arguments are checked by `createShortestPathSearch(csr).path`.
 * @example
 * // 0 →(4) 1 →(6) 2 and 0 →(12) 2
 * pointToPointPath(ws, csr, 0, 2, csr.closed, Infinity) // { cost: 10, links: [0, 1], nodes: [0, 1, 2] }
 */
export function pointToPointPath(
  ws: DijkstraWorkspace,
  csr: Csr,
  origin: number,
  destination: number,
  closed: Uint8Array,
  cutoff: number,
): ShortestPath | undefined {
  runDijkstra(ws, csr, origin, cutoff, closed, destination, undefined, 0);
  if (ws.costs[destination] === Infinity) return undefined;
  const links = pathLinks(csr, ws.predecessorLinks, origin, destination);
  return links === undefined ? undefined : shortestPathFromLinks(csr, links, origin);
}
