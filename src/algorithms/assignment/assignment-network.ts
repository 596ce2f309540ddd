/**
 * The assignment graph: link-aligned BPR arrays plus a CSR whose costs are rewritten in place every iteration, with
 * zones as origin/destination nodes and "no path through a centroid" enforced by splitting blocked nodes.
 *
 * Blocking through-flows (AequilibraE `set_blocked_centroid_flows`; TNTP `<FIRST THRU NODE>`) is done once, by graph
 * construction instead of a test in the search loop: every blocked node b keeps its out-links and gets a new
 * "arrival copy" b′ (node index nodeCount + j for the j-th blocked node) that receives all of b's in-links. b has no
 * in-links and b′ no out-links, so a path can start at b and end at b′ but never pass through either. The unchanged
 * Dijkstra core then runs on the split graph; zone z departs from `originNodes[z]` and arrives at
 * `destinationNodes[z]` (= the arrival copy when the zone's node is blocked, else the node itself).
 *
 * Costs: the CSR here is owned by the assignment (built by {@link createAssignmentNetwork}, never shared), so
 * {@link writeLinkCosts} may overwrite its `linkCosts` and arc-ordered `arcCosts` between iterations without a
 * rebuild. Do not build a `reverseCsr` of it: the reverse copy's arc costs would go stale.
 */
import { UsageError } from "../../errors.ts";
import { buildCsr, type Csr } from "../csr.ts";

/** Link-aligned BPR parameters: arrays of length linkCount, indexed by link index. */
export interface BprLinks {
  /** Free-flow time t0, minutes (or the network's time unit), finite ≥ 0. */
  readonly freeFlowTimeMin: Float64Array;
  /** Capacity c, veh/h, > 0; `Infinity` = uncongested (t = t0 for beta > 0). */
  readonly capacityVehPerHour: Float64Array;
  /** BPR alpha, ≥ 0 (dimensionless). */
  readonly alpha: Float64Array;
  /** BPR beta (power), ≥ 0; 0 = constant cost t0 · (1 + alpha). */
  readonly beta: Float64Array;
  /** Flow-independent generalised cost added to the BPR time (tolls and distance × their factors), minutes, finite ≥ 0. */
  readonly fixedCostMin: Float64Array;
}

/** Input of {@link createAssignmentNetwork}. Node and link indexes are the caller's (e.g. compiled indexes). */
export interface AssignmentNetworkInput extends BprLinks {
  /** Number of nodes n (before splitting). */
  readonly nodeCount: number;
  /** Int32Array(m): from-node of each link, 0 … n − 1. */
  readonly linkFromNodes: Int32Array;
  /** Int32Array(m): to-node of each link, 0 … n − 1. */
  readonly linkToNodes: Int32Array;
  /** Int32Array(zoneCount): node of each zone (zone order = OD matrix order); distinct nodes. */
  readonly zoneNodes: Int32Array;
  /** Uint8Array(n), 1 = paths may not pass through the node (centroids with blockCentroidFlows). Default: none. */
  readonly blockedNodes?: Uint8Array;
  /** Uint8Array(m), 1 = closed link (carries no flow). Default: all open. */
  readonly closed?: Uint8Array;
}

/** The graph the equilibrium loop runs on (see the module header). */
export interface AssignmentNetwork extends BprLinks {
  /** The split graph's CSR; node count = n + number of blocked nodes; link indexes unchanged. Costs are rewritten. */
  readonly csr: Csr;
  /** Number of links m (same indexes as the input). */
  readonly linkCount: number;
  /** Number of zones z. */
  readonly zoneCount: number;
  /** Int32Array(z): node where trips of each zone start. */
  readonly originNodes: Int32Array;
  /** Int32Array(z): node where trips to each zone end (the arrival copy for a blocked zone node). */
  readonly destinationNodes: Int32Array;
}

function checkLinkArray(name: string, values: ArrayLike<number>, m: number, ok: (v: number) => boolean, expected: string): void {
  if (values.length !== m) throw new UsageError(`${name} must have length linkCount = ${m} (got ${values.length})`, "invalid-argument");
  for (let i = 0; i < m; i++) {
    if (!ok(values[i])) throw new UsageError(`${name}[${i}] = ${values[i]}; expected ${expected}`, "invalid-link-parameter");
  }
}

/**
 * Builds the assignment graph: validates the BPR arrays, splits blocked nodes (module header) and builds an owned
 * CSR with free-flow costs t0 · (1 + alpha · 0^beta) + fixedCostMin.
 *
 * Contract
 * - Link arrays of length m; node indexes in 0 … n − 1; zone nodes distinct.
 * - O(n + m); copies `linkToNodes` (redirected) and keeps the other arrays by reference.
 * @throws UsageError code `invalid-argument` (lengths, node indexes, duplicate zone nodes) or
 *   `invalid-link-parameter` naming the link index (t0 or fixed cost not finite ≥ 0, capacity not > 0, alpha or
 *   beta not finite ≥ 0). The engine checks the same with link ids first (InputError), so users see ids.
 * @example
 * // zones 0 and 1 on nodes 0 and 1, both blocked; links 0→2, 2→1, 1→2 (one arrival copy per blocked node)
 * const net = createAssignmentNetwork({ nodeCount: 3, linkFromNodes: Int32Array.of(0, 2, 1), linkToNodes: Int32Array.of(2, 1, 2),
 *   zoneNodes: Int32Array.of(0, 1), blockedNodes: Uint8Array.of(1, 1, 0), ...bprArrays });
 * net.csr.nodeCount // 5; net.originNodes // [0, 1]; net.destinationNodes // [3, 4]
 */
