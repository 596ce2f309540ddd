/**
 * Tests of the assignment engine (src/engine/assign.ts): link tables from TNTP and from deltanet networks, input
 * errors naming links, and the YRD road assignment — gravity totals, the unreachable-zone report (Huainan, Huaibei),
 * flow conservation, closures and determinism — on the bundled networks/yrd and scenarios.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { resolveAssignParameters, resolveGravityParameters, resolveRoadAssignmentParameters, resolveRoadLinkTableParameters } from "../../src/api/assignment-parameters.ts";
import { assignLinkTable, assignRoad, assignScenarioRoad, type RoadAssignment } from "../../src/engine/assign.ts";
import { roadGravityDemand } from "../../src/engine/gravity-demand.ts";
import { laneCapacityVehPerHour, roadLinkTable } from "../../src/engine/road-link-table.ts";
import type { LinkTable } from "../../src/model/link-table.ts";
import { InputError, UsageError } from "../../src/errors.ts";
import { readTntpFolder, tntpLinkTable } from "../../src/io/tntp.ts";
import type { Network } from "../../src/model/network.ts";
import { formatJson } from "../../src/report/format.ts";
import { applyScenario } from "../../src/scenario/apply-scenario.ts";
import { REPO_ROOT } from "../support/shared-data.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

/** The default road link table and gravity parameters, and a tight assignment of the YRD road layer. */
const TABLE = resolveRoadLinkTableParameters();
const GRAVITY = resolveGravityParameters();
const PRECISE = resolveRoadAssignmentParameters({ relativeGapTarget: 1e-6, maxIterations: 500 });

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues;
  }
  throw new Error("expected an InputError");
};

describe("assignLinkTable(table, demand, parameters)", () => {
  test("TwoRoutes fixture: 2000 veh/h split 1606.86 / 393.14 so that both routes cost 20 min", () => {
    // test/fixtures/tntp/TwoRoutes: 10 (1 + 0.15 x⁴) = 20 ⇒ x = (20/3)^¼, v = 1000 x; the power-0 route costs 20.
    const folder = readTntpFolder(join(REPO_ROOT, "test/fixtures/tntp/TwoRoutes"));
    const run = assignLinkTable(tntpLinkTable(folder.net, folder.name), folder.trips.demandVehPerHour, resolveAssignParameters({ relativeGapTarget: 1e-10, maxIterations: 100 }));
    const flow = Object.fromEntries(run.links.map((l) => [l.linkId, l.flowVehPerHour]));
    expect(flow["1-3"]).toBeCloseTo(1000 * (20 / 3) ** 0.25, 4);
    expect(flow["1-4"]).toBeCloseTo(2000 - 1000 * (20 / 3) ** 0.25, 4);
    expect(flow["2-4"]).toBe(0);
    expect(run.links.find((l) => l.linkId === "1-3")?.congestedTimeMin).toBeCloseTo(20, 6);
    expect(run).toMatchObject({ name: "TwoRoutes", converged: true, parameters: { algorithm: "bfw", relativeGapTarget: 1e-10, maxIterations: 100 } });
    expect(run.links[0]).toMatchObject({ linkId: "1-3", fromNodeId: "1", toNodeId: "3", capacityVehPerHour: 1000 });
  });

  const table = (capacity: unknown, time: unknown = 1): LinkTable => ({
    name: "t",
    file: "t.json",
    nodeIds: ["a", "b"],
    zoneNodeIds: ["a", "b"],
    blockedNodeIds: [],
    links: [
      { id: "a-b", fromNodeId: "a", toNodeId: "b", freeFlowTimeMin: time as number, capacityVehPerHour: capacity as number, alpha: 0.15, beta: 4, fixedCostMin: 0 },
      { id: "b-a", fromNodeId: "b", toNodeId: "c", freeFlowTimeMin: 1, capacityVehPerHour: 0, alpha: 0.15, beta: 4, fixedCostMin: 0 },
    ],
  });

  test("refuses capacity 0, a negative or string capacity and an unknown node, listing every link by id", () => {
    for (const bad of [0, -10, "4000", Number.NaN]) {
      const issues = issuesOf(() => assignLinkTable(table(bad), new Float64Array(4), resolveAssignParameters()));
      expect(issues[0]).toMatchObject({ file: "t.json", code: "invalid-capacity", path: 'links["a-b"].capacityVehPerHour' });
      expect(issues.map((i) => i.code)).toEqual(["invalid-capacity", "unknown-node", "invalid-capacity"]);
    }
  });

  test("refuses a negative free-flow time and a negative demand (InputError), bad options (UsageError)", () => {
    expect(issuesOf(() => assignLinkTable(table(100, -1), new Float64Array(4), resolveAssignParameters()))[0]).toMatchObject({ code: "invalid-time", path: 'links["a-b"].freeFlowTimeMin' });
    const ok: LinkTable = { ...table(100), links: [table(100).links[0]] };
    expect(issuesOf(() => assignLinkTable(ok, Float64Array.of(0, -2, 0, 0), resolveAssignParameters()))[0]).toMatchObject({ code: "invalid-demand", path: 'demand["a"]["b"]' });
    expect(() => assignLinkTable(ok, new Float64Array(4), resolveAssignParameters({ algorithm: "msa" as never }))).toThrow(UsageError);
    expect(() => assignLinkTable(ok, new Float64Array(4), resolveAssignParameters({ maxIterations: 0 }))).toThrow(expect.objectContaining({ code: "invalid-option" }));
  });
});

