/**
 * Compiles the keyed graphology {@link Network} once into a {@link CompiledNetwork} (CSR typed arrays + id ↔ index
 * maps) for the shortest-path searches, and maps index-space results back to ids at the edge.
 *
 * Index spaces (documented contract, stable for a given network):
 * - compiled node index = position in the network's node order (graphology node insertion order); every node of the
 *   network is compiled, also those no selected link touches (they are simply unreachable);
 * - compiled link index = position in the network's link order (graphology edge insertion order) after filtering by
 *   `layers`; `linkIds[i]` is the link's key (= its `id` attribute).
 * Costs are validated here, once, and never coerced: a missing, negative, NaN or non-number cost is an InputError
 * naming the link. `Infinity` is accepted and means impassable; a closure is the `closed` mask, not a rebuild.
 * @see graphology `src/indices/neighborhood.js` (compile a keyed graph to typed arrays, collect results back to keys).
 */
import { buildCsr, type Csr } from "../algorithms/csr.ts";
import type { ShortestPath } from "../algorithms/path.ts";
import { InputError, UsageError, type Issue, IssueList } from "../errors.ts";
import { LAYERS, type Layer, type LinkAttributes, type Network } from "../model/network.ts";

/** Most cost issues listed in one InputError; the rest are counted in a final `too-many-issues` issue. */
export const MAX_COST_ISSUES = 20;

/** The layers compiled when `options.layers` is not given: every layer except power (power links carry no time). */
export const DEFAULT_COMPILE_LAYERS: readonly Layer[] = LAYERS.filter((layer) => layer !== "power");

/** Options of {@link compileNetwork}. */
export interface CompileOptions {
  /** Layers whose links are compiled. Default {@link DEFAULT_COMPILE_LAYERS} (all but `power`). */
  layers?: readonly Layer[];
  /**
   * Link cost: `"timeMin"` (default, the link's generalised travel time in minutes) or a function of the link's
   * attributes returning a cost ≥ 0 (or Infinity = impassable) in one consistent unit of your choice.
   */
  cost?: "timeMin" | ((attributes: LinkAttributes, linkId: string) => number);
}

/** A network compiled for the searches. Arrays are indexed as described in the module header. */
export interface CompiledNetwork {
  /** Node ids by compiled node index (length nodeCount). */
  readonly nodeIds: string[];
  /** Node id → compiled node index. */
  readonly nodeIndex: Map<string, number>;
  /** Link ids by compiled link index (length linkCount). */
  readonly linkIds: string[];
  /** Link id → compiled link index (only compiled links). */
  readonly linkIndex: Map<string, number>;
  /** Int32Array(linkCount): from-node index of each compiled link (the same array as `csr.linkFromNodes`). */
  readonly fromIndex: Int32Array;
  /** Int32Array(linkCount): to-node index of each compiled link (the same array as `csr.linkToNodes`). */
  readonly toIndex: Int32Array;
  /** The CSR; its link costs are in minutes with the default cost, else the cost function's unit. */
  readonly csr: Csr;
  /** Uint8Array(linkCount), 1 = closed: the same array as `csr.closed`, initialised from the links' `closed` attribute. */
  readonly closed: Uint8Array;
  /** Float64Array(nodeCount): node longitude, degrees; NaN when the node has none. */
  readonly lon: Float64Array;
  /** Float64Array(nodeCount): node latitude, degrees; NaN when the node has none. */
  readonly lat: Float64Array;
  /** The layers compiled. */
  readonly layers: readonly Layer[];
  /** `"timeMin"`, or `"custom"` when a cost function was given. */
  readonly costName: "timeMin" | "custom";
}

