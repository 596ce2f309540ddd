/**
 * The road link table of a deltanet network: the road layer plus its centroid connectors as a {@link LinkTable}, the
 * id-keyed shape that traffic assignment loads (engine/assign.ts) and the gravity demand reads its free-flow times from
 * (engine/gravity-demand.ts).
 *
 * Road link assumptions: the given BPR alpha and beta on every road link (expressways and Yangtze crossings; defaults
 * 0.15 and 4 in src/defaults.ts, applied by the library API); capacity = the link's `capacityVehPerHour` (per
 * direction), else lanes / 2 × the per-lane capacity of its network's assumption `laneCapacityPcuPerHour`
 * (model/network-assumptions.ts); centroid connectors are uncongested (capacity Infinity: time = their `timeMin`,
 * 15 min). Station access/egress links and the rail, water and power layers are left out. Closed links
 * (scenario `closed: true`) stay in the table, marked closed. Link free-flow time = `timeMin` (includes border
 * delays). Zones are the centroids (ascending id), blocked so that no path passes through a third city.
 */
import { requireAssumption } from "../model/network-assumptions.ts";
import { IssueList, UsageError } from "../errors.ts";
import { compareCodeUnits } from "../model/compare-code-units.ts";
import type { LinkTable, LinkTableLink } from "../model/link-table.ts";
import type { Network } from "../model/network.ts";
import { describeLinkValue, MAX_LINK_TABLE_ISSUES } from "./compile-link-table.ts";

/** Parameters of {@link roadLinkTable}, all given (defaults in src/defaults.ts, applied by the library API). */
export interface RoadLinkTableParameters {
  /** BPR alpha of road links, finite ≥ 0. */
  alpha: number;
  /** BPR beta of road links, finite ≥ 0. */
  beta: number;
  /** Paths may not pass through centroids. */
  blockCentroidFlows: boolean;
}

/**
 * Checks road link table parameters: alpha, then beta.
 * @throws UsageError code `invalid-option` for an alpha or beta that is not a finite number ≥ 0, e.g.
 *   `alpha must be a finite number ≥ 0 (got -1)`
 * @example checkRoadLinkTableParameters({ alpha: 0.15, beta: 4, blockCentroidFlows: true }) // passes
 */
export function checkRoadLinkTableParameters(parameters: RoadLinkTableParameters): void {
  for (const [name, value] of [["alpha", parameters.alpha], ["beta", parameters.beta]] as const) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new UsageError(`${name} must be a finite number ≥ 0 (got ${JSON.stringify(value)})`, "invalid-option");
    }
  }
}

/**
 * Per-direction capacity of a road link from its lane count (both directions), veh/h: lanes / 2 × the per-lane capacity.
 * @param lanes lanes in both directions, integer > 0
 * @param laneCapacityPcuPerHour capacity of one lane, pcu/h counted as veh/h (the network's `laneCapacityPcuPerHour`)
 * @example laneCapacityVehPerHour(6, 2000) // 6000
 */
export function laneCapacityVehPerHour(lanes: number, laneCapacityPcuPerHour: number): number {
  return (lanes / 2) * laneCapacityPcuPerHour;
}

/**
 * The road assignment link table of a deltanet network: every `road` link (BPR, capacity per direction) plus every
 * `centroid-connector` access link (uncongested); nodes = the centroids and the links' ends, in network order; zones =
 * centroid nodes in ascending id order, blocked.
 *
 * @throws InputError listing up to 20 links: `missing-capacity` (road link with neither capacityVehPerHour nor lanes),
 *   `invalid-capacity` (0, negative, NaN, or not a number: a `"4000"` string is refused), `invalid-time` (timeMin
 *   missing, negative, NaN); paths are `links["<id>"].<field>`. UsageError `invalid-option` for bad alpha/beta
 *   ({@link checkRoadLinkTableParameters}).
 * @example
 * const table = roadLinkTable(network, { alpha: 0.15, beta: 4, blockCentroidFlows: true });
 * table.zoneNodeIds.length // 41 for networks/yrd
 * table.links.filter((l) => l.capacityVehPerHour === Infinity).length // 82 centroid connectors
 */
export function roadLinkTable(network: Network, parameters: RoadLinkTableParameters): LinkTable {
  checkRoadLinkTableParameters(parameters);
  const { alpha, beta } = parameters;
  const issues = new IssueList({
    max: MAX_LINK_TABLE_ISSUES,
    omitted: (count) => ({ code: "too-many-issues", message: `${count} more road link problem(s)` }),
  });
  const zoneNodeIds = network.filterNodes((_id, a) => a.kind === "centroid").sort(compareCodeUnits);
  const links: LinkTableLink[] = [];
  network.forEachEdge((id, a, source, target) => {
    const isRoad = a.layer === "road";
    const isConnector = a.layer === "access" && a.linkType === "centroid-connector";
    if (!isRoad && !isConnector) return;
    const path = (field: string) => `links[${JSON.stringify(id)}].${field}`;
    const time = a.timeMin;
    if (typeof time !== "number" || !Number.isFinite(time) || time < 0) {
      issues.add({ path: path("timeMin"), code: "invalid-time", message: `link "${id}" has timeMin ${describeLinkValue(time)}; expected a finite number ≥ 0 (minutes)` });
      return;
    }
    let capacity = Infinity;
    if (isRoad) {
      const given = a.capacityVehPerHour;
      if (given === undefined) {
        if (typeof a.lanes === "number" && Number.isInteger(a.lanes) && a.lanes > 0) {
          capacity = laneCapacityVehPerHour(a.lanes, requireAssumption(network, "laneCapacityPcuPerHour", `road link "${id}" (lanes but no capacityVehPerHour)`));
        }
        else {
          issues.add({ path: path("capacityVehPerHour"), code: "missing-capacity", message: `road link "${id}" has neither capacityVehPerHour nor lanes` });
          return;
        }
      } else if (typeof given !== "number" || !(given > 0) || !Number.isFinite(given)) {
        issues.add({
          path: path("capacityVehPerHour"),
          code: "invalid-capacity",
          message: `road link "${id}" has capacityVehPerHour ${describeLinkValue(given)}; expected a finite number > 0 (veh/h)`,
        });
        return;
      } else capacity = given;
    }
    links.push({
      id,
      fromNodeId: source,
      toNodeId: target,
      freeFlowTimeMin: time,
      capacityVehPerHour: capacity,
      alpha: isRoad ? alpha : 0,
      beta: isRoad ? beta : 1,
      fixedCostMin: 0,
      closed: a.closed === true,
    });
  });
  issues.throwIfAny();
  // Nodes: the centroids and the ends of the selected links, in network order (not the whole multimodal graph).
  const used = new Set<string>(zoneNodeIds);
  for (const l of links) {
    used.add(l.fromNodeId);
    used.add(l.toNodeId);
  }
  const nodeIds = network.filterNodes((id) => used.has(id));
  return {
    name: network.getAttribute("name"),
    nodeIds,
    zoneNodeIds,
    blockedNodeIds: parameters.blockCentroidFlows ? zoneNodeIds : [],
    links,
  };
}
