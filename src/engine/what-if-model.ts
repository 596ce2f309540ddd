/**
 * What-if models: compiles a scenario-applied network once into the shared-memory model that batch what-if runs
 * perturb thousands of times (closures by mask, scaled times or capacities), and resolves facility ids to the link
 * indexes a perturbation carries.
 *
 * The model holds the passenger network (rail + road + access, the network of the commute isochrones), the zones,
 * one compiled view per layer of the capacity queries, and, after engine/pool `computeWhatIfBase`, the base outcome the
 * scenario metrics compare against. See engine/what-if-kernel.ts for the metric definitions.
 */
import type { CapacityQuery } from "../model/capacity-query.ts";
import { UsageError } from "../errors.ts";
import { LAYERS, type Layer, type Network } from "../model/network.ts";
import { capacityQueryGroups } from "./capacity.ts";
import { compileNetwork, type CompiledNetwork } from "./compile.ts";
import { checkCutoffs, zoneCentroids } from "./isochrones.ts";
import { openSharedArrays, packSharedArrays, type SharedTypedArray } from "./shared-arrays.ts";
import { linkWordCount, metricInfos, type KernelCapacityQuery, type MetricInfo, type ScenarioPerturbation, type WhatIfDescriptor } from "./what-if-kernel.ts";

/** Options of {@link buildWhatIfModel}. */
export interface WhatIfModelOptions {
  /** Isochrone cutoffs of the metrics, minutes, > 0, strictly ascending (the library's default is 60 and 120). */
  cutoffsMin: readonly number[];
  /** Layers of the passenger network the commute metrics are computed on (the library's default: transit, road, access). */
  passengerLayers: readonly Layer[];
  /** Capacity queries whose max-flow change is reported. Default none. */
  capacityQueries?: readonly CapacityQuery[];
}

/** A what-if model: the shared descriptor plus the main thread's id ↔ index maps. */
export interface WhatIfModel {
  /** What a worker receives with every task (plain data + one SharedArrayBuffer). */
  readonly descriptor: WhatIfDescriptor;
  /** The compiled passenger network (its arrays were copied into the shared buffer). */
  readonly passenger: CompiledNetwork;
  /** One compiled view per capacity layer, in `descriptor.views` order. */
  readonly views: CompiledNetwork[];
  /** Zone ids (adcodes) by zone index. */
  readonly zoneIds: string[];
  /** Metric names and units, in the order of a scenario's metric vector. */
  readonly metrics: MetricInfo[];
  /**
   * Facility id → its links, per space; only facilities with a link in the passenger network or a view. A rail
   * facility's `passengerLinks` are the transit rides that run over its links (`railLinkId`), so closing the track
   * stops the trains on it.
   */
  readonly facilities: Map<string, { layer: Layer; name?: string; passengerLinks: number[]; viewLinks: number[][]; allClosed: boolean }>;
  /** True once engine/pool `computeWhatIfBase` has written the base outcome. */
  baseReady: boolean;
}

let modelCounter = 0;
const zeroCost = () => 0;

/**
 * Compiles `network` (already scenario-applied; closed links stay closed in the base) into a what-if model.
 * @param network the base network (not modified)
 * @param options cutoffs, passenger layers and capacity queries (default none)
 * @returns the model; its base outcome is not computed yet (see engine/pool `computeWhatIfBase`)
 * @throws UsageError code `invalid-cutoff` for bad cutoffs; InputError code `invalid-cost` for links without a valid
 *   time (engine/compile) and code `missing-capacity` for a link of a query's layer without a valid capacity.
 * @example
 * const model = buildWhatIfModel(applyScenario("scenarios/baseline-2019.yaml").network,
 *   { cutoffsMin: [60, 120], passengerLayers: ["transit", "road", "access"], capacityQueries: DEFAULT_CAPACITY_QUERIES.filter((q) => q.layer === "road") });
 * model.zoneIds.length // 41
 */
