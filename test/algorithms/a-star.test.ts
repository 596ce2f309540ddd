/**
 * Tests of src/algorithms/a-star.ts: the great-circle distance against known values, the admissible bound, and A*
 * paths against the Floyd–Warshall brute force on random networks with random coordinates.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { aStarPath, createAStarWorkspace, createGreatCircleHeuristic, haversineKmFromRadians } from "../../src/algorithms/a-star.ts";
import { buildCsr } from "../../src/algorithms/csr.ts";
import { pathCost } from "../../src/algorithms/path.ts";
import { UsageError } from "../../src/errors.ts";
import { greatCircleKm } from "../../src/units.ts";
import { csrOf, floydWarshall, linkListArbitrary } from "./oracles.ts";

const DEG = Math.PI / 180;
const gc = (lat1: number, lon1: number, lat2: number, lon2: number) =>
  haversineKmFromRadians(lat1 * DEG, lon1 * DEG, Math.cos(lat1 * DEG), lat2 * DEG, lon2 * DEG, Math.cos(lat2 * DEG));

describe("haversineKmFromRadians(lat1, lon1, cosLat1, lat2, lon2, cosLat2)", () => {
  it("gives 2πR/360 = 111.195 km for one degree on the equator (docs example) and 0 for one point", () => {
    // R = 6371.0088 km ⇒ 2π · 6371.0088 / 360 = 111.19508 km.
    expect(gc(0, 0, 0, 1)).toBeCloseTo(111.19508, 4);
    expect(gc(31.23, 121.47, 31.23, 121.47)).toBe(0);
  });

  it("gives half the circumference, πR = 20,015.1 km, between antipodes", () => {
    expect(gc(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6371.0088, 6);
  });

  // The same haversine as greatCircleKm of src/units.ts, on radians and cached cosines. The points stay off exact
  // antipodes (latitudes within ±80°, longitudes at most 170° apart): there the arcsine's slope is unbounded and turns
  // one ulp of rounding into a visible difference that is no disagreement of formula.
  test.prop([fc.double({ min: -180, max: -10, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: 0, max: 170, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true })])(
    "agrees with greatCircleKm([lon, lat], [lon, lat]) to 1e-9 km on random points",
    (lon1, lat1, dLon, lat2) => {
      const lon2 = lon1 + dLon;
      expect(Math.abs(gc(lat1, lon1, lat2, lon2) - greatCircleKm([lon1, lat1], [lon2, lat2]))).toBeLessThanOrEqual(1e-9);
    },
  );
});

describe("createGreatCircleHeuristic(csr, lonDeg, latDeg)", () => {
  it("takes the smallest cost per km over all links (shrunk by 1e-9)", () => {
    // Nodes on the equator at lon 0, 1, 2; link 0→1 costs 60 (one degree ≈ 111.195 km), 1→2 costs 30.
    // Ratios 60/111.195 and 30/111.195 ⇒ 0.26980 cost/km.
    const csr = buildCsr(3, Int32Array.of(0, 1), Int32Array.of(1, 2), Float64Array.of(60, 30));
    const h = createGreatCircleHeuristic(csr, Float64Array.of(0, 1, 2), Float64Array.of(0, 0, 0));
    expect(h.costPerKm).toBeCloseTo(30 / 111.19508, 6);
    expect(h.costPerKm).toBeLessThan(30 / gc(0, 1, 0, 2));
  });

  it("is 0 when a link of positive length costs 0 (A* then equals Dijkstra)", () => {
    const csr = buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(0));
    expect(createGreatCircleHeuristic(csr, Float64Array.of(0, 1), Float64Array.of(0, 0)).costPerKm).toBe(0);
  });

  it("refuses nodes without coordinates (code missing-coordinates) and arrays of the wrong length", () => {
    const csr = buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(1));
    expect(() => createGreatCircleHeuristic(csr, Float64Array.of(0, NaN), Float64Array.of(0, 0))).toThrowError(
      expect.objectContaining({ code: "missing-coordinates" }),
    );
    expect(() => createGreatCircleHeuristic(csr, Float64Array.of(0), Float64Array.of(0))).toThrow(UsageError);
  });

  it("accepts missing coordinates on nodes without links; A* to or from them finds only the empty path", () => {
    // Node 2 has no link and no coordinates.
    const csr = buildCsr(3, Int32Array.of(0), Int32Array.of(1), Float64Array.of(1));
    const h = createGreatCircleHeuristic(csr, Float64Array.of(0, 1, NaN), Float64Array.of(0, 0, NaN));
    const aw = createAStarWorkspace(3);
    expect(aStarPath(aw, csr, h, 0, 2, csr.closed)).toBeUndefined();
    expect(aStarPath(aw, csr, h, 2, 0, csr.closed)).toBeUndefined();
    expect(aStarPath(aw, csr, h, 2, 2, csr.closed)!.cost).toBe(0);
    expect(aStarPath(aw, csr, h, 0, 1, csr.closed)!.cost).toBe(1);
  });
});

describe("aStarPath(aw, csr, heuristic, origin, destination, closed)", () => {
  it("returns the least-cost path (docs example): 0 →(4) 1 →(6) 2 beats 0 →(12) 2", () => {
    const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(4, 6, 12));
    const h = createGreatCircleHeuristic(csr, Float64Array.of(120, 120.1, 120.2), Float64Array.of(31, 31.05, 31));
    const p = aStarPath(createAStarWorkspace(3), csr, h, 0, 2, csr.closed)!;
    expect({ cost: p.cost, links: Array.from(p.links), nodes: Array.from(p.nodes) }).toEqual({ cost: 10, links: [0, 1], nodes: [0, 1, 2] });
    expect(aStarPath(createAStarWorkspace(3), csr, h, 2, 0, csr.closed)).toBeUndefined();
  });

  const coordinates = (n: number) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })), { minLength: n, maxLength: n });

  test.prop(
    [
      linkListArbitrary({ closures: true, infinite: true }).chain((l) => fc.tuple(fc.constant(l), coordinates(l.nodeCount))),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 5 }),
    ],
    { seed: 1618, numRuns: 300 },
  )("gives the brute-force cost on random networks with random coordinates, reusing one workspace", ([l, xy], pairs) => {
    // Coordinates on a 0.01° lattice near Shanghai (121–123°E, 30–32°N); repeated points (zero length) included.
    const csr = csrOf(l);
    const lon = Float64Array.from(xy, ([x]) => 121 + x / 100);
    const lat = Float64Array.from(xy, ([, y]) => 30 + y / 100);
    const h = createGreatCircleHeuristic(csr, lon, lat);
    const aw = createAStarWorkspace(l.nodeCount);
    const all = floydWarshall(l);
    for (const [a, b] of pairs) {
      const origin = a % l.nodeCount;
      const destination = b % l.nodeCount;
      const p = aStarPath(aw, csr, h, origin, destination, csr.closed);
      if (all[origin][destination] === Infinity) expect(p).toBeUndefined();
      else {
        expect(p!.cost).toBe(all[origin][destination]);
        expect(pathCost(csr, p!.links)).toBe(p!.cost);
      }
    }
  });

  test.prop([fc.integer({ min: 2, max: 9 }), fc.integer({ min: 2, max: 9 }), fc.nat(), fc.nat()], { seed: 1618, numRuns: 100 })(
    "on a grid whose link times are length / speed (speeds 60–120 km/h) equals Dijkstra",
    (rows, cols, a, b) => {
      // Grid of 0.1° cells; link time = great-circle km / speed × 60, speed 60 + 10·((r·7 + c·3) mod 7) km/h.
      const n = rows * cols;
      const lon = Float64Array.from({ length: n }, (_, v) => 120 + (v % cols) * 0.1);
      const lat = Float64Array.from({ length: n }, (_, v) => 30 + Math.floor(v / cols) * 0.1);
      const from: number[] = [];
      const to: number[] = [];
      const cost: number[] = [];
      const add = (u: number, v: number) => {
        const speedKph = 60 + 10 * ((Math.floor(u / cols) * 7 + (u % cols) * 3) % 7);
        from.push(u);
        to.push(v);
        cost.push((gc(lat[u], lon[u], lat[v], lon[v]) / speedKph) * 60);
      };
      for (let v = 0; v < n; v++) {
        if ((v % cols) + 1 < cols) add(v, v + 1), add(v + 1, v);
        if (v + cols < n) add(v, v + cols), add(v + cols, v);
      }
      const l = { nodeCount: n, from, to, cost, closed: from.map(() => 0) };
      const csr = csrOf(l);
      const h = createGreatCircleHeuristic(csr, lon, lat);
      const origin = a % n;
      const destination = b % n;
      const expected = floydWarshall(l)[origin][destination];
      const p = aStarPath(createAStarWorkspace(n), csr, h, origin, destination, csr.closed)!;
      // Float costs: A*'s path may differ from Floyd–Warshall's summation order by rounding only.
      expect(p.cost).toBeCloseTo(expected, 9);
    },
  );
});