/**
 * Compiles `network` into CSR arrays and id ↔ index maps.
 *
 * @param network the deltanet network (not modified)
 * @param options `layers` (default all but power), `cost` (default `"timeMin"`, minutes)
 * @returns the compiled network; O(nodes + links)
 * @throws InputError code `invalid-cost` listing every compiled link whose cost is missing, not a number (a `"12"`
 *   string is refused), NaN or negative — each issue's path is `links["<id>"].timeMin` (or `.cost` for a function)
 *   and its message names the link id and the value (at most {@link MAX_COST_ISSUES}, then a count).
 * @throws UsageError code `invalid-option` for an unknown layer name or cost option.
 * @example
 * // network: A →(10 min) B →(5 min) C, plus a power link
 * const compiled = compileNetwork(network);
 * compiled.nodeIds   // ["A", "B", "C"]
 * compiled.linkIds   // ["A-B", "B-C"] (power link left out)
 * compiled.csr.linkCosts // Float64Array [10, 5]
 */
export function compileNetwork(network: Network, options: CompileOptions = {}): CompiledNetwork {
  const layers = options.layers ?? DEFAULT_COMPILE_LAYERS;
  if (!Array.isArray(layers)) throw new UsageError("compileNetwork: layers must be an array of layer names", "invalid-option");
  for (const layer of layers) {
    if (!LAYERS.includes(layer)) {
      throw new UsageError(`compileNetwork: unknown layer "${String(layer)}" (expected one of ${LAYERS.join(", ")})`, "invalid-option");
    }
  }
  const costOption = options.cost ?? "timeMin";
  if (costOption !== "timeMin" && typeof costOption !== "function") {
    throw new UsageError(`compileNetwork: cost must be "timeMin" or a function (got ${JSON.stringify(costOption)})`, "invalid-option");
  }
  const costField = costOption === "timeMin" ? "timeMin" : "cost";
  const layerSet = new Set<string>(layers);

  const nodeCount = network.order;
  const nodeIds: string[] = new Array(nodeCount);
  const nodeIndex = new Map<string, number>();
  const lon = new Float64Array(nodeCount).fill(NaN);
  const lat = new Float64Array(nodeCount).fill(NaN);
  let v = 0;
  network.forEachNode((id, attributes) => {
    nodeIds[v] = id;
    nodeIndex.set(id, v);
    if (typeof attributes.lon === "number") lon[v] = attributes.lon;
    if (typeof attributes.lat === "number") lat[v] = attributes.lat;
    v++;
  });

  const linkIds: string[] = [];
  const linkIndex = new Map<string, number>();
  const from: number[] = [];
  const to: number[] = [];
  const costs: number[] = [];
  const closedFlags: number[] = [];
  const issues = new IssueList({
    max: MAX_COST_ISSUES,
    omitted: (count) => ({ code: "too-many-issues", message: `${count} more link(s) with an invalid ${costField}` }),
  });
  network.forEachEdge((id, attributes, source, target) => {
    if (!layerSet.has(attributes.layer)) return;
    const cost = costOption === "timeMin" ? attributes.timeMin : costOption(attributes, id);
    if (typeof cost !== "number" || !(cost >= 0)) {
      const got = typeof cost === "string" ? JSON.stringify(cost) : String(cost);
      issues.add({
        code: "invalid-cost",
        path: `links[${JSON.stringify(id)}].${costField}`,
        message: `link "${id}" has ${costField} ${got}; expected a number ≥ 0 (or Infinity for impassable)`,
      });
      return;
    }
    linkIndex.set(id, linkIds.length);
    linkIds.push(id);
    from.push(nodeIndex.get(source) as number);
    to.push(nodeIndex.get(target) as number);
    costs.push(cost);
    closedFlags.push(attributes.closed === true ? 1 : 0);
  });
  issues.throwIfAny("invalid-cost");
  const closed = Uint8Array.from(closedFlags);
  const csr = buildCsr(nodeCount, Int32Array.from(from), Int32Array.from(to), Float64Array.from(costs), closed);
  return {
    nodeIds,
    nodeIndex,
    linkIds,
    linkIndex,
    fromIndex: csr.linkFromNodes,
    toIndex: csr.linkToNodes,
    csr,
    closed,
    lon,
    lat,
    layers: [...layers],
    costName: costOption === "timeMin" ? "timeMin" : "custom",
  };
}

