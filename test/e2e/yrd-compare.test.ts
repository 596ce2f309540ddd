/**
 * End-to-end facts on the bundled Yangtze River Delta data (issue 2): the baseline holds nothing opened after May
 * 2019, plan projects never lower reach, closing a crossing never raises it, every result is present with units,
 * isochrone times agree with graphology-shortest-path, and runs are deterministic.
 */
import { describe, expect, test } from "vitest";
import { dijkstra } from "graphology-shortest-path";
import { compareScenarios } from "../../src/api/compare.ts";
import { runScenario } from "../../src/api/run.ts";
import { applyScenario } from "../../src/scenario/apply-scenario.ts";
import { PASSENGER_LAYERS } from "../../src/defaults.ts";
import { formatJson } from "../../src/report/format.ts";
import type { Network } from "../../src/model/network.ts";

const S = "scenarios";

/** Last day covered by a YYYY, YYYY-MM or YYYY-MM-DD date, as YYYY-MM-DD (so "2019-06" > "2019-05-31"). */
function endOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return `${date}-31`;
  return date;
}

describe("baseline-2019 on the bundled network", () => {
  const applied = applyScenario(`${S}/baseline-2019.yaml`);
  test("holds no link opened after 2019-05-31 and nothing under construction or planned", () => {
    const late: string[] = [];
    applied.network.forEachEdge((id, a) => {
      if (a.status !== "existing") late.push(`${id} (${a.status})`);
      else if (a.openedDate !== undefined && endOf(a.openedDate) > "2019-05-31") late.push(`${id} (${a.openedDate})`);
    });
    expect(late).toEqual([]);
  });
  test("leaves out links the bundled network records as opened later (e.g. 沪苏通 and 商合杭 legs)", () => {
    const projects = applied.network.getAttribute("projects");
    for (const id of ["shanghai-nantong-railway-phase-1", "shangqiu-hefei-hangzhou-railway"]) {
      for (const f of projects[id]!.facilityIds) expect(applied.network.hasEdge(`${f}:ab`)).toBe(false);
    }
  });
});

describe("compare baseline-2019 → plan-2025 on the bundled data", () => {
  const cmp = compareScenarios({ before: `${S}/baseline-2019.yaml`, after: `${S}/plan-2025.yaml` });

  test("holds the isochrones of all 41 cities at 30/60/90/120/180 min with population", () => {
    expect(cmp.isochrones).toHaveLength(41);
    const total = cmp.isochrones.reduce((s, c) => s + c.populationPersons, 0);
    expect(total).toBe(24_870_895 + 84_748_016 + 64_567_588 + 61_027_171); // 2020 census: SH + JS + ZJ + AH
    for (const c of cmp.isochrones) {
      expect(c.byCutoff.map((r) => r.cutoffMin)).toEqual([30, 60, 90, 120, 180]);
      for (const r of c.byCutoff) {
        expect(r.before.populationReachedPersons).toBeGreaterThanOrEqual(c.populationPersons); // incl. the origin
        expect(r.after.populationReachedPersons).toBeLessThanOrEqual(total);
      }
    }
  });

  test("opening the plan's projects never lowers any city's reach, and raises someone's", () => {
    let gained = 0;
    for (const c of cmp.isochrones) {
      for (const r of c.byCutoff) {
        expect(r.changePopulationPersons, `${c.name} ≤${r.cutoffMin} min`).toBeGreaterThanOrEqual(0);
        expect(r.after.nodesReached).toBeGreaterThanOrEqual(r.before.nodesReached);
        gained += r.changePopulationPersons;
      }
    }
    expect(gained).toBeGreaterThan(0);
  });

  test("connectivity of every layer and the capacity results are present with units", () => {
    expect(cmp.connectivity.map((c) => c.layer)).toEqual(["rail", "road", "water", "power", "passenger"]);
    for (const c of cmp.connectivity) expect(c.before.nodeCount).toBeGreaterThan(0);
    const units = Object.fromEntries(cmp.capacity.map((c) => [c.id, c.unit]));
    expect(units).toEqual({
      "road-north-to-south": "veh/h",
      "road-south-to-north": "veh/h",
      "power-anhui-to-shanghai": "MW",
      "rail-shanghai-to-hangzhou": "trains/day",
      "rail-hangzhou-to-shanghai": "trains/day",
    });
    for (const c of cmp.capacity) {
      expect(c.before).toBeGreaterThan(0);
      expect(c.after).toBeGreaterThanOrEqual(c.before!);
      // max-flow = min-cut: the cut's capacities add up to the flow.
      expect(c.minCutAfter.reduce((s, f) => s + f.capacity, 0)).toBeCloseTo(c.after!, 6);
    }
  });

  test("the Changtai crossing adds its capacity to the north → south road cut", () => {
    const road = cmp.capacity.find((c) => c.id === "road-north-to-south")!;
    const changtai = road.minCutAfter.find((f) => f.facilityId === "road:crossing:changtai");
    expect(changtai).toBeDefined();
    expect(road.change).toBeCloseTo(changtai!.capacity, 6);
  });

  test("door-to-door Shanghai → Nanjing is no faster than the fastest direct train (71 min, 2021 timetable)", () => {
    const m = cmp.runs.before.travelTimeMin;
    const t = m.matrix[m.zoneIds.indexOf("310100")]![m.zoneIds.indexOf("320100")]!;
    // in-vehicle ≥ 71 − 3 min dwell. On top: access to 上海虹桥 (≈ 16 km from the centre at 30 km/h ≈ 32 min, + 15 min
    // terminal time), waiting (Hongqiao's frequency: a few minutes) and egress from 南京南 (≈ 12 km ≈ 24 min + 5 min):
    // about 80 min, so door-to-door must lie between 71 and 71 + 90 min.
    expect(t).toBeGreaterThan(71);
    expect(t).toBeLessThan(71 + 90);
  });

  test("includes the road assignment before/after on the same OD matrix, both converged", () => {
    const a = cmp.assignment!;
    expect(a.sameDemand).toBe(true);
    expect(a.converged).toEqual({ before: true, after: true });
    expect(a.relativeGap.after).toBeLessThanOrEqual(1e-4);
    // Huainan and Huaibei have no road link in the bundled data: their demand is reported, not dropped.
    expect(cmp.runs.before.assignment!.demand.unreachable.isolatedZoneIds).toEqual(["zone:340400", "zone:340600"]);
    const d = cmp.runs.before.assignment!.demand;
    expect(d.assignedVehPerHour + d.unreachable.demandVehPerHour + d.intrazonalVehPerHour).toBeCloseTo(d.totalVehPerHour, 6);
    // No link border delay and a new crossing: the same trips take fewer vehicle-hours.
    expect(a.vehicleHours.change).toBeLessThan(0);
  });

  test("is deterministic: the same inputs give byte-identical JSON", () => {
    const again = compareScenarios({ before: `${S}/baseline-2019.yaml`, after: `${S}/plan-2025.yaml` });
    expect(formatJson(again)).toBe(formatJson(cmp));
  });
});

