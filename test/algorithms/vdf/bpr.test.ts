/**
 * Tests of the BPR volume-delay function (src/algorithms/vdf/bpr.ts): hand-derived values, the contract properties
 * (t(0) = t0, monotone, t ≥ t0) and the derivative and integral against finite differences.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { bprDerivative, bprDerivatives, bprIntegral, bprTimeMin, bprTimesMin } from "../../../src/algorithms/vdf/bpr.ts";

const SEED = { seed: 20250605, numRuns: 300 };

// Link parameters in realistic ranges: t0 0–120 min, capacity 1–10,000 veh/h, alpha 0–2, beta 0 or 1–8.
const link = fc.record({
  t0: fc.double({ min: 0, max: 120, noNaN: true }),
  capacity: fc.double({ min: 1, max: 10_000, noNaN: true }),
  alpha: fc.double({ min: 0, max: 2, noNaN: true }),
  beta: fc.oneof(fc.constant(0), fc.constant(1), fc.constant(4), fc.double({ min: 1, max: 8, noNaN: true })),
});
const flow = fc.double({ min: 0, max: 20_000, noNaN: true });

describe("bprTimeMin(t0, v, c, alpha, beta)", () => {
  test("is t0 · 1.15 at v = c with the traditional alpha 0.15, beta 4", () => {
    // 10 min · (1 + 0.15 · 1⁴) = 11.5 min
    expect(bprTimeMin(10, 1000, 1000, 0.15, 4)).toBeCloseTo(11.5, 12);
  });

  test("is t0 · (1 + 0.15 · 16) = 34 at v = 2c", () => {
    // (2000/1000)⁴ = 16 ⇒ 10 · (1 + 2.4) = 34
    expect(bprTimeMin(10, 2000, 1000, 0.15, 4)).toBeCloseTo(34, 12);
  });

  test("power 0 is the constant cost t0 · (1 + alpha), also at zero flow (TNTP convention)", () => {
    expect(bprTimeMin(10, 0, 1000, 1, 0)).toBe(20);
    expect(bprTimeMin(10, 5000, 1000, 1, 0)).toBe(20);
  });

  test("zero free-flow time stays 0 at any flow", () => {
    expect(bprTimeMin(0, 1e6, 1, 0.15, 4)).toBe(0);
  });

  test("infinite capacity (an uncongested link) is t0 for beta > 0", () => {
    expect(bprTimeMin(15, 1e6, Infinity, 0.15, 4)).toBe(15);
  });

  propTest.prop([link], SEED)("t(0) = t0 when beta > 0", ({ t0, capacity, alpha, beta }) => {
    fc.pre(beta > 0);
    expect(bprTimeMin(t0, 0, capacity, alpha, beta)).toBe(t0);
  });

  propTest.prop([link, flow, flow], SEED)("is non-decreasing in flow and never below t0", ({ t0, capacity, alpha, beta }, a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const tLo = bprTimeMin(t0, lo, capacity, alpha, beta);
    expect(tLo).toBeGreaterThanOrEqual(t0);
    expect(bprTimeMin(t0, hi, capacity, alpha, beta)).toBeGreaterThanOrEqual(tLo);
  });
});

describe("bprDerivative(t0, v, c, alpha, beta)", () => {
  test("is t0 · alpha · beta / c at v = c", () => {
    // 10 · 0.15 · 4 · 1³ / 1000 = 0.006 min per veh/h
    expect(bprDerivative(10, 1000, 1000, 0.15, 4)).toBeCloseTo(0.006, 15);
  });

  test("is 0 for beta 0 and at zero flow for beta > 1; t0 · alpha / c for beta 1", () => {
    expect(bprDerivative(10, 500, 1000, 1, 0)).toBe(0);
    expect(bprDerivative(10, 0, 1000, 0.15, 4)).toBe(0);
    expect(bprDerivative(10, 0, 1000, 0.5, 1)).toBeCloseTo(0.005, 15);
  });

  propTest.prop([link, fc.double({ min: 1, max: 20_000, noNaN: true })], SEED)(
    "matches a central finite difference of bprTimeMin",
    ({ t0, capacity, alpha, beta }, v) => {
      const h = 1e-4 * v;
      const numeric = (bprTimeMin(t0, v + h, capacity, alpha, beta) - bprTimeMin(t0, v - h, capacity, alpha, beta)) / (2 * h);
      const analytic = bprDerivative(t0, v, capacity, alpha, beta);
      expect(Math.abs(numeric - analytic)).toBeLessThanOrEqual(1e-5 * Math.abs(analytic) + 1e-9 * (1 + bprTimeMin(t0, v, capacity, alpha, beta) / v));
    },
  );
});

describe("bprIntegral(t0, v, c, alpha, beta)", () => {
  test("is t0 · v · (1 + alpha / (beta + 1)) at v = c", () => {
    // 10 · 1000 · (1 + 0.15 / 5) = 10,300
    expect(bprIntegral(10, 1000, 1000, 0.15, 4)).toBeCloseTo(10300, 9);
  });

  propTest.prop([link, fc.double({ min: 1, max: 20_000, noNaN: true })], SEED)(
    "has bprTimeMin as its derivative (central finite difference)",
    ({ t0, capacity, alpha, beta }, v) => {
      const h = 1e-4 * v;
      const numeric = (bprIntegral(t0, v + h, capacity, alpha, beta) - bprIntegral(t0, v - h, capacity, alpha, beta)) / (2 * h);
      const t = bprTimeMin(t0, v, capacity, alpha, beta);
      expect(Math.abs(numeric - t)).toBeLessThanOrEqual(1e-6 * t + 1e-9);
    },
  );
});

describe("bprTimesMin(out, …) and bprDerivatives(out, …)", () => {
  propTest.prop([fc.array(fc.tuple(link, flow), { minLength: 1, maxLength: 20 })], SEED)(
    "equal the scalar functions link by link",
    (rows) => {
      const t0 = Float64Array.from(rows, ([l]) => l.t0);
      const c = Float64Array.from(rows, ([l]) => l.capacity);
      const a = Float64Array.from(rows, ([l]) => l.alpha);
      const b = Float64Array.from(rows, ([l]) => l.beta);
      const v = Float64Array.from(rows, ([, f]) => f);
      const times = bprTimesMin(new Float64Array(rows.length), t0, v, c, a, b);
      const derivatives = bprDerivatives(new Float64Array(rows.length), t0, v, c, a, b);
      rows.forEach(([l, f], i) => {
        expect(times[i]).toBe(bprTimeMin(l.t0, f, l.capacity, l.alpha, l.beta));
        expect(derivatives[i]).toBe(bprDerivative(l.t0, f, l.capacity, l.alpha, l.beta));
      });
    },
  );

  test("writes out[0] = 11.5 for the STYLE.md example", () => {
    const out = new Float64Array(1);
    bprTimesMin(out, [10], [1000], [1000], [0.15], [4]);
    expect(out[0]).toBeCloseTo(11.5, 12);
  });
});
