/**
 * The what-if kernel: computes, from a shared compiled model, the zone times of an origin batch, the capacity
 * queries' max-flows, and the metrics of one perturbed scenario against the unperturbed base. It runs unchanged in
 * pool workers (engine/worker.ts) and in the main thread (engine/pool.ts in-process engine).
 *
 * Only typed arrays and plain data cross the worker boundary: a {@link WhatIfDescriptor} (one SharedArrayBuffer
 * plus its layout, shared, never copied) and a {@link ScenarioPerturbation} (closed link indexes, scale factors).
 * A perturbation never writes shared memory: closures go into a per-runtime copy of the `closed` mask, scaled
 * times into a per-runtime copy of the arc costs. Results are Float64Arrays, so `Infinity` (unreachable) and NaN
 * (undefined metric) survive the structured clone of the worker boundary as they are.
 *
 * Metric definitions (all compare the perturbed scenario s with the base 0; zones i ≠ j; w_ij = pop_i · pop_j):
 * - `meanTimeIncreaseMin`: Σ w_ij (t^s_ij − t^0_ij) / Σ w_ij over the OD pairs connected in both, minutes; NaN when
 *   there is none. Negative when the scenario is faster (sweeps with a factor < 1).
 * - `odPairsDisconnected`: OD pairs with a path in the base and none in the scenario (truly unreachable: searches
 *   here are unbounded, so a pair beyond every cutoff is still connected).
 * - `populationDisconnectedPersons`: population of the zones cut off from the rest of the region: origin zones that
 *   lose their path to more than half of the population they reached in the base (themselves included). An island
 *   city whose only link closes counts (it loses nearly everyone); the rest of the region, which loses only the island,
 *   does not. For a split into two parts, this is the population of the smaller one (by population).
 * - `odPairsBeyond<C>Min`: OD pairs within the largest cutoff C in the base and reachable, but beyond C, in the
 *   scenario (the "times beyond the cutoff" companion of `odPairsDisconnected`).
 * - `populationWithin<c>MinChangePersons`, per cutoff c: Σ_i (population reached from i within c in s − in 0), persons,
 *   origins included (the change of the isochrone population, summed over cities).
 * - `maxFlowChange:<query id>`, per capacity query: max-flow in s − in 0, in the query's unit; NaN when either is
 *   unbounded.
 * Sums run in ascending zone index (i, then j), so the numbers do not depend on which thread computed them.
 *
 * Closures skip unaffected origins: the base records, per origin, the links on its shortest paths to the zones
 * (`zonePathLinks`); a scenario that only closes links recomputes just the origins whose paths it touches and copies
 * the base row for the others, which is exact (the old best path survives and a closure never creates a cheaper
 * one). On the YRD baseline road N-1, a closure touches 11 of 41 origins on average (0 … 41). Time sweeps recompute
 * every origin.
 */
import type { Csr } from "../algorithms/csr.ts";
import { createDijkstraWorkspace, type DijkstraWorkspace } from "../algorithms/dijkstra.ts";
import { maxFlow } from "../algorithms/max-flow.ts";
import { createZoneReachOutput, zonePathLinks, zoneReach, type ZoneReachNetwork, type ZoneReachOutput } from "../algorithms/zone-reach.ts";
import { UsageError } from "../errors.ts";
import { openSharedArrays, type SharedArrays } from "./shared-arrays.ts";
import type { MetricInfo } from "../model/what-if-result.ts";

/** Event a worker emits when a task starts (engine/worker.ts); the pool starts the task's timeout clock on it. */
export const TASK_STARTED = "deltanet:task-started";

/** A capacity query as the kernel sees it (ids and indexes only). */
export interface KernelCapacityQuery {
  /** Query id, e.g. `road-north-to-south`. */
  id: string;
  /** Unit of its max-flow (`veh/h`, `MW`, `trains/day`). */
  unit: string;
  /** Index of its layer view in {@link WhatIfDescriptor.views}. */
  viewIndex: number;
  /** Layer of the view (for capacity sweeps). */
  layer: string;
  /** Link attribute holding the capacity (for capacity sweeps). */
  capacityAttribute: string;
}