describe("what-if: close the Sutong bridge", () => {
  const cmp = compareScenarios({ before: `${S}/baseline-2019.yaml`, after: `${S}/whatif-close-sutong-bridge.yaml` });
  test("never raises any city's reach, and lowers someone's", () => {
    let lost = 0;
    for (const c of cmp.isochrones) {
      for (const r of c.byCutoff) {
        expect(r.changePopulationPersons, `${c.name} ≤${r.cutoffMin}`).toBeLessThanOrEqual(0);
        lost += r.changePopulationPersons;
      }
    }
    expect(lost).toBeLessThan(0);
  });
  test("raises congestion delay on the same OD matrix", () => {
    expect(cmp.assignment!.sameDemand).toBe(true);
    expect(cmp.assignment!.delayVehicleHours.change).toBeGreaterThan(0);
  });
  test("removes exactly the bridge's capacity from the north → south road max-flow", () => {
    const road = cmp.capacity.find((c) => c.id === "road-north-to-south")!;
    const sutong = road.minCutBefore.find((f) => f.facilityId === "road:crossing:sutong")!;
    expect(sutong.capacity).toBeGreaterThan(0);
    expect(road.change).toBeCloseTo(-sutong.capacity, 6);
  });
});

describe("what-if: no border tolls", () => {
  test("never lowers reach and shortens some trips", () => {
    const cmp = compareScenarios({ before: `${S}/baseline-2019.yaml`, after: `${S}/whatif-no-border-tolls.yaml` });
    for (const c of cmp.isochrones) for (const r of c.byCutoff) expect(r.changePopulationPersons).toBeGreaterThanOrEqual(0);
    const b = cmp.runs.before.travelTimeMin.matrix.flat();
    const a = cmp.runs.after.travelTimeMin.matrix.flat();
    let shorter = 0;
    a.forEach((t, i) => {
      if (t !== null && b[i] !== null) {
        expect(t).toBeLessThanOrEqual(b[i]! + 1e-9);
        if (t < b[i]! - 1e-9) shorter++;
      }
    });
    expect(shorter).toBeGreaterThan(0);
  });
});

describe("isochrone times on the bundled plan-2025 network agree with graphology-shortest-path", () => {
  const applied = applyScenario(`${S}/plan-2025.yaml`);
  const run = runScenario({ scenario: `${S}/plan-2025.yaml` });
  const net: Network = applied.network;
  const passenger = new Set<string>(PASSENGER_LAYERS);
  const weight = (_e: string, a: { layer: string; closed?: boolean; timeMin?: number }) =>
    passenger.has(a.layer) && !a.closed ? a.timeMin! : Infinity;
  test.each(["310100", "320100", "330100", "340100", "330900"])("from zone %s", (zoneId) => {
    const paths = dijkstra.singleSource(net, `zone:${zoneId}`, weight);
    const m = run.travelTimeMin;
    const i = m.zoneIds.indexOf(zoneId);
    m.zoneIds.forEach((dest, j) => {
      const p = paths[`zone:${dest}`];
      let oracle = Infinity;
      if (p) {
        oracle = 0;
        for (let k = 1; k < p.length; k++) {
          oracle += Math.min(...net.outEdges(p[k - 1]!, p[k]!).map((e) => weight(e, net.getEdgeAttributes(e))));
        }
      }
      const ours = m.matrix[i]![j];
      if (oracle > m.maxCutoffMin) expect(ours).toBeNull();
      else expect(ours).toBeCloseTo(Math.round(oracle * 10) / 10, 6);
    });
  });
});
