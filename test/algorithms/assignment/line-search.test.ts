/**
 * Tests of the exact line search (src/algorithms/assignment/line-search.ts): closed-form steps on linear and quartic
 * links, the boundary cases 0 and 1, and optimality of the step on random segments.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import type { BprLinks } from "../../../src/algorithms/assignment/assignment-network.ts";
import { lineSearchStepSize, objectiveSlope } from "../../../src/algorithms/assignment/line-search.ts";

function links(rows: [t0: number, capacity: number, alpha: number, beta: number, fixed?: number][]): BprLinks {
  return {
    freeFlowTimeMin: Float64Array.from(rows, (r) => r[0]),
    capacityVehPerHour: Float64Array.from(rows, (r) => r[1]),
    alpha: Float64Array.from(rows, (r) => r[2]),
    beta: Float64Array.from(rows, (r) => r[3]),
    fixedCostMin: Float64Array.from(rows, (r) => r[4] ?? 0),
  };
}

describe("lineSearchStepSize(links, flows, target)", () => {
  test("finds the root of a linear slope exactly: λ = 1/3", () => {
    // link 1: t = 10 (1 + v/1000), link 2: t = 20 (constant); x = [0, 3000] → s = [3000, 0] (d = [3000, −3000]).
    // g(λ) = 10 (1 + 3λ) · 3000 − 20 · 3000 = 0 ⇒ 1 + 3λ = 2 ⇒ λ = 1/3
    const l = links([[10, 1000, 1, 1], [20, 1000, 0, 1]]);
    expect(lineSearchStepSize(l, Float64Array.of(0, 3000), Float64Array.of(3000, 0))).toBeCloseTo(1 / 3, 14);
  });

  test("finds the quartic root: 10 (1 + 0.15 (2000λ/1000)⁴) = 20 ⇒ λ = (20/3)^¼ / 2", () => {
    const l = links([[10, 1000, 0.15, 4], [10, 1000, 1, 0]]);
    expect(lineSearchStepSize(l, Float64Array.of(0, 2000), Float64Array.of(2000, 0))).toBeCloseTo((20 / 3) ** 0.25 / 2, 12);
  });

  test("returns 0 when the target is not a descent direction and 1 when the slope is still negative at 1", () => {
    const l = links([[10, 1000, 1, 1], [20, 1000, 0, 1]]);
    // moving flow from the cheap link (10) to the dear one (20): g(0) = 20·100 − 10·100 > 0 ⇒ 0
    expect(lineSearchStepSize(l, Float64Array.of(100, 0), Float64Array.of(0, 100))).toBe(0);
    // moving 100 veh/h from the dear link to the cheap one: g(1) = 10 (1 + 0.1) · 100 − 2000 < 0 ⇒ 1
    expect(lineSearchStepSize(l, Float64Array.of(0, 100), Float64Array.of(100, 0))).toBe(1);
    // no movement at all
    expect(lineSearchStepSize(l, Float64Array.of(5, 5), Float64Array.of(5, 5))).toBe(0);
  });

  const row = fc.tuple(
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: 50, max: 3000 }),
    fc.constantFrom(0, 0.15, 1),
    fc.constantFrom(0, 1, 2, 4, 5.5),
  );
  propTest.prop(
    [fc.array(fc.tuple(row, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 12 })],
    { seed: 9091, numRuns: 300 },
  )("returns λ in [0, 1] at which the objective slope is ≈ 0 (or has the right sign at an end)", (rows) => {
    const l = links(rows.map(([r]) => r));
    const x = Float64Array.from(rows, ([, a]) => a);
    const s = Float64Array.from(rows, ([, , b]) => b);
    const step = lineSearchStepSize(l, x, s);
    expect(step).toBeGreaterThanOrEqual(0);
    expect(step).toBeLessThanOrEqual(1);
    const g = objectiveSlope(l, x, s, step);
    // scale: |Σ c(x + λd) · d| with absolute values
    let scale = 0;
    for (let i = 0; i < x.length; i++) scale += Math.abs(s[i] - x[i]) * (l.freeFlowTimeMin[i] * (1 + l.alpha[i] * 1e4) + 1);
    if (step > 0 && step < 1) expect(Math.abs(g)).toBeLessThanOrEqual(1e-9 * scale);
    if (step === 0) expect(objectiveSlope(l, x, s, 0)).toBeGreaterThanOrEqual(0);
    if (step === 1) expect(g).toBeLessThanOrEqual(0);
  });
});
