/**
 * Tests of src/algorithms/dijkstra.ts: hand-derived cases, a closed-form grid oracle, property tests against a
 * Floyd–Warshall brute force and graphology-shortest-path, and the DIMACS Rome road graph's published distances.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { buildCsr, type Csr } from "../../src/algorithms/csr.ts";
import { createDijkstraWorkspace, runDijkstra, singleSourceCosts } from "../../src/algorithms/dijkstra.ts";
import { pathCost, pathLinks } from "../../src/algorithms/path.ts";
import { UsageError } from "../../src/errors.ts";
import { readDimacsFile } from "../../bench/support/dimacs.ts";
import { describeShared, sharedPath } from "../support/shared-data.ts";
import { csrOf, floydWarshall, graphologyCosts, linkListArbitrary } from "./oracles.ts";

const SEED = 20240611;

/** Network from `[from, to, cost]` triples. */
function net(nodeCount: number, links: [number, number, number][]): Csr {
  return buildCsr(
    nodeCount,
    Int32Array.from(links, (l) => l[0]),
    Int32Array.from(links, (l) => l[1]),
    Float64Array.from(links, (l) => l[2]),
  );
}

/** N × M grid, 4-neighbour, both directions, every link costing `cost`; node (r, c) has index r·M + c. */
function grid(rows: number, cols: number, cost: number): Csr {
  const links: [number, number, number][] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const v = r * cols + c;
    if (c + 1 < cols) links.push([v, v + 1, cost], [v + 1, v, cost]);
    if (r + 1 < rows) links.push([v, v + cols, cost], [v + cols, v, cost]);
  }
  return net(rows * cols, links);
}

