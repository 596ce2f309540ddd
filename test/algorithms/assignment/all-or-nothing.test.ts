/**
 * Tests of all-or-nothing loading (src/algorithms/assignment/all-or-nothing.ts): a hand-checked loading, least OD
 * costs against graphology-shortest-path as an independent oracle, and byte-identical results however the origin
 * blocks are split between "workers".
 */
import { test as propTest } from "@fast-check/vitest";
import { MultiDirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import { describe, expect, test } from "vitest";
import { AON_BLOCK_ZONE_COUNT, createAllOrNothing } from "../../../src/algorithms/assignment/all-or-nothing.ts";
import { networkOf, randomProblem, type LinkRow } from "./support.ts";

describe("createAllOrNothing(network).load(demand, linkLoads)", () => {
  test("puts each OD pair on its least-cost path", () => {
    // zones A = 0, B = 1, C = 2; through node 3. A→3 (2), 3→B (2), A→B (5), 3→C (1), C→B (1).
    // A→B: via 3 costs 4 < 5 direct; A→C: A→3→C = 3. 100 veh/h A→B, 10 veh/h A→C.
    // Loads: A→3 = 110, 3→B = 100, A→B = 0, 3→C = 10, C→B = 0. Shortest-path cost = 100 · 4 + 10 · 3 = 430.
    const rows: LinkRow[] = [
      [0, 3, 2, 100, 0, 1],
      [3, 1, 2, 100, 0, 1],
      [0, 1, 5, 100, 0, 1],
      [3, 2, 1, 100, 0, 1],
      [2, 1, 1, 100, 0, 1],
    ];
    const loads = new Float64Array(5);
    const t = createAllOrNothing(networkOf(4, [0, 1, 2], rows)).load(Float64Array.of(0, 100, 10, 0, 0, 0, 0, 0, 0), loads);
    expect(Array.from(loads)).toEqual([110, 100, 0, 10, 0]);
    expect(t).toEqual({ shortestPathCost: 430, loadedVehPerHour: 110, unreachablePairCount: 0, unreachableVehPerHour: 0 });
  });

  test("never routes through a blocked zone: A→B must not use A→C→B even when it is cheaper", () => {
    // A→C (1), C→B (1), A→B (10): unblocked the path via C costs 2; with C blocked only A→B is allowed.
    const rows: LinkRow[] = [
      [0, 2, 1, 100, 0, 1],
      [2, 1, 1, 100, 0, 1],
      [0, 1, 10, 100, 0, 1],
    ];
    const demand = Float64Array.of(0, 50, 0, 0, 0, 0, 0, 0, 0);
    const blocked = new Float64Array(3);
    createAllOrNothing(networkOf(3, [0, 1, 2], rows)).load(demand, blocked);
    expect(Array.from(blocked)).toEqual([0, 0, 50]);
    const open = new Float64Array(3);
    createAllOrNothing(networkOf(3, [0, 1, 2], rows, { blocked: false })).load(demand, open);
    expect(Array.from(open)).toEqual([50, 50, 0]);
  });

  propTest.prop([randomProblem], { seed: 424242, numRuns: 100 })(
    "Σ demand × least cost equals the sum over pairs of graphology-shortest-path distances (unblocked)",
    (p) => {
      const z = p.zoneCount;
      const net = networkOf(p.nodeCount, Array.from({ length: z }, (_, i) => i), p.rows, { blocked: false });
      const totals = createAllOrNothing(net).load(Float64Array.from(p.demand), new Float64Array(p.rows.length));
      const graph = new MultiDirectedGraph();
      for (let v = 0; v < p.nodeCount; v++) graph.addNode(String(v));
      p.rows.forEach(([a, b, t0], i) => graph.addDirectedEdgeWithKey(String(i), String(a), String(b), { weight: t0 }));
      let expected = 0;
      for (let o = 0; o < z; o++) {
        const paths = dijkstra.singleSource(graph, String(o));
        for (let d = 0; d < z; d++) {
          if (d === o || p.demand[o * z + d] === 0) continue;
          const path = paths[String(d)];
          let cost = 0;
          for (let k = 1; k < path.length; k++) {
            cost += Math.min(...graph.outEdges(path[k - 1], path[k]).map((e) => graph.getEdgeAttribute(e, "weight") as number));
          }
          expected += p.demand[o * z + d] * cost;
        }
      }
      expect(totals.shortestPathCost).toBe(expected);
    },
  );

  test("block partials added in block order give byte-identical loads whichever loader ('worker') computed each block", () => {
    // 40 zones on a ring of 40 nodes (3 blocks of 16): two-way ring links of varying cost, dense demand
    const z = 40;
    const rows: LinkRow[] = [];
    for (let i = 0; i < z; i++) {
      rows.push([i, (i + 1) % z, 1 + (i % 7) * 0.37, 100, 0, 1], [(i + 1) % z, i, 1 + (i % 5) * 0.61, 100, 0, 1]);
    }
    const demand = Float64Array.from({ length: z * z }, (_, k) => ((k * 7919) % 97) / 3);
    const whole = new Float64Array(rows.length);
    const one = createAllOrNothing(networkOf(z, Array.from({ length: z }, (_, i) => i), rows, { blocked: false }));
    one.load(demand, whole);
    expect(one.blockCount).toBe(Math.ceil(z / AON_BLOCK_ZONE_COUNT));
    // "two workers": even blocks on loader A, odd blocks on loader B, partials summed in block order
    const workers = [0, 1].map(() => createAllOrNothing(networkOf(z, Array.from({ length: z }, (_, i) => i), rows, { blocked: false })));
    const total = new Float64Array(rows.length);
    for (let b = 0; b < one.blockCount; b++) {
      const partial = new Float64Array(rows.length);
      workers[b % 2].loadBlock(b, demand, partial);
      for (let i = 0; i < total.length; i++) total[i] += partial[i];
    }
    expect(Buffer.from(total.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
  });

  test("counts unreachable pairs and marks them in the optional mask", () => {
    const net = networkOf(3, [0, 1, 2], [[0, 1, 1, 100, 0, 1]]);
    const mask = new Uint8Array(9);
    const t = createAllOrNothing(net).load(Float64Array.of(0, 5, 3, 0, 0, 0, 0, 0, 0), new Float64Array(1), mask);
    expect(t).toMatchObject({ unreachablePairCount: 1, unreachableVehPerHour: 3, loadedVehPerHour: 5 });
    expect(Array.from(mask)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0]);
  });
});
