/**
 * Tests of src/algorithms/link-graph.ts: the documented examples, the out-adjacency contract (open links only, grouped
 * by from-node, ascending link index) as a property, and the argument checks shared by the connectivity kernels.
 */
import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { outAdjacency, validateLinkGraph, validateNodeMask } from "../../src/algorithms/link-graph.ts";
import { UsageError } from "../../src/errors.ts";
import { randomGraph } from "../support/link-graph.ts";

describe("validateLinkGraph(nodeCount, fromIndex, toIndex, closed?)", () => {
  test("@example: returns the link count", () => {
    expect(validateLinkGraph(2, Int32Array.of(0), Int32Array.of(1))).toBe(1);
  });

  test("refuses plain arrays (no coercion to Int32Array) with code invalid-argument", () => {
    const call = () => validateLinkGraph(2, [0] as unknown as Int32Array, Int32Array.of(1));
    expect(call).toThrow(UsageError);
    expect(call).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });

  test("names the link and the bad end in node-index-out-of-range", () => {
    expect(() => validateLinkGraph(3, Int32Array.of(0, 1), Int32Array.of(1, 7))).toThrow(
      expect.objectContaining({ code: "node-index-out-of-range", message: expect.stringContaining("link 1: toIndex[1] = 7") }),
    );
  });
});

describe("validateNodeMask(nodeCount, nodeMask)", () => {
  test("@example: a mask of the right length passes; a wrong length is length-mismatch", () => {
    expect(() => validateNodeMask(2, Uint8Array.of(1, 0))).not.toThrow();
    expect(() => validateNodeMask(2, Uint8Array.of(1))).toThrow(expect.objectContaining({ code: "length-mismatch" }));
  });
});

describe("outAdjacency(nodeCount, fromIndex, toIndex, closed?, nodeMask?)", () => {
  test("@example: entries of node 0 keep link order (link 0 → 2, link 1 → 1)", () => {
    const a = outAdjacency(3, Int32Array.of(0, 0), Int32Array.of(2, 1));
    expect(a.targets).toEqual(Int32Array.of(2, 1));
    expect(a.links).toEqual(Int32Array.of(0, 1));
    expect(a.offsets).toEqual(Int32Array.of(0, 2, 2, 2));
  });

  test.prop([randomGraph()], { seed: 20_240_614, numRuns: 200 })(
    "lists exactly the kept links (open, both ends in the mask), by from-node, ascending link index",
    (g) => {
      const a = outAdjacency(g.nodeCount, g.fromIndex, g.toIndex, g.closed, g.nodeMask);
      const inMask = (v: number) => g.nodeMask === undefined || g.nodeMask[v] === 1;
      for (let v = 0; v < g.nodeCount; v++) {
        const expected: number[] = [];
        for (let i = 0; i < g.fromIndex.length; i++) {
          if (g.fromIndex[i] === v && g.closed[i] === 0 && inMask(v) && inMask(g.toIndex[i])) expected.push(i);
        }
        const links = Array.from(a.links.subarray(a.offsets[v], a.offsets[v + 1]));
        expect(links).toEqual(expected);
        expect(Array.from(a.targets.subarray(a.offsets[v], a.offsets[v + 1]))).toEqual(expected.map((i) => g.toIndex[i]));
      }
    },
  );
});