describe("singleSourceCosts(csr, origin, options?, out?)", () => {
  // 0 →(4) 1 →(6) 2, 0 →(12) 2, 3 isolated
  const abc = net(4, [[0, 1, 4], [1, 2, 6], [0, 2, 12]]);

  it("returns least costs and predecessor links (docs example)", () => {
    // 0→2 direct costs 12, via 1 costs 4 + 6 = 10 < 12 ⇒ cost 10 through link 1.
    const r = singleSourceCosts(abc, 0);
    expect(Array.from(r.costs)).toEqual([0, 4, 10, Infinity]);
    expect(Array.from(r.predecessorLinks)).toEqual([-1, 0, 1, -1]);
  });

  it("keeps unreachable nodes at Infinity with predecessor -1, never 0 or null", () => {
    const r = singleSourceCosts(abc, 2);
    expect(Array.from(r.costs)).toEqual([Infinity, Infinity, 0, Infinity]);
    expect(Array.from(r.predecessorLinks)).toEqual([-1, -1, -1, -1]);
  });

  it("with cutoff counts a node at exactly the cutoff as reached (inclusive) and leaves the rest at Infinity", () => {
    // costs 0, 4, 10: cutoff 4 reaches 0 and 1; cutoff 10 reaches all three.
    expect(Array.from(singleSourceCosts(abc, 0, { cutoff: 4 }).costs)).toEqual([0, 4, Infinity, Infinity]);
    expect(Array.from(singleSourceCosts(abc, 0, { cutoff: 10 }).costs)).toEqual([0, 4, 10, Infinity]);
    expect(Array.from(singleSourceCosts(abc, 0, { cutoff: 9.99 }).predecessorLinks)).toEqual([-1, 0, -1, -1]);
  });

  it("with cutoff 0 reaches only the origin when costs are positive (0 never means 'no cutoff')", () => {
    expect(Array.from(singleSourceCosts(abc, 0, { cutoff: 0 }).costs)).toEqual([0, Infinity, Infinity, Infinity]);
  });

  it("with cutoff 0 also reaches nodes at zero cost", () => {
    // 0 →(0) 1 →(1) 2: only 0 and 1 cost ≤ 0.
    const z = net(3, [[0, 1, 0], [1, 2, 1]]);
    expect(Array.from(singleSourceCosts(z, 0, { cutoff: 0 }).costs)).toEqual([0, 0, Infinity]);
  });

  it("with cutoff undefined or Infinity is unbounded", () => {
    expect(Array.from(singleSourceCosts(abc, 0, { cutoff: undefined }).costs)).toEqual([0, 4, 10, Infinity]);
    expect(Array.from(singleSourceCosts(abc, 0, { cutoff: Infinity }).costs)).toEqual([0, 4, 10, Infinity]);
  });

  it("accepts zero costs, including zero-cost cycles", () => {
    // 0 →(0) 1 →(0) 0, 1 →(3) 2: costs 0, 0, 3.
    const z = net(3, [[0, 1, 0], [1, 0, 0], [1, 2, 3]]);
    const r = singleSourceCosts(z, 0);
    expect(Array.from(r.costs)).toEqual([0, 0, 3]);
    expect(Array.from(r.predecessorLinks)).toEqual([-1, 0, 2]);
  });

  it("treats an Infinity cost as impassable", () => {
    const z = net(3, [[0, 1, Infinity], [0, 2, 1]]);
    const r = singleSourceCosts(z, 0);
    expect(Array.from(r.costs)).toEqual([0, Infinity, 1]);
    expect(r.predecessorLinks[1]).toBe(-1);
  });

  it("treats a closed link as impassable, from csr.closed or from options.closed, without a rebuild", () => {
    // Closing link 0 (0→1) leaves 1 unreachable and 2 reachable only directly at 12.
    const z = net(3, [[0, 1, 4], [1, 2, 6], [0, 2, 12]]);
    z.closed[0] = 1;
    expect(Array.from(singleSourceCosts(z, 0).costs)).toEqual([0, Infinity, 12]);
    z.closed[0] = 0;
    expect(Array.from(singleSourceCosts(z, 0).costs)).toEqual([0, 4, 10]);
    const mask = Uint8Array.of(0, 1, 0); // close 1→2 for this call only
    expect(Array.from(singleSourceCosts(z, 0, { closed: mask }).costs)).toEqual([0, 4, 12]);
    expect(Array.from(singleSourceCosts(z, 0).costs)).toEqual([0, 4, 10]);
  });

  it("uses the cheapest of parallel links", () => {
    // Three parallel links 0→1 costing 7, 3, 5 (indexes 0, 1, 2) ⇒ cost 3 through link 1.
    const z = net(2, [[0, 1, 7], [0, 1, 3], [0, 1, 5]]);
    const r = singleSourceCosts(z, 0);
    expect(r.costs[1]).toBe(3);
    expect(r.predecessorLinks[1]).toBe(1);
  });

  it("breaks equal-cost ties by the smallest link index, whatever the link order in the arrays", () => {
    // Two routes 0→3 of cost 2: via 1 (links 2: 0→1, 3: 1→3) and via 2 (links 0: 0→2, 1: 2→3).
    // Tight in-links of 3 are links 1 and 3 ⇒ predecessor 1 (via node 2).
    const z = net(4, [[0, 2, 1], [2, 3, 1], [0, 1, 1], [1, 3, 1]]);
    expect(singleSourceCosts(z, 0).predecessorLinks[3]).toBe(1);
    // Same routes, indexes swapped ⇒ predecessor is again the smaller index, now via node 1.
    const w = net(4, [[0, 1, 1], [1, 3, 1], [0, 2, 1], [2, 3, 1]]);
    expect(singleSourceCosts(w, 0).predecessorLinks[3]).toBe(1);
    // Equal parallel links 0→1 (indexes 0, 1) ⇒ link 0.
    expect(singleSourceCosts(net(2, [[0, 1, 2], [0, 1, 2]]), 0).predecessorLinks[1]).toBe(0);
  });

  it("writes into out when given and returns it", () => {
    const out = { costs: new Float64Array(4), predecessorLinks: new Int32Array(4) };
    const r = singleSourceCosts(abc, 0, {}, out);
    expect(r).toBe(out);
    expect(Array.from(out.costs)).toEqual([0, 4, 10, Infinity]);
  });

  it("refuses a bad origin, cutoff, closed mask or out with UsageError codes", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as UsageError).code;
      }
      return "no error";
    };
    expect(code(() => singleSourceCosts(abc, 4))).toBe("invalid-node-index");
    expect(code(() => singleSourceCosts(abc, -1))).toBe("invalid-node-index");
    expect(code(() => singleSourceCosts(abc, 1.5))).toBe("invalid-node-index");
    expect(code(() => singleSourceCosts(abc, 0, { cutoff: -1 }))).toBe("invalid-cutoff");
    expect(code(() => singleSourceCosts(abc, 0, { cutoff: NaN }))).toBe("invalid-cutoff");
    expect(code(() => singleSourceCosts(abc, 0, { cutoff: "30" as unknown as number }))).toBe("invalid-cutoff");
    expect(code(() => singleSourceCosts(abc, 0, { closed: new Uint8Array(2) }))).toBe("invalid-closed-mask");
    expect(code(() => singleSourceCosts(abc, 0, {}, { costs: new Float64Array(1), predecessorLinks: new Int32Array(4) }))).toBe("invalid-argument");
  });

  it("on a uniform grid equals the Manhattan distance × link cost (closed form)", () => {
    // 7 × 9 grid, every link 2.5: cost(r, c) from (3, 4) = 2.5 · (|r − 3| + |c − 4|).
    const rows = 7;
    const cols = 9;
    const g = grid(rows, cols, 2.5);
    const costs = singleSourceCosts(g, 3 * cols + 4).costs;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      expect(costs[r * cols + c]).toBe(2.5 * (Math.abs(r - 3) + Math.abs(c - 4)));
    }
  });

  it("with cutoff on a uniform grid reaches the closed-form diamond", () => {
    // Unit grid 21 × 21 from the centre, cutoff k ≤ 10: nodes with |dr| + |dc| ≤ k, i.e. 2k² + 2k + 1 of them.
    const g = grid(21, 21, 1);
    for (const k of [0, 1, 2, 5, 10]) {
      const costs = singleSourceCosts(g, 10 * 21 + 10, { cutoff: k }).costs;
      expect(costs.filter((c) => c < Infinity).length).toBe(2 * k * k + 2 * k + 1);
    }
  });
});

