/**
 * Tests of the what-if model and kernel (src/engine/what-if-model.ts, what-if-kernel.ts, shared-arrays.ts) on the
 * batch-delta fixture: hand-derived N-1 metrics, and every closure, Monte Carlo pair and sweep against an independent
 * pipeline (a modified copy of the network → compileNetwork → computeIsochrones / capacityBetween).
 */
import { describe, expect, test } from "vitest";
import { DEFAULT_CAPACITY_QUERIES, PASSENGER_LAYERS } from "../../src/defaults.ts";
import { capacityBetween } from "../../src/engine/capacity.ts";
import { compileNetwork } from "../../src/engine/compile.ts";
import { computeIsochrones } from "../../src/engine/isochrones.ts";
import { computeWhatIfBase, createEnginePool } from "../../src/engine/pool.ts";
import { openSharedArrays, packSharedArrays } from "../../src/engine/shared-arrays.ts";
import { openWhatIfRuntime, scenarioMetrics, zoneTimesBatch, type ScenarioPerturbation } from "../../src/engine/what-if-kernel.ts";
import { buildWhatIfModel, closeFacilities, type WhatIfModel } from "../../src/engine/what-if-model.ts";
import type { Network } from "../../src/model/network.ts";
import { applyScenario } from "../../src/scenario/apply-scenario.ts";
import { WHAT_IF_DEFAULTS } from "../support/what-if-defaults.ts";

const ROAD_QUERIES = DEFAULT_CAPACITY_QUERIES.filter((q) => q.layer === "road");
const base = applyScenario("test/fixtures/scenarios/batch-base.yaml").network;

// Populations (2020 census, as in the fixture) and the pair weight total W = Σ_{i≠j} p_i p_j = (Σp)² − Σp².
const P = { sh: 24_870_895, sz: 12_748_262, nt: 7_726_635, yc: 6_709_629 };
const SUM = P.sh + P.sz + P.nt + P.yc;
const W = SUM * SUM - (P.sh ** 2 + P.sz ** 2 + P.nt ** 2 + P.yc ** 2);

async function modelWithBase(network: Network = base): Promise<WhatIfModel> {
  const model = buildWhatIfModel(network, { ...WHAT_IF_DEFAULTS, capacityQueries: ROAD_QUERIES });
  const pool = createEnginePool({ workers: 0 });
  await computeWhatIfBase(model, pool);
  await pool.terminate();
  return model;
}

function metricsOf(model: WhatIfModel, values: Float64Array): Record<string, number> {
  return Object.fromEntries(model.metrics.map((m, k) => [m.name, values[k]!]));
}

/** Independent oracle: metrics from a modified copy of the network through the run pipeline. */
function oracleMetrics(model: WhatIfModel, changed: Network): Record<string, number> {
  const huge = 1e6; // a cutoff beyond every time of the fixture: computeIsochrones then reports true times
  const times = (net: Network) => {
    const compiled = compileNetwork(net, { layers: [...PASSENGER_LAYERS] });
    return computeIsochrones(net, compiled, { cutoffsMin: [60, 120, huge] });
  };
  const flows = (net: Network) => ROAD_QUERIES.map((q) => capacityBetween(net, compileNetwork(net, { layers: ["road"], cost: () => 0 }), q).maxFlow!);
  const t0 = times(base);
  const t1 = times(changed);
  const n = t0.zoneIds.length;
  const pop = t0.cities.map((c) => c.populationPersons);
  let weight = 0;
  let increase = 0;
  let disconnected = 0;
  let beyond = 0;
  let lostPopulation = 0;
  for (let i = 0; i < n; i++) {
    let reached = 0;
    let lost = 0;
    for (let j = 0; j < n; j++) {
      const a = t0.timeMin[i * n + j]!;
      const b = t1.timeMin[i * n + j]!;
      if (a !== Infinity) reached += pop[j]!;
      if (i === j || a === Infinity) continue;
      if (b === Infinity) {
        disconnected++;
        lost += pop[j]!;
        continue;
      }
      weight += pop[i]! * pop[j]!;
      increase += pop[i]! * pop[j]! * (b - a);
      if (a <= 120 && b > 120) beyond++;
    }
    if (lost > reached / 2) lostPopulation += pop[i]!;
  }
  const reach = (r: typeof t0, k: number) => r.cities.reduce((s, c) => s + c.byCutoff[k]!.populationReachedPersons, 0);
  const f0 = flows(base);
  const f1 = flows(changed);
  return {
    meanTimeIncreaseMin: weight > 0 ? increase / weight : NaN,
    odPairsDisconnected: disconnected,
    populationDisconnectedPersons: lostPopulation,
    odPairsBeyond120Min: beyond,
    populationWithin60MinChangePersons: reach(t1, 0) - reach(t0, 0),
    populationWithin120MinChangePersons: reach(t1, 1) - reach(t0, 1),
    "maxFlowChange:road-north-to-south": f1[0]! - f0[0]!,
    "maxFlowChange:road-south-to-north": f1[1]! - f0[1]!,
  };
}

