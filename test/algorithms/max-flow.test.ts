/**
 * Tests of src/algorithms/max-flow.ts: hand-derived flows and cuts, property tests against an Edmonds–Karp oracle
 * (value, cut, conservation, bounds), uncapacitated links, errors, and two reference instances with published values.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { maxFlow, type MaxFlowResult } from "../../src/algorithms/max-flow.ts";
import { UsageError } from "../../src/errors.ts";
import { readDimacsMaxFlowFile } from "../../bench/support/dimacs-maxflow.ts";
import { closedMask, edmondsKarpOracle, graphOf, type LinkGraph } from "../support/link-graph.ts";
import { describeShared, sharedPath } from "../support/shared-data.ts";

const SEED = 20_240_613;

/** Checks the contract every result must meet; returns the cut capacity. Tolerance 0 for integer inputs. */
function checkContract(
  g: LinkGraph,
  capacity: Float64Array,
  sources: readonly number[],
  sinks: readonly number[],
  r: MaxFlowResult,
  closed?: Uint8Array,
  tolerance = 0,
): number {
  const linkCount = g.fromIndex.length;
  const isSource = (v: number) => sources.includes(v);
  const isSink = (v: number) => sinks.includes(v);
  const net = new Float64Array(g.nodeCount);
  for (let i = 0; i < linkCount; i++) {
    const f = r.linkFlow[i];
    // 0 ≤ flow ≤ capacity; closed links and self-loops carry nothing.
    expect(f).toBeGreaterThanOrEqual(0);
    expect(f).toBeLessThanOrEqual(capacity[i]);
    if (closed?.[i] || g.fromIndex[i] === g.toIndex[i]) expect(f).toBe(0);
    // No flow enters a source or leaves a sink.
    if (isSource(g.toIndex[i]) || isSink(g.fromIndex[i])) expect(f).toBe(0);
    net[g.fromIndex[i]] -= f;
    net[g.toIndex[i]] += f;
  }
  // Flow conservation at every node that is neither source nor sink.
  for (let v = 0; v < g.nodeCount; v++) {
    if (!isSource(v) && !isSink(v)) expect(Math.abs(net[v])).toBeLessThanOrEqual(tolerance);
  }
  // Value = flow arriving at the sinks = flow leaving the sources.
  let intoSinks = 0;
  let outOfSources = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    if (isSink(v)) intoSinks += net[v];
    if (isSource(v)) outOfSources -= net[v];
  }
  expect(Math.abs(r.value - intoSinks)).toBeLessThanOrEqual(tolerance * (1 + linkCount));
  expect(Math.abs(r.value - outOfSources)).toBeLessThanOrEqual(tolerance * (1 + linkCount));
  // Source side: contains every source, no sink; cut links = open, positive-capacity links leaving it, ascending.
  for (const s of sources) expect(r.sourceSide[s]).toBe(1);
  for (const t of sinks) expect(r.sourceSide[t]).toBe(0);
  const expectedCut: number[] = [];
  for (let i = 0; i < linkCount; i++) {
    if (closed?.[i] || capacity[i] === 0) continue;
    if (r.sourceSide[g.fromIndex[i]] === 1 && r.sourceSide[g.toIndex[i]] === 0) expectedCut.push(i);
  }
  expect(Array.from(r.minCutLinks)).toEqual(expectedCut);
  // Every cut link is saturated; every link back into the source side carries (almost) nothing.
  let cutCapacity = 0;
  for (const i of r.minCutLinks) {
    cutCapacity += capacity[i];
    expect(capacity[i] - r.linkFlow[i]).toBeLessThanOrEqual(tolerance);
  }
  for (let i = 0; i < linkCount; i++) {
    if (r.sourceSide[g.fromIndex[i]] === 0 && r.sourceSide[g.toIndex[i]] === 1) expect(r.linkFlow[i]).toBeLessThanOrEqual(tolerance);
  }
  return cutCapacity;
}

