/**
 * City reachability: which zone centroids can reach which others at all on a compiled network (no time limit,
 * closed links impassable), the data behind the `reachability` check rule ("no city loses reachability").
 *
 * Design: one unbounded single-source search per centroid (the same Dijkstra as the isochrones, so "reachable"
 * means exactly "finite travel time" there). On the bundled passenger network (287 nodes, 1,876 links, 41 centroids)
 * that is 41 searches over a graph the isochrones already search 41 times with a 180 min cutoff; a per-node BFS would
 * be no simpler and could disagree with the isochrones on links of infinite cost.
 */
import { singleSourceCosts } from "../algorithms/dijkstra.ts";
import { UsageError } from "../errors.ts";
import type { Network } from "../model/network.ts";
import type { CompiledNetwork } from "./compile.ts";
import type { CityReachability } from "../model/run-result.ts";
import { compareCodeUnits } from "../model/compare-code-units.ts";


/**
 * The ordered city pairs with no path between them on `compiled` (typically the passenger view: rail + road + access).
 *
 * Contract
 * - Cities are the nodes of kind `centroid`, identified by their `zoneId` (the node id when absent), in ascending
 *   node id order, as in the isochrones (`zone:<adcode>` ids, so ascending adcode on the bundled data).
 * - A pair `[o, d]` is listed when the least travel time from o to d is Infinity (no path of finite cost avoiding
 *   closed links). Links are directed, so `[o, d]` may be listed without `[d, o]`. A city always reaches itself.
 * - Output pairs are in city order: by origin, then destination; deterministic.
 * @param network the network `compiled` was built from (for node kinds and zone ids)
 * @param compiled a compiled view holding every centroid
 * @returns `{ zoneIds, unreachablePairs }`; `unreachablePairs` is empty when every city reaches every other
 * @throws UsageError (code `not-compiled`) when a centroid is missing from `compiled`
 * @example
 * // zone:a <-> road:a -> road:b <-> zone:b (road:a → road:b one way)
 * cityReachability(net, compileNetwork(net, { layers: ["road", "access"] }))
 * // { zoneIds: ["A", "B"], unreachablePairs: [["B", "A"]] }
 */
export function cityReachability(network: Network, compiled: CompiledNetwork): CityReachability {
  const centroids = network.filterNodes((_id, a) => a.kind === "centroid");
  const cities = centroids
    .map((id) => ({ id, zoneId: network.getNodeAttribute(id, "zoneId") ?? id }))
    .sort((a, b) => compareCodeUnits(a.id, b.id));
  const indexes = cities.map(({ id }) => {
    const v = compiled.nodeIndex.get(id);
    if (v === undefined) throw new UsageError(`centroid ${id} is not in the compiled network`, "not-compiled");
    return v;
  });
  const unreachablePairs: [string, string][] = [];
  for (let i = 0; i < cities.length; i++) {
    const { costs } = singleSourceCosts(compiled.csr, indexes[i]!, { closed: compiled.closed });
    for (let j = 0; j < cities.length; j++) {
      if (i !== j && costs[indexes[j]!] === Infinity) unreachablePairs.push([cities[i]!.zoneId, cities[j]!.zoneId]);
    }
  }
  return { zoneIds: cities.map((c) => c.zoneId), unreachablePairs };
}