export type { MetricInfo };

/**
 * Everything a worker needs to open a model: plain data plus one SharedArrayBuffer (shared, not copied).
 * Shared arrays (names in `shared.layout`):
 * - passenger CSR (`p.offsets`, `p.targets`, `p.arcLinks`, `p.arcCosts` minutes, `p.linkFrom`, `p.linkTo`,
 *   `p.linkCosts` minutes, `p.closed` base mask, `p.linkLayer` layer code = index in {@link WhatIfDescriptor.layers});
 * - zones (`z.nodes` centroid node index, `z.population` persons), zone index = ascending zone id;
 * - per capacity view k (`v<k>.from`, `v<k>.to`, `v<k>.closed`) and per query q (`q<q>.capacity`, `q<q>.sources`,
 *   `q<q>.sinks`);
 * - the base outcome, written once by the main thread before any scenario task: `base.timeMin`
 *   (zoneCount × zoneCount, row = origin, unbounded minutes, Infinity = unreachable), `base.reached`
 *   (zoneCount × cutoffCount, population reached per origin and cutoff, persons), `base.pathLinks` (Int32Array,
 *   zoneCount × ⌈linkCount / 32⌉ words: per origin, the bitset of links on its shortest paths to the zones),
 *   `base.maxFlow` (per query).
 */
export interface WhatIfDescriptor {
  /** Unique per model: workers cache the opened model under it. */
  id: string;
  shared: SharedArrays;
  nodeCount: number;
  linkCount: number;
  zoneCount: number;
  /** Isochrone cutoffs of the metrics, minutes, ascending. */
  cutoffsMin: number[];
  /** Layer names by layer code (`p.linkLayer`). */
  layers: string[];
  /** Capacity views: one compiled layer each. */
  views: { layer: string; nodeCount: number; linkCount: number }[];
  queries: KernelCapacityQuery[];
  /** The metric vector a scenario task returns, in this order. */
  metrics: MetricInfo[];
}

/**
 * A change to the base model: closed links and/or scaled link values. Index lists are plain arrays (or Int32Arrays)
 * of compiled link indexes in each space; empty means none.
 */
export interface ScenarioPerturbation {
  /** Passenger link indexes to close. */
  closedLinks: ArrayLike<number>;
  /** Per capacity view (same order as {@link WhatIfDescriptor.views}): link indexes to close. */
  closedViewLinks: ArrayLike<number>[];
  /** Multiply the time of every passenger link of `layer` by `factor` (> 0). */
  timeScale?: { layer: string; factor: number };
  /** Multiply the `attribute` capacity of every link of `layer`'s view by `factor` (> 0). */
  capacityScale?: { layer: string; attribute: string; factor: number };
}

/** A scenario task as posted to a worker. */
export interface ScenarioTask extends ScenarioPerturbation {
  /** Scenario id, for error messages. */
  scenarioId: string;
  /**
   * Testing only (fault injection): make this attempt throw, kill its worker (`process.exit`) or hang. Set by the
   * batch runner from `RunBatchOptions.faults`; never set in normal runs.
   */
  fault?: "throw" | "exit" | "hang";
}

/** Result of {@link zoneTimesBatch}. */
export interface ZoneTimesResult {
  /** Float64Array(origins × zoneCount), row = origin (in the order asked): minutes, Infinity = unreachable. */
  timeMin: Float64Array;
  /** Float64Array(origins × cutoffCount): population reached within each cutoff, persons, origin included. */
  populationReachedPersons: Float64Array;
  /**
   * Int32Array(origins × ⌈linkCount / 32⌉): per origin, the bitset of passenger links on its shortest paths to the
   * zones (algorithms/zone-reach `zonePathLinks`).
   */
  pathLinkBits: Int32Array;
}

