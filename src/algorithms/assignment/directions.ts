/**
 * Direction rules of the Frank-Wolfe family: the weights that make the conjugate (CFW) and bi-conjugate (BFW) target
 * flows, from the previous targets and the Hessian of the Beckmann objective (diagonal: c′ₐ at the current flows).
 *
 * Notation (one iteration, k): x current flows, y the all-or-nothing flows at c(x), s₁ the previous target (s_{k−1}),
 * s₂ the one before (s_{k−2}), τ the previous step size, H = diag(c′(x)). FW moves towards y. CFW moves towards
 * s = α·s₁ + (1 − α)·y, with α chosen so that s − x is H-conjugate to s₁ − x. BFW moves towards
 * s = β₀·y + β₁·s₁ + β₂·s₂, conjugate to both previous directions; the previous-but-one direction is represented at
 * x by d̄₂ = τ·s₁ + (1 − τ)·s₂ − x. Degenerate weights (zero or non-finite denominators, negative μ, ν) fall back as in
 * AequilibraE's `linear_approximation.py`: μ, ν < 0 → 0, a zero denominator → 0; α is clamped to [0, 1 − 1e-5] so
 * that y always contributes (else the direction can stall).
 * @see M. Mitradjieva, P. O. Lindberg (2013), "The stiff is moving — conjugate direction Frank-Wolfe methods with
 *   applications to traffic assignment", Transportation Science 47(2), 280–293.
 */

/** Upper bound of the CFW weight α on the previous target (AequilibraE `conjugate_direction_max`). */
export const CONJUGATE_WEIGHT_MAX = 0.99999;

/**
 * CFW weight α of the previous target: α = N / D with N = Σ Hₐ·(s₁ − x)ₐ·(y − x)ₐ and D = Σ Hₐ·(s₁ − x)ₐ·(y − s₁)ₐ,
 * clamped to [0, {@link CONJUGATE_WEIGHT_MAX}]; 0 when D is 0 or the quotient is not finite.
 *
 * Contract: all arrays Float64Array(linkCount), link index; flows in veh/h, `hessian` c′ₐ in minutes per veh/h, ≥ 0
 * (may hold Infinity for 0 < beta < 1 at zero flow, giving NaN sums and then α = 0). Result dimensionless in
 * [0, 0.99999]. O(linkCount), sums in link-index order. Never throws.
 * @see Mitradjieva & Lindberg (2013), section 3 (CFW).
 * @example
 * // one link, H = 1: s₁ − x = 1, y − x = 2, y − s₁ = 1 ⇒ N = 2, D = 1 ⇒ α = 2 → clamped to 0.99999
 * conjugateWeight(Float64Array.of(1), Float64Array.of(0), Float64Array.of(1), Float64Array.of(2)) // 0.99999
 */
export function conjugateWeight(hessian: Float64Array, flows: Float64Array, previousTarget: Float64Array, allOrNothing: Float64Array): number {
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < flows.length; i++) {
    const h = hessian[i];
    if (h === 0) continue;
    const d1 = previousTarget[i] - flows[i];
    if (d1 === 0) continue;
    numerator += h * d1 * (allOrNothing[i] - flows[i]);
    denominator += h * d1 * (allOrNothing[i] - previousTarget[i]);
  }
  if (denominator === 0) return 0;
  const alpha = numerator / denominator;
  if (!Number.isFinite(alpha) || alpha < 0) return 0;
  return Math.min(alpha, CONJUGATE_WEIGHT_MAX);
}

/** Weights of the BFW target s = β₀·y + β₁·s₁ + β₂·s₂ (non-negative, summing to 1). */
export interface BiconjugateWeights {
  /** β₀: weight of the all-or-nothing flows y, in (0, 1]. */
  allOrNothing: number;
  /** β₁: weight of the previous target s₁, in [0, 1). */
  previousTarget: number;
  /** β₂: weight of the target before that, s₂, in [0, 1). */
  previousTarget2: number;
}

/**
 * BFW weights: μ = −Σ H·d̄₂·(y − x) / Σ H·d̄₂·(s₂ − s₁) and ν = −Σ H·d̄₁·(y − x) / Σ H·d̄₁·d̄₁ + μ·τ/(1 − τ), each
 * floored at 0 (and 0 on a zero or non-finite quotient), with d̄₁ = s₁ − x, d̄₂ = τ·s₁ + (1 − τ)·s₂ − x; then
 * β₀ = 1/(1 + μ + ν), β₁ = ν·β₀, β₂ = μ·β₀.
 *
 * Contract: arrays as {@link conjugateWeight}; `previousStepSize` τ in [0, 1) (τ = 1 means the previous step replaced
 * the solution: callers take a plain FW step instead). O(linkCount). Never throws.
 * @see Mitradjieva & Lindberg (2013), section 4 (BFW); AequilibraE `linear_approximation.py`
 *   `calculate_biconjugate_direction`.
 * @example
 * // H = 0 everywhere (no congestion information): μ = ν = 0 ⇒ plain FW
 * biconjugateWeights(zeros, x, s1, s2, y, 0.5) // { allOrNothing: 1, previousTarget: 0, previousTarget2: 0 }
 */
export function biconjugateWeights(
  hessian: Float64Array,
  flows: Float64Array,
  previousTarget: Float64Array,
  previousTarget2: Float64Array,
  allOrNothing: Float64Array,
  previousStepSize: number,
): BiconjugateWeights {
  const tau = previousStepSize;
  let muNumerator = 0;
  let muDenominator = 0;
  let nuNumerator = 0;
  let nuDenominator = 0;
  for (let i = 0; i < flows.length; i++) {
    const h = hessian[i];
    if (h === 0) continue;
    const x = flows[i];
    const s1 = previousTarget[i];
    const s2 = previousTarget2[i];
    const dFw = allOrNothing[i] - x;
    const d1 = s1 - x;
    const d2 = tau * s1 + (1 - tau) * s2 - x;
    muNumerator += h * d2 * dFw;
    muDenominator += h * d2 * (s2 - s1);
    nuNumerator += h * d1 * dFw;
    nuDenominator += h * d1 * d1;
  }
  let mu = muDenominator === 0 ? 0 : -muNumerator / muDenominator;
  if (!Number.isFinite(mu) || mu < 0) mu = 0;
  let nu = nuDenominator === 0 ? 0 : -nuNumerator / nuDenominator + (mu * tau) / (1 - tau);
  if (!Number.isFinite(nu) || nu < 0) nu = 0;
  const beta0 = 1 / (1 + mu + nu);
  return { allOrNothing: beta0, previousTarget: nu * beta0, previousTarget2: mu * beta0 };
}