describe("roadLinkTable(network)", () => {
  const NET = `
    assumption laneCapacityPcuPerHour=2000
    road:A <-> road:B 60min 4000vph
    road:B -> road:C 30min 6lanes
    road:C -> road:A 30min 4000vph closed=true
    rail:X -> rail:Y 10min 80tpd
    zone:1 <-> road:A 15min
    zone:2 <-> road:C 15min
    zone:1 -> rail:X 20min type=station-access
  `;

  test("takes road links (BPR 0.15/4) and centroid connectors (uncongested), zones = centroids, blocked", () => {
    const t = roadLinkTable(tinyNetwork(NET), TABLE);
    expect(t.zoneNodeIds).toEqual(["zone:1", "zone:2"]);
    expect(t.blockedNodeIds).toEqual(["zone:1", "zone:2"]);
    const byId = Object.fromEntries(t.links.map((l) => [l.id, l]));
    expect(Object.keys(byId).sort()).toEqual([
      "access:zone:1-road:A:ab",
      "access:zone:1-road:A:ba",
      "access:zone:2-road:C:ab",
      "access:zone:2-road:C:ba",
      "road:A-B:ab",
      "road:A-B:ba",
      "road:B-C",
      "road:C-A",
    ]);
    expect(byId["road:A-B:ab"]).toMatchObject({ freeFlowTimeMin: 60, capacityVehPerHour: 4000, alpha: 0.15, beta: 4 });
    // 6 lanes (both directions), no capacity ⇒ 3 lanes × 2,000 veh/h = 6,000 veh/h per direction
    expect(byId["road:B-C"].capacityVehPerHour).toBe(6000);
    expect(byId["road:C-A"].closed).toBe(true);
    expect(byId["access:zone:1-road:A:ab"]).toMatchObject({ capacityVehPerHour: Infinity, alpha: 0, freeFlowTimeMin: 15 });
  });

  test("refuses a road link with neither capacity nor lanes, and one with capacity 0, naming the links", () => {
    const issues = issuesOf(() => roadLinkTable(tinyNetwork("road:A -> road:B 10min\nroad:B -> road:A 10min 0vph\nzone:1 -> road:A 1min"), TABLE));
    expect(issues).toEqual([
      expect.objectContaining({ code: "missing-capacity", path: 'links["road:A-B"].capacityVehPerHour' }),
      expect.objectContaining({ code: "invalid-capacity", path: 'links["road:B-A"].capacityVehPerHour' }),
    ]);
  });

  test("laneCapacityVehPerHour: 4 lanes ⇒ 4,000, 8 lanes ⇒ 8,000 veh/h per direction at 2,000 per lane", () => {
    expect(laneCapacityVehPerHour(4, 2000)).toBe(4000);
    expect(laneCapacityVehPerHour(8, 2000)).toBe(8000);
  });

  test("the per-lane capacity is the network's laneCapacityPcuPerHour assumption, never a built-in default", () => {
    // 6 lanes (both directions) at 1,800 per lane ⇒ 3 × 1,800 = 5,400 veh/h per direction
    const t = roadLinkTable(tinyNetwork(NET.replace("laneCapacityPcuPerHour=2000", "laneCapacityPcuPerHour=1800")), TABLE);
    expect(t.links.find((l) => l.id === "road:B-C")!.capacityVehPerHour).toBe(5400);
    // Without the assumption the link that needs it is refused, naming the assumption and the link.
    const issues = issuesOf(() => roadLinkTable(tinyNetwork(NET.replace("assumption laneCapacityPcuPerHour=2000", "")), TABLE));
    expect(issues).toEqual([expect.objectContaining({ code: "missing-assumption", path: "assumptions.laneCapacityPcuPerHour" })]);
    expect(issues[0]!.message).toContain('road link "road:B-C"');
    // A network whose road links all carry a capacity needs no assumption at all.
    expect(roadLinkTable(tinyNetwork("road:A <-> road:B 60min 4000vph\nzone:1 <-> road:A 15min"), TABLE).links).toHaveLength(4);
  });

  test("a given OD matrix on a tiny network: closed links carry nothing; the pair they cut off is reported", () => {
    const network = tinyNetwork(`${NET}\nnode zone:1 populationPersons=1000000\nnode zone:2 populationPersons=2000000`);
    // 100 veh/h zone 1 → zone 2 (A → B → C), 50 veh/h zone 2 → zone 1: C → A is closed and nothing else leaves C
    const demand = { zoneIds: ["zone:1", "zone:2"], demandVehPerHour: Float64Array.of(0, 100, 50, 0) };
    const { run, summary } = assignRoad(network, { parameters: resolveRoadAssignmentParameters({ relativeGapTarget: 1e-8, maxIterations: 100 }), demand });
    const flow = Object.fromEntries(run.links.map((l) => [l.linkId, l.flowVehPerHour]));
    expect(flow["road:C-A"]).toBe(0);
    expect(flow["road:A-B:ab"]).toBe(100);
    expect(flow["road:B-C"]).toBe(100);
    expect(run.demand.unreachablePairs).toEqual([{ originZoneId: "zone:2", destinationZoneId: "zone:1", demandVehPerHour: 50 }]);
    // neither zone is isolated: zone 1 → zone 2 works
    expect(summary.demand.unreachable).toEqual({ pairCount: 1, demandVehPerHour: 50, isolatedZoneIds: [], isolatedZoneNames: [] });
  });
});