/** An opened model with its scratch space: one per thread, reused by every task on the same model. */
export interface WhatIfRuntime {
  readonly descriptor: WhatIfDescriptor;
  /** The base passenger CSR (shared memory). */
  readonly csr: Csr;
  /** Base `closed` mask (shared memory; never written by tasks). */
  readonly baseClosed: Uint8Array;
  readonly linkLayer: Uint8Array;
  readonly zoneNodes: Int32Array;
  readonly zonePopulation: Float64Array;
  readonly views: { from: Int32Array; to: Int32Array; baseClosed: Uint8Array; closed: Uint8Array; nodeCount: number }[];
  readonly queries: { capacity: Float64Array; sources: Int32Array; sinks: Int32Array; scaled: Float64Array }[];
  readonly baseTimeMin: Float64Array;
  /** zoneCount × cutoffCount, persons. */
  readonly baseReached: Float64Array;
  /** zoneCount × linkWords bitsets. */
  readonly basePathLinks: Int32Array;
  readonly baseMaxFlow: Float64Array;
  /** Words per origin in the path-link bitsets: ⌈linkCount / 32⌉. */
  readonly linkWords: number;
  /** Scratch: the perturbed closed mask, the perturbed arc costs, the search workspace and outputs. */
  readonly closed: Uint8Array;
  readonly arcCosts: Float64Array;
  readonly ws: DijkstraWorkspace;
  readonly reach: ZoneReachOutput;
  readonly timeMin: Float64Array;
}

/**
 * Opens typed-array views on a model's shared memory and allocates this thread's scratch space.
 * @throws UsageError code `invalid-argument` when the layout does not fit the buffer or misses an array.
 * @example const runtime = openWhatIfRuntime(model.descriptor); runtime.zoneNodes.length // zoneCount
 */
export function openWhatIfRuntime(descriptor: WhatIfDescriptor): WhatIfRuntime {
  const a = openSharedArrays(descriptor.shared);
  const get = <T>(name: string): T => {
    const v = a[name];
    if (v === undefined) throw new UsageError(`what-if model misses shared array "${name}"`, "invalid-argument");
    return v as T;
  };
  const csr: Csr = {
    nodeCount: descriptor.nodeCount,
    linkCount: descriptor.linkCount,
    offsets: get("p.offsets"),
    targets: get("p.targets"),
    arcLinks: get("p.arcLinks"),
    arcCosts: get("p.arcCosts"),
    linkFromNodes: get("p.linkFrom"),
    linkToNodes: get("p.linkTo"),
    linkCosts: get("p.linkCosts"),
    closed: get("p.closed"),
  };
  const views = descriptor.views.map((v, k) => ({
    from: get<Int32Array>(`v${k}.from`),
    to: get<Int32Array>(`v${k}.to`),
    baseClosed: get<Uint8Array>(`v${k}.closed`),
    closed: new Uint8Array(v.linkCount),
    nodeCount: v.nodeCount,
  }));
  const queries = descriptor.queries.map((q, k) => ({
    capacity: get<Float64Array>(`q${k}.capacity`),
    sources: get<Int32Array>(`q${k}.sources`),
    sinks: get<Int32Array>(`q${k}.sinks`),
    scaled: new Float64Array(descriptor.views[q.viewIndex]!.linkCount),
  }));
  const zoneCount = descriptor.zoneCount;
  return {
    descriptor,
    csr,
    baseClosed: csr.closed,
    linkLayer: get("p.linkLayer"),
    zoneNodes: get("z.nodes"),
    zonePopulation: get("z.population"),
    views,
    queries,
    baseTimeMin: get("base.timeMin"),
    baseReached: get("base.reached"),
    basePathLinks: get("base.pathLinks"),
    baseMaxFlow: get("base.maxFlow"),
    linkWords: linkWordCount(descriptor.linkCount),
    closed: new Uint8Array(descriptor.linkCount),
    arcCosts: new Float64Array(descriptor.linkCount),
    ws: createDijkstraWorkspace(descriptor.nodeCount),
    reach: createZoneReachOutput(zoneCount, descriptor.cutoffsMin.length),
    timeMin: new Float64Array(zoneCount * zoneCount),
  };
}

