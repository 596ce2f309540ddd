/**
 * Tests of src/engine/analyse.ts (isochrones, connectivity, capacity) on hand-checkable networks: the tiny delta
 * fixture through real scenario files, and DSL networks with derivations in comments.
 */
import { describe, expect, test } from "vitest";
import { dijkstra } from "graphology-shortest-path";
import { analyseNetwork, type ScenarioInfo } from "../../src/engine/analyse.ts";
import { compileNetwork } from "../../src/engine/compile.ts";
import { computeIsochrones } from "../../src/engine/isochrones.ts";
import { capacityBetween } from "../../src/engine/capacity.ts";
import { compareScenarios } from "../../src/api/compare.ts";
import { runScenario } from "../../src/api/run.ts";
import { resolveRoadAssignmentParameters } from "../../src/api/assignment-parameters.ts";
import { PASSENGER_LAYERS } from "../../src/defaults.ts";
import { UsageError } from "../../src/errors.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

const FIX = "test/fixtures/scenarios";
const INFO: ScenarioInfo = { name: "t", files: [], networkChecksum: "", baseChecksum: "", log: [], warnings: [] };

function reach(run: ReturnType<typeof runScenario>, zoneId: string, cutoffMin: number) {
  return run.isochrones.find((c) => c.zoneId === zoneId)!.byCutoff.find((r) => r.cutoffMin === cutoffMin)!;
}

describe("runScenario(tiny-delta baseline-2019) — hand-derived door-to-door times", () => {
  const run = runScenario({ scenario: `${FIX}/baseline-2019.yaml` });
  const iz = run.travelTimeMin.zoneIds;
  const t = (o: string, d: string) => run.travelTimeMin.matrix[iz.indexOf(o)]![iz.indexOf(d)];

  test("Shanghai → Suzhou is 85.4 min by road: the fixture's rail legs are not ridden (no transit patterns)", () => {
    // road: 15 + 84 km/100 kph (50.4) + 5 border delay + 15 = 85.4. The rail leg shhq–szb (30 access + 25 + 20 egress
    // = 75) is not a passenger link: PASSENGER_LAYERS rides the transit layer, which tiny-delta does not have (the
    // boarding/transfer rule is tested on DSL networks in test/engine/transit-passenger.test.ts).
    expect(t("310100", "320500")).toBeCloseTo(85.4, 9);
  });
  test("Shanghai → Nantong is 107 min by G40 (15 + 72 + 5 + 15); the 2020 railway is not in the baseline", () => {
    expect(t("310100", "320600")).toBeCloseTo(107, 9);
  });
  test("Shanghai → Yancheng (197 min) is beyond the 180 min cutoff: null, never 0", () => {
    // road: 15 + 77 + 90 (150 km) + 15 = 197 > 180.
    expect(t("310100", "320900")).toBeNull();
  });
  test("reach of Shanghai: 60 min = itself; 90 min + Suzhou; 120 and 180 min + Nantong", () => {
    expect(reach(run, "310100", 60)).toMatchObject({ citiesReached: 1, populationReachedPersons: 24_870_895 });
    expect(reach(run, "310100", 90)).toMatchObject({ citiesReached: 2, populationReachedPersons: 24_870_895 + 12_748_262 });
    expect(reach(run, "310100", 120)).toMatchObject({ citiesReached: 3, populationReachedPersons: 24_870_895 + 12_748_262 + 7_726_635 });
    expect(reach(run, "310100", 180).citiesReached).toBe(3);
  });
});