describe("roadGravityDemand(network, gravity, table): fallback time of a pair without a road route", () => {
  // Two cities one degree of longitude apart on the equator, each with its own road stub and no road between them.
  const NET = `
    zone:1 <-> road:A 15min
    zone:2 <-> road:B 15min
    road:A <-> road:C 10min 4000vph
    road:B <-> road:D 10min 4000vph
    node zone:1 lon=0 lat=0 populationPersons=1000
    node zone:2 lon=1 lat=0 populationPersons=1000
  `;

  test("is great-circle × roadCircuity at roadSpeedKph plus two centroidConnectorMin, from the network's assumptions", () => {
    const demand = roadGravityDemand(tinyNetwork(`assumption roadCircuity=1.25 roadSpeedKph=100 centroidConnectorMin=15\n${NET}`), GRAVITY, TABLE);
    // 2π × 6371.0088 / 360 = 111.195080 km × 1.25 = 138.993850 km at 100 km/h = 83.396310 min + 2 × 15 = 113.396310
    expect(demand.fallbackPairCount).toBe(2);
    expect(demand.costMin[1]).toBeCloseTo(113.39631, 5);
    expect(demand.costMin[2]).toBeCloseTo(113.39631, 5);
    // Other values give other times: 111.195080 × 1.5 = 166.792620 km at 50 km/h = 200.151144 min + 2 × 10 = 220.151144
    const other = roadGravityDemand(tinyNetwork(`assumption roadCircuity=1.5 roadSpeedKph=50 centroidConnectorMin=10\n${NET}`), GRAVITY, TABLE);
    expect(other.costMin[1]).toBeCloseTo(220.151144, 5);
  });

  test("refuses a network without the assumptions the fallback needs, naming the first one missing", () => {
    const issues = issuesOf(() => roadGravityDemand(tinyNetwork(`assumption roadCircuity=1.25 centroidConnectorMin=15\n${NET}`), GRAVITY, TABLE));
    expect(issues).toEqual([expect.objectContaining({ code: "missing-assumption", path: "assumptions.roadSpeedKph" })]);
    expect(issues[0]!.message).toContain('network "tiny" has no assumption "roadSpeedKph"');
    // A speed of 0 is refused, not turned into an infinite time.
    const zero = issuesOf(() => roadGravityDemand(tinyNetwork(`assumption roadCircuity=1.25 roadSpeedKph=0 centroidConnectorMin=15\n${NET}`), GRAVITY, TABLE));
    expect(zero).toEqual([expect.objectContaining({ code: "invalid-assumption", path: "assumptions.roadSpeedKph" })]);
  });
});