export function createAssignmentNetwork(input: AssignmentNetworkInput): AssignmentNetwork {
  const n = input.nodeCount;
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`nodeCount must be an integer ≥ 0 (got ${n})`, "invalid-argument");
  const m = input.linkFromNodes.length;
  if (input.linkToNodes.length !== m) {
    throw new UsageError(`linkToNodes must have length ${m} (got ${input.linkToNodes.length})`, "invalid-argument");
  }
  const finiteNonNegative = (v: number) => Number.isFinite(v) && v >= 0;
  checkLinkArray("freeFlowTimeMin", input.freeFlowTimeMin, m, finiteNonNegative, "a finite number ≥ 0");
  checkLinkArray("capacityVehPerHour", input.capacityVehPerHour, m, (v) => v > 0, "a number > 0 (Infinity = uncongested)");
  checkLinkArray("alpha", input.alpha, m, finiteNonNegative, "a finite number ≥ 0");
  checkLinkArray("beta", input.beta, m, finiteNonNegative, "a finite number ≥ 0");
  checkLinkArray("fixedCostMin", input.fixedCostMin, m, finiteNonNegative, "a finite number ≥ 0");
  const blocked = input.blockedNodes ?? new Uint8Array(n);
  if (blocked.length !== n) throw new UsageError(`blockedNodes must have length nodeCount = ${n}`, "invalid-argument");
  const arrivalCopy = new Int32Array(n).fill(-1);
  let split = n;
  for (let v = 0; v < n; v++) if (blocked[v] !== 0) arrivalCopy[v] = split++;
  const toNodes = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const from = input.linkFromNodes[i];
    const to = input.linkToNodes[i];
    if (!(from >= 0 && from < n && to >= 0 && to < n)) {
      throw new UsageError(`link ${i} goes ${from} → ${to}, outside node indexes 0 … ${n - 1}`, "invalid-argument");
    }
    toNodes[i] = arrivalCopy[to] >= 0 ? arrivalCopy[to] : to;
  }
  const zoneCount = input.zoneNodes.length;
  const originNodes = Int32Array.from(input.zoneNodes);
  const destinationNodes = new Int32Array(zoneCount);
  const seen = new Uint8Array(n);
  for (let z = 0; z < zoneCount; z++) {
    const v = originNodes[z];
    if (!(Number.isInteger(v) && v >= 0 && v < n)) throw new UsageError(`zoneNodes[${z}] = ${v} is not a node index`, "invalid-argument");
    if (seen[v] !== 0) throw new UsageError(`zoneNodes[${z}] = ${v} is the node of another zone`, "invalid-argument");
    seen[v] = 1;
    destinationNodes[z] = arrivalCopy[v] >= 0 ? arrivalCopy[v] : v;
  }
  const costs = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const beta = input.beta[i];
    costs[i] = input.freeFlowTimeMin[i] * (1 + (beta === 0 ? input.alpha[i] : 0)) + input.fixedCostMin[i];
  }
  const closed = input.closed ?? new Uint8Array(m);
  if (closed.length !== m) throw new UsageError(`closed must have length linkCount = ${m}`, "invalid-argument");
  const csr = buildCsr(split, input.linkFromNodes, toNodes, costs, closed);
  return {
    csr,
    linkCount: m,
    zoneCount,
    originNodes,
    destinationNodes,
    freeFlowTimeMin: input.freeFlowTimeMin,
    capacityVehPerHour: input.capacityVehPerHour,
    alpha: input.alpha,
    beta: input.beta,
    fixedCostMin: input.fixedCostMin,
  };
}

/**
 * Overwrites the costs of an assignment-owned CSR in place: `csr.linkCosts[i] = linkCosts[i]` and the arc-ordered
 * copy `csr.arcCosts[k] = linkCosts[csr.arcLinks[k]]`. O(linkCount), no allocation.
 *
 * Contract: `linkCosts` has length `csr.linkCount`, each finite ≥ 0 (not checked here: the equilibrium loop only
 * writes BPR costs of validated inputs). Only for CSRs built by {@link createAssignmentNetwork}: the CSR module
 * treats costs as immutable, and a `reverseCsr` built from this CSR would keep stale arc costs.
 * @example writeLinkCosts(net.csr, Float64Array.of(5, 7, 9)); net.csr.arcCosts // the same costs in arc order
 */
export function writeLinkCosts(csr: Csr, linkCosts: Float64Array): void {
  const { arcLinks, arcCosts } = csr;
  (csr.linkCosts as Float64Array).set(linkCosts);
  for (let k = 0; k < arcLinks.length; k++) arcCosts[k] = linkCosts[arcLinks[k]];
}