export function buildWhatIfModel(network: Network, options: WhatIfModelOptions): WhatIfModel {
  const cutoffsMin = [...options.cutoffsMin];
  checkCutoffs(cutoffsMin);
  const queries = [...(options.capacityQueries ?? [])];
  const passenger = compileNetwork(network, { layers: [...options.passengerLayers] });
  const zones = zoneCentroids(network, passenger);
  const layers = [...LAYERS];
  const linkLayer = Uint8Array.from(passenger.linkIds, (id) => layers.indexOf(network.getEdgeAttribute(id, "layer")));

  const viewLayers: Layer[] = [];
  for (const q of queries) if (!viewLayers.includes(q.layer)) viewLayers.push(q.layer);
  const views = viewLayers.map((layer) => compileNetwork(network, { layers: [layer], cost: zeroCost }));

  const arrays: Record<string, SharedTypedArray> = {
    "p.offsets": passenger.csr.offsets,
    "p.targets": passenger.csr.targets,
    "p.arcLinks": passenger.csr.arcLinks,
    "p.arcCosts": passenger.csr.arcCosts,
    "p.linkFrom": passenger.csr.linkFromNodes,
    "p.linkTo": passenger.csr.linkToNodes,
    "p.linkCosts": passenger.csr.linkCosts,
    "p.closed": passenger.closed,
    "p.linkLayer": linkLayer,
    "z.nodes": zones.zoneNodes,
    "z.population": zones.zonePopulation,
  };
  views.forEach((v, k) => {
    arrays[`v${k}.from`] = v.fromIndex;
    arrays[`v${k}.to`] = v.toIndex;
    arrays[`v${k}.closed`] = v.closed;
  });
  const kernelQueries: KernelCapacityQuery[] = queries.map((q, k) => {
    const viewIndex = viewLayers.indexOf(q.layer);
    const view = views[viewIndex]!;
    const groups = capacityQueryGroups(network, view, q);
    arrays[`q${k}.capacity`] = groups.capacity;
    arrays[`q${k}.sources`] = groups.sources;
    arrays[`q${k}.sinks`] = groups.sinks;
    return { id: q.id, unit: q.unit, viewIndex, layer: q.layer, capacityAttribute: q.capacityAttribute };
  });
  const zoneCount = zones.zoneNodes.length;
  arrays["base.timeMin"] = new Float64Array(zoneCount * zoneCount);
  arrays["base.reached"] = new Float64Array(zoneCount * cutoffsMin.length);
  arrays["base.pathLinks"] = new Int32Array(zoneCount * linkWordCount(passenger.csr.linkCount));
  arrays["base.maxFlow"] = new Float64Array(queries.length);

  const metrics = metricInfos(cutoffsMin, queries);
  const descriptor: WhatIfDescriptor = {
    id: `${process.pid}.${++modelCounter}.${Date.now()}`,
    shared: packSharedArrays(arrays),
    nodeCount: passenger.csr.nodeCount,
    linkCount: passenger.csr.linkCount,
    zoneCount,
    cutoffsMin,
    layers,
    views: views.map((v, k) => ({ layer: viewLayers[k]!, nodeCount: v.csr.nodeCount, linkCount: v.csr.linkCount })),
    queries: kernelQueries,
    metrics,
  };
  return {
    descriptor,
    passenger,
    views,
    zoneIds: zones.centroidIds.map((id) => network.getNodeAttribute(id, "zoneId") ?? id),
    metrics,
    facilities: facilityIndex(network, passenger, views),
    baseReady: false,
  };
}

function facilityIndex(network: Network, passenger: CompiledNetwork, views: CompiledNetwork[]): WhatIfModel["facilities"] {
  const out: WhatIfModel["facilities"] = new Map();
  const entry = (linkId: string) => {
    const a = network.getEdgeAttributes(linkId);
    let e = out.get(a.facilityId);
    if (!e) {
      e = { layer: a.layer, name: a.name, passengerLinks: [], viewLinks: views.map(() => []), allClosed: true };
      out.set(a.facilityId, e);
    }
    if (a.closed !== true) e.allClosed = false;
    return e;
  };
  passenger.linkIds.forEach((id, l) => {
    entry(id).passengerLinks.push(l);
    // A transit ride also closes with the rail link it runs over (LinkAttributes.railLinkId).
    const railLinkId = network.getEdgeAttribute(id, "railLinkId");
    if (railLinkId !== undefined && network.hasEdge(railLinkId)) entry(railLinkId).passengerLinks.push(l);
  });
  views.forEach((v, k) => v.linkIds.forEach((id, l) => entry(id).viewLinks[k]!.push(l)));
  return out;
}

