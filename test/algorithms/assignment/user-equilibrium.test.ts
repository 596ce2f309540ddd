/**
 * Tests of the equilibrium loop (src/algorithms/assignment/user-equilibrium.ts): analytic equilibria (two routes,
 * Braess), the assignment contracts as properties on random networks, demand accounting and option errors.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { solveUserEquilibrium, type AssignmentAlgorithm } from "../../../src/algorithms/assignment/user-equilibrium.ts";
import { UsageError } from "../../../src/errors.ts";
import { netOutflow, networkOf, randomProblem, type LinkRow } from "./support.ts";

const ALGORITHMS: AssignmentAlgorithm[] = ["fw", "cfw", "bfw"];
const SEED = 5052025;

// Zone A = node 0, zone B = node 1. Route 1: link 0 → 1 with t = 10 · (1 + 0.15 (v/1000)^4); route 2: link 0 → 1 with
// t = 10 · (1 + 1) = 20 at any flow (power 0). 2000 veh/h A → B.
// Equilibrium: 10 (1 + 0.15 x⁴) = 20 with x = v1/1000 ⇒ x⁴ = 20/3 ⇒ v1 = 1000 · (20/3)^¼ = 1606.857 veh/h, v2 = 393.143.
const twoRoutes: LinkRow[] = [
  [0, 1, 10, 1000, 0.15, 4],
  [0, 1, 10, 1000, 1, 0],
];
const V1 = 1000 * (20 / 3) ** 0.25;

// Braess (1968) in BPR form, as in the TNTP Braess-Example: nodes 0 = origin, 1 = destination, 2, 3.
// 0→2: 1e-8 · (1 + 1e9 · v) = 1e-8 + 10 v;  0→3: 50 (1 + 0.02 v) = 50 + v;  2→1: 50 + v;  2→3: 10 (1 + 0.1 v) = 10 + v;
// 3→1: 1e-8 + 10 v. Demand 6. With 2→3: 2 veh/h on each of the three paths, link flows [4, 2, 2, 2, 4], every path
// costs 10·4 + 50 + 2 = 92 (+2e-8). Without 2→3: 3 and 3, each path 10·3 + 50 + 3 = 83: the extra link makes
// everyone slower (83 → 92).
const braess: LinkRow[] = [
  [0, 2, 1e-8, 1, 1e9, 1],
  [0, 3, 50, 1, 0.02, 1],
  [2, 1, 50, 1, 0.02, 1],
  [2, 3, 10, 1, 0.1, 1],
  [3, 1, 1e-8, 1, 1e9, 1],
];

describe("solveUserEquilibrium(network, demand, options)", () => {
  test.each(ALGORITHMS)("%s: two routes reach the analytic equilibrium v1 = 1000 · (20/3)^¼", (algorithm) => {
    const net = networkOf(2, [0, 1], twoRoutes);
    const r = solveUserEquilibrium(net, Float64Array.of(0, 2000, 0, 0), { algorithm, relativeGapTarget: 1e-9, maxIterations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.linkFlowVehPerHour[0]).toBeCloseTo(V1, 3);
    expect(r.linkFlowVehPerHour[1]).toBeCloseTo(2000 - V1, 3);
    expect(r.congestedTimeMin[0]).toBeCloseTo(20, 6);
    expect(r.congestedTimeMin[1]).toBe(20);
  });

  test.each(ALGORITHMS)("%s: Braess — the middle link raises every path cost from 83 to 92", (algorithm) => {
    const options = { algorithm, relativeGapTarget: 1e-10, maxIterations: 20000 };
    const demand = Float64Array.of(0, 6, 0, 0);
    const withLink = solveUserEquilibrium(networkOf(4, [0, 1], braess), demand, options);
    expect(Array.from(withLink.linkFlowVehPerHour, (v) => Number(v.toFixed(4)))).toEqual([4, 2, 2, 2, 4]);
    expect(withLink.shortestPathCost / 6).toBeCloseTo(92, 5);
    const without = solveUserEquilibrium(networkOf(4, [0, 1], braess, { closed: [3] }), demand, options);
    expect(Array.from(without.linkFlowVehPerHour, (v) => Number(v.toFixed(4)))).toEqual([3, 3, 3, 0, 3]);
    expect(without.shortestPathCost / 6).toBeCloseTo(83, 5);
  });

  test("an empty OD matrix gives zero flows and converged: true after one iteration", () => {
    const r = solveUserEquilibrium(networkOf(2, [0, 1], twoRoutes), new Float64Array(4), { algorithm: "bfw", relativeGapTarget: 1e-4, maxIterations: 10 });
    expect(r).toMatchObject({ converged: true, iterations: 1, relativeGap: 0, objective: 0 });
    expect(Array.from(r.linkFlowVehPerHour)).toEqual([0, 0]);
  });

  test("not converging within maxIterations is a result (converged: false), not an error", () => {
    // (on two parallel routes one exact line search is already the equilibrium; Braess needs many FW steps)
    const r = solveUserEquilibrium(networkOf(4, [0, 1], braess), Float64Array.of(0, 6, 0, 0), { algorithm: "fw", relativeGapTarget: 1e-12, maxIterations: 3 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(3);
    expect(r.convergence.map((c) => c.iteration)).toEqual([1, 2, 3]);
    expect(r.relativeGap).toBe(r.convergence[2].relativeGap);
  });

  test("reports demand to an unreachable zone by count, volume and pair, and loads the rest", () => {
    // zones 0, 1, 2; 0 → 1 exists, nothing reaches zone 2 and zone 2 reaches nothing
    const net = networkOf(3, [0, 1, 2], [[0, 1, 5, 1000, 0.15, 4]]);
    const demand = Float64Array.of(0, 100, 30, 0, 0, 0, 20, 0, 7); // 0→1 100, 0→2 30, 2→0 20, 2→2 7 (intrazonal)
    const r = solveUserEquilibrium(net, demand, { algorithm: "bfw", relativeGapTarget: 1e-6, maxIterations: 10 });
    expect(r.demand).toMatchObject({
      totalVehPerHour: 157,
      assignedVehPerHour: 100,
      intrazonalVehPerHour: 7,
      unreachableVehPerHour: 50,
      unreachablePairCount: 2,
    });
    expect(Array.from(r.demand.unreachablePairs)).toEqual([2, 6]); // 0 × 3 + 2 and 2 × 3 + 0
    expect(r.linkFlowVehPerHour[0]).toBe(100);
    expect(r.converged).toBe(true);
  });

  test("is deterministic: two runs give byte-identical flows and traces", () => {
    const net = () => networkOf(4, [0, 1], braess);
    const a = solveUserEquilibrium(net(), Float64Array.of(0, 6, 0, 0), { algorithm: "bfw", relativeGapTarget: 1e-8, maxIterations: 200 });
    const b = solveUserEquilibrium(net(), Float64Array.of(0, 6, 0, 0), { algorithm: "bfw", relativeGapTarget: 1e-8, maxIterations: 200 });
    expect(Buffer.from(a.linkFlowVehPerHour.buffer).equals(Buffer.from(b.linkFlowVehPerHour.buffer))).toBe(true);
    expect(JSON.stringify(a.convergence)).toBe(JSON.stringify(b.convergence));
  });

  test.each([
    [{ algorithm: "msa" as AssignmentAlgorithm, relativeGapTarget: 1e-4, maxIterations: 10 }, "invalid-option"],
    [{ algorithm: "fw" as AssignmentAlgorithm, relativeGapTarget: -1, maxIterations: 10 }, "invalid-option"],
    [{ algorithm: "fw" as AssignmentAlgorithm, relativeGapTarget: Number.NaN, maxIterations: 10 }, "invalid-option"],
    [{ algorithm: "fw" as AssignmentAlgorithm, relativeGapTarget: 1e-4, maxIterations: 0 }, "invalid-option"],
    [{ algorithm: "fw" as AssignmentAlgorithm, relativeGapTarget: 1e-4, maxIterations: 2.5 }, "invalid-option"],
  ])("refuses options %o with UsageError %s", (options, code) => {
    expect(() => solveUserEquilibrium(networkOf(2, [0, 1], twoRoutes), new Float64Array(4), options)).toThrow(UsageError);
    expect(() => solveUserEquilibrium(networkOf(2, [0, 1], twoRoutes), new Float64Array(4), options)).toThrow(expect.objectContaining({ code }));
  });

  test("refuses a negative or NaN demand entry with UsageError invalid-demand naming the index", () => {
    const net = networkOf(2, [0, 1], twoRoutes);
    const options = { algorithm: "fw" as const, relativeGapTarget: 1e-4, maxIterations: 5 };
    expect(() => solveUserEquilibrium(net, Float64Array.of(0, -1, 0, 0), options)).toThrow(expect.objectContaining({ code: "invalid-demand" }));
    expect(() => solveUserEquilibrium(net, Float64Array.of(0, Number.NaN, 0, 0), options)).toThrow(/demand\[1\]/);
    expect(() => solveUserEquilibrium(net, new Float64Array(3), options)).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });
});

describe("solveUserEquilibrium contracts on random networks (fixed seed)", () => {
  const params = { seed: SEED, numRuns: 40 };
  const solve = (p: { nodeCount: number; zoneCount: number; rows: LinkRow[]; demand: number[] }, algorithm: AssignmentAlgorithm, blocked = true) =>
    solveUserEquilibrium(
      networkOf(p.nodeCount, Array.from({ length: p.zoneCount }, (_, i) => i), p.rows, { blocked }),
      Float64Array.from(p.demand),
      { algorithm, relativeGapTarget: 1e-6, maxIterations: 25 },
    );

  propTest.prop([randomProblem, fc.constantFrom(...ALGORITHMS)], params)(
    "conserves flow at every through node; with blockCentroidFlows a zone sends exactly its productions and receives exactly its attractions (no path through a third centroid)",
    (p, algorithm) => {
      const r = solve(p, algorithm);
      const z = p.zoneCount;
      const out = new Float64Array(p.nodeCount);
      const into = new Float64Array(p.nodeCount);
      p.rows.forEach(([from, to], i) => {
        out[from] += r.linkFlowVehPerHour[i];
        into[to] += r.linkFlowVehPerHour[i];
      });
      const scale = 1e-9 * (1 + p.demand.reduce((a, b) => a + b, 0));
      for (let v = z; v < p.nodeCount; v++) expect(Math.abs(out[v] - into[v])).toBeLessThanOrEqual(scale);
      for (let zone = 0; zone < z; zone++) {
        let productions = 0;
        let attractions = 0;
        for (let d = 0; d < z; d++) if (d !== zone) productions += p.demand[zone * z + d];
        for (let o = 0; o < z; o++) if (o !== zone) attractions += p.demand[o * z + zone];
        expect(Math.abs(out[zone] - productions)).toBeLessThanOrEqual(scale);
        expect(Math.abs(into[zone] - attractions)).toBeLessThanOrEqual(scale);
      }
    },
  );

  propTest.prop([randomProblem, fc.constantFrom(...ALGORITHMS)], params)(
    "without blocking, out − in at a zone equals its productions − attractions; all demand is assigned",
    (p, algorithm) => {
      const r = solve(p, algorithm, false);
      const z = p.zoneCount;
      const net = netOutflow(p.nodeCount, p.rows, r.linkFlowVehPerHour);
      const scale = 1e-9 * (1 + p.demand.reduce((a, b) => a + b, 0));
      for (let zone = 0; zone < z; zone++) {
        let balance = 0;
        for (let d = 0; d < z; d++) if (d !== zone) balance += p.demand[zone * z + d] - p.demand[d * z + zone];
        expect(Math.abs(net[zone] - balance)).toBeLessThanOrEqual(scale);
      }
      let diagonal = 0;
      for (let i = 0; i < z; i++) diagonal += p.demand[i * z + i];
      expect(r.demand.unreachablePairCount).toBe(0);
      expect(r.demand.assignedVehPerHour + r.demand.intrazonalVehPerHour).toBeCloseTo(r.demand.totalVehPerHour, 9);
      expect(r.demand.intrazonalVehPerHour).toBe(diagonal);
    },
  );

  propTest.prop([randomProblem, fc.constantFrom(...ALGORITHMS)], params)(
    "every step size is in [0, 1], the gap is ≥ 0 (to rounding) and the Beckmann objective never increases",
    (p, algorithm) => {
      const r = solve(p, algorithm);
      for (const row of r.convergence) {
        expect(row.stepSize).toBeGreaterThanOrEqual(0);
        expect(row.stepSize).toBeLessThanOrEqual(1);
        expect(row.relativeGap).toBeGreaterThanOrEqual(-1e-12);
      }
      for (let k = 1; k < r.convergence.length; k++) {
        expect(r.convergence[k].objective).toBeLessThanOrEqual(r.convergence[k - 1].objective * (1 + 1e-12) + 1e-9);
      }
    },
  );
});