describe("maxFlow(nodeCount, fromIndex, toIndex, capacity, sources, sinks, closed?) — hand-derived cases", () => {
  test("@example: the 4-node diamond has value 5, flows [3, 2, 1, 2, 3], cut [0, 1]", () => {
    // Links 0: 0→1 (3), 1: 0→2 (2), 2: 1→2 (1), 3: 1→3 (2), 4: 2→3 (3). The cut {0} | {1,2,3} has capacity 3 + 2 = 5,
    // and 5 units route: 2 on 0→1→3, 1 on 0→1→2→3, 2 on 0→2→3. The flow is unique: both source links must be
    // full, both sink links full (2 + 3 = 5), so 1→2 carries 3 − 2 = 1. The smallest source side is {0}, because
    // both links out of 0 are saturated.
    const r = maxFlow(4, Int32Array.of(0, 0, 1, 1, 2), Int32Array.of(1, 2, 2, 3, 3), Float64Array.of(3, 2, 1, 2, 3), [0], [3]);
    expect(r.value).toBe(5);
    expect(Array.from(r.linkFlow)).toEqual([3, 2, 1, 2, 3]);
    expect(r.minCutLinks).toEqual(Int32Array.of(0, 1));
    expect(r.sourceSide).toEqual(Uint8Array.of(1, 0, 0, 0));
  });

  test("a series path is limited by its smallest link, which is the cut", () => {
    // 0→1 (5), 1→2 (3), 2→3 (4): value min(5, 3, 4) = 3; the residual reaches 0 and 1 only, so cut = [link 1].
    const g = graphOf(4, "0>1 1>2 2>3");
    const r = maxFlow(g.nodeCount, g.fromIndex, g.toIndex, Float64Array.of(5, 3, 4), [0], [3]);
    expect(r.value).toBe(3);
    expect(Array.from(r.linkFlow)).toEqual([3, 3, 3]);
    expect(Array.from(r.minCutLinks)).toEqual([1]);
    expect(Array.from(r.sourceSide)).toEqual([1, 1, 0, 0]);
  });

  test("parallel links add up; a closed one carries nothing and is not in the cut", () => {
    // Links 0: 0→1 (2), 1: 0→1 (3): value 2 + 3 = 5, both cut. With link 1 closed: value 2, cut [0].
    const g = graphOf(2, "0>1 0>1");
    const cap = Float64Array.of(2, 3);
    const open = maxFlow(2, g.fromIndex, g.toIndex, cap, [0], [1]);
    expect([open.value, Array.from(open.minCutLinks)]).toEqual([5, [0, 1]]);
    const closed = maxFlow(2, g.fromIndex, g.toIndex, cap, [0], [1], closedMask(2, [1]));
    expect([closed.value, Array.from(closed.linkFlow), Array.from(closed.minCutLinks)]).toEqual([2, [2, 0], [0]]);
  });

  test("several sources and sinks act through a super source and super sink", () => {
    // Sources {0,1}, sinks {3,4}. Links 0: 0→2 (4), 1: 1→2 (4), 2: 2→3 (3), 3: 2→4 (10), 4: 0→1 (100).
    // Into node 2 at most 4 + 4 = 8, out of it 3 + 10 = 13, so value 8 and the cut is the two links out of the sources.
    // Link 4 goes from one source to another: it can carry nothing useful and carries 0.
    const g = graphOf(5, "0>2 1>2 2>3 2>4 0>1");
    const cap = Float64Array.of(4, 4, 3, 10, 100);
    const r = maxFlow(5, g.fromIndex, g.toIndex, cap, [0, 1], [3, 4]);
    expect(r.value).toBe(8);
    expect(Array.from(r.minCutLinks)).toEqual([0, 1]);
    expect(r.linkFlow[4]).toBe(0);
    expect(checkContract(g, cap, [0, 1], [3, 4], r)).toBe(8);
  });

  test("no path from sources to sinks: value 0, no cut, source side = reachable nodes", () => {
    // 0→1 (5) and 2→3 (5); from {0} to {3}: nothing reaches 3. The residual reaches 0 and 1.
    const g = graphOf(4, "0>1 2>3");
    const r = maxFlow(4, g.fromIndex, g.toIndex, Float64Array.of(5, 5), [0], [3]);
    expect([r.value, Array.from(r.minCutLinks), Array.from(r.sourceSide)]).toEqual([0, [], [1, 1, 0, 0]]);
  });

  test("self-loops and zero-capacity links carry nothing and are never cut links", () => {
    // 0→0 self-loop (9), 0→1 (0), 0→1 (4): value 4, cut [2] (the zero link crosses the cut but has no capacity).
    const g = graphOf(2, "0>0 0>1 0>1");
    const r = maxFlow(2, g.fromIndex, g.toIndex, Float64Array.of(9, 0, 4), [0], [1]);
    expect([r.value, Array.from(r.linkFlow), Array.from(r.minCutLinks)]).toEqual([4, [0, 0, 4], [2]]);
  });

  test("two-way facilities: flow uses either direction as needed", () => {
    // Two-way 0–1 (links 0, 1: cap 6 each) and 1–2 (links 2, 3: cap 4 each), from 0 to 2: value 4 via 0→1→2.
    const g = graphOf(3, "0-1 1-2");
    const r = maxFlow(3, g.fromIndex, g.toIndex, Float64Array.of(6, 6, 4, 4), [0], [2]);
    expect([r.value, Array.from(r.linkFlow), Array.from(r.minCutLinks)]).toEqual([4, [4, 0, 4, 0], [2]]);
  });

  test("an uncapacitated link is never cut; the finite links are", () => {
    // 0→1 (∞), 1→2 (5): value 5, cut [1].
    const g = graphOf(3, "0>1 1>2");
    const cap = Float64Array.of(Infinity, 5);
    const r = maxFlow(3, g.fromIndex, g.toIndex, cap, [0], [2]);
    expect([r.value, Array.from(r.linkFlow), Array.from(r.minCutLinks)]).toEqual([5, [5, 5], [1]]);
  });

  test("an uncapacitated path gives value Infinity, the path as witness and no cut", () => {
    // Links 0: 0→1 (∞), 1: 1→3 (∞), 2: 0→2 (4), 3: 2→3 (4). The path 0→1→3 is uncapacitated: no finite cut.
    const g = graphOf(4, "0>1 1>3 0>2 2>3");
    const r = maxFlow(4, g.fromIndex, g.toIndex, Float64Array.of(Infinity, Infinity, 4, 4), [0], [3]);
    expect(r.value).toBe(Infinity);
    expect(Array.from(r.linkFlow)).toEqual([Infinity, Infinity, 0, 0]);
    expect(Array.from(r.minCutLinks)).toEqual([]);
    // Every node is reachable from 0 through positive-capacity links.
    expect(Array.from(r.sourceSide)).toEqual([1, 1, 1, 1]);
  });

  test("fractional capacities: 0.1 + 0.2 through a 0.3 link gives 0.3 within 1e-15", () => {
    // 0→1 (0.1), 0→1 (0.2), 1→2 (0.3): both sides of node 1 allow 0.3 (0.1 + 0.2 ≠ 0.3 in binary, hence the
    // tolerance).
    const g = graphOf(3, "0>1 0>1 1>2");
    const cap = Float64Array.of(0.1, 0.2, 0.3);
    const r = maxFlow(3, g.fromIndex, g.toIndex, cap, [0], [2]);
    expect(r.value).toBeCloseTo(0.3, 15);
    expect(checkContract(g, cap, [0], [2], r, undefined, 1e-15)).toBeCloseTo(0.3, 15);
  });

  test("the capacity of a closed link is not read (NaN allowed there)", () => {
    const g = graphOf(2, "0>1 0>1");
    const r = maxFlow(2, g.fromIndex, g.toIndex, Float64Array.of(NaN, 7), [0], [1], closedMask(2, [0]));
    expect([r.value, Array.from(r.linkFlow)]).toEqual([7, [0, 7]]);
  });

  test("is deterministic: two runs give byte-identical results", () => {
    const g = graphOf(6, "0-1 0-2 1-2 1-3 2-4 3-4 3-5 4-5");
    const cap = Float64Array.from({ length: 16 }, (_, i) => 1 + ((i * 7) % 5) / 3);
    const a = maxFlow(6, g.fromIndex, g.toIndex, cap, [0], [5]);
    const b = maxFlow(6, g.fromIndex, g.toIndex, cap, [0], [5]);
    expect(Buffer.from(b.linkFlow.buffer).equals(Buffer.from(a.linkFlow.buffer))).toBe(true);
    expect(b).toEqual(a);
  });

  test("a 1,000,000-node path (no recursion): value = the smallest capacity, cut = that link", () => {
    // Capacities 10 everywhere except link 654,321 with 3.
    const n = 1_000_000;
    const fromIndex = new Int32Array(n - 1);
    const toIndex = new Int32Array(n - 1);
    const capacity = new Float64Array(n - 1).fill(10);
    for (let i = 0; i < n - 1; i++) {
      fromIndex[i] = i;
      toIndex[i] = i + 1;
    }
    capacity[654_321] = 3;
    const r = maxFlow(n, fromIndex, toIndex, capacity, [0], [n - 1]);
    expect([r.value, Array.from(r.minCutLinks)]).toEqual([3, [654_321]]);
  });
});