describe("assignRoad(network) on the YRD baseline-2019 road layer", () => {
  let network: Network;
  let result: RoadAssignment;
  beforeAll(() => {
    network = applyScenario(join(REPO_ROOT, "scenarios/baseline-2019.yaml")).network;
    result = assignRoad(network, { parameters: PRECISE });
  });

  test("gravity: total demand = rate × 2020 population; doubly constrained rows and columns both equal rate × population", () => {
    const demand = roadGravityDemand(network, GRAVITY, TABLE);
    const g = demand.gravity;
    const z = demand.zoneIds.length;
    expect(z).toBe(41);
    const population = demand.zoneIds.map((id) => network.getNodeAttribute(id, "populationPersons") as number);
    const rate = g.parameters.tripRateVehPerHourPerPerson;
    const total = demand.demandVehPerHour.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(rate * population.reduce((a, b) => a + b, 0), 4);
    expect(g.balanced).toBe(true);
    for (let i = 0; i < z; i++) {
      let row = 0;
      let column = 0;
      for (let j = 0; j < z; j++) {
        row += demand.demandVehPerHour[i * z + j];
        column += demand.demandVehPerHour[j * z + i];
      }
      expect(row).toBeCloseTo(rate * population[i], 5);
      expect(column).toBeCloseTo(rate * population[i], 5);
      expect(demand.demandVehPerHour[i * z + i]).toBe(0);
    }
    // Huainan and Huaibei have no road: their 2 × 40 + 2 × 40 − 2 = 158 ordered pairs use the great-circle fallback
    expect(demand.fallbackPairCount).toBe(158);
  });

  test("reports Huainan and Huaibei as isolated: all 158 pairs to or from them unreachable, never dropped", () => {
    const s = result.summary;
    expect(s.demand.unreachable.isolatedZoneIds).toEqual(["zone:340400", "zone:340600"]);
    expect(s.demand.unreachable.isolatedZoneNames).toEqual(["Huainan", "Huaibei"]); // zones.json names (2020 census cities)
    expect(s.demand.unreachable.pairCount).toBe(158);
    const z = result.demand.zoneIds.length;
    const isolated = ["zone:340400", "zone:340600"].map((id) => result.demand.zoneIds.indexOf(id));
    let expected = 0;
    for (let i = 0; i < z; i++) {
      for (let j = 0; j < z; j++) {
        if (i !== j && (isolated.includes(i) || isolated.includes(j))) expected += result.demand.demandVehPerHour[i * z + j];
      }
    }
    expect(s.demand.unreachable.demandVehPerHour).toBeCloseTo(expected, 6);
    expect(s.demand.assignedVehPerHour + s.demand.unreachable.demandVehPerHour).toBeCloseTo(s.demand.totalVehPerHour, 6);
    expect(s.converged).toBe(true);
    expect(s.relativeGap).toBeLessThanOrEqual(1e-6);
    expect(s.demand.gravity).toMatchObject({ balanced: true, fallbackPairCount: 158 });
  });

  test("conserves flow at every road node and lists the top links by v/c, descending, with road totals", () => {
    const net = new Map<string, number>();
    for (const l of result.run.links) {
      net.set(l.fromNodeId, (net.get(l.fromNodeId) ?? 0) + l.flowVehPerHour);
      net.set(l.toNodeId, (net.get(l.toNodeId) ?? 0) - l.flowVehPerHour);
    }
    for (const [node, balance] of net) if (node.startsWith("road:")) expect(Math.abs(balance)).toBeLessThan(1e-6);
    const top = result.summary.topCongestedLinks;
    expect(top).toHaveLength(10);
    for (let i = 1; i < top.length; i++) expect(top[i].vcRatio).toBeLessThanOrEqual(top[i - 1].vcRatio);
    for (const l of top) expect(l.vcRatio).toBeCloseTo(l.flowVehPerHour / l.capacityVehPerHour, 12);
    const t = result.summary.totals;
    expect(t.delayVehicleHours).toBeCloseTo(t.vehicleHours - t.freeFlowVehicleHours, 6);
    expect(t.delayVehicleHours).toBeGreaterThan(0);
  });

  test("is deterministic and JSON-safe: a second run gives the identical summary and link flows", () => {
    const again = assignRoad(network, { parameters: PRECISE });
    expect(formatJson(again.summary)).toBe(formatJson(result.summary));
    expect(again.run.links.map((l) => l.flowVehPerHour)).toEqual(result.run.links.map((l) => l.flowVehPerHour));
    expect(JSON.parse(JSON.stringify(result.summary))).toEqual(result.summary);
  });

  test("a given OD matrix (any zone order) is used as is: the same as the gravity run", () => {
    const order = [...result.demand.zoneIds].reverse();
    const z = order.length;
    const reordered = new Float64Array(z * z);
    for (let i = 0; i < z; i++) {
      for (let j = 0; j < z; j++) reordered[i * z + j] = result.demand.demandVehPerHour[(z - 1 - i) * z + (z - 1 - j)];
    }
    const summary = assignScenarioRoad(network, { parameters: PRECISE, demand: { zoneIds: order, demandVehPerHour: reordered } });
    expect(summary.parameters.demandSource).toBe("given");
    expect(summary.demand.totalVehPerHour).toBeCloseTo(result.summary.demand.totalVehPerHour, 6);
    expect(summary.topCongestedLinks.map((l) => l.linkId)).toEqual(result.summary.topCongestedLinks.map((l) => l.linkId));
  });

  test("closing the Sutong bridge (whatif scenario) leaves it without flow and raises road delay", () => {
    const after = applyScenario(join(REPO_ROOT, "scenarios/whatif-close-sutong-bridge.yaml")).network;
    const { run, summary } = assignRoad(after, { parameters: PRECISE, demand: result.demand });
    for (const l of run.links) if (l.linkId.startsWith("road:crossing:sutong")) expect(l.flowVehPerHour).toBe(0);
    expect(summary.totals.delayVehicleHours).toBeGreaterThan(result.summary.totals.delayVehicleHours);
  });

  test("refuses a demand whose zones are not the network's centroids", () => {
    expect(() => assignRoad(network, { parameters: resolveRoadAssignmentParameters(), demand: { zoneIds: ["zone:1"], demandVehPerHour: new Float64Array(1) } })).toThrow(expect.objectContaining({ code: "demand-zones-mismatch" }));
  });
});
