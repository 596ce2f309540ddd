/**
 * Tests of src/algorithms/shortest-path-search.ts: the factory's methods (docs examples), argument errors by code,
 * view semantics, and agreement between its search variants on random networks.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { buildCsr } from "../../src/algorithms/csr.ts";
import { singleSourceCosts } from "../../src/algorithms/dijkstra.ts";
import { createShortestPathSearch } from "../../src/algorithms/shortest-path-search.ts";
import { UsageError } from "../../src/errors.ts";
import { csrOf, floydWarshall, linkListArbitrary } from "./oracles.ts";

// 0 →(4) 1 →(6) 2 and 0 →(12) 2
const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));
const plain = (p: { cost: number; links: Int32Array; nodes: Int32Array } | undefined) =>
  p === undefined ? undefined : { cost: p.cost, links: Array.from(p.links), nodes: Array.from(p.nodes) };

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).code;
  }
  return "no error";
}

describe("createShortestPathSearch(csr, options?)", () => {
  const search = createShortestPathSearch(csr, { lon: Float64Array.of(120, 120.1, 120.2), lat: Float64Array.of(31, 31.05, 31) });

  it("singleSource(origin) returns costs, predecessor links and reached nodes (docs example)", () => {
    const r = search.singleSource(0);
    expect(Array.from(r.costs)).toEqual([0, 4, 10]);
    expect(Array.from(r.predecessorLinks)).toEqual([-1, 0, 1]);
    expect(Array.from(r.reachedNodes)).toEqual([0, 1, 2]);
  });

  it("singleSource views are overwritten by the next query on the same search (copy to keep)", () => {
    const first = search.singleSource(0);
    const kept = first.costs.slice();
    search.singleSource(2);
    expect(Array.from(first.costs)).toEqual([Infinity, Infinity, 0]);
    expect(Array.from(kept)).toEqual([0, 4, 10]);
  });

  it("isochrone(origin, cutoff) lists reached nodes with costs ascending, as fresh arrays (docs example)", () => {
    const iso = search.isochrone(0, 5);
    expect(Array.from(iso.nodes)).toEqual([0, 1]);
    expect(Array.from(iso.costs)).toEqual([0, 4]);
    const zero = search.isochrone(0, 0);
    expect(Array.from(zero.nodes)).toEqual([0]);
  });

  it("path, pathBidirectional and pathAStar agree (docs example) and return undefined when unreachable", () => {
    const expected = { cost: 10, links: [0, 1], nodes: [0, 1, 2] };
    expect(plain(search.path(0, 2))).toEqual(expected);
    expect(plain(search.pathBidirectional(0, 2))).toEqual(expected);
    expect(plain(search.pathAStar(0, 2))).toEqual(expected);
    expect(search.path(2, 0)).toBeUndefined();
    expect(search.pathBidirectional(2, 0)).toBeUndefined();
    expect(search.pathAStar(2, 0)).toBeUndefined();
  });

  it("skim(origins, destinations) returns the OD matrix row-major (docs example), into out when given", () => {
    expect(Array.from(search.skim([0, 2], [1, 2]))).toEqual([4, 10, Infinity, 0]);
    const out = new Float64Array(2);
    expect(search.skim([0], [2, 0], { closed: Uint8Array.of(0, 1, 0) }, out)).toBe(out);
    expect(Array.from(out)).toEqual([12, 0]);
    expect(search.skim([], [0]).length).toBe(0);
  });

  it("reads csr.closed at query time, so closing a link needs no new search", () => {
    const local = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));
    const s = createShortestPathSearch(local);
    local.closed[1] = 1;
    expect(s.path(0, 2)!.cost).toBe(12);
    expect(s.pathBidirectional(0, 2)!.cost).toBe(12);
    local.closed[1] = 0;
    expect(s.path(0, 2)!.cost).toBe(10);
  });

  it("refuses bad arguments with UsageError codes", () => {
    expect(codeOf(() => search.singleSource(3))).toBe("invalid-node-index");
    expect(codeOf(() => search.singleSource(0, { cutoff: -0.5 }))).toBe("invalid-cutoff");
    expect(codeOf(() => search.isochrone(0, undefined as unknown as number))).toBe("invalid-cutoff");
    expect(codeOf(() => search.isochrone(0, NaN))).toBe("invalid-cutoff");
    expect(codeOf(() => search.path(0, 7))).toBe("invalid-node-index");
    expect(codeOf(() => search.pathBidirectional(0, 2, { closed: new Uint8Array(5) }))).toBe("invalid-closed-mask");
    expect(codeOf(() => search.skim([0], [9]))).toBe("invalid-node-index");
    expect(codeOf(() => search.skim([0], [1], {}, new Float64Array(3)))).toBe("invalid-argument");
    expect(codeOf(() => createShortestPathSearch(csr).pathAStar(0, 1))).toBe("missing-coordinates");
    expect(codeOf(() => createShortestPathSearch(csr, { lon: new Float64Array(3) }))).toBe("invalid-argument");
    expect(codeOf(() => createShortestPathSearch(csr, { lon: Float64Array.of(0, 0, NaN), lat: new Float64Array(3) }).pathAStar(0, 1))).toBe(
      "missing-coordinates",
    );
  });

  test.prop([linkListArbitrary({ closures: true, infinite: true }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 })], {
    seed: 8080,
    numRuns: 200,
  })("path, pathBidirectional, singleSource and skim give the same costs, query after query", (l, pairs) => {
    const csr = csrOf(l);
    const s = createShortestPathSearch(csr);
    const all = floydWarshall(l);
    for (const [a, b] of pairs) {
      const o = a % l.nodeCount;
      const d = b % l.nodeCount;
      const expected = all[o][d];
      expect(s.path(o, d)?.cost ?? Infinity).toBe(expected);
      expect(s.pathBidirectional(o, d)?.cost ?? Infinity).toBe(expected);
      expect(s.singleSource(o).costs[d]).toBe(expected);
      expect(s.skim([o], [d])[0]).toBe(expected);
      expect(singleSourceCosts(csr, o).costs[d]).toBe(expected);
    }
  });
});
