/**
 * Tests of the CFW and BFW direction rules (src/algorithms/assignment/directions.ts): conjugacy of the resulting
 * direction, hand-derived weights, clamping and degenerate inputs.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { biconjugateWeights, CONJUGATE_WEIGHT_MAX, conjugateWeight } from "../../../src/algorithms/assignment/directions.ts";

const f = (...v: number[]) => Float64Array.from(v);
function hDot(h: Float64Array, a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < h.length; i++) s += h[i] * a[i] * b[i];
  return s;
}

describe("conjugateWeight(H, x, s1, y)", () => {
  test("clamps α = N/D = 2 to 0.99999 (one link, H = 1, s1 − x = 1, y − x = 2)", () => {
    expect(conjugateWeight(f(1), f(0), f(1), f(2))).toBe(CONJUGATE_WEIGHT_MAX);
  });

  test("is 0 for a zero denominator, a negative quotient, or an infinite Hessian entry", () => {
    // H = 0 ⇒ N = D = 0
    expect(conjugateWeight(f(0, 0), f(1, 1), f(2, 3), f(0, 4))).toBe(0);
    // s1 − x = 1, y − s1 = 0 ⇒ D = 0
    expect(conjugateWeight(f(1), f(0), f(1), f(1))).toBe(0);
    // s1 − x = 1, y − x = 0.5, y − s1 = −0.5 ⇒ N/D = −1 < 0
    expect(conjugateWeight(f(1), f(0), f(1), f(0.5))).toBe(0);
    expect(conjugateWeight(f(Infinity, 1), f(0, 0), f(1, 1), f(2, 3))).toBe(0);
  });

  propTest.prop(
    [fc.array(fc.tuple(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 2, maxLength: 10 })],
    { seed: 777, numRuns: 300 },
  )("makes s − x H-conjugate to s1 − x whenever α is not clamped", (rows) => {
    const h = Float64Array.from(rows, (r) => r[0]);
    const x = Float64Array.from(rows, (r) => r[1]);
    const s1 = Float64Array.from(rows, (r) => r[2]);
    const y = Float64Array.from(rows, (r) => r[3]);
    const alpha = conjugateWeight(h, x, s1, y);
    expect(alpha).toBeGreaterThanOrEqual(0);
    expect(alpha).toBeLessThanOrEqual(CONJUGATE_WEIGHT_MAX);
    fc.pre(alpha > 0 && alpha < CONJUGATE_WEIGHT_MAX);
    const d = Array.from(x, (xi, i) => alpha * s1[i] + (1 - alpha) * y[i] - xi);
    const d1 = Array.from(x, (xi, i) => s1[i] - xi);
    expect(Math.abs(hDot(h, d, d1))).toBeLessThanOrEqual(1e-9 * (1 + hDot(h, d1, d1) + Math.abs(hDot(h, d, d))));
  });
});

describe("biconjugateWeights(H, x, s1, s2, y, τ)", () => {
  test("gives β = [1/4, 1/2, 1/4] and a direction conjugate to both previous ones (hand-derived, H = I)", () => {
    // x = 0, s1 = (1, 0, 0), s2 = (−1, 2, 0), τ = 0.5 ⇒ d̄1 = s1 = (1, 0, 0), d̄2 = 0.5 s1 + 0.5 s2 = (0, 1, 0) ⊥ d̄1.
    // y = (−1, −2, 3): μ = −(d̄2 · y) / (d̄2 · (s2 − s1)) = −(−2)/2 = 1; ν = −(d̄1 · y)/(d̄1 · d̄1) + μ · 0.5/0.5 = 1 + 1 = 2.
    // β0 = 1/(1 + 1 + 2) = 1/4, β1 = 2/4, β2 = 1/4; s = (0, 0, 0.75) ⊥ d̄1 and d̄2.
    const h = f(1, 1, 1);
    const w = biconjugateWeights(h, f(0, 0, 0), f(1, 0, 0), f(-1, 2, 0), f(-1, -2, 3), 0.5);
    expect(w.allOrNothing).toBeCloseTo(0.25, 15);
    expect(w.previousTarget).toBeCloseTo(0.5, 15);
    expect(w.previousTarget2).toBeCloseTo(0.25, 15);
    const s = [0, 1, 2].map((i) => w.allOrNothing * [-1, -2, 3][i] + w.previousTarget * [1, 0, 0][i] + w.previousTarget2 * [-1, 2, 0][i]);
    expect(s).toEqual([0, 0, 0.75]);
  });

  test("falls back to plain FW (β0 = 1) when the Hessian is zero", () => {
    expect(biconjugateWeights(f(0, 0), f(1, 2), f(3, 4), f(5, 6), f(7, 8), 0.3)).toEqual({ allOrNothing: 1, previousTarget: 0, previousTarget2: 0 });
  });

  propTest.prop(
    [
      fc.array(fc.tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100)), { minLength: 1, maxLength: 10 }),
      fc.double({ min: 0, max: 0.999, noNaN: true }),
    ],
    { seed: 778, numRuns: 300 },
  )("returns non-negative weights summing to 1", (rows, tau) => {
    const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
    const w = biconjugateWeights(col(0), col(1), col(2), col(3), col(4), tau);
    for (const v of [w.allOrNothing, w.previousTarget, w.previousTarget2]) expect(v).toBeGreaterThanOrEqual(0);
    expect(w.allOrNothing + w.previousTarget + w.previousTarget2).toBeCloseTo(1, 12);
  });

  propTest.prop(
    [
      fc.array(fc.tuple(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100)), { minLength: 2, maxLength: 10 }),
      fc.double({ min: 0, max: 0.9, noNaN: true }),
    ],
    { seed: 779, numRuns: 300 },
  )("makes s − x H-conjugate to both d̄1 and d̄2 whenever d̄1 ⊥_H d̄2 and μ, ν are not clipped", (rows, tau) => {
    // The μ, ν formulas (Mitradjieva & Lindberg 2013, section 4) assume the previous two directions are H-conjugate.
    // Build s2 so that they are: project d̄2 = τ·s1 + (1 − τ)·s2⁰ − x off d̄1 in the H inner product, then solve for s2.
    const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
    const [h, x, s1, s20, y] = [col(0), col(1), col(2), col(3), col(4)];
    const d1 = Array.from(x, (xi, i) => s1[i] - xi);
    fc.pre(hDot(h, d1, d1) > 0);
    const d20 = Array.from(x, (xi, i) => tau * s1[i] + (1 - tau) * s20[i] - xi);
    const k = hDot(h, d20, d1) / hDot(h, d1, d1);
    const d2 = d20.map((v, i) => v - k * d1[i]);
    const s2 = Float64Array.from(d2, (v, i) => (v + x[i] - tau * s1[i]) / (1 - tau));
    const w = biconjugateWeights(h, x, s1, s2, y, tau);
    fc.pre(w.previousTarget > 0 && w.previousTarget2 > 0);
    const d = Array.from(x, (xi, i) => w.allOrNothing * y[i] + w.previousTarget * s1[i] + w.previousTarget2 * s2[i] - xi);
    // relative to the size of d's terms before they cancel (d itself can be 0: s = x is conjugate to everything)
    const hNorm = (u: ArrayLike<number>) => Math.sqrt(hDot(h, u, u));
    const terms = hNorm(Array.from(x, (xi, i) => y[i] - xi)) + hNorm(d1) + hNorm(Array.from(x, (xi, i) => s2[i] - xi));
    const scale = (u: number[]) => terms * hNorm(u);
    expect(Math.abs(hDot(h, d, d1)) / scale(d1)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(hDot(h, d, d2)) / scale(d2)).toBeLessThanOrEqual(1e-9);
  });
});
