/**
 * Tests of src/algorithms/skim.ts: OD matrices of least costs against the Floyd–Warshall brute force.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { buildCsr } from "../../src/algorithms/csr.ts";
import { createDijkstraWorkspace } from "../../src/algorithms/dijkstra.ts";
import { skimCosts } from "../../src/algorithms/skim.ts";
import { csrOf, floydWarshall, linkListArbitrary } from "./oracles.ts";

describe("skimCosts(ws, csr, origins, destinations, cutoff, closed, out, targetMask)", () => {
  // 0 →(4) 1 →(6) 2 and 0 →(12) 2
  const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));

  it("writes least costs row-major, row = origin, Infinity when unreachable, 0 on the diagonal (docs example)", () => {
    const mask = new Uint8Array(3);
    const out = skimCosts(createDijkstraWorkspace(3), csr, Int32Array.of(0, 2), Int32Array.of(1, 2), Infinity, csr.closed, new Float64Array(4), mask);
    expect(Array.from(out)).toEqual([4, 10, Infinity, 0]);
    expect(Array.from(mask)).toEqual([0, 0, 0]); // scratch mask left clean
  });

  it("with a cutoff leaves costs above it at Infinity; repeated destinations get equal columns", () => {
    const out = skimCosts(createDijkstraWorkspace(3), csr, Int32Array.of(0), Int32Array.of(2, 1, 2), 5, csr.closed, new Float64Array(3), new Uint8Array(3));
    expect(Array.from(out)).toEqual([Infinity, 4, Infinity]);
  });

  test.prop(
    [linkListArbitrary({ closures: true, infinite: true }), fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 6 }), fc.option(fc.integer({ min: 0, max: 40 }))],
    { seed: 4242, numRuns: 300 },
  )("equals the Floyd–Warshall submatrix (cut at the cutoff)", (l, o, d, cutoff) => {
    const csr = csrOf(l);
    const origins = Int32Array.from(o, (x) => x % l.nodeCount);
    const destinations = Int32Array.from(d, (x) => x % l.nodeCount);
    const bound = cutoff ?? Infinity;
    const out = skimCosts(createDijkstraWorkspace(l.nodeCount), csr, origins, destinations, bound, csr.closed, new Float64Array(origins.length * destinations.length), new Uint8Array(l.nodeCount));
    const all = floydWarshall(l);
    const expected = Array.from(origins).flatMap((a) => Array.from(destinations, (b) => (all[a][b] <= bound ? all[a][b] : Infinity)));
    expect(Array.from(out)).toEqual(expected);
  });
});