describe("runDijkstra(ws, csr, origin, cutoff, closed, destination, targetMask, targetCount)", () => {
  it("reuses a workspace: a second run from another origin is unaffected by the first", () => {
    const z = net(4, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [3, 0, 1]]);
    const ws = createDijkstraWorkspace(4);
    runDijkstra(ws, z, 0, Infinity, z.closed, -1, undefined, 0);
    runDijkstra(ws, z, 2, 1, z.closed, -1, undefined, 0);
    // From 2 with cutoff 1: 2 (0), 3 (1); 0 and 1 beyond.
    expect(Array.from(ws.costs)).toEqual([Infinity, Infinity, 0, 1]);
    expect(Array.from(ws.predecessorLinks)).toEqual([-1, -1, -1, 2]);
    expect(Array.from(ws.settled.subarray(0, ws.settledCount))).toEqual([2, 3]);
  });

  it("stops when the destination is settled", () => {
    // Path 0→1→2→3→4, unit costs: stopping at 2 settles 0, 1, 2 only.
    const z = net(5, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [3, 4, 1]]);
    const ws = createDijkstraWorkspace(5);
    runDijkstra(ws, z, 0, Infinity, z.closed, 2, undefined, 0);
    expect(ws.settledCount).toBe(3);
    expect(ws.costs[2]).toBe(2);
  });

  it("settles nodes in ascending cost, ties by node index", () => {
    // Star from 0: links to 3, 1, 2 costing 1, 1, 0.5 ⇒ settle order 0, 2, 1, 3.
    const z = net(4, [[0, 3, 1], [0, 1, 1], [0, 2, 0.5]]);
    const ws = createDijkstraWorkspace(4);
    runDijkstra(ws, z, 0, Infinity, z.closed, -1, undefined, 0);
    expect(Array.from(ws.settled.subarray(0, ws.settledCount))).toEqual([0, 2, 1, 3]);
  });
});

