/**
 * BPR volume-delay function: congested link time t = t0 · (1 + alpha · (v/c)^beta), its derivative dt/dv and its
 * integral ∫₀ᵛ t(x) dx (the link term of the Beckmann objective), as scalar functions and link-aligned array kernels.
 *
 * Design: one function and its derivative side by side, the arrays all indexed by compiled link index, as in
 * AequilibraE `paths/vdf.py` + `paths/cython/bpr.pyx`. `beta` 4 and 1 (the common cases, all of TNTP's Sioux Falls
 * and Braess) take a multiply-only path; other values use Math.pow. `beta = 0` is the constant cost
 * t0 · (1 + alpha) (TNTP "power 0"), since (v/c)^0 = 1 for every flow, 0 included.
 * @see Bureau of Public Roads (1964), Traffic Assignment Manual, U.S. Department of Commerce.
 */

/**
 * (v/c)^beta with the fast paths for beta 0, 1, 2 and 4. `ratio` ≥ 0, `beta` ≥ 0.
 * @example ratioPower(2, 4) // 16
 */
function ratioPower(ratio: number, beta: number): number {
  if (beta === 4) {
    const r2 = ratio * ratio;
    return r2 * r2;
  }
  if (beta === 1) return ratio;
  if (beta === 0) return 1;
  if (beta === 2) return ratio * ratio;
  return Math.pow(ratio, beta);
}

/**
 * Congested travel time of one link by BPR, t = t0 · (1 + alpha · (v/c)^beta).
 *
 * Contract
 * - freeFlowTimeMin t0 ≥ 0 (minutes, or the network's time unit); flowVehPerHour v ≥ 0 (veh/h);
 *   capacityVehPerHour c > 0 (veh/h); alpha ≥ 0; beta ≥ 0 (dimensionless).
 * - Result ≥ t0; equal to t0 at v = 0 when beta > 0; t0 · (1 + alpha) for every v when beta = 0; non-decreasing in v.
 * Never throws: inputs are validated once by the caller (engine/assign: InputError naming the link), not per call.
 * @see Bureau of Public Roads (1964), Traffic Assignment Manual.
 * @example bprTimeMin(10, 1000, 1000, 0.15, 4) // 11.5 (v/c = 1 ⇒ 10 · 1.15)
 * @example bprTimeMin(10, 0, 1000, 0.15, 0) // 11.5 (power 0: constant cost)
 */
export function bprTimeMin(freeFlowTimeMin: number, flowVehPerHour: number, capacityVehPerHour: number, alpha: number, beta: number): number {
  return freeFlowTimeMin * (1 + alpha * ratioPower(flowVehPerHour / capacityVehPerHour, beta));
}

/**
 * Derivative of the BPR time with respect to flow, dt/dv = t0 · alpha · beta · (v/c)^(beta − 1) / c.
 *
 * Contract: as {@link bprTimeMin}. Result in minutes per (veh/h), ≥ 0. beta = 0 gives 0 (constant cost); at v = 0 it
 * is 0 for beta > 1, t0 · alpha / c for beta = 1 and `Infinity` for 0 < beta < 1 (callers must not divide by it blindly).
 * @example bprDerivative(10, 1000, 1000, 0.15, 4) // 0.006 (= 10 · 0.15 · 4 · 1³ / 1000)
 */
export function bprDerivative(freeFlowTimeMin: number, flowVehPerHour: number, capacityVehPerHour: number, alpha: number, beta: number): number {
  if (beta === 0 || alpha === 0 || freeFlowTimeMin === 0) return 0;
  const ratio = flowVehPerHour / capacityVehPerHour;
  const power = beta === 1 ? 1 : beta === 4 ? ratio * ratio * ratio : beta === 2 ? ratio : Math.pow(ratio, beta - 1);
  return (freeFlowTimeMin * alpha * beta * power) / capacityVehPerHour;
}

/**
 * Integral of the BPR time from 0 to v, ∫₀ᵛ t(x) dx = t0 · v · (1 + alpha · (v/c)^beta / (beta + 1)): one link's
 * term of the Beckmann objective.
 *
 * Contract: as {@link bprTimeMin}. Result in minute·veh/h, ≥ 0; 0 at v = 0; t0 · (1 + alpha) · v when beta = 0.
 * @see M. Beckmann, C. B. McGuire, C. B. Winsten (1956), Studies in the Economics of Transportation, Yale University Press.
 * @example bprIntegral(10, 1000, 1000, 0.15, 4) // 10300 (= 10 · 1000 · (1 + 0.15 / 5))
 */
export function bprIntegral(freeFlowTimeMin: number, flowVehPerHour: number, capacityVehPerHour: number, alpha: number, beta: number): number {
  return freeFlowTimeMin * flowVehPerHour * (1 + (alpha * ratioPower(flowVehPerHour / capacityVehPerHour, beta)) / (beta + 1));
}

/**
 * Congested travel time on each link by BPR, t = t0 · (1 + alpha · (v/c)^beta), written into `out`.
 *
 * Contract
 * - Arrays: all of length linkCount, indexed by compiled link index (`out` may not alias an input).
 * - freeFlowTimeMin ≥ 0 (minutes); flowVehPerHour ≥ 0 (veh/h); capacityVehPerHour > 0 (veh/h); alpha ≥ 0; beta ≥ 0.
 * - out[i] ≥ freeFlowTimeMin[i], equal when flow is 0 (and beta > 0); non-decreasing in flow.
 * - Writes only `out`; no allocation; O(linkCount).
 * Never throws: inputs are validated once in engine/assign (InputError, path `links["<id>"].capacityVehPerHour`), not per call.
 * @see Bureau of Public Roads (1964), Traffic Assignment Manual.
 * @example bprTimesMin(out, [10], [1000], [1000], [0.15], [4]) // out[0] === 11.5
 */
export function bprTimesMin(
  out: Float64Array,
  freeFlowTimeMin: ArrayLike<number>,
  flowVehPerHour: ArrayLike<number>,
  capacityVehPerHour: ArrayLike<number>,
  alpha: ArrayLike<number>,
  beta: ArrayLike<number>,
): Float64Array {
  for (let i = 0; i < out.length; i++) {
    out[i] = freeFlowTimeMin[i] * (1 + alpha[i] * ratioPower(flowVehPerHour[i] / capacityVehPerHour[i], beta[i]));
  }
  return out;
}

/**
 * BPR derivative dt/dv on each link (minutes per veh/h), written into `out`. Contract as {@link bprTimesMin} and
 * {@link bprDerivative} (0 for beta = 0; `Infinity` at zero flow for 0 < beta < 1).
 * @example bprDerivatives(out, [10], [1000], [1000], [0.15], [4]) // out[0] === 0.006
 */
export function bprDerivatives(
  out: Float64Array,
  freeFlowTimeMin: ArrayLike<number>,
  flowVehPerHour: ArrayLike<number>,
  capacityVehPerHour: ArrayLike<number>,
  alpha: ArrayLike<number>,
  beta: ArrayLike<number>,
): Float64Array {
  for (let i = 0; i < out.length; i++) {
    out[i] = bprDerivative(freeFlowTimeMin[i], flowVehPerHour[i], capacityVehPerHour[i], alpha[i], beta[i]);
  }
  return out;
}
