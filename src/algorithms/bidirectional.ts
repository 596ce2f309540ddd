/**
 * Bidirectional Dijkstra: a forward search from the origin and a backward search (on the reverse CSR) from the
 * destination, expanded alternately, stopped when the two frontiers' smallest keys sum to at least the best
 * connection found. Explores roughly two balls of half the radius instead of one full ball.
 *
 * The returned cost is recomputed as the left-to-right sum along the path (the forward search's float sum), so it
 * equals the single-source cost exactly for integer costs and to rounding (≈ 1e-15 relative) otherwise. When several
 * paths tie, which one is returned is deterministic (a function of costs and indexes) but may differ from the
 * single-source predecessor tree's.
 * @see A. V. Goldberg, C. Harrelson (2005), "Computing the shortest path: A* search meets graph theory", SODA,
 *   section 3 (stopping rule: top_f + top_r ≥ μ).
 */
import { reverseCsr, type Csr } from "./csr.ts";
import { clearDijkstraWorkspace, createDijkstraWorkspace, type DijkstraWorkspace } from "./dijkstra.ts";
import { shortestPathFromLinks, type ShortestPath } from "./path.ts";

/** State of a bidirectional search: two Dijkstra workspaces and the reverse CSR (built once, O(n + m)). */
export interface BidirectionalWorkspace {
  /** Forward search from the origin on the csr. */
  readonly forward: DijkstraWorkspace;
  /** Backward search from the destination on `reverse`; its predecessor links point towards the destination. */
  readonly backward: DijkstraWorkspace;
  /** The reverse CSR of the csr this workspace was made for (same link indexes). */
  readonly reverse: Csr;
}

/**
 * Allocates a bidirectional workspace for `csr` (two Dijkstra workspaces plus the reverse CSR: ≈ 56 bytes per
 * node + 16 bytes per link + the reverse arrays).
 * @example createBidirectionalWorkspace(csr).reverse.nodeCount === csr.nodeCount // true
 */
export function createBidirectionalWorkspace(csr: Csr): BidirectionalWorkspace {
  return {
    forward: createDijkstraWorkspace(csr.nodeCount),
    backward: createDijkstraWorkspace(csr.nodeCount),
    reverse: reverseCsr(csr),
  };
}

/**
 * Least-cost path from `origin` to `destination` by bidirectional Dijkstra.
 *
 * Contract
 * - `bw` was created for `csr` (same node and link counts) and `csr` costs have not changed since;
 * - origin, destination: node indexes; `closed`: Uint8Array(linkCount), nonzero = closed;
 * - returns `undefined` when unreachable; origin = destination gives cost 0 and no links; no allocation except
 *   the returned path.
 * Never throws: arguments are checked by `createShortestPathSearch(csr).pathBidirectional`.
 * @example
 * // 0 →(4) 1 →(6) 2 and 0 →(12) 2
 * bidirectionalPath(createBidirectionalWorkspace(csr), csr, 0, 2, csr.closed) // { cost: 10, links: [0, 1], nodes: [0, 1, 2] }
 */
export function bidirectionalPath(
  bw: BidirectionalWorkspace,
  csr: Csr,
  origin: number,
  destination: number,
  closed: Uint8Array,
): ShortestPath | undefined {
  const forward = bw.forward;
  const backward = bw.backward;
  clearDijkstraWorkspace(forward);
  clearDijkstraWorkspace(backward);
  if (origin === destination) return shortestPathFromLinks(csr, new Int32Array(0), origin);
  forward.costs[origin] = 0;
  forward.heap.push(origin, 0);
  backward.costs[destination] = 0;
  backward.heap.push(destination, 0);
  const meeting: Meeting = { best: Infinity, link: -1 };
  searchBothWays(bw, csr, closed, meeting);
  if (meeting.link < 0) return undefined;
  // Forward part: origin → from-node of the meeting link; then the link; then the backward part to the destination.
  const meetFrom = csr.linkFromNodes[meeting.link];
  const meetTo = csr.linkToNodes[meeting.link];
  let forwardCount = 0;
  for (let v = meetFrom; v !== origin; v = csr.linkFromNodes[forward.predecessorLinks[v]]) forwardCount++;
  let backwardCount = 0;
  for (let v = meetTo; v !== destination; v = csr.linkToNodes[backward.predecessorLinks[v]]) backwardCount++;
  const links = new Int32Array(forwardCount + 1 + backwardCount);
  let i = forwardCount - 1;
  for (let v = meetFrom; v !== origin; v = csr.linkFromNodes[links[i + 1]]) links[i--] = forward.predecessorLinks[v];
  links[forwardCount] = meeting.link;
  i = forwardCount + 1;
  for (let v = meetTo; v !== destination; v = csr.linkToNodes[links[i - 1]]) links[i++] = backward.predecessorLinks[v];
  return shortestPathFromLinks(csr, links, origin);
}

/** Best connection so far: cost μ and the link joining a forward-labelled node to a backward-labelled one. */
interface Meeting {
  best: number;
  link: number;
}

/**
 * Alternates the two searches (the side whose smallest key is lower goes next) until
 * topForward + topBackward ≥ best. A separate function so that nothing follows the loop (see runDijkstra).
 */
function searchBothWays(bw: BidirectionalWorkspace, csr: Csr, closed: Uint8Array, meeting: Meeting): void {
  const forward = bw.forward;
  const backward = bw.backward;
  for (;;) {
    const topForward = forward.heap.peekKey();
    const topBackward = backward.heap.peekKey();
    if (topForward + topBackward >= meeting.best) return;
    if (topForward <= topBackward) settleNext(forward, csr, closed, backward.costs, meeting, true);
    else settleNext(backward, bw.reverse, closed, forward.costs, meeting, false);
  }
}

/** Settles the next node of one side and relaxes its arcs, updating the meeting when the other side is labelled. */
function settleNext(
  ws: DijkstraWorkspace,
  csr: Csr,
  closed: Uint8Array,
  otherCosts: Float64Array,
  meeting: Meeting,
  isForward: boolean,
): void {
  const { offsets, targets, arcCosts, arcLinks } = csr;
  const { costs, predecessorLinks, heap } = ws;
  const positions = heap.positions;
  const u = heap.pop();
  ws.settled[ws.settledCount++] = u;
  const costU = costs[u];
  for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
    const link = arcLinks[k];
    if (closed[link] !== 0) continue;
    const cost = costU + arcCosts[k];
    if (cost === Infinity) continue;
    const v = targets[k];
    const costV = costs[v];
    if (cost < costV) {
      costs[v] = cost;
      predecessorLinks[v] = link;
      if (costV === Infinity) heap.push(v, cost);
      else heap.decrease(v, cost);
    } else if (cost === costV && link < predecessorLinks[v] && positions[v] >= 0) {
      predecessorLinks[v] = link;
    }
    const other = otherCosts[v];
    if (other !== Infinity) {
      // Forward: origin … u →link→ v … destination. Backward: origin … v →link→ u … destination.
      const total = isForward ? cost + other : other + cost;
      if (total < meeting.best) {
        meeting.best = total;
        meeting.link = link;
      }
    }
  }
}
