/**
 * Road demand from the gravity model: an OD matrix (veh/h) between the centroids of a deltanet network, from their 2020
 * population and the free-flow road times between them (engine/gravity.ts is the model itself; this module feeds it
 * the road zones and their costs).
 *
 * Unconnected pairs: where no road route exists (e.g. a city without a road link), the cost is a great-circle fallback
 * (the network's assumptions): great-circle km × `roadCircuity` / `roadSpeedKph` × 60 + 2 × `centroidConnectorMin`. Their trips then
 * exist, and the assignment reports them as unreachable instead of the model silently dropping them.
 */
import { zoneCostMatrix } from "../algorithms/assignment/zone-skim.ts";
import type { AssignmentNetwork } from "../algorithms/assignment/assignment-network.ts";
import { requireAssumption } from "../model/network-assumptions.ts";
import { InputError, type Issue } from "../errors.ts";
import type { LinkTable } from "../model/link-table.ts";
import type { Network } from "../model/network.ts";
import { greatCircleKm, MIN_PER_HOUR } from "../units.ts";
import { compileLinkTable } from "./compile-link-table.ts";
import { gravityModel, type GravityParameters, type GravityResult } from "./gravity.ts";
import { roadLinkTable, type RoadLinkTableParameters } from "./road-link-table.ts";

/** An OD matrix keyed by zone ids. */
export interface OdDemand {
  /** Zone (centroid node) ids; order = matrix order. */
  zoneIds: string[];
  /** Float64Array(z × z), row = origin, veh/h. */
  demandVehPerHour: Float64Array;
}

/** Gravity demand of a road network, with the model's diagnostics. */
export interface RoadGravityDemand extends OdDemand {
  gravity: GravityResult;
  /** Float64Array(z × z): the costs the model used, minutes (road free-flow times; fallback where unreachable). */
  costMin: Float64Array;
  /** Number of zone pairs (i ≠ j) that used the great-circle fallback time. */
  fallbackPairCount: number;
}

/**
 * Gravity-model OD matrix (veh/h) between the centroids of a network from their 2020 population
 * (`populationPersons`) and free-flow road times on {@link roadLinkTable}; pairs without a road route use the
 * great-circle fallback read from the network's assumptions (`missing-assumption` when one is absent), so their trips
 * exist and are reported unreachable by
 * the assignment.
 * @param network the network (centroids with `populationPersons`, `lon`, `lat`)
 * @param gravity the gravity parameters, all given (`resolveGravityParameters` of src/api/assignment-parameters.ts
 *   applies the defaults)
 * @param tableParameters the road link table's BPR parameters and centroid blocking ({@link roadLinkTable})
 * @throws InputError `missing-population` naming centroids without a population, plus roadLinkTable's errors;
 *   UsageError for bad gravity parameters.
 * @example roadGravityDemand(network, gravity, { alpha: 0.15, beta: 4, blockCentroidFlows: true }).zoneIds.length // 41 for networks/yrd
 */
export function roadGravityDemand(network: Network, gravity: GravityParameters, tableParameters: RoadLinkTableParameters): RoadGravityDemand {
  const table = roadLinkTable(network, tableParameters);
  return gravityDemandForTable(network, table, compileLinkTable(table), gravity);
}

/**
 * {@link roadGravityDemand} on a road link table already built and compiled (the assignment's own, so that the
 * demand and the assignment see the same network).
 * @param network the network the table was built from (centroid populations and coordinates)
 * @param table its road link table ({@link roadLinkTable}); zones = `table.zoneNodeIds`, in that order
 * @param assignmentNetwork `compileLinkTable(table)`
 * @param gravity gravity parameters, all given
 * @throws as {@link roadGravityDemand}
 * @example gravityDemandForTable(network, table, compileLinkTable(table), gravity).fallbackPairCount // 0 when every pair has a road route
 */
export function gravityDemandForTable(network: Network, table: LinkTable, assignmentNetwork: AssignmentNetwork, gravity: GravityParameters): RoadGravityDemand {
  const zoneIds = [...table.zoneNodeIds];
  const z = zoneIds.length;
  const issues: Issue[] = [];
  const population = zoneIds.map((id) => {
    const p = network.getNodeAttribute(id, "populationPersons");
    if (typeof p !== "number") issues.push({ path: `nodes[${JSON.stringify(id)}].populationPersons`, code: "missing-population", message: `centroid "${id}" has no populationPersons` });
    return p ?? 0;
  });
  if (issues.length > 0) throw new InputError(issues);
  const costMin = zoneCostMatrix(assignmentNetwork);
  let fallbackPairCount = 0;
  for (let i = 0; i < z; i++) {
    for (let j = 0; j < z; j++) {
      if (i === j || costMin[i * z + j] !== Infinity) continue;
      const a = network.getNodeAttributes(zoneIds[i]);
      const b = network.getNodeAttributes(zoneIds[j]);
      if (a.lon === undefined || a.lat === undefined || b.lon === undefined || b.lat === undefined) continue;
      const neededBy = `the gravity model's fallback road time ${zoneIds[i]} → ${zoneIds[j]} (no road route)`;
      const km = greatCircleKm([a.lon, a.lat], [b.lon, b.lat]) * requireAssumption(network, "roadCircuity", neededBy);
      costMin[i * z + j] = (km / requireAssumption(network, "roadSpeedKph", neededBy)) * MIN_PER_HOUR + 2 * requireAssumption(network, "centroidConnectorMin", neededBy);
      fallbackPairCount++;
    }
  }
  const result = gravityModel(population, costMin, gravity);
  return { zoneIds, demandVehPerHour: result.demandVehPerHour, gravity: result, costMin, fallbackPairCount };
}