describe("singleSourceCosts(csr, origin, options) — properties on random networks", () => {
  const list = linkListArbitrary({ infinite: true, closures: true });

  test.prop([list, fc.nat()], { seed: SEED, numRuns: 300 })("equals the Floyd–Warshall brute force", (l, o) => {
    const origin = o % l.nodeCount;
    const expected = floydWarshall(l)[origin];
    expect(Array.from(singleSourceCosts(csrOf(l), origin).costs)).toEqual(expected);
  });

  test.prop([linkListArbitrary({ infinite: true }), fc.nat()], { seed: SEED, numRuns: 200 })(
    "equals graphology-shortest-path dijkstra.singleSource",
    (l, o) => {
      const origin = o % l.nodeCount;
      expect(Array.from(singleSourceCosts(csrOf(l), origin).costs)).toEqual(graphologyCosts(l, origin));
    },
  );

  test.prop([list, fc.nat()], { seed: SEED, numRuns: 300 })(
    "gives predecessor paths whose cost (sum of link costs) equals the node's cost, through tight open links",
    (l, o) => {
      const csr = csrOf(l);
      const origin = o % l.nodeCount;
      const { costs, predecessorLinks } = singleSourceCosts(csr, origin);
      for (let v = 0; v < l.nodeCount; v++) {
        const links = pathLinks(csr, predecessorLinks, origin, v);
        if (costs[v] === Infinity) {
          expect(links).toBeUndefined();
          continue;
        }
        expect(links).toBeDefined();
        expect(pathCost(csr, links!)).toBe(costs[v]);
        for (const link of links!) expect(l.closed[link]).toBe(0);
        if (v !== origin) {
          const p = predecessorLinks[v];
          expect(l.to[p]).toBe(v);
          expect(costs[l.from[p]] + l.cost[p]).toBe(costs[v]);
        }
      }
    },
  );

  test.prop([linkListArbitrary({ zero: false, closures: true }), fc.nat()], { seed: SEED, numRuns: 300 })(
    "with positive costs picks the smallest-index tight in-link as predecessor",
    (l, o) => {
      const origin = o % l.nodeCount;
      const { costs, predecessorLinks } = singleSourceCosts(csrOf(l), origin);
      for (let v = 0; v < l.nodeCount; v++) {
        if (v === origin || costs[v] === Infinity) continue;
        let smallest = -1;
        l.from.forEach((u, i) => {
          if (smallest < 0 && l.to[i] === v && l.closed[i] === 0 && costs[u] + l.cost[i] === costs[v]) smallest = i;
        });
        expect(predecessorLinks[v]).toBe(smallest);
      }
    },
  );

  test.prop([list, fc.nat(), fc.nat()], { seed: SEED, numRuns: 200 })(
    "does not depend on the order arcs are stored inside a node (shuffled CSR rows give identical results)",
    (l, o, shuffleSeed) => {
      const csr = csrOf(l);
      const origin = o % l.nodeCount;
      const shuffled = shuffleRows(csr, shuffleSeed);
      const a = singleSourceCosts(csr, origin);
      const b = singleSourceCosts(shuffled, origin);
      expect(Array.from(b.costs)).toEqual(Array.from(a.costs));
      expect(Array.from(b.predecessorLinks)).toEqual(Array.from(a.predecessorLinks));
    },
  );

  test.prop([list], { seed: SEED, numRuns: 200 })("satisfies the triangle inequality cost(o, d) ≤ cost(o, k) + cost(k, d)", (l) => {
    const csr = csrOf(l);
    const all = Array.from({ length: l.nodeCount }, (_, o) => Array.from(singleSourceCosts(csr, o).costs));
    const violations: string[] = [];
    for (let o = 0; o < l.nodeCount; o++) for (let k = 0; k < l.nodeCount; k++) for (let d = 0; d < l.nodeCount; d++) {
      if (!(all[o][d] <= all[o][k] + all[k][d])) violations.push(`${o}→${d} via ${k}`);
    }
    expect(violations).toEqual([]);
  });

  test.prop([list, fc.nat(), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })], { seed: SEED, numRuns: 300 })(
    "with cutoffs c1 < c2 gives isochrone(c1) ⊆ isochrone(c2), every reached node within its cutoff, costs unchanged",
    (l, o, a, b) => {
      const [c1, c2] = a < b ? [a, b] : [b, a + 0.5];
      const csr = csrOf(l);
      const origin = o % l.nodeCount;
      const full = singleSourceCosts(csr, origin).costs;
      const i1 = singleSourceCosts(csr, origin, { cutoff: c1 }).costs;
      const i2 = singleSourceCosts(csr, origin, { cutoff: c2 }).costs;
      for (let v = 0; v < l.nodeCount; v++) {
        if (i1[v] < Infinity) expect(i2[v]).toBe(i1[v]);
        expect(i1[v]).toBe(full[v] <= c1 ? full[v] : Infinity);
        expect(i2[v]).toBe(full[v] <= c2 ? full[v] : Infinity);
      }
    },
  );
});

/** A copy of `csr` whose arcs inside each node's row are permuted (same link indexes, same costs). */
function shuffleRows(csr: Csr, seed: number): Csr {
  const targets = csr.targets.slice();
  const arcLinks = csr.arcLinks.slice();
  const arcCosts = csr.arcCosts.slice();
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let u = 0; u < csr.nodeCount; u++) {
    const start = csr.offsets[u];
    for (let k = csr.offsets[u + 1] - 1; k > start; k--) {
      const j = start + Math.floor(next() * (k - start + 1));
      [targets[k], targets[j]] = [targets[j], targets[k]];
      [arcLinks[k], arcLinks[j]] = [arcLinks[j], arcLinks[k]];
      [arcCosts[k], arcCosts[j]] = [arcCosts[j], arcCosts[k]];
    }
  }
  return { ...csr, targets, arcLinks, arcCosts };
}

describeShared("singleSourceCosts on the DIMACS Rome road graph (rome99.gr)", () => {
  // 9th DIMACS Implementation Challenge, Rome 1999 (Storchi, Dell'Olmo, Gentili); reference values computed
  // independently with networkx, listed in ../shared/data/reference/PROVENANCE.md.
  it("from node 1 reaches all 3,353 nodes; sum 116,006,476 m; farthest 69,102 m; node 3353 at 30,305 m", () => {
    const g = readDimacsFile(sharedPath("data/reference/dimacs/rome99.gr"));
    const csr = buildCsr(g.nodeCount, g.fromNodes, g.toNodes, g.costs!);
    const { costs } = singleSourceCosts(csr, 0);
    let reached = 0;
    let sum = 0;
    let max = 0;
    for (const c of costs) {
      if (c === Infinity) continue;
      reached++;
      sum += c;
      if (c > max) max = c;
    }
    expect(reached).toBe(3353);
    expect(sum).toBe(116_006_476);
    expect(max).toBe(69_102);
    expect(costs[3352]).toBe(30_305);
  });
});
