/**
 * Tests of src/algorithms/point-to-point.ts: early-exit Dijkstra paths against the single-source tree, the
 * Floyd–Warshall brute force and ngraph.path (aStar and nba, oriented).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { buildCsr } from "../../src/algorithms/csr.ts";
import { createDijkstraWorkspace, singleSourceCosts } from "../../src/algorithms/dijkstra.ts";
import { pathLinks } from "../../src/algorithms/path.ts";
import { pointToPointPath } from "../../src/algorithms/point-to-point.ts";
import { csrOf, floydWarshall, linkListArbitrary, ngraphCost } from "./oracles.ts";

const SEED = 314159;

describe("pointToPointPath(ws, csr, origin, destination, closed, cutoff)", () => {
  // 0 →(4) 1 →(6) 2 and 0 →(12) 2
  const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));
  const ws = createDijkstraWorkspace(3);

  it("returns cost, links and nodes origin → destination (docs example)", () => {
    const p = pointToPointPath(ws, csr, 0, 2, csr.closed, Infinity)!;
    expect({ cost: p.cost, links: Array.from(p.links), nodes: Array.from(p.nodes) }).toEqual({ cost: 10, links: [0, 1], nodes: [0, 1, 2] });
  });

  it("returns undefined when unreachable or beyond the cutoff, and an empty path for origin = destination", () => {
    expect(pointToPointPath(ws, csr, 2, 0, csr.closed, Infinity)).toBeUndefined();
    expect(pointToPointPath(ws, csr, 0, 2, csr.closed, 9)).toBeUndefined(); // cost 10 > 9
    const self = pointToPointPath(ws, csr, 1, 1, csr.closed, 0)!;
    expect([self.cost, self.links.length, Array.from(self.nodes)]).toEqual([0, 0, [1]]);
  });

  it("honours the closed mask (closing 1→2 leaves the direct link, cost 12)", () => {
    expect(pointToPointPath(ws, csr, 0, 2, Uint8Array.of(0, 1, 0), Infinity)!.cost).toBe(12);
  });

  const list = linkListArbitrary({ closures: true, infinite: true });

  test.prop([list, fc.nat(), fc.nat()], { seed: SEED, numRuns: 300 })(
    "gives the single-source tree's path and the brute-force cost",
    (l, a, b) => {
      const csr = csrOf(l);
      const origin = a % l.nodeCount;
      const destination = b % l.nodeCount;
      const p = pointToPointPath(createDijkstraWorkspace(l.nodeCount), csr, origin, destination, csr.closed, Infinity);
      const expected = floydWarshall(l)[origin][destination];
      if (expected === Infinity) {
        expect(p).toBeUndefined();
        return;
      }
      expect(p!.cost).toBe(expected);
      const tree = singleSourceCosts(csr, origin).predecessorLinks;
      expect(Array.from(p!.links)).toEqual(Array.from(pathLinks(csr, tree, origin, destination)!));
    },
  );

  test.prop([linkListArbitrary({ closures: true }), fc.nat(), fc.nat()], { seed: SEED, numRuns: 300 })(
    "agrees with ngraph.path aStar and nba (oriented: true) on the cost",
    (l, a, b) => {
      const csr = csrOf(l);
      const origin = a % l.nodeCount;
      const destination = b % l.nodeCount;
      const p = pointToPointPath(createDijkstraWorkspace(l.nodeCount), csr, origin, destination, csr.closed, Infinity);
      const cost = p === undefined ? Infinity : p.cost;
      expect(cost).toBe(ngraphCost(l, origin, destination, "aStar"));
      expect(cost).toBe(ngraphCost(l, origin, destination, "nba"));
    },
  );
});
