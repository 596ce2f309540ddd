/**
 * Tests of src/algorithms/bridges.ts: hand-derived bridges and articulation points on tiny undirected views, property
 * tests against remove-and-count oracles, facility rules (two directions = one edge), errors and a 1,000,000-node path.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { bridgesAndArticulationPoints } from "../../src/algorithms/bridges.ts";
import { UsageError } from "../../src/errors.ts";
import { readFileSync } from "node:fs";
import { weakComponents } from "../../src/algorithms/components.ts";
import { closedMask, graphOf, randomFacilityGraph, undirectedComponentsOracle } from "../support/link-graph.ts";
import { describeShared, sharedPath } from "../support/shared-data.ts";

const SEED = 20_240_612;

/** Runs the kernel on a `graphOf` spec and returns plain arrays. */
function run(nodeCount: number, spec: string, closedLinks: number[] = []) {
  const g = graphOf(nodeCount, spec);
  const r = bridgesAndArticulationPoints(
    g.nodeCount,
    g.fromIndex,
    g.toIndex,
    g.facilityOfLink,
    closedLinks.length > 0 ? closedMask(g.fromIndex.length, closedLinks) : undefined,
  );
  return { bridges: Array.from(r.bridgeFacilities), articulations: Array.from(r.articulationNodes) };
}

