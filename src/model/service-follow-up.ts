/**
 * Service follow-up: what follows, in a network whose infrastructure was changed (a scenario's working copy after its
 * modifications), from the links out of service, closed or retimed. Services follow their infrastructure, and what
 * no service reaches any more leaves the network.
 *
 * 1. Transit rides follow the rail link they run over (`railLinkId`): a ride whose rail link was removed, is out of
 *    service or is closed goes out of service (trains cannot run over a closed track; the ride is a service, so it
 *    is removed rather than kept closed, and step 2 removes the stop nodes it leaves without a ride). A ride closed
 *    or removed by a modification stays as it is; a ride is never re-opened here. When the rail link's `timeMin`
 *    changed, a ride left as it was in the base takes ride time × new / base link time (the ride's dwell scales with
 *    it: an approximation). A changed `trainsPerDay` is only reported (`trainsChangedRailLinkIds`): boarding waits
 *    are not recomputed.
 * 2. Out-of-service links are removed. Then every transit stop node (kind `service-stop`) with no `rail-ride` link
 *    left is removed together with its board/alight links: a stop of a pattern that does not run is not in service
 *    (board/alight links are a stop node's access, as station-access links are a station's). Then every other
 *    non-centroid node that had an infrastructure (non-`access`) link in the base network but has none left is
 *    removed together with its access links: a station with no line in service is not in service, and neither are
 *    its access/egress links; transit board/alight links count as service of a station. Closed links still count.
 *
 * Deterministic: links and nodes are removed in code-unit order of their ids.
 */
import { compareCodeUnits } from "./compare-code-units.ts";
import { TRANSIT_LINK_TYPES, type Network } from "./network.ts";

/** What {@link followUpService} changed, as counts for reports. */
export interface ServiceFollowUp {
  /** Transit rides taken out of service because their rail link was closed, removed or out of service. */
  ridesStoppedWithRailLinks: number;
  /** Transit rides whose timeMin was scaled with their rail link's (ride unchanged from the base). */
  ridesRetimedWithRailLinks: number;
  /** Rail links whose trainsPerDay changed under a ride in service, ascending: their boarding waits are not recomputed. */
  trainsChangedRailLinkIds: string[];
  /** Out-of-service links removed (the given ones still in the network, plus the stopped rides). */
  outOfServiceLinksRemoved: number;
  /** Nodes removed because no infrastructure link of theirs (for a transit stop node: no ride) is left. */
  nodesRemoved: number;
  /** Access links (and board/alight links of transit stop nodes) removed with those nodes. */
  accessLinksRemovedWithNodes: number;
}

/** Step 1 of the module header: stops and retimes rides in `network`, adding the stopped ones to `outOfService`. */
function followRailLinks(network: Network, base: Network, outOfService: Set<string>): { stopped: number; retimed: number; trainsChangedRailLinkIds: string[] } {
  let stopped = 0;
  let retimed = 0;
  const trainsChanged = new Set<string>();
  network.forEachEdge((id, a) => {
    if (a.railLinkId === undefined || outOfService.has(id)) return;
    if (!network.hasEdge(a.railLinkId) || outOfService.has(a.railLinkId)) {
      outOfService.add(id);
      stopped++;
      return;
    }
    const rail = network.getEdgeAttributes(a.railLinkId);
    if (rail.closed === true && a.closed !== true) {
      // Out of service rather than closed: a ride is a service, not a facility, so its stop nodes go too when it
      // was their only ride (step 2) instead of hanging off the stations as dead ends (new bridges in reports).
      outOfService.add(id);
      stopped++;
      return;
    }
    // A ride follows a change of its rail link's time in proportion, unless a modification changed the ride itself.
    if (!base.hasEdge(id) || !base.hasEdge(a.railLinkId)) return;
    const baseRail = base.getEdgeAttributes(a.railLinkId);
    const baseRide = base.getEdgeAttributes(id);
    if (rail.timeMin !== undefined && baseRail.timeMin !== undefined && baseRail.timeMin > 0 && rail.timeMin !== baseRail.timeMin) {
      if (a.timeMin === baseRide.timeMin && baseRide.timeMin !== undefined) {
        network.setEdgeAttribute(id, "timeMin", baseRide.timeMin * (rail.timeMin / baseRail.timeMin));
        retimed++;
      }
    }
    if (rail.trainsPerDay !== baseRail.trainsPerDay) trainsChanged.add(a.railLinkId);
  });
  return { stopped, retimed, trainsChangedRailLinkIds: [...trainsChanged].sort(compareCodeUnits) };
}

/**
 * Applies the service follow-up (module header, steps 1 and 2) to `network`, in place.
 * @param network the changed network (a working copy); modified: rides retimed, links and nodes removed
 * @param base the network before the changes (never modified): base ride/rail times, and which nodes had
 *   infrastructure
 * @param outOfService ids of the links of `network` that are out of service (ids no longer in it are ignored); not
 *   modified
 * @returns the counts of what was stopped, retimed and removed, and the rail links whose trainsPerDay changed under
 *   a ride
 * @example
 * // stations a, b, c, legs a–b and b–c, one pattern a → b → c (test/model/service-follow-up.test.ts): leg b–c out
 * followUpService(copy, base, new Set(["rail:leg:b-c:ab", "rail:leg:b-c:ba"]))
 * // { ridesStoppedWithRailLinks: 1, outOfServiceLinksRemoved: 3, nodesRemoved: 2 (stop 3, station c), … }
 */
export function followUpService(network: Network, base: Network, outOfService: ReadonlySet<string>): ServiceFollowUp {
  const stopping = new Set(outOfService);
  const rides = followRailLinks(network, base, stopping);

  const removedLinks = [...stopping].filter((id) => network.hasEdge(id)).sort(compareCodeUnits);
  for (const id of removedLinks) network.dropEdge(id);

  const hadInfrastructure = new Set<string>();
  base.forEachEdge((_id, a, source, target) => {
    if (a.layer === "access") return;
    hadInfrastructure.add(source);
    hadInfrastructure.add(target);
  });
  let nodesRemoved = 0;
  let accessLinksRemovedWithNodes = 0;
  const isRide = (id: string) => network.getEdgeAttribute(id, "linkType") === TRANSIT_LINK_TYPES.ride;
  const isInfrastructure = (id: string) => network.getEdgeAttribute(id, "layer") !== "access";
  const nodes = network.nodes().sort(compareCodeUnits);
  // Stop nodes first, so that a station left with only the board/alight links of dropped stop nodes goes too.
  for (const stopsPass of [true, false]) {
    for (const node of nodes) {
      if (!network.hasNode(node) || !hadInfrastructure.has(node)) continue;
      const kind = network.getNodeAttribute(node, "kind");
      if (kind === "centroid" || (kind === "service-stop") !== stopsPass) continue;
      const attached = network.edges(node);
      if (attached.some(stopsPass ? isRide : isInfrastructure)) continue;
      accessLinksRemovedWithNodes += attached.length;
      nodesRemoved++;
      network.dropNode(node);
    }
  }
  return {
    ridesStoppedWithRailLinks: rides.stopped,
    ridesRetimedWithRailLinks: rides.retimed,
    trainsChangedRailLinkIds: rides.trainsChangedRailLinkIds,
    outOfServiceLinksRemoved: removedLinks.length,
    nodesRemoved,
    accessLinksRemovedWithNodes,
  };
}