/**
 * Closes or reopens one compiled link in place (no rebuild): writes `compiled.closed` (= `csr.closed`), which every
 * later search reads.
 * @param link compiled link index (0 … linkCount − 1) or link id
 * @param closed true = impassable
 * @throws UsageError code `unknown-link` for an id that was not compiled (wrong id, or a layer left out);
 *   code `invalid-link-index` for an index out of range.
 * @example setLinkClosed(compiled, "A-B", true); compiled.closed[compiled.linkIndex.get("A-B")!] // 1
 */
export function setLinkClosed(compiled: CompiledNetwork, link: number | string, closed: boolean): void {
  compiled.closed[resolveLink(compiled, link)] = closed ? 1 : 0;
}

function resolveLink(compiled: CompiledNetwork, link: number | string): number {
  if (typeof link === "string") {
    const index = compiled.linkIndex.get(link);
    if (index === undefined) throw new UsageError(`link "${link}" is not in the compiled network (layers: ${compiled.layers.join(", ")})`, "unknown-link");
    return index;
  }
  if (!Number.isInteger(link) || link < 0 || link >= compiled.linkIds.length) {
    throw new UsageError(`link index must be an integer in 0 … ${compiled.linkIds.length - 1} (got ${link})`, "invalid-link-index");
  }
  return link;
}

/**
 * Compiled node index of a node id.
 * @throws UsageError code `unknown-node` when the id is not in the network.
 * @example nodeIndexOf(compiled, "B") // 1
 */
export function nodeIndexOf(compiled: CompiledNetwork, nodeId: string): number {
  const index = compiled.nodeIndex.get(nodeId);
  if (index === undefined) throw new UsageError(`node "${nodeId}" is not in the network`, "unknown-node");
  return index;
}

/**
 * Maps a per-node array (e.g. `singleSourceCosts(...).costs`) back to node ids, in node-index order.
 * @param values Float64Array(nodeCount), indexed by compiled node index (costs keep their unit: minutes by default)
 * @param options `reachedOnly` (default false): leave out nodes whose value is Infinity (unreachable)
 * @returns a record nodeId → value; unreachable nodes keep `Infinity` (never 0 or null) unless left out
 * @throws UsageError code `invalid-argument` when `values.length !== nodeCount`.
 * @example collectNodeValues(compiled, Float64Array.of(0, 10, Infinity)) // { A: 0, B: 10, C: Infinity }
 * @example collectNodeValues(compiled, Float64Array.of(0, 10, Infinity), { reachedOnly: true }) // { A: 0, B: 10 }
 */
export function collectNodeValues(
  compiled: CompiledNetwork,
  values: Float64Array,
  options: { reachedOnly?: boolean } = {},
): Record<string, number> {
  if (values.length !== compiled.nodeIds.length) {
    throw new UsageError(`values must have length nodeCount = ${compiled.nodeIds.length} (got ${values.length})`, "invalid-argument");
  }
  const entries: [string, number][] = [];
  for (let i = 0; i < values.length; i++) {
    if (options.reachedOnly === true && values[i] === Infinity) continue;
    entries.push([compiled.nodeIds[i], values[i]]);
  }
  return Object.fromEntries(entries);
}

/** A path in id space. */
export interface CollectedPath {
  /** Path cost (minutes with the default cost). */
  cost: number;
  /** Link ids, origin → destination. */
  linkIds: string[];
  /** Node ids, origin first, destination last. */
  nodeIds: string[];
}

/**
 * Maps a path from index space to ids, keeping travel order origin → destination.
 * @example collectPath(compiled, search.path(0, 2)!) // { cost: 15, linkIds: ["A-B", "B-C"], nodeIds: ["A", "B", "C"] }
 */
export function collectPath(compiled: CompiledNetwork, path: ShortestPath): CollectedPath {
  return {
    cost: path.cost,
    linkIds: Array.from(path.links, (i) => compiled.linkIds[i]),
    nodeIds: Array.from(path.nodes, (i) => compiled.nodeIds[i]),
  };
}
