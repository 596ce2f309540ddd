/**
 * All-or-nothing (AoN) loading on the fast Dijkstra core: every OD pair's demand goes onto its least-cost path at the
 * current link costs; also gives the shortest-path cost Σ demand × least cost that the relative gap needs.
 *
 * Method: one `runDijkstra` per origin zone that stops once every destination with demand is settled, then one
 * backward pass over the settled nodes (descending cost) pushing each node's accumulated load onto its predecessor
 * link: O(settled nodes) per origin instead of walking every path.
 *
 * Determinism and workers: origins are loaded in fixed blocks of {@link AON_BLOCK_ZONE_COUNT} zones; each block sums
 * into its own partial array starting from zero, and the partials are added to the result in block order. The block
 * split depends only on the zone count, so a parallel run that hands blocks to workers and adds their partials in
 * block order gives byte-identical flows at any worker count (`loadBlock` is the unit of work). Ties between equal
 * paths follow the Dijkstra core's rule (smallest link index among tight in-links), never insertion order.
 */
import { createDijkstraWorkspace, runDijkstra, type DijkstraWorkspace } from "../dijkstra.ts";
import type { AssignmentNetwork } from "./assignment-network.ts";

/** Zones per AoN block (the unit of work of a parallel run; see the module header). */
export const AON_BLOCK_ZONE_COUNT = 16;

/** Totals of one AoN loading. */
export interface AllOrNothingTotals {
  /** Σ over loaded OD pairs of demand × least cost, veh/h × minutes. */
  shortestPathCost: number;
  /** Demand loaded onto links, veh/h (excludes intrazonal and unreachable demand). */
  loadedVehPerHour: number;
  /** Number of OD pairs with demand > 0 whose destination cannot be reached. */
  unreachablePairCount: number;
  /** Their demand, veh/h. */
  unreachableVehPerHour: number;
}

/** A reusable AoN loader over one assignment network (single-threaded state: one per worker). */
export interface AllOrNothingLoader {
  /** Number of blocks, ⌈zoneCount / AON_BLOCK_ZONE_COUNT⌉. */
  readonly blockCount: number;
  /**
   * Loads all demand at the CSR's current costs: zeroes `linkLoads`, then adds each block's partial in block order.
   * @param demandVehPerHour Float64Array(z × z), row = origin zone, veh/h, ≥ 0 (the diagonal is ignored)
   * @param linkLoads Float64Array(linkCount), written: veh/h per link
   * @param unreachablePairs optional Uint8Array(z × z), set to 1 for pairs with demand > 0 that cannot be reached
   */
  load(demandVehPerHour: Float64Array, linkLoads: Float64Array, unreachablePairs?: Uint8Array): AllOrNothingTotals;
  /**
   * Loads the origin zones of one block into `partial` (zeroed first): the unit of work of a parallel run.
   * @param block block index, 0 … blockCount − 1 (origins block × AON_BLOCK_ZONE_COUNT … up to zoneCount − 1)
   */
  loadBlock(block: number, demandVehPerHour: Float64Array, partial: Float64Array, unreachablePairs?: Uint8Array): AllOrNothingTotals;
}

/**
 * Creates an AoN loader: one Dijkstra workspace, a node-load array and a target mask, reused by every call.
 *
 * Contract of `load`/`loadBlock`: costs are whatever `network.csr` holds now (see writeLinkCosts); the closed mask is
 * `network.csr.closed`; demand must be finite ≥ 0 (checked by the caller once per run, not here). Pairs whose
 * destination is unreachable are skipped and counted, never loaded. O(z · (n + m) log n) per `load`.
 * Never throws after creation.
 * @example
 * // zones A (node 0) and B (node 1), one link 0 → 1 of cost 5; 100 veh/h A → B
 * const aon = createAllOrNothing(net);
 * aon.load(Float64Array.of(0, 100, 0, 0), loads) // { shortestPathCost: 500, loadedVehPerHour: 100, unreachablePairCount: 0, … }; loads = [100]
 */