/**
 * Words of a per-origin link bitset: ⌈linkCount / 32⌉.
 * @example linkWordCount(33) // 2
 */
export function linkWordCount(linkCount: number): number {
  return Math.ceil(linkCount / 32);
}

function layerCode(runtime: WhatIfRuntime, layer: string): number {
  const code = runtime.descriptor.layers.indexOf(layer);
  if (code < 0) throw new UsageError(`layer "${layer}" is not in the what-if model (${runtime.descriptor.layers.join(", ")})`, "invalid-argument");
  return code;
}

function checkLinkList(list: ArrayLike<number>, linkCount: number, what: string): void {
  for (let i = 0; i < list.length; i++) {
    const l = list[i]!;
    if (!Number.isInteger(l) || l < 0 || l >= linkCount) {
      throw new UsageError(`${what}[${i}] = ${String(l)} is not a link index in 0 … ${linkCount - 1}`, "invalid-link-index");
    }
  }
}

/** The passenger network with `p`'s closures and time scale applied (scratch of `runtime`). */
function perturbedReachNetwork(runtime: WhatIfRuntime, p: ScenarioPerturbation | undefined, searchCutoffMin: number): ZoneReachNetwork {
  const { descriptor, csr, closed } = runtime;
  closed.set(runtime.baseClosed);
  let network = csr;
  if (p !== undefined) {
    checkLinkList(p.closedLinks, descriptor.linkCount, "closedLinks");
    for (let i = 0; i < p.closedLinks.length; i++) closed[p.closedLinks[i]!] = 1;
    if (p.timeScale !== undefined) {
      const code = layerCode(runtime, p.timeScale.layer);
      const factor = p.timeScale.factor;
      if (!(factor > 0) || !Number.isFinite(factor)) throw new UsageError(`timeScale.factor must be a finite number > 0 (got ${factor})`, "invalid-argument");
      const { arcCosts, arcLinks } = csr;
      const scaled = runtime.arcCosts;
      for (let k = 0; k < arcCosts.length; k++) {
        scaled[k] = runtime.linkLayer[arcLinks[k]] === code ? arcCosts[k] * factor : arcCosts[k];
      }
      network = { ...csr, arcCosts: scaled };
    }
  }
  return {
    csr: network,
    closed,
    zoneNodes: runtime.zoneNodes,
    zonePopulation: runtime.zonePopulation,
    cutoffsMin: descriptor.cutoffsMin,
    searchCutoffMin: searchCutoffMin,
  };
}

/**
 * Unbounded zone times and isochrone populations for a batch of origin zones (the "origin batch" task).
 * @param originZones zone indexes, each 0 … zoneCount − 1, any order (rows come back in this order)
 * @param perturbation optional change (default: the base model)
 * @returns fresh arrays (see {@link ZoneTimesResult}); unreachable zones are Infinity, never 0
 * @throws UsageError code `invalid-argument` for a bad zone index or perturbation, `invalid-link-index` for a bad
 *   closed link.
 * @example zoneTimesBatch(runtime, [0, 1]).timeMin.length // 2 × zoneCount
 */
