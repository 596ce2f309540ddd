/**
 * Capacity between regions: max-flow value and min-cut facilities between two selected node groups on one layer,
 * with link capacities read from a named attribute (veh/h, MW or trains/day).
 * @see Ford & Fulkerson (1956), max-flow min-cut theorem; Dinic (1970) for the algorithm in src/algorithms/max-flow.ts.
 */
import { maxFlow } from "../algorithms/max-flow.ts";
import type { CapacityQuery, NodeSelector } from "../model/capacity-query.ts";
import { InputError } from "../errors.ts";
import type { Network, NodeAttributes } from "../model/network.ts";
import type { CompiledNetwork } from "./compile.ts";
import type { CapacityResult } from "../model/run-result.ts";

/**
 * True when a node matches every field of the selector. `province` and `yangtzeBank` are the node's own when it has
 * them, else those of its zone's centroid (`zone:<zoneId>`), so a river-bank sub-node can override its city's bank.
 */
function matchesSelector(network: Network, a: NodeAttributes, s: NodeSelector): boolean {
  const zone = a.zoneId !== undefined && network.hasNode(`zone:${a.zoneId}`) ? network.getNodeAttributes(`zone:${a.zoneId}`) : undefined;
  const province = a.province ?? zone?.province;
  const bank = a.yangtzeBank ?? zone?.yangtzeBank;
  if (s.zoneIds && (a.zoneId === undefined || !s.zoneIds.includes(a.zoneId))) return false;
  if (s.provinces && (province === undefined || !s.provinces.includes(province))) return false;
  if (s.yangtzeBank && bank !== s.yangtzeBank) return false;
  return true;
}

/**
 * The inputs of a capacity query on a layer view: per-link capacity from `query.capacityAttribute` (Float64Array of
 * length linkCount, in the query's unit; closed links keep their value — callers pass the closed mask to maxFlow),
 * and the source and sink node indexes (nodes of `query.layer` matching `from` / `to`; a node matching both is in
 * neither). Shared by {@link capacityBetween} and the what-if engine so both select exactly the same groups.
 * @throws InputError (code `missing-capacity`) naming the first links without a valid capacity (never read as 0 or ∞).
 */
export function capacityQueryGroups(
  network: Network,
  compiled: CompiledNetwork,
  query: CapacityQuery,
): { capacity: Float64Array; sources: Int32Array; sinks: Int32Array } {
  const { nodeIds, linkIds } = compiled;
  const capacity = new Float64Array(linkIds.length);
  const missing: string[] = [];
  for (let l = 0; l < linkIds.length; l++) {
    const v = network.getEdgeAttribute(linkIds[l]!, query.capacityAttribute);
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) missing.push(linkIds[l]!);
    else capacity[l] = v;
  }
  if (missing.length > 0) {
    throw new InputError({
      code: "missing-capacity",
      path: `links.${query.capacityAttribute}`,
      message: `${missing.length} ${query.layer} link(s) have no valid ${query.capacityAttribute} for capacity query "${query.id}": ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}`,
    });
  }
  const sources: number[] = [];
  const sinks: number[] = [];
  for (let v = 0; v < nodeIds.length; v++) {
    const a = network.getNodeAttributes(nodeIds[v]!);
    if (a.layer !== query.layer) continue;
    const inFrom = matchesSelector(network, a, query.from);
    const inTo = matchesSelector(network, a, query.to);
    if (inFrom && !inTo) sources.push(v);
    else if (inTo && !inFrom) sinks.push(v);
  }
  return { capacity, sources: Int32Array.from(sources), sinks: Int32Array.from(sinks) };
}

/**
 * Max-flow from the `from` group to the `to` group of `query` on `compiled` (a view of `query.layer`).
 *
 * Contract
 * - Link capacity = the link's `query.capacityAttribute` (≥ 0); closed links carry 0.
 * - A link of the layer without that attribute is an input error (never read as 0 or ∞).
 * - Only nodes of `query.layer` are selected; a node matching both selectors is left out of both groups.
 * @throws InputError (code `missing-capacity`) naming the first links without a capacity.
 * @example capacityBetween(net, compiled, DEFAULT_CAPACITY_QUERIES[2]).maxFlow // MW, Anhui → Shanghai
 */
export function capacityBetween(network: Network, compiled: CompiledNetwork, query: CapacityQuery): CapacityResult {
  const { nodeIds, linkIds, fromIndex, toIndex, closed } = compiled;
  const { capacity, sources, sinks } = capacityQueryGroups(network, compiled, query);
  const base = { id: query.id, label: query.label, layer: query.layer, unit: query.unit, sourceNodeCount: sources.length, sinkNodeCount: sinks.length };
  if (sources.length === 0 || sinks.length === 0) return { ...base, maxFlow: 0, minCut: [] };
  const r = maxFlow(nodeIds.length, fromIndex, toIndex, capacity, sources, sinks, closed);
  const byFacility = new Map<string, { facilityId: string; name?: string; capacity: number }>();
  for (const l of r.minCutLinks) {
    const a = network.getEdgeAttributes(linkIds[l]!);
    const entry = byFacility.get(a.facilityId) ?? { facilityId: a.facilityId, name: a.name, capacity: 0 };
    entry.capacity += capacity[l]!;
    byFacility.set(a.facilityId, entry);
  }
  const minCut = [...byFacility.values()].sort((x, y) => (x.facilityId < y.facilityId ? -1 : x.facilityId > y.facilityId ? 1 : 0));
  return { ...base, maxFlow: Number.isFinite(r.value) ? r.value : null, minCut };
}