/** Random flow problem: multigraph, integer (or fractional, or some infinite) capacities, disjoint source/sink sets. */
const flowProblem = (kind: "integer" | "fractional" | "with-infinite") =>
  fc
    .integer({ min: 2, max: 8 })
    .chain((nodeCount) =>
      fc.record({
        nodeCount: fc.constant(nodeCount),
        links: fc.array(
          fc.tuple(
            fc.nat(nodeCount - 1),
            fc.nat(nodeCount - 1),
            kind === "fractional"
              ? fc.double({ min: 0, max: 50, noNaN: true, noDefaultInfinity: true })
              : kind === "with-infinite"
                ? fc.oneof({ arbitrary: fc.integer({ min: 0, max: 20 }), weight: 4 }, { arbitrary: fc.constant(Infinity), weight: 1 })
                : fc.integer({ min: 0, max: 20 }),
            fc.boolean(),
          ),
          { minLength: 2, maxLength: 28 },
        ),
        // Role per node: 0 = none, 1 = source, 2 = sink; nodes 0 and 1 are forced to be a source and a sink.
        roles: fc.array(fc.constantFrom(0, 0, 0, 1, 2), { minLength: nodeCount, maxLength: nodeCount }),
        closeSome: fc.boolean(),
      }),
    )
    .map(({ nodeCount, links, roles, closeSome }) => {
      roles[0] = 1;
      roles[1] = 2;
      return {
        nodeCount,
        fromIndex: Int32Array.from(links.map((l) => l[0])),
        toIndex: Int32Array.from(links.map((l) => l[1])),
        capacity: Float64Array.from(links.map((l) => l[2])),
        closed: closeSome ? Uint8Array.from(links.map((l) => (l[3] ? 1 : 0))) : undefined,
        sources: roles.flatMap((r, v) => (r === 1 ? [v] : [])),
        sinks: roles.flatMap((r, v) => (r === 2 ? [v] : [])),
      };
    });