export function zoneTimesBatch(runtime: WhatIfRuntime, originZones: ArrayLike<number>, perturbation?: ScenarioPerturbation): ZoneTimesResult {
  const { zoneCount, cutoffsMin } = runtime.descriptor;
  const cutoffCount = cutoffsMin.length;
  for (let i = 0; i < originZones.length; i++) {
    const z = originZones[i]!;
    if (!Number.isInteger(z) || z < 0 || z >= zoneCount) throw new UsageError(`originZones[${i}] = ${String(z)} is not a zone index in 0 … ${zoneCount - 1}`, "invalid-argument");
  }
  const network = perturbedReachNetwork(runtime, perturbation, Infinity);
  const timeMin = new Float64Array(originZones.length * zoneCount);
  const population = new Float64Array(originZones.length * cutoffCount);
  const words = runtime.linkWords;
  const pathLinkBits = new Int32Array(originZones.length * words);
  for (let i = 0; i < originZones.length; i++) {
    zoneReach(runtime.ws, network, originZones[i]!, runtime.reach);
    timeMin.set(runtime.reach.timeMin, i * zoneCount);
    population.set(runtime.reach.populationReachedPersons, i * cutoffCount);
    zonePathLinks(runtime.ws, network.csr, runtime.zoneNodes, pathLinkBits, i * words);
  }
  return { timeMin, populationReachedPersons: population, pathLinkBits };
}

/**
 * Max-flow of every capacity query of the model under a perturbation (closures in the views; capacity scale).
 * @returns Float64Array(queryCount), in each query's unit; Infinity when uncapacitated links join the two groups;
 *   0 when a group is empty.
 * @throws UsageError code `invalid-link-index` for a bad closed view link; `invalid-argument` for a bad scale.
 * @example capacityFlows(runtime)[0] // base max-flow of the first query
 */
export function capacityFlows(runtime: WhatIfRuntime, perturbation?: ScenarioPerturbation): Float64Array {
  const { descriptor, views, queries } = runtime;
  views.forEach((v, k) => {
    v.closed.set(v.baseClosed);
    const list = perturbation?.closedViewLinks[k];
    if (list === undefined) return;
    checkLinkList(list, v.closed.length, `closedViewLinks[${k}]`);
    for (let i = 0; i < list.length; i++) v.closed[list[i]!] = 1;
  });
  const scale = perturbation?.capacityScale;
  if (scale !== undefined && (!(scale.factor > 0) || !Number.isFinite(scale.factor))) {
    throw new UsageError(`capacityScale.factor must be a finite number > 0 (got ${scale.factor})`, "invalid-argument");
  }
  const out = new Float64Array(queries.length);
  queries.forEach((q, k) => {
    const info = descriptor.queries[k]!;
    const view = views[info.viewIndex]!;
    if (q.sources.length === 0 || q.sinks.length === 0) return; // out[k] = 0, as engine/capacity
    let capacity = q.capacity;
    if (scale !== undefined && scale.layer === info.layer && scale.attribute === info.capacityAttribute) {
      for (let l = 0; l < capacity.length; l++) q.scaled[l] = capacity[l] * scale.factor;
      capacity = q.scaled;
    }
    out[k] = maxFlow(view.nodeCount, view.from, view.to, capacity, q.sources, q.sinks, view.closed).value;
  });
  return out;
}

/**
 * The metric vector of one perturbed scenario against the base (definitions in the module header), in the order of
 * `descriptor.metrics`. Needs the base outcome in shared memory (engine/pool `computeWhatIfBase`).
 * @returns Float64Array(metricCount); NaN marks an undefined metric (written as an empty CSV cell / JSON null)
 * @throws UsageError as {@link zoneTimesBatch} and {@link capacityFlows}.
 * @example scenarioMetrics(runtime, { closedLinks: [], closedViewLinks: [[]] }) // all 0: nothing changed
 */
