/**
 * Zone-to-zone least costs on an assignment graph (a skim with through-centroid paths blocked), at the costs its CSR
 * holds: the free-flow road times a gravity model distributes trips by.
 */
import { createDijkstraWorkspace, runDijkstra } from "../dijkstra.ts";
import type { AssignmentNetwork } from "./assignment-network.ts";

/**
 * Least cost from every zone to every zone at the current CSR costs, honouring blocked centroids and closed links.
 *
 * Contract
 * - Result Float64Array(z × z), row = origin zone, cost unit of the CSR (minutes): `Infinity` when unreachable,
 *   0 on the diagonal.
 * - One Dijkstra per origin, stopped once every destination is settled. Deterministic; never throws.
 * @example
 * // zones A (node 0), B (node 1); link 0 → 1 costing 5 (free flow)
 * zoneCostMatrix(createAssignmentNetwork(…)) // Float64Array [0, 5, Infinity, 0]
 */
export function zoneCostMatrix(network: AssignmentNetwork): Float64Array {
  const { csr, zoneCount: z, originNodes, destinationNodes } = network;
  const ws = createDijkstraWorkspace(csr.nodeCount);
  const mask = new Uint8Array(csr.nodeCount);
  const out = new Float64Array(z * z).fill(Infinity);
  for (let o = 0; o < z; o++) {
    let targets = 0;
    for (let d = 0; d < z; d++) {
      if (d !== o && mask[destinationNodes[d]] === 0) {
        mask[destinationNodes[d]] = 1;
        targets++;
      }
    }
    out[o * z + o] = 0;
    if (targets === 0) continue;
    runDijkstra(ws, csr, originNodes[o], Infinity, csr.closed, -1, mask, targets);
    for (let d = 0; d < z; d++) {
      if (d === o) continue;
      mask[destinationNodes[d]] = 0;
      out[o * z + d] = ws.costs[destinationNodes[d]];
    }
  }
  return out;
}