describe("maxFlow(…) — properties against an Edmonds–Karp oracle", () => {
  test.prop([flowProblem("integer")], { seed: SEED, numRuns: 400 })(
    "integer capacities: value = oracle = cut capacity, exact; conservation; 0 ≤ flow ≤ capacity; smallest source side",
    (p) => {
      const r = maxFlow(p.nodeCount, p.fromIndex, p.toIndex, p.capacity, p.sources, p.sinks, p.closed);
      const oracle = edmondsKarpOracle(p, p.capacity, p.sources, p.sinks, p.closed);
      expect(r.value).toBe(oracle.value);
      expect(checkContract(p, p.capacity, p.sources, p.sinks, r, p.closed)).toBe(r.value);
      // The residual-reachable set is the same for every maximum flow (the smallest minimum-cut source side).
      expect(Array.from(r.sourceSide, (b) => b === 1)).toEqual(oracle.sourceSide);
    },
  );

  test.prop([flowProblem("fractional")], { seed: SEED, numRuns: 300 })(
    "fractional capacities: value = oracle and = cut capacity within 1e-9; conservation within 1e-9",
    (p) => {
      const r = maxFlow(p.nodeCount, p.fromIndex, p.toIndex, p.capacity, p.sources, p.sinks, p.closed);
      const oracle = edmondsKarpOracle(p, p.capacity, p.sources, p.sinks, p.closed);
      expect(Math.abs(r.value - oracle.value)).toBeLessThanOrEqual(1e-9);
      const cut = checkContract(p, p.capacity, p.sources, p.sinks, r, p.closed, 1e-9);
      expect(Math.abs(cut - r.value)).toBeLessThanOrEqual(1e-9);
    },
  );

  test.prop([flowProblem("with-infinite")], { seed: SEED, numRuns: 300 })(
    "uncapacitated links: Infinity exactly when the oracle finds an infinite augmenting path; else exact",
    (p) => {
      const r = maxFlow(p.nodeCount, p.fromIndex, p.toIndex, p.capacity, p.sources, p.sinks, p.closed);
      const oracle = edmondsKarpOracle(p, p.capacity, p.sources, p.sinks, p.closed);
      expect(r.value).toBe(oracle.value);
      if (r.value === Infinity) {
        expect(r.minCutLinks.length).toBe(0);
        // The witness is a chain of uncapacitated open links from a source to a sink.
        const path = Array.from(r.linkFlow.keys()).filter((i) => r.linkFlow[i] === Infinity);
        for (const i of path) expect(p.capacity[i]).toBe(Infinity);
        const starts = path.filter((i) => p.sources.includes(p.fromIndex[i]));
        const ends = path.filter((i) => p.sinks.includes(p.toIndex[i]));
        expect([starts.length, ends.length]).toEqual([1, 1]);
      } else {
        expect(checkContract(p, p.capacity, p.sources, p.sinks, r, p.closed)).toBe(r.value);
      }
    },
  );
});