describe("compareScenarios(tiny baseline, tiny plan-2025)", () => {
  const cmp = compareScenarios({ before: `${FIX}/baseline-2019.yaml`, after: `${FIX}/plan-2025.yaml` });
  test("Nantong gets closer (107 → 102 min without the border delay); Yancheng stays out of reach", () => {
    const m = cmp.runs.after.travelTimeMin;
    const t = (o: string, d: string) => m.matrix[m.zoneIds.indexOf(o)]![m.zoneIds.indexOf(d)];
    // Nantong: G40 without the 5 min border delay: 15 + 72 + 15 = 102 (rail via the new bridge: 30+25+40+20 = 115).
    expect(t("310100", "320600")).toBeCloseTo(102, 9);
    // Yancheng: the 2020-12 Nantong–Yancheng line is no plan project, so it stays closed: 15 + 72 + 90 + 15 = 192 > 180.
    expect(t("310100", "320900")).toBeNull();
    // Suzhou → Yancheng via Sutong (unchanged, 15 + 24 + 90 + 15 = 144).
    expect(t("320500", "320900")).toBeCloseTo(144, 9);
  });
  test("no city loses reach when projects open", () => {
    for (const c of cmp.isochrones) for (const r of c.byCutoff) expect(r.changePopulationPersons).toBeGreaterThanOrEqual(0);
  });
  test("the Sutong GIL adds 4,000 MW between Jiangsu and Shanghai (6,000 → 10,000 MW)", () => {
    const before = cmp.runs.before.connectivity.find((c) => c.layer === "power")!;
    expect(before.linkCount).toBe(3); // DC line + two directions of the AC corridor
    const after = cmp.runs.after.connectivity.find((c) => c.layer === "power")!;
    expect(after.linkCount).toBe(5);
  });
});

describe("computeIsochrones(network, compiled, options)", () => {
  const net = tinyNetwork(`
    zone:a <-> road:a 10min
    zone:b <-> road:b 10min
    zone:c <-> road:c 10min
    road:a <-> road:b 30min
    road:b -> road:c 30min
    node zone:a zoneId=A populationPersons=100
    node zone:b zoneId=B populationPersons=20
    node zone:c zoneId=C populationPersons=3
  `);
  const compiled = compileNetwork(net, { layers: ["road", "access"] });
  test("cutoffs are inclusive and counts include the origin", () => {
    // a→b = 10 + 30 + 10 = 50; a→c = 10 + 30 + 30 + 10 = 80; c reaches nothing (one-way b→c).
    const out = computeIsochrones(net, compiled, { cutoffsMin: [50, 79, 80] });
    const a = out.cities.find((c) => c.zoneId === "A")!;
    expect(a.byCutoff.map((r) => r.populationReachedPersons)).toEqual([120, 120, 123]);
    expect(a.byCutoff.map((r) => r.nodesReached)).toEqual([4, 5, 6]); // zone:a, road:a, road:b, zone:b (+ road:c at 70, zone:c at 80)
    const c = out.cities.find((x) => x.zoneId === "C")!;
    expect(c.byCutoff.map((r) => r.citiesReached)).toEqual([1, 1, 1]);
  });
  test("a closed link is impassable", () => {
    const closedNet = net.copy();
    closedNet.setEdgeAttribute("road:a-b:ab", "closed", true);
    const out = computeIsochrones(closedNet, compileNetwork(closedNet, { layers: ["road", "access"] }), { cutoffsMin: [180] });
    expect(out.cities.find((c) => c.zoneId === "A")!.byCutoff[0]!.citiesReached).toBe(1);
  });
  test("refuses a 0, negative, NaN or unordered cutoff instead of reading it as 'none'", () => {
    for (const bad of [[0], [-5], [NaN], [60, 30]]) {
      expect(() => computeIsochrones(net, compiled, { cutoffsMin: bad })).toThrow(UsageError);
    }
  });
  test("times equal graphology-shortest-path dijkstra on the same graph", () => {
    const out = computeIsochrones(net, compiled, { cutoffsMin: [1000] });
    const n = out.zoneIds.length;
    for (let i = 0; i < n; i++) {
      const origin = `zone:${out.zoneIds[i]!.toLowerCase()}`;
      const paths = dijkstra.singleSource(net, origin, "timeMin");
      for (let j = 0; j < n; j++) {
        const dest = `zone:${out.zoneIds[j]!.toLowerCase()}`;
        const p = paths[dest];
        const oracle = p ? p.slice(1).reduce((s, node, k) => s + Math.min(...net.outEdges(p[k]!, node).map((e) => net.getEdgeAttribute(e, "timeMin")!)), 0) : Infinity;
        expect(out.timeMin[i * n + j]).toBeCloseTo(oracle, 9);
      }
    }
  });
});

