/**
 * Assignment summaries: the link totals of an assignment run (vehicle-hours, vehicle-km, links over capacity), summed
 * in one function for every caller, and the JSON-safe {@link RoadAssignmentSummary} of a road assignment (what `run`,
 * `assign` and `compare` report before/after).
 * @see AequilibraE `paths/traffic_assignment.py` (results and effective parameters reported as data).
 */
import { compareCodeUnits } from "../model/compare-code-units.ts";
import type { Network } from "../model/network.ts";
import { MIN_PER_HOUR } from "../units.ts";
import type { AssignmentRun, AssignParameters, LinkFlow } from "./assign.ts";
import type { GravityParameters } from "./gravity.ts";
import type { CongestedLink, GravityDiagnostics, RoadAssignmentSummary } from "../model/run-result.ts";

export type { CongestedLink, GravityDiagnostics, RoadAssignmentSummary };

/** Totals over a set of assigned links. */
export interface LinkTotals {
  /** Σ flow × congested time / 60, vehicle-hours per hour. */
  vehicleHours: number;
  /** Σ flow × free-flow time / 60, vehicle-hours per hour (the same flows at zero congestion). */
  freeFlowVehicleHours: number;
  /** Σ flow × length, vehicle-km per hour (0 for links without a length). */
  vehicleKm: number;
  /** Links with v/c > 1 (an uncongested link, v/c null, never is). */
  linksOverCapacity: number;
}

/**
 * Sums the totals of assigned links, in the order given (so the same links always give the same floating-point sums).
 * @param links assigned links (`AssignmentRun.links`, or a subset of them)
 * @param lengthKmOf length of a link, km (default: none, so `vehicleKm` is 0)
 * @example sumLinkTotals([{ flowVehPerHour: 600, congestedTimeMin: 12, freeFlowTimeMin: 10, vcRatio: 1.2, … }], () => 20)
 * // { vehicleHours: 120, freeFlowVehicleHours: 100, vehicleKm: 12000, linksOverCapacity: 1 }
 */
export function sumLinkTotals(links: Iterable<LinkFlow>, lengthKmOf: (linkId: string) => number = () => 0): LinkTotals {
  let vehicleHours = 0;
  let freeFlowVehicleHours = 0;
  let vehicleKm = 0;
  let linksOverCapacity = 0;
  for (const link of links) {
    vehicleHours += (link.flowVehPerHour * link.congestedTimeMin) / MIN_PER_HOUR;
    freeFlowVehicleHours += (link.flowVehPerHour * link.freeFlowTimeMin) / MIN_PER_HOUR;
    vehicleKm += link.flowVehPerHour * lengthKmOf(link.linkId);
    if (link.vcRatio !== null && link.vcRatio > 1) linksOverCapacity++;
  }
  return { vehicleHours, freeFlowVehicleHours, vehicleKm, linksOverCapacity };
}

/** Effective parameters of a road assignment, as its summary records them. */
export type RoadAssignmentParameters = AssignParameters & {
  alpha: number;
  beta: number;
  demandSource: "gravity" | "given";
  gravity?: GravityParameters;
};

/** What {@link summarizeRoadAssignment} summarises. */
export interface RoadAssignmentOutcome {
  /** The network assigned (link names and lengths, centroid names). */
  network: Network;
  /** The run on its road link table (connectors uncongested: capacity null). */
  run: AssignmentRun;
  /** Zone ids of the run, in matrix order. */
  zoneIds: readonly string[];
  /** The demand assigned, Float64Array(z × z) in `zoneIds` order, veh/h. */
  demandVehPerHour: Float64Array;
  parameters: RoadAssignmentParameters;
  /** Present when the demand came from the gravity model. */
  gravity?: GravityDiagnostics;
  /** How many links to list in `topCongestedLinks`, integer ≥ 0. */
  topLinkCount: number;
}