describe("maxFlow argument errors (UsageError, matched by code)", () => {
  const from = Int32Array.of(0, 1, 0);
  const to = Int32Array.of(1, 2, 2);
  const cap = Float64Array.of(1, 1, 1);
  test.each([
    ["a NaN capacity", () => maxFlow(3, from, to, Float64Array.of(1, NaN, 1), [0], [2]), "invalid-capacity"],
    ["a negative capacity", () => maxFlow(3, from, to, Float64Array.of(1, 1, -2), [0], [2]), "invalid-capacity"],
    ["a −Infinity capacity", () => maxFlow(3, from, to, Float64Array.of(-Infinity, 1, 1), [0], [2]), "invalid-capacity"],
    ["a capacity array of the wrong length", () => maxFlow(3, from, to, Float64Array.of(1), [0], [2]), "length-mismatch"],
    ["a node in both sets", () => maxFlow(3, from, to, cap, [0, 1], [1, 2]), "source-sink-overlap"],
    ["an empty source set", () => maxFlow(3, from, to, cap, [], [2]), "empty-source-set"],
    ["an empty sink set", () => maxFlow(3, from, to, cap, [0], []), "empty-sink-set"],
    ["a source outside [0, nodeCount)", () => maxFlow(3, from, to, cap, [3], [2]), "invalid-node"],
    ["a fractional sink index", () => maxFlow(3, from, to, cap, [0], [1.5]), "invalid-node"],
    ["a link end outside [0, nodeCount)", () => maxFlow(2, from, to, cap, [0], [1]), "node-index-out-of-range"],
  ])("refuses %s", (_what, call, code) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(expect.objectContaining({ code }));
  });

  test("the invalid-capacity message names the link index", () => {
    expect(() => maxFlow(3, from, to, Float64Array.of(1, NaN, 1), [0], [2])).toThrow(
      expect.objectContaining({ code: "invalid-capacity", message: expect.stringContaining("link 1") }),
    );
  });
});

describeShared("maxFlow on reference instances (../shared/data/reference/maxflow)", () => {
  test("max_flow.dat (Boost Graph Library example, DIMACS format): value 13", () => {
    // Boost Graph Library, example/max_flow.dat (Boost Software License 1.0); the BGL documentation's
    // edmonds_karp/push_relabel examples print "flow: 13" for it.
    const p = readDimacsMaxFlowFile(sharedPath("data/reference/maxflow/max_flow.dat"));
    const g = { nodeCount: p.nodeCount, fromIndex: p.fromIndex, toIndex: p.toIndex };
    const r = maxFlow(p.nodeCount, p.fromIndex, p.toIndex, p.capacity, [p.source], [p.sink]);
    expect(r.value).toBe(13);
    expect(checkContract(g, p.capacity, [p.source], [p.sink], r)).toBe(13);
    expect(edmondsKarpOracle(g, p.capacity, [p.source], [p.sink]).value).toBe(13);
  });

  test("gl1.max (from networkx's flow test data gl1.gpickle.bz2): value 156,545", () => {
    // networkx/algorithms/flow/tests/test_maxflow_large_graph.py asserts max flow 156,545 from node 1 to node 1116
    // (BSD-3-Clause); the file is that graph written in DIMACS max-flow format.
    const p = readDimacsMaxFlowFile(sharedPath("data/reference/maxflow/gl1.max"));
    const g = { nodeCount: p.nodeCount, fromIndex: p.fromIndex, toIndex: p.toIndex };
    const r = maxFlow(p.nodeCount, p.fromIndex, p.toIndex, p.capacity, [p.source], [p.sink]);
    expect(r.value).toBe(156_545);
    expect(checkContract(g, p.capacity, [p.source], [p.sink], r)).toBe(156_545);
  });
});
