/**
 * Tests of src/algorithms/components.ts: hand-derived weak/strong components on tiny graphs, property tests against
 * brute-force oracles (BFS, transitive closure), numbering rule, argument errors and a 1,000,000-node depth test.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { strongComponents, weakComponents } from "../../src/algorithms/components.ts";
import { UsageError } from "../../src/errors.ts";
import { closedMask, graphOf, randomGraph, strongComponentsOracle, undirectedComponentsOracle } from "../support/link-graph.ts";

const SEED = 20_240_611;

describe("weakComponents(nodeCount, fromIndex, toIndex, closed?, nodeMask?)", () => {
  test("@example: 0→1, 2 alone, 4→3 gives 3 components [0, 0, 1, 2, 2]", () => {
    const r = weakComponents(5, Int32Array.of(0, 4), Int32Array.of(1, 3));
    expect(r).toEqual({ count: 3, componentOfNode: Int32Array.of(0, 0, 1, 2, 2) });
  });

  test("a directed path 0→1→2→3 is one weak component", () => {
    // Directions are ignored, so the four nodes are joined.
    const g = graphOf(4, "0>1 1>2 2>3");
    expect(weakComponents(g.nodeCount, g.fromIndex, g.toIndex)).toEqual({ count: 1, componentOfNode: Int32Array.of(0, 0, 0, 0) });
  });

  test("two triangles joined by one link are one component; closing the joining link splits them", () => {
    // Links 0..2: triangle 0→1→2→0; links 3..5: triangle 3→4→5→3; link 6: 2→3 joins them.
    const g = graphOf(6, "0>1 1>2 2>0 3>4 4>5 5>3 2>3");
    expect(weakComponents(g.nodeCount, g.fromIndex, g.toIndex).count).toBe(1);
    // Without link 6: {0,1,2} (smallest node 0 → id 0) and {3,4,5} (smallest 3 → id 1).
    expect(weakComponents(g.nodeCount, g.fromIndex, g.toIndex, closedMask(7, [6]))).toEqual({
      count: 2,
      componentOfNode: Int32Array.of(0, 0, 0, 1, 1, 1),
    });
  });

  test("isolated nodes are their own components; self-loops and parallel links change nothing", () => {
    // 0⇉1 (two parallel links), self-loop at 2, node 3 untouched: {0,1}, {2}, {3}.
    const g = graphOf(4, "0>1 0>1 2>2");
    expect(weakComponents(g.nodeCount, g.fromIndex, g.toIndex)).toEqual({ count: 3, componentOfNode: Int32Array.of(0, 0, 1, 2) });
  });

  test("numbers components by smallest node index, whatever the link order", () => {
    // Links listed from the highest nodes down: 5→4, 3→1, 2→0. Components {0,2}, {1,3}, {4,5} → ids 0, 1, 2 by
    // their smallest nodes 0 < 1 < 4.
    const g = graphOf(6, "5>4 3>1 2>0");
    expect(weakComponents(g.nodeCount, g.fromIndex, g.toIndex).componentOfNode).toEqual(Int32Array.of(0, 1, 0, 1, 2, 2));
  });

  test("nodeMask drops nodes (−1) and the links that touch them", () => {
    // Path 0–1–2 with node 1 masked out: 0 and 2 fall apart; node 1 gets −1 and is not counted.
    const g = graphOf(3, "0>1 1>2");
    const r = weakComponents(g.nodeCount, g.fromIndex, g.toIndex, undefined, Uint8Array.of(1, 0, 1));
    expect(r).toEqual({ count: 2, componentOfNode: Int32Array.of(0, -1, 1) });
  });

  test("nodeCount 0 gives no components", () => {
    expect(weakComponents(0, new Int32Array(0), new Int32Array(0))).toEqual({ count: 0, componentOfNode: new Int32Array(0) });
  });

  test.prop([randomGraph()], { seed: SEED, numRuns: 300 })("equals a breadth-first-search oracle (closed links, node mask)", (g) => {
    const r = weakComponents(g.nodeCount, g.fromIndex, g.toIndex, g.closed, g.nodeMask);
    const oracle = undirectedComponentsOracle(
      g,
      (i) => g.closed[i] === 0,
      (v) => g.nodeMask === undefined || g.nodeMask[v] === 1,
    );
    expect(r.count).toBe(oracle.count);
    expect(Array.from(r.componentOfNode)).toEqual(oracle.componentOfNode);
  });
});

describe("strongComponents(nodeCount, fromIndex, toIndex, closed?, nodeMask?)", () => {
  test("@example: cycle 0→1→2→0 plus 2→3 gives [0, 0, 0, 1]", () => {
    const r = strongComponents(4, Int32Array.of(0, 1, 2, 2), Int32Array.of(1, 2, 0, 3));
    expect(r).toEqual({ count: 2, componentOfNode: Int32Array.of(0, 0, 0, 1) });
  });

  test("a directed path has one component per node", () => {
    // 0→1→2→3: no node reaches a predecessor, so each is alone; ids follow node order.
    const g = graphOf(4, "0>1 1>2 2>3");
    expect(strongComponents(g.nodeCount, g.fromIndex, g.toIndex)).toEqual({ count: 4, componentOfNode: Int32Array.of(0, 1, 2, 3) });
  });

  test("a cycle is one component; closing one link makes it a path", () => {
    const g = graphOf(3, "0>1 1>2 2>0");
    expect(strongComponents(g.nodeCount, g.fromIndex, g.toIndex).count).toBe(1);
    // Link 2 (2→0) closed: 0→1→2 only, three components.
    expect(strongComponents(g.nodeCount, g.fromIndex, g.toIndex, closedMask(3, [2])).count).toBe(3);
  });

  test("two triangles joined one way are two components; a bowtie sharing a node is one", () => {
    // Triangles 0→1→2→0 and 3→4→5→3 joined by 2→3 only: 3..5 cannot return, so {0,1,2} and {3,4,5}.
    const joined = graphOf(6, "0>1 1>2 2>0 3>4 4>5 5>3 2>3");
    expect(strongComponents(joined.nodeCount, joined.fromIndex, joined.toIndex).componentOfNode).toEqual(
      Int32Array.of(0, 0, 0, 1, 1, 1),
    );
    // Bowtie: cycles 0→1→2→0 and 2→3→4→2 share node 2, so every node reaches every other: one component.
    const bowtie = graphOf(5, "0>1 1>2 2>0 2>3 3>4 4>2");
    expect(strongComponents(bowtie.nodeCount, bowtie.fromIndex, bowtie.toIndex).count).toBe(1);
  });

  test("two-way links (both directions of one facility) join their ends", () => {
    // 0–1 two-way and 1>2 one-way: {0,1} and {2}.
    const g = graphOf(3, "0-1 1>2");
    expect(strongComponents(g.nodeCount, g.fromIndex, g.toIndex).componentOfNode).toEqual(Int32Array.of(0, 0, 1));
  });

  test("numbers components by smallest node index", () => {
    // Cycles 4⇄2 and 3⇄0, node 1 alone: smallest nodes 0 ({0,3}), 1 ({1}), 2 ({2,4}) → ids 0, 1, 2.
    const g = graphOf(5, "4>2 2>4 3>0 0>3");
    expect(strongComponents(g.nodeCount, g.fromIndex, g.toIndex).componentOfNode).toEqual(Int32Array.of(0, 1, 2, 0, 2));
  });

  test("nodeMask: a cycle through an excluded node breaks", () => {
    // Cycle 0→1→2→0 with node 1 masked out: 0 and 2 no longer reach each other both ways.
    const g = graphOf(3, "0>1 1>2 2>0");
    const r = strongComponents(g.nodeCount, g.fromIndex, g.toIndex, undefined, Uint8Array.of(1, 0, 1));
    expect(r).toEqual({ count: 2, componentOfNode: Int32Array.of(0, -1, 1) });
  });

  test.prop([randomGraph()], { seed: SEED, numRuns: 300 })("equals a transitive-closure oracle (closed links, node mask)", (g) => {
    const r = strongComponents(g.nodeCount, g.fromIndex, g.toIndex, g.closed, g.nodeMask);
    const oracle = strongComponentsOracle(
      g,
      (i) => g.closed[i] === 0,
      (v) => g.nodeMask === undefined || g.nodeMask[v] === 1,
    );
    expect(r.count).toBe(oracle.count);
    expect(Array.from(r.componentOfNode)).toEqual(oracle.componentOfNode);
  });
});

describe("weakComponents / strongComponents on 1,000,000 nodes (no recursion)", () => {
  const n = 1_000_000;
  // Path 0→1→…→n−1, then one extra link n−1→0 closing the cycle (closed in the first two checks).
  const fromIndex = new Int32Array(n);
  const toIndex = new Int32Array(n);
  for (let i = 0; i < n - 1; i++) {
    fromIndex[i] = i;
    toIndex[i] = i + 1;
  }
  fromIndex[n - 1] = n - 1;
  toIndex[n - 1] = 0;
  const cycleClosed = closedMask(n, [n - 1]);

  test("a 1,000,000-node directed path: 1 weak component, 1,000,000 strong components", () => {
    expect(weakComponents(n, fromIndex, toIndex, cycleClosed).count).toBe(1);
    const strong = strongComponents(n, fromIndex, toIndex, cycleClosed);
    expect(strong.count).toBe(n);
    // Numbered by node: node k is component k.
    expect(strong.componentOfNode[0]).toBe(0);
    expect(strong.componentOfNode[n - 1]).toBe(n - 1);
  });

  test("a 1,000,000-node directed cycle (DFS depth 10^6) is one strong component", () => {
    expect(strongComponents(n, fromIndex, toIndex).count).toBe(1);
  });
});

describe("argument errors (UsageError, matched by code)", () => {
  const from = Int32Array.of(0, 1);
  const to = Int32Array.of(1, 2);
  test.each([
    ["a link end outside [0, nodeCount)", () => weakComponents(2, from, to), "node-index-out-of-range"],
    ["a negative node index", () => strongComponents(3, Int32Array.of(-1, 0), to), "node-index-out-of-range"],
    ["toIndex shorter than fromIndex", () => weakComponents(3, from, Int32Array.of(1)), "length-mismatch"],
    ["a closed mask of the wrong length", () => strongComponents(3, from, to, new Uint8Array(1)), "length-mismatch"],
    ["a node mask of the wrong length", () => weakComponents(3, from, to, undefined, new Uint8Array(2)), "length-mismatch"],
    ["a fractional nodeCount", () => weakComponents(2.5, from, to), "invalid-node-count"],
    ["a negative nodeCount", () => strongComponents(-1, new Int32Array(0), new Int32Array(0)), "invalid-node-count"],
  ])("refuses %s", (_what, call, code) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(expect.objectContaining({ code }));
  });
});