export function createAllOrNothing(network: AssignmentNetwork): AllOrNothingLoader {
  const { csr, zoneCount, originNodes, destinationNodes } = network;
  const ws: DijkstraWorkspace = createDijkstraWorkspace(csr.nodeCount);
  const nodeLoads = new Float64Array(csr.nodeCount);
  const targetMask = new Uint8Array(csr.nodeCount);
  const blockCount = Math.ceil(zoneCount / AON_BLOCK_ZONE_COUNT);
  let partial = new Float64Array(network.linkCount);

  function loadBlock(block: number, demand: Float64Array, out: Float64Array, unreachablePairs?: Uint8Array): AllOrNothingTotals {
    out.fill(0);
    const linkFromNodes = csr.linkFromNodes;
    let shortestPathCost = 0;
    let loadedVehPerHour = 0;
    let unreachablePairCount = 0;
    let unreachableVehPerHour = 0;
    const first = block * AON_BLOCK_ZONE_COUNT;
    const end = Math.min(zoneCount, first + AON_BLOCK_ZONE_COUNT);
    for (let o = first; o < end; o++) {
      const row = o * zoneCount;
      let targets = 0;
      for (let d = 0; d < zoneCount; d++) {
        if (d === o || !(demand[row + d] > 0)) continue;
        const node = destinationNodes[d];
        if (targetMask[node] === 0) {
          targetMask[node] = 1;
          targets++;
        }
      }
      if (targets === 0) continue;
      runDijkstra(ws, csr, originNodes[o], Infinity, csr.closed, -1, targetMask, targets);
      const costs = ws.costs;
      for (let d = 0; d < zoneCount; d++) {
        const volume = demand[row + d];
        if (d === o || !(volume > 0)) continue;
        const node = destinationNodes[d];
        targetMask[node] = 0;
        const cost = costs[node];
        if (cost === Infinity) {
          unreachablePairCount++;
          unreachableVehPerHour += volume;
          if (unreachablePairs !== undefined) unreachablePairs[row + d] = 1;
          continue;
        }
        shortestPathCost += volume * cost;
        loadedVehPerHour += volume;
        nodeLoads[node] += volume;
      }
      // Children settle after their parents, so a reverse sweep of the settled list visits every node after all the
      // nodes whose paths run through it.
      const settled = ws.settled;
      const predecessorLinks = ws.predecessorLinks;
      for (let i = ws.settledCount - 1; i >= 0; i--) {
        const v = settled[i];
        const load = nodeLoads[v];
        if (load === 0) continue;
        nodeLoads[v] = 0;
        const link = predecessorLinks[v];
        if (link < 0) continue; // the origin
        out[link] += load;
        nodeLoads[linkFromNodes[link]] += load;
      }
    }
    return { shortestPathCost, loadedVehPerHour, unreachablePairCount, unreachableVehPerHour };
  }

  return {
    blockCount,
    loadBlock,
    load(demand, linkLoads, unreachablePairs) {
      linkLoads.fill(0);
      if (partial.length !== linkLoads.length) partial = new Float64Array(linkLoads.length);
      const totals: AllOrNothingTotals = { shortestPathCost: 0, loadedVehPerHour: 0, unreachablePairCount: 0, unreachableVehPerHour: 0 };
      for (let b = 0; b < blockCount; b++) {
        const t = loadBlock(b, demand, partial, unreachablePairs);
        for (let i = 0; i < linkLoads.length; i++) linkLoads[i] += partial[i];
        totals.shortestPathCost += t.shortestPathCost;
        totals.loadedVehPerHour += t.loadedVehPerHour;
        totals.unreachablePairCount += t.unreachablePairCount;
        totals.unreachableVehPerHour += t.unreachableVehPerHour;
      }
      return totals;
    },
  };
}