function closedCopy(facilityIds: string[]): Network {
  const copy = base.copy();
  copy.forEachEdge((id, a) => {
    if (facilityIds.includes(a.facilityId)) copy.setEdgeAttribute(id, "closed", true);
  });
  return copy;
}

function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [k, v] of Object.entries(expected)) {
    if (Number.isNaN(v)) expect(actual[k], k).toBeNaN();
    else expect(actual[k], k).toBeCloseTo(v, 9);
  }
}

describe("packSharedArrays(arrays) / openSharedArrays(shared)", () => {
  test("round-trips values (Infinity and NaN included) at 8-byte aligned offsets, and views share memory", () => {
    const shared = packSharedArrays({ u: Uint8Array.of(1, 2, 3), f: Float64Array.of(Infinity, NaN, -0), i: Int32Array.of(-7) });
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    // u: 3 bytes → next slot at 8; f: 24 bytes → 32.
    expect(shared.layout).toEqual({ u: { kind: "u8", byteOffset: 0, length: 3 }, f: { kind: "f64", byteOffset: 8, length: 3 }, i: { kind: "i32", byteOffset: 32, length: 1 } });
    const a = openSharedArrays(shared);
    expect(Array.from(a.f!)).toEqual([Infinity, NaN, -0]);
    a.i![0] = 42;
    expect(openSharedArrays(shared).i![0]).toBe(42);
  });
});