/**
 * The perturbation that closes the given facilities (both directions, in the passenger network and every view; for a
 * rail facility also the transit rides over it).
 * @param facilityIds facility ids of the model (see `model.facilities`)
 * @throws UsageError code `unknown-facility` for an id with no link in the model.
 * @example closeFacilities(model, ["road:crossing:sutong"]).closedLinks.length // 2 (both directions)
 */
export function closeFacilities(model: WhatIfModel, facilityIds: readonly string[]): ScenarioPerturbation {
  const closedLinks: number[] = [];
  const closedViewLinks: number[][] = model.views.map(() => []);
  for (const id of facilityIds) {
    const f = model.facilities.get(id);
    if (!f) throw new UsageError(`facility "${id}" has no link in the what-if model`, "unknown-facility");
    closedLinks.push(...f.passengerLinks);
    f.viewLinks.forEach((links, k) => closedViewLinks[k]!.push(...links));
  }
  const sort = (xs: number[]) => xs.sort((a, b) => a - b);
  return { closedLinks: sort(closedLinks), closedViewLinks: closedViewLinks.map(sort) };
}

/**
 * Number of links of `layer` in the model's passenger network: what a `timeMin` sweep of that layer scales (0 for a
 * layer the commute isochrones do not ride, e.g. `rail`, whose trains are the `transit` layer).
 * @example passengerLinkCount(model, "road") // 144 on the 2019 baseline; passengerLinkCount(model, "rail") // 0
 */
export function passengerLinkCount(model: WhatIfModel, layer: string): number {
  const code = model.descriptor.layers.indexOf(layer);
  const linkLayer = openSharedArrays(model.descriptor.shared)["p.linkLayer"] as Uint8Array;
  let count = 0;
  for (let i = 0; i < linkLayer.length; i++) if (linkLayer[i] === code) count++;
  return count;
}

/** The base outcome as computed by engine/pool `computeWhatIfBase`. */
export interface WhatIfBaseInput {
  /** Float64Array(zoneCount × zoneCount), row = origin: unbounded minutes, Infinity = unreachable. */
  timeMin: Float64Array;
  /** Float64Array(zoneCount × cutoffCount): population reached per origin and cutoff, persons. */
  populationReachedPersons: Float64Array;
  /** Int32Array(zoneCount × ⌈linkCount / 32⌉): per origin, the links on its shortest paths to the zones. */
  pathLinkBits: Int32Array;
  /** Float64Array(queryCount): base max-flow per query. */
  maxFlow: Float64Array;
}

/**
 * Writes the base outcome into the model's shared memory (once, before any scenario task).
 * @throws UsageError code `invalid-argument` for arrays of the wrong length; code `base-ready` when already written.
 * @example writeWhatIfBase(model, base); model.baseReady // true
 */
export function writeWhatIfBase(model: WhatIfModel, base: WhatIfBaseInput): void {
  if (model.baseReady) throw new UsageError("the what-if base outcome is already written", "base-ready");
  const d = model.descriptor;
  const a = openSharedArrays(d.shared);
  const cutoffCount = d.cutoffsMin.length;
  if (
    base.timeMin.length !== d.zoneCount * d.zoneCount ||
    base.populationReachedPersons.length !== d.zoneCount * cutoffCount ||
    base.pathLinkBits.length !== d.zoneCount * linkWordCount(d.linkCount) ||
    base.maxFlow.length !== d.queries.length
  ) {
    throw new UsageError("writeWhatIfBase: array lengths do not match the model", "invalid-argument");
  }
  (a["base.timeMin"] as Float64Array).set(base.timeMin);
  (a["base.reached"] as Float64Array).set(base.populationReachedPersons);
  (a["base.pathLinks"] as Int32Array).set(base.pathLinkBits);
  (a["base.maxFlow"] as Float64Array).set(base.maxFlow);
  model.baseReady = true;
}
