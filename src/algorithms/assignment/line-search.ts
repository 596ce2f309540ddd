/**
 * Exact line search of Frank-Wolfe-type assignment: the step λ ∈ [0, 1] that minimises the Beckmann objective on the
 * segment from the current flows x towards a target flow s.
 *
 * The objective along the segment is convex, so λ* is the root of its derivative
 * g(λ) = Σₐ cₐ(xₐ + λ·(sₐ − xₐ))·(sₐ − xₐ), which is non-decreasing. Method: safeguarded Newton — Newton steps with
 * g′(λ) = Σₐ c′ₐ(·)·(sₐ − xₐ)² from the BPR derivative, kept inside the current bracket [lo, hi] and replaced by
 * bisection whenever they leave it (or g′ is 0, infinite or NaN, as for 0 < beta < 1 at zero flow). AequilibraE uses
 * a bracketing root finder on the same g (scipy `root_scalar`, bracket [0, 1]).
 */
import { bprDerivative, bprTimeMin } from "../vdf/bpr.ts";
import type { BprLinks } from "./assignment-network.ts";

/** Most evaluations of g in one search (each O(linkCount)). Bisection alone halves the bracket 60 times. */
export const LINE_SEARCH_MAX_EVALUATIONS = 60;

/** The search stops when the bracket or the Newton step is narrower than this (dimensionless λ). */
export const LINE_SEARCH_TOLERANCE = 1e-13;

/**
 * Derivative of the objective along the segment, g(λ) = Σₐ cₐ(xₐ + λ·dₐ)·dₐ with dₐ = sₐ − xₐ, and optionally its
 * derivative g′(λ) = Σₐ c′ₐ·dₐ² (written to `slope[0]`). Sums run in link-index order.
 * @example objectiveSlope(links, Float64Array.of(0), Float64Array.of(1000), 1) // 11500 for t0 10, c 1000, alpha 0.15, beta 4
 */
export function objectiveSlope(links: BprLinks, flows: Float64Array, target: Float64Array, stepSize: number, slope?: Float64Array): number {
  const { freeFlowTimeMin, capacityVehPerHour, alpha, beta, fixedCostMin } = links;
  let g = 0;
  let h = 0;
  for (let i = 0; i < flows.length; i++) {
    const d = target[i] - flows[i];
    if (d === 0) continue;
    const v = flows[i] + stepSize * d;
    g += (bprTimeMin(freeFlowTimeMin[i], v, capacityVehPerHour[i], alpha[i], beta[i]) + fixedCostMin[i]) * d;
    if (slope !== undefined) h += bprDerivative(freeFlowTimeMin[i], v, capacityVehPerHour[i], alpha[i], beta[i]) * d * d;
  }
  if (slope !== undefined) slope[0] = h;
  return g;
}

/**
 * The step size λ ∈ [0, 1] minimising the Beckmann objective on x + λ·(s − x).
 *
 * Contract
 * - `flowVehPerHour` (x) and `targetVehPerHour` (s): Float64Array(linkCount), veh/h ≥ 0, link index; `links` the BPR arrays.
 * - Returns 0 when g(0) ≥ 0 (s − x is not a descent direction), 1 when g(1) ≤ 0, else λ with g(λ) ≈ 0 to
 *   {@link LINE_SEARCH_TOLERANCE} in λ (at most {@link LINE_SEARCH_MAX_EVALUATIONS} evaluations). Always 0 ≤ λ ≤ 1.
 * - Allocates nothing but a 1-element array; deterministic.
 * Never throws.
 * @see LeBlanc, Morlok & Pierskalla (1975), "An efficient approach to solving the road network equilibrium traffic
 *   assignment problem", Transportation Research 9, 309–318 (the Frank-Wolfe line search on Sioux Falls).
 * @example
 * // two parallel links t = 10·(1 + (v/1000)) and t = 20, x = [0, 1000] (all on the slow one), s = [1000, 0]:
 * // g(λ) = 10·(1 + λ)·1000 − 20·1000 = 0 at λ = 1
 * lineSearchStepSize(links, Float64Array.of(0, 1000), Float64Array.of(1000, 0)) // 1
 */
export function lineSearchStepSize(links: BprLinks, flowVehPerHour: Float64Array, targetVehPerHour: Float64Array): number {
  const slope = new Float64Array(1);
  const g0 = objectiveSlope(links, flowVehPerHour, targetVehPerHour, 0);
  if (!(g0 < 0)) return 0;
  const g1 = objectiveSlope(links, flowVehPerHour, targetVehPerHour, 1);
  if (g1 <= 0) return 1;
  let lo = 0;
  let hi = 1;
  // Secant start between the two ends (exact for a linear g, i.e. beta = 1 everywhere).
  let step = g0 / (g0 - g1);
  if (!(step > lo && step < hi)) step = 0.5;
  for (let evaluation = 2; evaluation < LINE_SEARCH_MAX_EVALUATIONS; evaluation++) {
    const g = objectiveSlope(links, flowVehPerHour, targetVehPerHour, step, slope);
    if (g === 0) return step;
    if (g < 0) lo = step;
    else hi = step;
    if (hi - lo <= LINE_SEARCH_TOLERANCE) return (lo + hi) / 2;
    let next = step - g / slope[0];
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - step) <= LINE_SEARCH_TOLERANCE) return next;
    step = next;
  }
  return step;
}