describe("bridgesAndArticulationPoints(nodeCount, fromIndex, toIndex, facilityOfLink, closed?)", () => {
  test("@example: two triangles joined by facility 6 → bridge [6], articulation points [2, 3]", () => {
    const r = bridgesAndArticulationPoints(
      6,
      Int32Array.of(0, 1, 2, 3, 4, 5, 2),
      Int32Array.of(1, 2, 0, 4, 5, 3, 3),
      Int32Array.of(0, 1, 2, 3, 4, 5, 6),
    );
    expect(r).toEqual({ bridgeFacilities: Int32Array.of(6), articulationNodes: Int32Array.of(2, 3) });
  });

  test("a path: every facility is a bridge, every inner node an articulation point", () => {
    // Facilities 0: 0–1, 1: 1–2, 2: 2–3 (two directions each). Removing any splits the path; removing node 1 or 2
    // separates its neighbours; the end nodes 0 and 3 are leaves.
    expect(run(4, "0-1 1-2 2-3")).toEqual({ bridges: [0, 1, 2], articulations: [1, 2] });
  });

  test("a cycle has no bridges and no articulation points", () => {
    // Every edge of 0–1–2–3–0 lies on the cycle; removing one node leaves a path.
    expect(run(4, "0-1 1-2 2-3 3-0")).toEqual({ bridges: [], articulations: [] });
  });

  test("two triangles joined by one two-way facility: that facility is the only bridge", () => {
    // Facilities 0..2 triangle 0-1-2, 3..5 triangle 3-4-5, 6 = 2–3. Only 6 is on no cycle; its ends 2 and 3 separate
    // the triangles when removed.
    expect(run(6, "0-1 1-2 2-0 3-4 4-5 5-3 2-3")).toEqual({ bridges: [6], articulations: [2, 3] });
  });

  test("a bowtie (two triangles sharing node 2): no bridge, node 2 is the articulation point", () => {
    expect(run(5, "0-1 1-2 2-0 2-3 3-4 4-2")).toEqual({ bridges: [], articulations: [2] });
  });

  test("a bowtie around the search root (node 0) makes the root an articulation point", () => {
    // Triangles 0-1-2 and 0-3-4: DFS from 0 has two child subtrees, so 0 is an articulation point.
    expect(run(5, "0-1 1-2 2-0 0-3 3-4 4-0")).toEqual({ bridges: [], articulations: [0] });
  });

  test("a star: every spoke is a bridge and the hub the only articulation point", () => {
    expect(run(4, "0-1 0-2 0-3")).toEqual({ bridges: [0, 1, 2], articulations: [0] });
  });

  test("two facilities between the same nodes are parallel edges, not bridges", () => {
    // Facilities 0 and 1 both join 0–1; facility 2 joins 1–2. Removing 0 leaves 1 (and vice versa); 2 is a bridge.
    expect(run(3, "0-1 0-1 1-2")).toEqual({ bridges: [2], articulations: [1] });
  });

  test("the two directions of one facility are one edge (still a bridge)", () => {
    // One facility 0 with links 0→1 and 1→0: a single undirected edge, so a bridge.
    const r = bridgesAndArticulationPoints(2, Int32Array.of(0, 1), Int32Array.of(1, 0), Int32Array.of(0, 0));
    expect(Array.from(r.bridgeFacilities)).toEqual([0]);
    // The same two links as two different facilities are parallel edges: no bridge.
    const p = bridgesAndArticulationPoints(2, Int32Array.of(0, 1), Int32Array.of(1, 0), Int32Array.of(0, 1));
    expect(Array.from(p.bridgeFacilities)).toEqual([]);
  });

  test("closed links: a facility with every link closed is gone; one open direction keeps it", () => {
    // Cycle 0–1–2–0 with facility 2 (2–0, links 4 and 5) fully closed: a path 2–1–0 remains → facilities 0, 1 are
    // bridges and node 1 an articulation point.
    expect(run(3, "0-1 1-2 2-0", [4, 5])).toEqual({ bridges: [0, 1], articulations: [1] });
    // Only link 4 (2→0) closed: 0→2 still joins them in the undirected view, the cycle stands.
    expect(run(3, "0-1 1-2 2-0", [4])).toEqual({ bridges: [], articulations: [] });
  });

  test("self-loops are never bridges and make no articulation point", () => {
    // 0–1 plus a self-loop at 1 (facility 1): facility 0 is a bridge; node 1 is a leaf.
    expect(run(2, "0-1 1>1")).toEqual({ bridges: [0], articulations: [] });
  });

  test("isolated nodes and separate components are handled; empty graph gives empty arrays", () => {
    // Components {0,1,2} (path) and {4,5} (one edge), node 3 isolated.
    expect(run(6, "0-1 1-2 4-5")).toEqual({ bridges: [0, 1, 2], articulations: [1] });
    const empty = bridgesAndArticulationPoints(0, new Int32Array(0), new Int32Array(0), new Int32Array(0));
    expect(empty).toEqual({ bridgeFacilities: new Int32Array(0), articulationNodes: new Int32Array(0) });
  });

  test("sparse, large facility ids are returned as given, ascending", () => {
    // Path 0–1–2 whose facilities are numbered 2,000,000,000 and 5 (link order): both bridges, sorted [5, 2e9].
    const r = bridgesAndArticulationPoints(
      3,
      Int32Array.of(0, 1, 1, 2),
      Int32Array.of(1, 0, 2, 1),
      Int32Array.of(2_000_000_000, 2_000_000_000, 5, 5),
    );
    expect(Array.from(r.bridgeFacilities)).toEqual([5, 2_000_000_000]);
  });

  test.prop([randomFacilityGraph()], { seed: SEED, numRuns: 300 })(
    "a facility is a bridge iff removing it increases the number of undirected components",
    (g) => {
      const r = bridgesAndArticulationPoints(g.nodeCount, g.fromIndex, g.toIndex, g.facilityOfLink, g.closed);
      const open = (i: number) => g.closed[i] === 0;
      const base = undirectedComponentsOracle(g, open).count;
      const expected = [...new Set(g.facilityOfLink)]
        .filter((f) => undirectedComponentsOracle(g, (i) => open(i) && g.facilityOfLink[i] !== f).count > base)
        .sort((a, b) => a - b);
      expect(Array.from(r.bridgeFacilities)).toEqual(expected);
    },
  );

  test.prop([randomFacilityGraph()], { seed: SEED, numRuns: 300 })(
    "a node is an articulation point iff removing it increases the number of components among the other nodes",
    (g) => {
      const r = bridgesAndArticulationPoints(g.nodeCount, g.fromIndex, g.toIndex, g.facilityOfLink, g.closed);
      const open = (i: number) => g.closed[i] === 0;
      const base = undirectedComponentsOracle(g, open).count;
      const expected: number[] = [];
      for (let v = 0; v < g.nodeCount; v++) {
        if (undirectedComponentsOracle(g, open, (w) => w !== v).count > base) expected.push(v);
      }
      expect(Array.from(r.articulationNodes)).toEqual(expected);
    },
  );

  test("a 1,000,000-node path (DFS depth 10^6): n − 1 bridges, n − 2 articulation points", () => {
    const n = 1_000_000;
    const fromIndex = new Int32Array(n - 1);
    const toIndex = new Int32Array(n - 1);
    const facilityOfLink = new Int32Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      fromIndex[i] = i;
      toIndex[i] = i + 1;
      facilityOfLink[i] = i;
    }
    const r = bridgesAndArticulationPoints(n, fromIndex, toIndex, facilityOfLink);
    expect(r.bridgeFacilities.length).toBe(n - 1);
    expect(r.articulationNodes.length).toBe(n - 2);
    expect([r.articulationNodes[0], r.articulationNodes[n - 3]]).toEqual([1, n - 2]);
  });
});

