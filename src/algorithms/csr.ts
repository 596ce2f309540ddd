/**
 * Compressed sparse row (CSR) form of a directed network: the typed arrays every shortest-path search in deltanet runs on.
 * Built once from link arrays (by engine/compile, or by bench/support/dimacs for reference graphs); costs are fixed,
 * closures are a mutable mask.
 *
 * Layout (n = nodeCount, m = linkCount; every link is one arc, so arcs and links are both counted by m):
 * - Link space (index = compiled link index, the order links were given to {@link buildCsr}):
 *   `linkFromNodes`, `linkToNodes` (Int32Array, m), `linkCosts` (Float64Array, m), `closed` (Uint8Array, m; 1 = closed).
 * - Arc space (links grouped by from-node, then ascending link index inside a node — a stable counting sort):
 *   the out-arcs of node u are positions `offsets[u] .. offsets[u + 1] - 1`; `offsets` is Int32Array(n + 1) with
 *   `offsets[0] = 0`, `offsets[n] = m`. At arc position k: `targets[k]` = to-node, `arcLinks[k]` = link index,
 *   `arcCosts[k]` = `linkCosts[arcLinks[k]]` (a copy in arc order, so the search loop reads costs sequentially).
 * - Costs are generic (minutes for deltanet networks, metres for DIMACS road graphs): finite ≥ 0, or `Infinity`
 *   (impassable). A closed link (`closed[link] !== 0`) is impassable too, and changing the mask needs no rebuild.
 *
 * Design notes: keeping `arcCosts` as an arc-ordered copy costs 8 bytes per link but keeps the search's inner loop
 * on sequential reads (targets, arcCosts), where `linkCosts[arcLinks[k]]` would be a random read per arc; `arcLinks`
 * is read only when a label improves (closure check, predecessor). The whole structure is 33 bytes per link + 4 per
 * node (NY, 264,346 nodes / 730,100 links: 24.0 MiB, vs 12.1 MiB for the C++ reference's offsets/targets/arc links/
 * costs, which keeps no link-space copy; bench/README.md). Costs are immutable on purpose: a search may cache a
 * reverse CSR or landmarks, and a cost change is a new `buildCsr` (O(n + m), cheaper than one full search).
 * @see graphology `src/indices/neighborhood.js` (the keyed-graph → typed-array compile this follows).
 */
import { UsageError } from "../errors.ts";

/** A directed network in CSR form. Field shapes and index spaces are described in the module header. */
export interface Csr {
  /** Number of nodes n; node indexes are 0 … n − 1. */
  readonly nodeCount: number;
  /** Number of links m; link indexes are 0 … m − 1. */
  readonly linkCount: number;
  /** Int32Array(n + 1): out-arcs of node u are arc positions offsets[u] … offsets[u + 1] − 1. */
  readonly offsets: Int32Array;
  /** Int32Array(m), arc order: to-node of each arc. */
  readonly targets: Int32Array;
  /** Int32Array(m), arc order: link index of each arc. */
  readonly arcLinks: Int32Array;
  /** Float64Array(m), arc order: cost of each arc (= linkCosts[arcLinks[k]]). */
  readonly arcCosts: Float64Array;
  /** Int32Array(m), link order: from-node of each link. */
  readonly linkFromNodes: Int32Array;
  /** Int32Array(m), link order: to-node of each link. */
  readonly linkToNodes: Int32Array;
  /** Float64Array(m), link order: cost of each link, finite ≥ 0 or Infinity (impassable). Do not mutate. */
  readonly linkCosts: Float64Array;
  /**
   * Uint8Array(m), link order: 1 = closed (impassable), 0 = open. Mutable: searches read it at query time, so a
   * closure needs no rebuild. Searches can also be given another mask per call.
   */
  readonly closed: Uint8Array;
}