export function scenarioMetrics(runtime: WhatIfRuntime, task: ScenarioPerturbation): Float64Array {
  const { descriptor, zonePopulation, baseTimeMin } = runtime;
  const n = descriptor.zoneCount;
  const cutoffs = descriptor.cutoffsMin;
  const cutoffCount = cutoffs.length;
  const maxCutoff = cutoffs[cutoffCount - 1]!;
  const network = perturbedReachNetwork(runtime, task, Infinity);
  const timeMin = runtime.timeMin;
  const reached = new Float64Array(cutoffCount);
  const closuresOnly = task.timeScale === undefined;
  const words = runtime.linkWords;
  const closed = task.closedLinks;
  for (let i = 0; i < n; i++) {
    let affected = !closuresOnly;
    for (let c = 0; !affected && c < closed.length; c++) {
      const l = closed[c]!;
      affected = (runtime.basePathLinks[i * words + (l >>> 5)]! & (1 << (l & 31))) !== 0;
    }
    if (affected) {
      zoneReach(runtime.ws, network, i, runtime.reach);
      timeMin.set(runtime.reach.timeMin, i * n);
      for (let k = 0; k < cutoffCount; k++) reached[k] += runtime.reach.populationReachedPersons[k];
    } else {
      timeMin.set(baseTimeMin.subarray(i * n, (i + 1) * n), i * n);
      for (let k = 0; k < cutoffCount; k++) reached[k] += runtime.baseReached[i * cutoffCount + k];
    }
  }
  const baseReachedSum = new Float64Array(cutoffCount);
  for (let i = 0; i < n; i++) for (let k = 0; k < cutoffCount; k++) baseReachedSum[k] += runtime.baseReached[i * cutoffCount + k];
  let weightSum = 0;
  let weightedIncrease = 0;
  let pairsDisconnected = 0;
  let pairsBeyond = 0;
  let populationDisconnected = 0;
  for (let i = 0; i < n; i++) {
    let reachedBefore = zonePopulation[i];
    let lost = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const t0 = baseTimeMin[i * n + j];
      if (t0 === Infinity) continue;
      reachedBefore += zonePopulation[j];
      const t1 = timeMin[i * n + j];
      if (t1 === Infinity) {
        pairsDisconnected++;
        lost += zonePopulation[j];
        continue;
      }
      const w = zonePopulation[i] * zonePopulation[j];
      weightSum += w;
      weightedIncrease += w * (t1 - t0);
      if (t0 <= maxCutoff && t1 > maxCutoff) pairsBeyond++;
    }
    if (lost > reachedBefore / 2) populationDisconnected += zonePopulation[i];
  }
  const flows = capacityFlows(runtime, task);
  const out = new Float64Array(descriptor.metrics.length);
  let m = 0;
  out[m++] = weightSum > 0 ? weightedIncrease / weightSum : NaN;
  out[m++] = pairsDisconnected;
  out[m++] = populationDisconnected;
  out[m++] = pairsBeyond;
  for (let k = 0; k < cutoffCount; k++) out[m++] = reached[k] - baseReachedSum[k];
  for (let q = 0; q < flows.length; q++) {
    const change = flows[q] - runtime.baseMaxFlow[q];
    out[m++] = Number.isFinite(change) ? change : NaN;
  }
  return out;
}

/**
 * Names and units of the metric vector for the given cutoffs and capacity queries (the order
 * {@link scenarioMetrics} writes).
 * @example metricInfos([60, 120], []).map((m) => m.name)
 * // ["meanTimeIncreaseMin", "odPairsDisconnected", "populationDisconnectedPersons", "odPairsBeyond120Min",
 * //  "populationWithin60MinChangePersons", "populationWithin120MinChangePersons"]
 */
export function metricInfos(cutoffsMin: readonly number[], queries: readonly { id: string; unit: string }[]): MetricInfo[] {
  const maxCutoff = cutoffsMin[cutoffsMin.length - 1];
  return [
    { name: "meanTimeIncreaseMin", unit: "min" },
    { name: "odPairsDisconnected", unit: "pairs" },
    { name: "populationDisconnectedPersons", unit: "persons" },
    { name: `odPairsBeyond${String(maxCutoff)}Min`, unit: "pairs" },
    ...cutoffsMin.map((c) => ({ name: `populationWithin${String(c)}MinChangePersons`, unit: "persons" })),
    ...queries.map((q) => ({ name: `maxFlowChange:${q.id}`, unit: q.unit })),
  ];
}
