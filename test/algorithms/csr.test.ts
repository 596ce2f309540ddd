/**
 * Tests of src/algorithms/csr.ts: the CSR layout on hand-checked examples, validation errors by code, and the
 * reverse CSR.
 */
import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { buildCsr, reverseCsr } from "../../src/algorithms/csr.ts";
import { UsageError } from "../../src/errors.ts";
import { csrOf, linkListArbitrary } from "./oracles.ts";

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).code;
  }
  return "no error";
}

describe("buildCsr(nodeCount, linkFromNodes, linkToNodes, linkCosts, closed?)", () => {
  it("groups arcs by from-node in ascending link index (docs example)", () => {
    const csr = buildCsr(3, Int32Array.of(0, 0, 1), Int32Array.of(1, 2, 2), Float64Array.of(5, 9, 3));
    expect(Array.from(csr.offsets)).toEqual([0, 2, 3, 3]);
    expect(Array.from(csr.targets)).toEqual([1, 2, 2]);
    expect(Array.from(csr.arcLinks)).toEqual([0, 1, 2]);
    expect(Array.from(csr.arcCosts)).toEqual([5, 9, 3]);
    expect(Array.from(csr.closed)).toEqual([0, 0, 0]);
  });

  it("reorders links given out of from-node order, keeping link indexes", () => {
    // links: 0: 2→0 (1), 1: 0→2 (2), 2: 1→0 (3), 3: 0→1 (4)
    // node 0's arcs: links 1, 3; node 1: link 2; node 2: link 0.
    const csr = buildCsr(3, Int32Array.of(2, 0, 1, 0), Int32Array.of(0, 2, 0, 1), Float64Array.of(1, 2, 3, 4));
    expect(Array.from(csr.offsets)).toEqual([0, 2, 3, 4]);
    expect(Array.from(csr.arcLinks)).toEqual([1, 3, 2, 0]);
    expect(Array.from(csr.targets)).toEqual([2, 1, 0, 0]);
    expect(Array.from(csr.arcCosts)).toEqual([2, 4, 3, 1]);
    expect(Array.from(csr.linkCosts)).toEqual([1, 2, 3, 4]);
  });

  it("keeps the given closed mask by reference, so closing a link needs no rebuild", () => {
    const closed = new Uint8Array(1);
    const csr = buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(1), closed);
    expect(csr.closed).toBe(closed);
  });

  it("accepts zero, -0 (stored as 0) and Infinity costs, nodes without links, and no links at all", () => {
    const csr = buildCsr(4, Int32Array.of(0, 1), Int32Array.of(1, 2), Float64Array.of(-0, Infinity));
    expect(Object.is(csr.arcCosts[0], 0)).toBe(true);
    expect(csr.arcCosts[1]).toBe(Infinity);
    expect(Array.from(buildCsr(2, new Int32Array(0), new Int32Array(0), new Float64Array(0)).offsets)).toEqual([0, 0, 0]);
  });

  it("refuses negative and NaN costs with code invalid-cost naming the link index", () => {
    expect(codeOf(() => buildCsr(2, Int32Array.of(0, 1), Int32Array.of(1, 0), Float64Array.of(1, -2)))).toBe("invalid-cost");
    expect(() => buildCsr(2, Int32Array.of(0, 1), Int32Array.of(1, 0), Float64Array.of(1, -2))).toThrow(/link 1/);
    expect(codeOf(() => buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(NaN)))).toBe("invalid-cost");
    expect(codeOf(() => buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(-Infinity)))).toBe("invalid-cost");
  });

  it("refuses node indexes outside 0 … nodeCount − 1, mismatched lengths and bad node counts", () => {
    expect(codeOf(() => buildCsr(2, Int32Array.of(0), Int32Array.of(2), Float64Array.of(1)))).toBe("invalid-node-index");
    expect(codeOf(() => buildCsr(2, Int32Array.of(-1), Int32Array.of(1), Float64Array.of(1)))).toBe("invalid-node-index");
    expect(codeOf(() => buildCsr(2, Int32Array.of(0), Int32Array.of(1, 0), Float64Array.of(1)))).toBe("invalid-argument");
    expect(codeOf(() => buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(1), new Uint8Array(2)))).toBe("invalid-argument");
    expect(codeOf(() => buildCsr(-1, new Int32Array(0), new Int32Array(0), new Float64Array(0)))).toBe("invalid-argument");
    expect(codeOf(() => buildCsr(1.5, new Int32Array(0), new Int32Array(0), new Float64Array(0)))).toBe("invalid-argument");
  });

  test.prop([linkListArbitrary({ infinite: true })], { seed: 7, numRuns: 200 })(
    "lists every link exactly once, in its from-node's row, with its own target and cost",
    (l) => {
      const csr = csrOf(l);
      const seen = new Array(l.from.length).fill(0);
      for (let u = 0; u < l.nodeCount; u++) {
        let previous = -1;
        for (let k = csr.offsets[u]; k < csr.offsets[u + 1]; k++) {
          const link = csr.arcLinks[k];
          seen[link]++;
          expect(l.from[link]).toBe(u);
          expect(csr.targets[k]).toBe(l.to[link]);
          expect(csr.arcCosts[k]).toBe(l.cost[link]);
          expect(link).toBeGreaterThan(previous);
          previous = link;
        }
      }
      expect(seen.every((x) => x === 1)).toBe(true);
    },
  );
});

describe("reverseCsr(csr)", () => {
  it("groups links by to-node, targets being from-nodes, sharing link costs and the closed mask (docs example)", () => {
    const csr = buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(4));
    const rev = reverseCsr(csr);
    expect(Array.from(rev.offsets)).toEqual([0, 0, 1]);
    expect(Array.from(rev.targets)).toEqual([0]);
    expect(Array.from(rev.arcLinks)).toEqual([0]);
    expect(rev.closed).toBe(csr.closed);
    expect(rev.linkFromNodes).toBe(csr.linkToNodes);
  });
});