describe("buildWhatIfModel(network, options) + scenarioMetrics(runtime, task) on batch-delta", () => {
  test("the model holds 4 zones (nt, sh, sz, yc by node id), the road facilities and 8 metrics", async () => {
    const model = await modelWithBase();
    expect(model.zoneIds).toEqual(["320600", "310100", "320500", "320900"]);
    expect([...model.facilities.keys()].filter((id) => model.facilities.get(id)!.layer === "road").sort()).toEqual([
      "road:G15:nt-yc",
      "road:G2:sh-sz",
      "road:G40:sh-nt",
      "road:crossing:sutong",
    ]);
    expect(model.metrics.map((m) => `${m.name} (${m.unit})`)).toEqual([
      "meanTimeIncreaseMin (min)",
      "odPairsDisconnected (pairs)",
      "populationDisconnectedPersons (persons)",
      "odPairsBeyond120Min (pairs)",
      "populationWithin60MinChangePersons (persons)",
      "populationWithin120MinChangePersons (persons)",
      "maxFlowChange:road-north-to-south (veh/h)",
      "maxFlowChange:road-south-to-north (veh/h)",
    ]);
  });

  test("closing Sutong: +108.4 min on nt↔sz and sz↔yc, 4,000 veh/h less each way (hand-derived)", async () => {
    const model = await modelWithBase();
    const runtime = openWhatIfRuntime(model.descriptor);
    const m = metricsOf(model, scenarioMetrics(runtime, closeFacilities(model, ["road:crossing:sutong"])));
    // Without Sutong, nt ↔ sz goes via sh: 77 + 55.4 = 132.4 instead of 24 (+108.4); sz ↔ yc likewise (+108.4).
    // Weighted mean = 108.4 · (2 p_nt p_sz + 2 p_sz p_yc) / W.
    expect(m.meanTimeIncreaseMin).toBeCloseTo((108.4 * 2 * P.sz * (P.nt + P.yc)) / W, 9);
    expect(m.odPairsDisconnected).toBe(0);
    expect(m.populationDisconnectedPersons).toBe(0);
    // nt ↔ sz: 54 → 162.4 min crosses 120; sz ↔ yc was already 144 > 120.
    expect(m.odPairsBeyond120Min).toBe(2);
    // nt loses sz and sz loses nt, within 60 and within 120 min.
    expect(m.populationWithin60MinChangePersons).toBe(-(P.sz + P.nt));
    expect(m.populationWithin120MinChangePersons).toBe(-(P.sz + P.nt));
    // North {nt, yc} → south {sh, sz}: Sutong 4,000 + G40 4,000 = 8,000 → 4,000.
    expect(m["maxFlowChange:road-north-to-south"]).toBe(-4000);
    expect(m["maxFlowChange:road-south-to-north"]).toBe(-4000);
  });

  test("closing G15 cuts Yancheng off: 6 OD pairs, Yancheng's population disconnected, mean over the rest 0", async () => {
    const model = await modelWithBase();
    const m = metricsOf(model, scenarioMetrics(openWhatIfRuntime(model.descriptor), closeFacilities(model, ["road:G15:nt-yc"])));
    expect(m.odPairsDisconnected).toBe(6); // yc → 3 cities, 3 cities → yc
    // yc loses SUM − p_yc (> half of SUM): cut off. The others lose only p_yc (< half of SUM): not cut off.
    expect(m.populationDisconnectedPersons).toBe(P.yc);
    expect(m.meanTimeIncreaseMin).toBe(0);
    // nt reached yc at exactly 120 min (15 + 90 + 15, inclusive) and yc reached nt: both lost within 120, not 60.
    expect(m.populationWithin60MinChangePersons).toBe(0);
    expect(m.populationWithin120MinChangePersons).toBe(-(P.yc + P.nt));
    expect(m["maxFlowChange:road-north-to-south"]).toBe(0);
  });

  test("every single closure and every pair of closures equals the independent pipeline (closed copy → isochrones, max-flow)", async () => {
    const model = await modelWithBase();
    const runtime = openWhatIfRuntime(model.descriptor);
    const ids = [...model.facilities.keys()].filter((id) => model.facilities.get(id)!.layer === "road").sort();
    const sets = [...ids.map((a) => [a]), ...ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b]))];
    for (const set of sets) {
      expectClose(metricsOf(model, scenarioMetrics(runtime, closeFacilities(model, set))), oracleMetrics(model, closedCopy(set)));
    }
  });

  test("skipping unaffected origins gives the same numbers bit for bit as recomputing every origin", async () => {
    const model = await modelWithBase();
    const runtime = openWhatIfRuntime(model.descriptor);
    for (const id of ["road:G40:sh-nt", "road:crossing:sutong", "road:G2:sh-sz"]) {
      const closure = closeFacilities(model, [id]);
      // A time scale by exactly 1 changes no cost but disables the skip: every origin is searched again.
      const forced: ScenarioPerturbation = { ...closure, timeScale: { layer: "road", factor: 1 } };
      expect(Array.from(scenarioMetrics(runtime, closure))).toEqual(Array.from(scenarioMetrics(runtime, forced)));
    }
  });

  test("timeScale: access × 2 equals scaling every access link's timeMin in a copy; +30 min on every pair", async () => {
    const model = await modelWithBase();
    const copy = base.copy();
    copy.forEachEdge((id, a) => {
      if (a.layer === "access") copy.setEdgeAttribute(id, "timeMin", a.timeMin! * 2);
    });
    const m = metricsOf(model, scenarioMetrics(openWhatIfRuntime(model.descriptor), { closedLinks: [], closedViewLinks: [[]], timeScale: { layer: "access", factor: 2 } }));
    expectClose(m, oracleMetrics(model, copy));
    expect(m.meanTimeIncreaseMin).toBeCloseTo(30, 9); // two connectors of 15 → 30 min each
  });

  test("capacityScale: road capacity × 0.5 halves both 8,000 veh/h max-flows", async () => {
    const model = await modelWithBase();
    const m = metricsOf(model, scenarioMetrics(openWhatIfRuntime(model.descriptor), { closedLinks: [], closedViewLinks: [[]], capacityScale: { layer: "road", attribute: "capacityVehPerHour", factor: 0.5 } }));
    expect(m["maxFlowChange:road-north-to-south"]).toBe(-4000);
    expect(m.meanTimeIncreaseMin).toBe(0);
  });

  test("zoneTimesBatch keeps Infinity for unreachable zones (base with G15 closed: Yancheng)", async () => {
    const model = await modelWithBase(closedCopy(["road:G15:nt-yc"]));
    const r = zoneTimesBatch(openWhatIfRuntime(model.descriptor), [3]); // zone 3 = yc
    expect(Array.from(r.timeMin)).toEqual([Infinity, Infinity, Infinity, 0]);
  });

  test("a closed link index out of range is refused (UsageError invalid-link-index)", async () => {
    const model = await modelWithBase();
    expect(() => scenarioMetrics(openWhatIfRuntime(model.descriptor), { closedLinks: [10_000], closedViewLinks: [[]] })).toThrow(
      expect.objectContaining({ code: "invalid-link-index" }),
    );
  });
});