describe("capacityBetween(network, compiled, query)", () => {
  // Two crossings north → south: 4,000 + 6,000 veh/h, behind a 20,000 veh/h feeder: max flow 10,000, cut = crossings.
  const net = tinyNetwork(`
    road:n1 -> road:n2 20000vph 10min
    road:n2 -> road:s1 4000vph 10min id=road:crossing:x
    road:n2 -> road:s1 6000vph 10min id=road:crossing:y
    road:s1 -> road:s2 3000vph 10min
    node road:n1 yangtzeBank=north
    node road:n2 yangtzeBank=north
    node road:s1 yangtzeBank=south
    node road:s2 yangtzeBank=south
  `);
  const compiled = compileNetwork(net, { layers: ["road"], cost: () => 0 });
  const query = { id: "q", label: "q", layer: "road", capacityAttribute: "capacityVehPerHour", unit: "veh/h", from: { yangtzeBank: "north" }, to: { yangtzeBank: "south" } } as const;
  test("max flow is the two crossings' 10,000 veh/h and the min cut lists them", () => {
    const r = capacityBetween(net, compiled, query);
    expect(r.maxFlow).toBe(10_000);
    expect(r.minCut.map((c) => [c.facilityId, c.capacity])).toEqual([["road:crossing:x", 4000], ["road:crossing:y", 6000]]);
  });
  test("closing one crossing leaves 6,000 veh/h", () => {
    const closed = net.copy();
    closed.setEdgeAttribute("road:crossing:x", "closed", true);
    const r = capacityBetween(closed, compileNetwork(closed, { layers: ["road"], cost: () => 0 }), query);
    expect(r.maxFlow).toBe(6000);
  });
  test("a node without a bank of its own takes its zone centroid's; a node's own bank overrides its zone's", () => {
    // zone X is north: road:a (no bank) is north, road:b (own bank south) is south, road:c (no zone, no bank) neither.
    // Max flow road:a → road:b = direct 1,000 + via road:c min(700, 300) = 1,300 veh/h.
    const zoned = tinyNetwork(`
      road:a -> road:b 1000vph 10min
      road:a -> road:c 700vph 10min
      road:c -> road:b 300vph 10min
      zone:X -> road:c 10min
      node zone:X zoneId=X yangtzeBank=north
      node road:a zoneId=X
      node road:b zoneId=X yangtzeBank=south
    `);
    const r = capacityBetween(zoned, compileNetwork(zoned, { layers: ["road"], cost: () => 0 }), query);
    expect(r.maxFlow).toBe(1300);
  });
});

describe("analyseNetwork(network, info)", () => {
  test("reports every infrastructure layer plus the passenger network", () => {
    const net = tinyNetwork(`
      zone:a <-> road:a 10min
      road:a <-> road:b 10min 4000vph
      zone:b <-> road:b 10min
      node zone:a zoneId=A populationPersons=1 province=Shanghai yangtzeBank=south
      node zone:b zoneId=B populationPersons=1 province=Jiangsu yangtzeBank=north
    `);
    const run = analyseNetwork(net, INFO, { cutoffsMin: [30], passengerLayers: PASSENGER_LAYERS, capacityQueries: [], assignment: { parameters: resolveRoadAssignmentParameters() } });
    expect(run.connectivity.map((c) => c.layer)).toEqual(["rail", "road", "water", "power", "passenger"]);
    const road = run.connectivity.find((c) => c.layer === "road")!;
    // road:a–road:b is the only facility: a bridge; 2 nodes, no articulation point.
    expect(road).toMatchObject({ nodeCount: 2, linkCount: 2, weakComponentCount: 1, strongComponentCount: 1 });
    expect(road.bridges.map((b) => b.facilityId)).toEqual(["road:a-b"]);
    const passenger = run.connectivity.find((c) => c.layer === "passenger")!;
    // zone:a – road:a – road:b – zone:b is a path: 3 bridges, road:a and road:b are articulation points.
    expect(passenger.bridges).toHaveLength(3);
    expect(passenger.articulationPoints.map((p) => p.nodeId)).toEqual(["road:a", "road:b"]);
  });
});
