/**
 * Tests of the passenger network on the transit layer (PASSENGER_LAYERS in src/defaults.ts, analysed by
 * src/engine/analyse.ts): door-to-door times through boardings, rides, alightings and changes of train on hand-checkable
 * DSL networks, with every time derived in a comment.
 */
import { describe, expect, test } from "vitest";
import { dijkstra } from "graphology-shortest-path";
import { analyseNetwork, type ScenarioInfo } from "../../src/engine/analyse.ts";
import { resolveRoadAssignmentParameters } from "../../src/api/assignment-parameters.ts";
import { PASSENGER_LAYERS } from "../../src/defaults.ts";
import { readNetworkFolder } from "../../src/io/network-file.ts";
import { networkAssumptions } from "../../src/model/network-assumptions.ts";
import type { Network } from "../../src/model/network.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

const INFO: ScenarioInfo = { name: "t", files: [], networkChecksum: "", baseChecksum: "", log: [], warnings: [] };

/**
 * Three cities a, b, c with one station each. Pattern A rides a → b (30 min), pattern B rides b → c (40 min), pattern C
 * rides a → b → c without a change (30 + 60 = 90 min). Boarding = wait + BOARDING_MIN (5 min):
 * - at a, A and C board into the a→b corridor of 54 trains/day: wait ½ × 1080 / 54 = 10 min → 15 min;
 * - at b, B boards into the b→c corridor of 90 trains/day: wait ½ × 1080 / 90 = 6 min → 11 min (or `boardBMin`).
 * Access zone → station 20 min, egress station → zone 10 min. A rail leg a–c of 50 min is in the network but is not a
 * passenger link (20 + 50 + 10 = 80 min if it were ridden).
 */
function network(boardBMin = 11, waitBMin = 6): Network {
  return tinyNetwork(`
    zone:a -> rail:a 20min access type=station-access
    rail:a -> zone:a 10min access type=station-egress
    zone:b -> rail:b 20min access type=station-access
    rail:b -> zone:b 10min access type=station-egress
    zone:c -> rail:c 20min access type=station-access
    rail:c -> zone:c 10min access type=station-egress
    rail:a <-> rail:c 50min 80tpd id=rail:leg:a-c

    rail:a -> svc:A:f:1 15min waitMin=10 type=rail-board id=transit:A:f:1:board
    svc:A:f:1 -> svc:A:f:2 30min 54tpd id=transit:A:f:1-2
    svc:A:f:2 -> rail:b 0min type=rail-alight id=transit:A:f:2:alight

    rail:b -> svc:B:f:1 ${boardBMin}min waitMin=${waitBMin} type=rail-board id=transit:B:f:1:board
    svc:B:f:1 -> svc:B:f:2 40min 90tpd id=transit:B:f:1-2
    svc:B:f:2 -> rail:c 0min type=rail-alight id=transit:B:f:2:alight

    rail:a -> svc:C:f:1 15min waitMin=10 type=rail-board id=transit:C:f:1:board
    svc:C:f:1 -> svc:C:f:2 30min 2tpd id=transit:C:f:1-2
    svc:C:f:2 -> svc:C:f:3 60min 2tpd id=transit:C:f:2-3
    svc:C:f:3 -> rail:c 0min type=rail-alight id=transit:C:f:3:alight

    node zone:a zoneId=A populationPersons=100
    node zone:b zoneId=B populationPersons=20
    node zone:c zoneId=C populationPersons=3
  `);
}

function doorToDoorMin(net: Network, from: string, to: string): number | null {
  const m = analyseNetwork(net, INFO, { cutoffsMin: [180], passengerLayers: PASSENGER_LAYERS, capacityQueries: [], assignment: { parameters: resolveRoadAssignmentParameters() } }).travelTimeMin;
  return m.matrix[m.zoneIds.indexOf(from)]![m.zoneIds.indexOf(to)]!;
}

describe("analyseNetwork(network) on the transit layer — boarding and transfer rule", () => {
  test("the board links of the fixture use the bundled network's assumptions: wait = ½ × 1080 / trains/day (≤ 30) + 5", () => {
    // networks/yrd/network.json: waitMin = min(waitCapMin, waitHeadwayFraction × serviceWindowMin / f), + boardingMin.
    expect(networkAssumptions(readNetworkFolder("networks/yrd"))).toMatchObject({ boardingMin: 5, waitHeadwayFraction: 0.5, serviceWindowMin: 1080, waitCapMin: 30 });
    // ½ × 1080 / 54 = 10 and ½ × 1080 / 90 = 6, both under the 30 min cap: the board links of the fixture are 15 and 11.
  });

  test("a → c changes trains at b: access + board A + ride A + alight + board B + ride B + alight + egress = 126 min", () => {
    // 20 + (10 + 5) + 30 + 0 + (6 + 5) + 40 + 0 + 10 = 126; station to station (ride A, alight, board B) is
    // A time + wait + BOARDING_MIN + B time = 30 + 6 + 5 + 40 = 81. Through pattern C: 20 + 15 + 90 + 10 = 135.
    expect(doorToDoorMin(network(), "A", "C")).toBeCloseTo(126, 9);
  });

  test("a long wait at the transfer station makes the through train win: 135 min instead of 20 + 15 + 30 + 30 + 40 + 10 = 145", () => {
    // Board B with a 25 min wait (+ 5) = 30 min: changing costs 145 > 135 by pattern C.
    expect(doorToDoorMin(network(30, 25), "A", "C")).toBeCloseTo(135, 9);
  });

  test("the rail leg a–c is not ridden by the passenger network (it would give 20 + 50 + 10 = 80 min)", () => {
    expect(PASSENGER_LAYERS).toEqual(["transit", "road", "access"]);
    expect(doorToDoorMin(network(), "A", "C")).toBeGreaterThan(80);
    // Reverse direction: no pattern runs c → a, so only the leg could carry the trip: out of reach.
    expect(doorToDoorMin(network(), "C", "A")).toBeNull();
  });

  test("a → b alights from pattern A: 20 + 15 + 30 + 0 + 10 = 75 min; the result equals graphology-shortest-path", () => {
    const net = network();
    expect(doorToDoorMin(net, "A", "B")).toBeCloseTo(75, 9);
    const passenger = new Set<string>(PASSENGER_LAYERS);
    const path = dijkstra.bidirectional(net, "zone:a", "zone:c", (_e, a) => (passenger.has(a.layer) ? a.timeMin! : Infinity));
    expect(path).toEqual(["zone:a", "rail:a", "svc:A:f:1", "svc:A:f:2", "rail:b", "svc:B:f:1", "svc:B:f:2", "rail:c", "zone:c"]);
  });

  test("passenger connectivity counts stations and stop nodes (3 zones + 3 stations + 7 stops = 13 nodes, 1 weak component)", () => {
    const passenger = analyseNetwork(network(), INFO, { cutoffsMin: [180], passengerLayers: PASSENGER_LAYERS, capacityQueries: [], assignment: { parameters: resolveRoadAssignmentParameters() } }).connectivity.find((c) => c.layer === "passenger")!;
    expect(passenger.nodeCount).toBe(13);
    expect(passenger.weakComponentCount).toBe(1);
    // 6 access + 3 + 3 + 4 transit links (the rail leg is not a passenger link).
    expect(passenger.linkCount).toBe(16);
  });
});
