/**
 * Many-to-many skim: the OD matrix of least costs between a list of origins and a list of destinations, one
 * Dijkstra per origin that stops as soon as every destination is settled.
 */
import type { Csr } from "./csr.ts";
import { runDijkstra, type DijkstraWorkspace } from "./dijkstra.ts";

/**
 * Least costs from each origin to each destination, written row-major into `out`.
 *
 * Contract
 * - `origins` (length O) and `destinations` (length D): node indexes of `csr`, repeats allowed;
 * - `out`: Float64Array(O × D), row = origin, `out[i * D + j]` = least cost origins[i] → destinations[j] in the
 *   csr's cost unit; `Infinity` when unreachable or beyond `cutoff`; 0 on the diagonal (origin = destination);
 * - `targetMask`: Uint8Array(nodeCount), all zero on entry and on exit (scratch);
 * - `cutoff` ≥ 0 or Infinity; `closed`: Uint8Array(linkCount), nonzero = closed;
 * - O × one Dijkstra, each stopped when all distinct destinations are settled (or the heap empties).
 * Never throws: arguments are checked by `createShortestPathSearch(csr).skim`.
 * @example
 * // 0 →(4) 1 →(6) 2 and 0 →(12) 2
 * skimCosts(ws, csr, Int32Array.of(0, 2), Int32Array.of(1, 2), Infinity, csr.closed, new Float64Array(4), new Uint8Array(3))
 * // Float64Array [4, 10, Infinity, 0]
 */
export function skimCosts(
  ws: DijkstraWorkspace,
  csr: Csr,
  origins: Int32Array,
  destinations: Int32Array,
  cutoff: number,
  closed: Uint8Array,
  out: Float64Array,
  targetMask: Uint8Array,
): Float64Array {
  const destinationCount = destinations.length;
  let distinct = 0;
  for (let j = 0; j < destinationCount; j++) {
    const d = destinations[j];
    if (targetMask[d] === 0) {
      targetMask[d] = 1;
      distinct++;
    }
  }
  try {
    for (let i = 0; i < origins.length; i++) {
      const row = i * destinationCount;
      if (distinct === 0) continue;
      runDijkstra(ws, csr, origins[i], cutoff, closed, -1, targetMask, distinct);
      const costs = ws.costs;
      for (let j = 0; j < destinationCount; j++) out[row + j] = costs[destinations[j]];
    }
  } finally {
    for (let j = 0; j < destinationCount; j++) targetMask[destinations[j]] = 0;
  }
  return out;
}
