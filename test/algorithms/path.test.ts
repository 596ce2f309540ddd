/**
 * Tests of src/algorithms/path.ts: reconstruction in origin → destination order, unreachable and malformed
 * predecessor trees.
 */
import { describe, expect, it } from "vitest";
import { buildCsr } from "../../src/algorithms/csr.ts";
import { pathCost, pathLinks, shortestPathFromLinks } from "../../src/algorithms/path.ts";
import { UsageError } from "../../src/errors.ts";

// links 0: 0→1 (4), 1: 1→2 (6), 2: 2→0 (1)
const csr = buildCsr(3, Int32Array.of(0, 1, 2), Int32Array.of(1, 2, 0), Float64Array.of(4, 6, 1));

describe("pathLinks(csr, predecessorLinks, origin, destination)", () => {
  it("returns links origin → destination (docs example)", () => {
    expect(Array.from(pathLinks(csr, Int32Array.of(-1, 0, 1), 0, 2)!)).toEqual([0, 1]);
  });

  it("returns an empty path for destination = origin and undefined when unreached", () => {
    expect(Array.from(pathLinks(csr, Int32Array.of(-1, 0, 1), 0, 0)!)).toEqual([]);
    expect(pathLinks(csr, Int32Array.of(-1, 0, -1), 0, 2)).toBeUndefined();
  });

  it("refuses predecessor links that do not lead back to the origin (code invalid-predecessors)", () => {
    // links 0: 0→1, 1: 1→2, 2: 2→1; predecessors of 1 and 2 point at each other: a cycle that never reaches 0.
    const cyclic = buildCsr(3, Int32Array.of(0, 1, 2), Int32Array.of(1, 2, 1), Float64Array.of(1, 1, 1));
    expect(() => pathLinks(cyclic, Int32Array.of(-1, 2, 1), 0, 2)).toThrow(UsageError);
    // Chain from 2 stops at 1 (predecessor -1), which is not the origin 0.
    expect(() => pathLinks(csr, Int32Array.of(-1, -1, 1), 0, 2)).toThrowError(expect.objectContaining({ code: "invalid-predecessors" }));
  });
});

describe("pathCost(csr, links), shortestPathFromLinks(csr, links, origin)", () => {
  it("lists the origin and each link's to-node, and sums costs left to right (docs examples)", () => {
    expect(Array.from(shortestPathFromLinks(csr, Int32Array.of(0, 1), 0).nodes)).toEqual([0, 1, 2]);
    expect(Array.from(shortestPathFromLinks(csr, new Int32Array(0), 2).nodes)).toEqual([2]);
    expect(pathCost(csr, Int32Array.of(0, 1))).toBe(10); // 4 + 6
    expect(pathCost(csr, new Int32Array(0))).toBe(0);
    const p = shortestPathFromLinks(csr, Int32Array.of(1, 2), 1);
    expect({ cost: p.cost, links: Array.from(p.links), nodes: Array.from(p.nodes) }).toEqual({ cost: 7, links: [1, 2], nodes: [1, 2, 0] });
  });
});
