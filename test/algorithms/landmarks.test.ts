/**
 * Tests of src/algorithms/landmarks.ts: farthest landmark selection on a path graph, the bound's admissibility, and
 * ALT paths against the Floyd–Warshall brute force, also with links closed after preprocessing, and on Rome.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { buildCsr } from "../../src/algorithms/csr.ts";
import { singleSourceCosts } from "../../src/algorithms/dijkstra.ts";
import { aStarLandmarksPath, createLandmarks, createLandmarkWorkspace } from "../../src/algorithms/landmarks.ts";
import { pathCost } from "../../src/algorithms/path.ts";
import { createShortestPathSearch } from "../../src/algorithms/shortest-path-search.ts";
import { UsageError } from "../../src/errors.ts";
import { readDimacsFile } from "../../bench/support/dimacs.ts";
import { describeShared, sharedPath } from "../support/shared-data.ts";
import { csrOf, floydWarshall, linkListArbitrary } from "./oracles.ts";

describe("createLandmarks(csr, count, start?)", () => {
  // Two-way path 0 — 1 — 2 — 3 — 4, unit costs.
  const from = [0, 1, 1, 2, 2, 3, 3, 4];
  const to = [1, 0, 2, 1, 3, 2, 4, 3];
  const path = buildCsr(5, Int32Array.from(from), Int32Array.from(to), new Float64Array(8).fill(1));

  it("picks the farthest node from start, then the farthest from the chosen ones", () => {
    // From 0 the farthest is 4; from {4} the farthest is 0; from {4, 0} the farthest is 2 (cost 2 from both).
    const l = createLandmarks(path, 3);
    expect(Array.from(l.nodes)).toEqual([4, 0, 2]);
    // fromLandmark is node-major: node v, landmark i at v·3 + i. d(4, 1) = 3, d(0, 1) = 1, d(2, 1) = 1.
    expect(Array.from(l.fromLandmark.subarray(3, 6))).toEqual([3, 1, 1]);
    expect(Array.from(l.toLandmark.subarray(3, 6))).toEqual([3, 1, 1]);
  });

  it("prefers unreachable nodes (other components) as landmarks", () => {
    // 0 ⇄ 1 and an isolated node 2: from 0, node 2 is unreachable (Infinity) ⇒ chosen first.
    const csr = buildCsr(3, Int32Array.of(0, 1), Int32Array.of(1, 0), Float64Array.of(1, 1));
    expect(createLandmarks(csr, 2).nodes[0]).toBe(2);
  });

  it("ignores closed links (landmark costs are for the all-open network)", () => {
    // 0 →(5) 1, the link closed. Starting at 1 nothing else is reached, so the unreached node 0 becomes the landmark;
    // its cost to node 1 is 5 through the closed link: the mask was ignored.
    const closed = buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(5), Uint8Array.of(1));
    const l = createLandmarks(closed, 1, 1);
    expect(Array.from(l.nodes)).toEqual([0]);
    expect(Array.from(l.fromLandmark)).toEqual([0, 5]);
    expect(Array.from(l.toLandmark)).toEqual([0, Infinity]);
  });

  it("refuses bad counts and starts with UsageError invalid-argument", () => {
    expect(() => createLandmarks(path, 0)).toThrow(UsageError);
    expect(() => createLandmarks(path, 6)).toThrowError(expect.objectContaining({ code: "invalid-argument" }));
    expect(() => createLandmarks(path, 2, 9)).toThrowError(expect.objectContaining({ code: "invalid-argument" }));
  });
});

describe("aStarLandmarksPath(lw, csr, landmarks, origin, destination, closed)", () => {
  it("returns the least-cost path (docs example): 0 →(4) 1 →(6) 2 beats 0 →(12) 2", () => {
    const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));
    const landmarks = createLandmarks(csr, 2);
    const p = aStarLandmarksPath(createLandmarkWorkspace(3, landmarks), csr, landmarks, 0, 2, csr.closed)!;
    expect({ cost: p.cost, links: Array.from(p.links) }).toEqual({ cost: 10, links: [0, 1] });
    const search = createShortestPathSearch(csr, { landmarks });
    expect(search.pathLandmarks(2, 0)).toBeUndefined();
    expect(search.pathLandmarks(1, 1)!.cost).toBe(0);
    expect(() => createShortestPathSearch(csr).pathLandmarks(0, 1)).toThrowError(expect.objectContaining({ code: "missing-landmarks" }));
  });

  test.prop(
    [
      linkListArbitrary({ closures: true, infinite: true }),
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
    ],
    { seed: 5150, numRuns: 300 },
  )("gives the brute-force cost with links closed after preprocessing, query after query", (l, k, pairs) => {
    const csr = csrOf(l); // closed links are in csr.closed, which createLandmarks ignores
    const landmarks = createLandmarks(csr, Math.min(k, l.nodeCount));
    const lw = createLandmarkWorkspace(l.nodeCount, landmarks);
    const all = floydWarshall(l);
    for (const [a, b] of pairs) {
      const origin = a % l.nodeCount;
      const destination = b % l.nodeCount;
      const p = aStarLandmarksPath(lw, csr, landmarks, origin, destination, csr.closed);
      if (all[origin][destination] === Infinity) expect(p).toBeUndefined();
      else {
        expect(p!.cost).toBe(all[origin][destination]);
        expect(pathCost(csr, p!.links)).toBe(p!.cost);
      }
    }
  });
});

describeShared("aStarLandmarksPath on the DIMACS Rome road graph (rome99.gr)", () => {
  it("matches single-source costs from node 1 for 50 seeded destinations, settling fewer nodes than Dijkstra would", () => {
    const g = readDimacsFile(sharedPath("data/reference/dimacs/rome99.gr"));
    const csr = buildCsr(g.nodeCount, g.fromNodes, g.toNodes, g.costs!);
    const landmarks = createLandmarks(csr, 8);
    const lw = createLandmarkWorkspace(csr.nodeCount, landmarks);
    const costs = singleSourceCosts(csr, 0).costs;
    expect(aStarLandmarksPath(lw, csr, landmarks, 0, 3352, csr.closed)!.cost).toBe(30_305); // PROVENANCE.md
    let settled = 0;
    let dijkstraSettled = 0;
    for (const d of fc.sample(fc.integer({ min: 0, max: g.nodeCount - 1 }), { seed: 98, numRuns: 50 })) {
      expect(aStarLandmarksPath(lw, csr, landmarks, 0, d, csr.closed)!.cost).toBe(costs[d]);
      settled += lw.search.settledCount;
      dijkstraSettled += costs.filter((c) => c <= costs[d]).length; // nodes Dijkstra settles at least
    }
    expect(settled).toBeLessThan(dijkstraSettled / 2);
  });
});
