/**
 * Tests of the gravity model (src/engine/gravity.ts): hand-derived matrices, the doubly constrained marginals as a
 * property (Furness), production-constrained rows, and parameter validation. Parameters are the defaults of
 * src/defaults.ts (through the library API's resolver) with the values each test names laid over them.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { resolveGravityParameters } from "../../src/api/assignment-parameters.ts";
import { checkGravityParameters, gravityModel } from "../../src/engine/gravity.ts";
import * as defaults from "../../src/defaults.ts";
import { UsageError } from "../../src/errors.ts";

const g = resolveGravityParameters;

describe("gravityModel(population, costMin, parameters)", () => {
  test("production constrained, two zones: each zone sends all its trips to the other", () => {
    // O = 0.01 × [1000, 3000] = [10, 30]; one destination each ⇒ T12 = 10, T21 = 30
    const r = gravityModel([1000, 3000], Float64Array.of(0, 60, 60, 0), g({ constraint: "production", tripRateVehPerHourPerPerson: 0.01 }));
    [0, 10, 30, 0].forEach((v, i) => expect(r.demandVehPerHour[i]).toBeCloseTo(v, 12));
    expect(r.attractionsVehPerHour[0]).toBeCloseTo(30, 12);
    expect(r.attractionsVehPerHour[1]).toBeCloseTo(10, 12);
  });

  test("doubly constrained, three equal zones at equal costs: 5 veh/h on each of the six pairs", () => {
    // O = D = 0.01 × 1000 = 10 per zone; symmetry ⇒ T_ij equal for i ≠ j ⇒ 10 / 2 = 5
    const c = Float64Array.of(0, 30, 30, 30, 0, 30, 30, 30, 0);
    const r = gravityModel([1000, 1000, 1000], c, g({ tripRateVehPerHourPerPerson: 0.01 }));
    expect(r.balanced).toBe(true);
    for (let i = 0; i < 9; i++) expect(r.demandVehPerHour[i]).toBeCloseTo(i % 4 === 0 ? 0 : 5, 12);
  });

  test("production constrained with beta 0: T_ij = O_i · P_j / Σ_{k≠i} P_k", () => {
    // O = [1, 2, 3]; from zone 0: P = [2000, 3000] of 5000 ⇒ [0.4, 0.6]
    const r = gravityModel([1000, 2000, 3000], new Float64Array(9).fill(10), g({ constraint: "production", betaPerMin: 0, tripRateVehPerHourPerPerson: 0.001 }));
    expect(r.demandVehPerHour[1]).toBeCloseTo(0.4, 12);
    expect(r.demandVehPerHour[2]).toBeCloseTo(0.6, 12);
    expect(r.demandVehPerHour[3]).toBeCloseTo((2 * 1000) / 4000, 12);
  });

  test("the deterrence exp(−β·c) favours the nearer destination by exactly exp(−β·Δc) (production constrained)", () => {
    // zone 0 → zones 1 and 2 of equal population at 10 and 110 min, β = 0.01 ⇒ ratio e^{−1}
    const c = Float64Array.of(0, 10, 110, 10, 0, 10, 110, 10, 0);
    const r = gravityModel([1, 1, 1], c, g({ constraint: "production", betaPerMin: 0.01, tripRateVehPerHourPerPerson: 1 }));
    expect(r.demandVehPerHour[2] / r.demandVehPerHour[1]).toBeCloseTo(Math.exp(-1), 12);
  });

  propTest.prop(
    [
      fc.integer({ min: 3, max: 8 }).chain((z) =>
        fc.tuple(fc.array(fc.integer({ min: 1000, max: 100_000 }), { minLength: z, maxLength: z }), fc.array(fc.integer({ min: 10, max: 600 }), { minLength: z * z, maxLength: z * z })),
      ),
    ],
    { seed: 31337, numRuns: 100 },
  )("doubly constrained: rows and columns match rate × population when no zone holds half the people", ([population, costs]) => {
    const total = population.reduce((a, b) => a + b, 0);
    fc.pre(Math.max(...population) < 0.45 * total);
    const z = population.length;
    const r = gravityModel(population, Float64Array.from(costs), g({ tripRateVehPerHourPerPerson: 0.001 }));
    expect(r.balanced).toBe(true);
    for (let i = 0; i < z; i++) {
      let row = 0;
      let column = 0;
      for (let j = 0; j < z; j++) {
        expect(r.demandVehPerHour[i * z + j]).toBeGreaterThanOrEqual(0);
        row += r.demandVehPerHour[i * z + j];
        column += r.demandVehPerHour[j * z + i];
      }
      expect(r.demandVehPerHour[i * z + i]).toBe(0);
      expect(Math.abs(row - 0.001 * population[i])).toBeLessThanOrEqual(1e-8 * population[i] * 0.001);
      expect(Math.abs(column - 0.001 * population[i])).toBeLessThanOrEqual(1e-8 * population[i] * 0.001);
    }
  });

  test("an impossible doubly constrained problem stops unbalanced (a result, not an error)", () => {
    const r = gravityModel([1000, 3000], Float64Array.of(0, 60, 60, 0), g({ tripRateVehPerHourPerPerson: 0.01, maxBalancingIterations: 20 }));
    expect(r.balanced).toBe(false);
    expect(r.balancingIterations).toBe(20);
  });

  test.each([
    [{ betaPerMin: -0.01 }, /gravity.betaPerMin/],
    [{ tripRateVehPerHourPerPerson: Number.NaN }, /gravity.tripRateVehPerHourPerPerson/],
    [{ constraint: "singly" as never }, /gravity.constraint/],
    [{ maxBalancingIterations: 0 }, /gravity.maxBalancingIterations/],
  ])("refuses parameters %o with UsageError invalid-option", (parameters, message) => {
    expect(() => checkGravityParameters(g(parameters))).toThrow(UsageError);
    expect(() => checkGravityParameters(g(parameters))).toThrow(message);
    expect(() => gravityModel([1, 1], Float64Array.of(0, 10, 10, 0), g(parameters))).toThrow(message);
  });

  test("a parameter given as undefined is refused, not defaulted (the message names it)", () => {
    expect(() => gravityModel([1, 1], Float64Array.of(0, 10, 10, 0), g({ betaPerMin: undefined }))).toThrow("gravity.betaPerMin must be a finite number ≥ 0 (got undefined)");
  });

  test("refuses a negative population or cost and a cost matrix of the wrong size (invalid-argument)", () => {
    expect(() => gravityModel([1, -1], new Float64Array(4), g())).toThrow(expect.objectContaining({ code: "invalid-argument" }));
    expect(() => gravityModel([1, 1], Float64Array.of(0, -5, 1, 0), g())).toThrow(expect.objectContaining({ code: "invalid-argument" }));
    expect(() => gravityModel([1, 1], new Float64Array(3), g())).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });

  test("defaults come from src/defaults.ts", () => {
    expect(g()).toEqual({
      constraint: defaults.DEFAULT_GRAVITY_CONSTRAINT,
      tripRateVehPerHourPerPerson: defaults.GRAVITY_TRIP_RATE_VEH_PER_HOUR_PER_PERSON,
      betaPerMin: defaults.GRAVITY_BETA_PER_MIN,
      balancingTolerance: defaults.GRAVITY_BALANCING_TOLERANCE,
      maxBalancingIterations: defaults.GRAVITY_MAX_BALANCING_ITERATIONS,
    });
    expect(gravityModel([1, 1], Float64Array.of(0, 10, 10, 0), g()).parameters).toEqual(g());
  });
});
