/**
 * Tests of src/algorithms/bidirectional.ts: bidirectional Dijkstra against the Floyd–Warshall brute force,
 * ngraph.path nba and, on the DIMACS Rome graph, the single-source search.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { bidirectionalPath, createBidirectionalWorkspace } from "../../src/algorithms/bidirectional.ts";
import { buildCsr } from "../../src/algorithms/csr.ts";
import { singleSourceCosts } from "../../src/algorithms/dijkstra.ts";
import { pathCost } from "../../src/algorithms/path.ts";
import { readDimacsFile } from "../../bench/support/dimacs.ts";
import { describeShared, sharedPath } from "../support/shared-data.ts";
import { csrOf, floydWarshall, linkListArbitrary, ngraphCost } from "./oracles.ts";

const SEED = 271828;

describe("bidirectionalPath(bw, csr, origin, destination, closed)", () => {
  // 0 →(4) 1 →(6) 2 and 0 →(12) 2
  const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));
  const bw = createBidirectionalWorkspace(csr);

  it("returns cost, links and nodes origin → destination (docs example)", () => {
    const p = bidirectionalPath(bw, csr, 0, 2, csr.closed)!;
    expect({ cost: p.cost, links: Array.from(p.links), nodes: Array.from(p.nodes) }).toEqual({ cost: 10, links: [0, 1], nodes: [0, 1, 2] });
  });

  it("returns undefined when unreachable, an empty path for origin = destination, and honours closures", () => {
    expect(bidirectionalPath(bw, csr, 2, 0, csr.closed)).toBeUndefined();
    expect(bidirectionalPath(bw, csr, 1, 1, csr.closed)!.cost).toBe(0);
    expect(bidirectionalPath(bw, csr, 0, 2, Uint8Array.of(1, 0, 0))!.cost).toBe(12);
    expect(bidirectionalPath(bw, csr, 0, 2, Uint8Array.of(1, 0, 1))).toBeUndefined();
  });

  const list = linkListArbitrary({ closures: true, infinite: true });

  test.prop([list, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 })], { seed: SEED, numRuns: 300 })(
    "gives the brute-force cost along a valid open path, query after query on one workspace",
    (l, pairs) => {
      const csr = csrOf(l);
      const bw = createBidirectionalWorkspace(csr);
      const all = floydWarshall(l);
      for (const [a, b] of pairs) {
        const origin = a % l.nodeCount;
        const destination = b % l.nodeCount;
        const p = bidirectionalPath(bw, csr, origin, destination, csr.closed);
        if (all[origin][destination] === Infinity) {
          expect(p).toBeUndefined();
          continue;
        }
        expect(p!.cost).toBe(all[origin][destination]);
        expect(p!.cost).toBe(pathCost(csr, p!.links));
        expect(p!.nodes[0]).toBe(origin);
        expect(p!.nodes[p!.nodes.length - 1]).toBe(destination);
        p!.links.forEach((link, i) => {
          expect(l.closed[link]).toBe(0);
          expect(l.from[link]).toBe(p!.nodes[i]);
          expect(l.to[link]).toBe(p!.nodes[i + 1]);
        });
      }
    },
  );

  test.prop([linkListArbitrary({ closures: true }), fc.nat(), fc.nat()], { seed: SEED, numRuns: 300 })(
    "agrees with ngraph.path nba (oriented: true) on the cost",
    (l, a, b) => {
      const csr = csrOf(l);
      const origin = a % l.nodeCount;
      const destination = b % l.nodeCount;
      const p = bidirectionalPath(createBidirectionalWorkspace(csr), csr, origin, destination, csr.closed);
      expect(p === undefined ? Infinity : p.cost).toBe(ngraphCost(l, origin, destination, "nba"));
    },
  );
});

describeShared("bidirectionalPath on the DIMACS Rome road graph (rome99.gr)", () => {
  it("matches single-source costs from node 1 for 50 seeded destinations, and gives 30,305 m to node 3353", () => {
    // Rome: 9th DIMACS Challenge; dist(1, 3353) = 30,305 m per ../shared/data/reference/PROVENANCE.md.
    const g = readDimacsFile(sharedPath("data/reference/dimacs/rome99.gr"));
    const csr = buildCsr(g.nodeCount, g.fromNodes, g.toNodes, g.costs!);
    const bw = createBidirectionalWorkspace(csr);
    const costs = singleSourceCosts(csr, 0).costs;
    expect(bidirectionalPath(bw, csr, 0, 3352, csr.closed)!.cost).toBe(30_305);
    const destinations = fc.sample(fc.integer({ min: 0, max: g.nodeCount - 1 }), { seed: 99, numRuns: 50 });
    for (const d of destinations) expect(bidirectionalPath(bw, csr, 0, d, csr.closed)!.cost).toBe(costs[d]);
  });
});