/**
 * The summary of a road assignment: totals over the road links ({@link sumLinkTotals}; centroid connectors left
 * out), the most congested road links, and the isolated zones (every pair with demand to or from them is
 * unreachable, e.g. a city without a road link).
 * @example summarizeRoadAssignment({ network, run, zoneIds, demandVehPerHour, parameters, topLinkCount: 10 }).totals.delayVehicleHours
 * // vehicle-hours lost to congestion in the hour
 */
export function summarizeRoadAssignment(outcome: RoadAssignmentOutcome): RoadAssignmentSummary {
  const { network, run, zoneIds, demandVehPerHour } = outcome;
  const roadLinks = run.links.filter((link) => link.capacityVehPerHour !== null && link.vcRatio !== null);
  const totals = sumLinkTotals(roadLinks, (linkId) => network.getEdgeAttribute(linkId, "lengthKm") ?? 0);
  const congested: CongestedLink[] = roadLinks.map((link) => {
    const name = network.getEdgeAttribute(link.linkId, "name");
    return {
      linkId: link.linkId,
      ...(name !== undefined ? { name } : {}),
      fromNodeId: link.fromNodeId,
      toNodeId: link.toNodeId,
      flowVehPerHour: link.flowVehPerHour,
      capacityVehPerHour: link.capacityVehPerHour as number,
      vcRatio: link.vcRatio as number,
      freeFlowTimeMin: link.freeFlowTimeMin,
      congestedTimeMin: link.congestedTimeMin,
    };
  });
  congested.sort((a, b) => b.vcRatio - a.vcRatio || compareCodeUnits(a.linkId, b.linkId));
  const isolatedZoneIds = isolatedZones(zoneIds, demandVehPerHour, run).sort(compareCodeUnits);
  return {
    kind: "deltanet-road-assignment",
    parameters: outcome.parameters,
    converged: run.converged,
    iterations: run.iterations,
    relativeGap: run.relativeGap,
    zoneCount: zoneIds.length,
    roadLinkCount: roadLinks.length,
    demand: {
      totalVehPerHour: run.demand.totalVehPerHour,
      assignedVehPerHour: run.demand.assignedVehPerHour,
      intrazonalVehPerHour: run.demand.intrazonalVehPerHour,
      unreachable: {
        pairCount: run.demand.unreachablePairCount,
        demandVehPerHour: run.demand.unreachableVehPerHour,
        isolatedZoneIds,
        isolatedZoneNames: isolatedZoneIds.map((id) => network.getNodeAttribute(id, "name") ?? id),
      },
      ...(outcome.gravity !== undefined ? { gravity: outcome.gravity } : {}),
    },
    totals: {
      vehicleHours: totals.vehicleHours,
      freeFlowVehicleHours: totals.freeFlowVehicleHours,
      delayVehicleHours: totals.vehicleHours - totals.freeFlowVehicleHours,
      vehicleKm: totals.vehicleKm,
      linksOverCapacity: totals.linksOverCapacity,
    },
    topCongestedLinks: congested.slice(0, outcome.topLinkCount),
  };
}

/** Zones with unreachable demand whose every pair with demand (to or from them, i ≠ j) is unreachable, in zone order. */
function isolatedZones(zoneIds: readonly string[], demandVehPerHour: Float64Array, run: AssignmentRun): string[] {
  const z = zoneIds.length;
  const pairsWithDemand = new Int32Array(z);
  const unreachableCounts = new Int32Array(z);
  for (let i = 0; i < z; i++) {
    for (let j = 0; j < z; j++) {
      if (i === j || !(demandVehPerHour[i * z + j] > 0)) continue;
      pairsWithDemand[i]++;
      pairsWithDemand[j]++;
    }
  }
  const zoneIndex = new Map(zoneIds.map((id, i) => [id, i]));
  for (const p of run.demand.unreachablePairs) {
    unreachableCounts[zoneIndex.get(p.originZoneId) as number]++;
    unreachableCounts[zoneIndex.get(p.destinationZoneId) as number]++;
  }
  return zoneIds.filter((_, i) => unreachableCounts[i] > 0 && unreachableCounts[i] === pairsWithDemand[i]);
}