/**
 * Builds the CSR form of a directed network from its links.
 *
 * Contract
 * - `linkFromNodes`, `linkToNodes`: length m, node indexes in 0 … nodeCount − 1; link i goes from → to.
 * - `linkCosts`: length m, each finite ≥ 0 or `Infinity` (impassable); `-0` counts as 0.
 * - `closed` (optional): Uint8Array(m), 1 = closed; defaults to all open. Kept by reference (not copied).
 * - The input arrays are kept by reference as the link-space arrays of the result (no copy); do not mutate them.
 * - Parallel links and self-loops are allowed (searches use the cheapest parallel link).
 * - O(n + m) time, stable: arcs of a node are in ascending link index.
 *
 * @param nodeCount number of nodes n, integer ≥ 0
 * @throws UsageError code `invalid-cost` naming the link index when a cost is NaN or negative;
 *   code `invalid-node-index` when a link end is not an integer in 0 … n − 1; code `invalid-argument` when
 *   array lengths differ or nodeCount is not a non-negative integer.
 * @example
 * const csr = buildCsr(3, Int32Array.of(0, 0, 1), Int32Array.of(1, 2, 2), Float64Array.of(5, 9, 3));
 * // csr.offsets = [0, 2, 3, 3]; csr.targets = [1, 2, 2]; csr.arcLinks = [0, 1, 2]
 */
export function buildCsr(
  nodeCount: number,
  linkFromNodes: Int32Array,
  linkToNodes: Int32Array,
  linkCosts: Float64Array,
  closed?: Uint8Array,
): Csr {
  if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > 0x7fffffff) {
    throw new UsageError(`buildCsr: nodeCount must be an integer ≥ 0 (got ${nodeCount})`, "invalid-argument");
  }
  const m = linkFromNodes.length;
  if (linkToNodes.length !== m || linkCosts.length !== m || (closed !== undefined && closed.length !== m)) {
    throw new UsageError(
      `buildCsr: linkFromNodes, linkToNodes, linkCosts${closed ? ", closed" : ""} must have the same length ` +
        `(got ${m}, ${linkToNodes.length}, ${linkCosts.length}${closed ? `, ${closed.length}` : ""})`,
      "invalid-argument",
    );
  }
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < m; i++) {
    const from = linkFromNodes[i];
    const to = linkToNodes[i];
    if (from >= nodeCount || to >= nodeCount || from < 0 || to < 0) {
      throw new UsageError(
        `buildCsr: link ${i} goes ${from} → ${to}, outside node indexes 0 … ${nodeCount - 1}`,
        "invalid-node-index",
      );
    }
    const cost = linkCosts[i];
    if (!(cost >= 0)) {
      throw new UsageError(`buildCsr: link ${i} has cost ${cost}; expected a number ≥ 0 or Infinity`, "invalid-cost");
    }
    offsets[from + 1]++;
  }
  for (let u = 0; u < nodeCount; u++) offsets[u + 1] += offsets[u];
  const targets = new Int32Array(m);
  const arcLinks = new Int32Array(m);
  const arcCosts = new Float64Array(m);
  const cursor = offsets.slice(0, nodeCount);
  for (let i = 0; i < m; i++) {
    const k = cursor[linkFromNodes[i]]++;
    targets[k] = linkToNodes[i];
    arcLinks[k] = i;
    arcCosts[k] = linkCosts[i] + 0; // normalises -0 to 0
  }
  return {
    nodeCount,
    linkCount: m,
    offsets,
    targets,
    arcLinks,
    arcCosts,
    linkFromNodes,
    linkToNodes,
    linkCosts,
    closed: closed ?? new Uint8Array(m),
  };
}

/**
 * The reverse CSR: same links, arcs grouped by to-node, so `targets[k]` is the link's from-node. Used by the
 * backward half of bidirectional search. Shares `linkFromNodes`/`linkToNodes`/`linkCosts`/`closed` with the
 * input by reference, but swapped: the result's `linkFromNodes` is the input's `linkToNodes`.
 *
 * O(n + m). Never throws (the input was validated by {@link buildCsr}).
 * @example
 * const rev = reverseCsr(buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(4)));
 * // rev.offsets = [0, 0, 1]; rev.targets = [0]; rev.arcLinks = [0]
 */
export function reverseCsr(csr: Csr): Csr {
  return buildCsr(csr.nodeCount, csr.linkToNodes, csr.linkFromNodes, csr.linkCosts, csr.closed);
}
