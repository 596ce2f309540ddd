/**
 * Connectivity of a layer: weak and strong components, bridges and articulation points of the in-service links,
 * computed on compiled index arrays and mapped back to facility and node ids.
 *
 * Bridges and articulation points use the undirected view in which the two directions of one facility are a single
 * edge; two facilities between the same nodes are parallel edges, so neither is a bridge.
 */
import { bridgesAndArticulationPoints } from "../algorithms/bridges.ts";
import { strongComponents, weakComponents } from "../algorithms/components.ts";
import type { Network } from "../model/network.ts";
import type { CompiledNetwork } from "./compile.ts";
import type { LayerConnectivity } from "../model/run-result.ts";

/**
 * Connectivity summary of a compiled layer view. Closed links are left out; only nodes whose `layer` is one of the
 * compiled layers count (plus centroids when `access` is compiled, and stations when `transit` is: its board and
 * alight links join the stop nodes to the stations), so other layers' nodes are not isolated components.
 * @param label layer name for the report (`rail`, …, or `passenger`)
 * @example layerConnectivity(net, compileNetwork(net, { layers: ["road"] }), "road").weakComponentCount // 1
 */
export function layerConnectivity(network: Network, compiled: CompiledNetwork, label: LayerConnectivity["layer"]): LayerConnectivity {
  const { nodeIds, linkIds, fromIndex, toIndex, closed } = compiled;
  const nodeCount = nodeIds.length;
  // The layer's own nodes (centroids too when access links are compiled): other layers' nodes are not counted.
  const layers = new Set<string>(compiled.layers);
  if (layers.has("access")) layers.add("zone");
  if (layers.has("transit")) layers.add("rail");
  const nodeMask = new Uint8Array(nodeCount);
  let layerNodeCount = 0;
  for (let v = 0; v < nodeCount; v++) {
    if (layers.has(network.getNodeAttribute(nodeIds[v]!, "layer"))) {
      nodeMask[v] = 1;
      layerNodeCount++;
    }
  }
  const facilityIndex = new Map<string, number>();
  const facilityIds: string[] = [];
  const facilityOfLink = new Int32Array(linkIds.length);
  let linkCount = 0;
  for (let l = 0; l < linkIds.length; l++) {
    const f = network.getEdgeAttribute(linkIds[l]!, "facilityId");
    let fi = facilityIndex.get(f);
    if (fi === undefined) {
      fi = facilityIds.length;
      facilityIndex.set(f, fi);
      facilityIds.push(f);
    }
    facilityOfLink[l] = fi;
    if (!closed[l]) linkCount++;
  }
  const weak = weakComponents(nodeCount, fromIndex, toIndex, closed, nodeMask);
  const strong = strongComponents(nodeCount, fromIndex, toIndex, closed, nodeMask);
  const ba = bridgesAndArticulationPoints(nodeCount, fromIndex, toIndex, facilityOfLink, closed);
  const facilityName = new Map<string, string | undefined>();
  for (let l = 0; l < linkIds.length; l++) {
    const f = facilityIds[facilityOfLink[l]!]!;
    if (!facilityName.has(f)) facilityName.set(f, network.getEdgeAttribute(linkIds[l]!, "name"));
  }
  const bridges = Array.from(ba.bridgeFacilities, (fi) => facilityIds[fi]!)
    .sort()
    .map((facilityId) => ({ facilityId, name: facilityName.get(facilityId) }));
  const articulationPoints = Array.from(ba.articulationNodes, (v) => nodeIds[v]!)
    .sort()
    .map((nodeId) => ({ nodeId, name: network.getNodeAttribute(nodeId, "name") }));
  return {
    layer: label,
    nodeCount: layerNodeCount,
    linkCount,
    weakComponentCount: weak.count,
    strongComponentCount: strong.count,
    bridges,
    articulationPoints,
  };
}
