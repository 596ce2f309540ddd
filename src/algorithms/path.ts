/**
 * Path reconstruction: turns a search's predecessor links into the links and nodes of one path, always in travel
 * order origin → destination (never the reversed order a backward walk produces).
 */
import { UsageError } from "../errors.ts";
import type { Csr } from "./csr.ts";

/**
 * The links of the best path from `origin` to `destination`, in travel order, read from `predecessorLinks`.
 *
 * @param csr the network the predecessor links refer to
 * @param predecessorLinks Int32Array(nodeCount), node index → link index of the last link on the best path, −1 none
 *   (as produced by a single-source search from `origin`)
 * @param origin node index the search started from
 * @param destination node index
 * @returns Int32Array of link indexes (length = number of links; empty when destination = origin), or `undefined`
 *   when the destination was not reached
 * @throws UsageError code `invalid-predecessors` when the links do not lead back to `origin` (a cycle, or a
 *   predecessor tree from another origin).
 * @example
 * // links 0: 0→1, 1: 1→2; predecessorLinks from origin 0 = [-1, 0, 1]
 * pathLinks(csr, Int32Array.of(-1, 0, 1), 0, 2) // Int32Array [0, 1]
 * pathLinks(csr, Int32Array.of(-1, 0, -1), 0, 2) // undefined
 */
export function pathLinks(
  csr: Csr,
  predecessorLinks: Int32Array,
  origin: number,
  destination: number,
): Int32Array | undefined {
  const from = csr.linkFromNodes;
  let count = 0;
  let v = destination;
  while (v !== origin) {
    const link = predecessorLinks[v];
    if (link < 0) {
      if (count === 0) return undefined;
      throw new UsageError(`predecessor links from node ${destination} stop at node ${v}, not at origin ${origin}`, "invalid-predecessors");
    }
    if (++count > csr.nodeCount) {
      throw new UsageError(`predecessor links from node ${destination} form a cycle`, "invalid-predecessors");
    }
    v = from[link];
  }
  const links = new Int32Array(count);
  v = destination;
  for (let i = count - 1; i >= 0; i--) {
    const link = predecessorLinks[v];
    links[i] = link;
    v = from[link];
  }
  return links;
}

/**
 * The nodes of a path given by its links: `origin` followed by each link's to-node (length links.length + 1).
 * @example pathNodes(csr, Int32Array.of(0, 1), 0) // Int32Array [0, 1, 2]
 */
function pathNodes(csr: Csr, links: Int32Array, origin: number): Int32Array {
  const nodes = new Int32Array(links.length + 1);
  nodes[0] = origin;
  for (let i = 0; i < links.length; i++) nodes[i + 1] = csr.linkToNodes[links[i]];
  return nodes;
}

/**
 * Cost of a path: the left-to-right sum of its link costs (((c1 + c2) + c3) + …), the same float sum a forward
 * search computes, in the csr's cost unit. 0 for an empty path. Exported as the definition of
 * {@link ShortestPath}.cost: every search's reported cost must equal it bit for bit (the search tests check this).
 * @example pathCost(csr, Int32Array.of(0, 1)) // 4 + 6 = 10 for costs [4, 6]
 */
export function pathCost(csr: Csr, links: Int32Array): number {
  let cost = 0;
  for (let i = 0; i < links.length; i++) cost += csr.linkCosts[links[i]];
  return cost;
}

/** One least-cost path, in travel order. */
export interface ShortestPath {
  /** Path cost in the csr's cost unit: the left-to-right sum of `links`' costs ({@link pathCost}); 0 when origin = destination. */
  cost: number;
  /** Int32Array of link indexes, origin → destination; empty when origin = destination. */
  links: Int32Array;
  /** Int32Array of node indexes, origin first, destination last (length links.length + 1). */
  nodes: Int32Array;
}

/**
 * Builds a {@link ShortestPath} from its links (computes nodes and cost).
 * @example shortestPathFromLinks(csr, Int32Array.of(0, 1), 0) // { cost: 10, links: [0, 1], nodes: [0, 1, 2] }
 */
export function shortestPathFromLinks(csr: Csr, links: Int32Array, origin: number): ShortestPath {
  return { cost: pathCost(csr, links), links, nodes: pathNodes(csr, links, origin) };
}