describe("bridgesAndArticulationPoints argument errors (UsageError, matched by code)", () => {
  test.each([
    [
      "links of one facility joining different nodes",
      () => bridgesAndArticulationPoints(3, Int32Array.of(0, 1), Int32Array.of(1, 2), Int32Array.of(4, 4)),
      "facility-endpoints-mismatch",
    ],
    [
      "a negative facility id",
      () => bridgesAndArticulationPoints(2, Int32Array.of(0), Int32Array.of(1), Int32Array.of(-1)),
      "invalid-facility",
    ],
    [
      "facilityOfLink of the wrong length",
      () => bridgesAndArticulationPoints(2, Int32Array.of(0), Int32Array.of(1), new Int32Array(2)),
      "length-mismatch",
    ],
    [
      "a link end outside [0, nodeCount)",
      () => bridgesAndArticulationPoints(2, Int32Array.of(0), Int32Array.of(2), Int32Array.of(0)),
      "node-index-out-of-range",
    ],
  ])("refuses %s", (_what, call, code) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(expect.objectContaining({ code }));
  });

  test("the endpoint-mismatch message names both links and the facility", () => {
    expect(() => bridgesAndArticulationPoints(3, Int32Array.of(0, 1), Int32Array.of(1, 2), Int32Array.of(4, 4))).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/links 0 .* and 1 .* share facility 4/) }),
    );
  });
});

describeShared("bridgesAndArticulationPoints on the New York road graph (../shared/data/reference/dimacs/NY.gr)", () => {
  test("NY.gr (PACE 2016, 264,346 nodes, 365,050 edges as 730,100 two-way links): 52,703 bridges, 46,476 articulation points", () => {
    // Source: github.com/ben-strasser/road-graphs-pace16 (public domain), see ../shared/data/reference/PROVENANCE.md.
    // Expected counts computed independently with networkx 3.6.1: sum(1 for _ in nx.bridges(G)) = 52,703 and
    // sum(1 for _ in nx.articulation_points(G)) = 46,476 on the same undirected graph.
    const lines = readFileSync(sharedPath("data/reference/dimacs/NY.gr"), "utf8").split("\n");
    let nodeCount = 0;
    const from: number[] = [];
    const to: number[] = [];
    for (const line of lines) {
      const t = line.trim().split(/\s+/);
      if (t[0] === "p") nodeCount = Number(t[2]);
      else if (t[0] !== "c" && t[0] !== "" && t.length === 2) {
        // Edge k → links 2k (u→v) and 2k+1 (v→u), facility k.
        from.push(Number(t[0]) - 1, Number(t[1]) - 1);
        to.push(Number(t[1]) - 1, Number(t[0]) - 1);
      }
    }
    expect([nodeCount, from.length]).toEqual([264_346, 730_100]);
    const fromIndex = Int32Array.from(from);
    const toIndex = Int32Array.from(to);
    const facilityOfLink = Int32Array.from(from, (_, i) => i >> 1);
    const r = bridgesAndArticulationPoints(nodeCount, fromIndex, toIndex, facilityOfLink);
    expect([r.bridgeFacilities.length, r.articulationNodes.length]).toEqual([52_703, 46_476]);
    // PROVENANCE.md: the graph is connected.
    expect(weakComponents(nodeCount, fromIndex, toIndex).count).toBe(1);
  });
});
