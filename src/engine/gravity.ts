/**
 * Gravity model of inter-city road demand: an OD matrix of vehicles per hour between zones from their population and
 * the road travel time between them, doubly constrained (Furness balancing) or production constrained.
 *
 * Functional form (Ortúzar & Willumsen, Modelling Transport, 4th ed. 2011, §5.2–5.4):
 *   T_ij = A_i · O_i · B_j · D_j · f(c_ij),  f(c) = exp(−β·c),  i ≠ j (no intrazonal trips: the model is inter-city),
 * with productions O_i = rate × population_i and, doubly constrained, attractions D_j = rate × population_j
 * (symmetric: every city generates and attracts in proportion to its residents); A_i = 1 / Σ_j B_j D_j f_ij and
 * B_j = 1 / Σ_i A_i O_i f_ij are found by Furness (bi-proportional) iteration. Production constrained: B_j = 1 and
 * attraction weights W_j = population_j, T_ij = O_i · W_j f_ij / Σ_k W_k f_ik. The model takes every parameter given
 * (their defaults and basis are in src/defaults.ts, GRAVITY_*, applied by src/api/assignment-parameters.ts).
 * Costs: free-flow road times (minutes) from the road layer with centroid connectors; a pair the road layer cannot
 * connect gets a fallback time from the great-circle distance and the network's road assumptions (engine/assign.ts),
 * so its trips are generated and the assignment reports them as unreachable instead of the model dropping them.
 * @see J. de D. Ortúzar, L. G. Willumsen (2011), Modelling Transport, 4th ed., Wiley, ch. 5 (trip distribution).
 * @see G. M. Hyman (1969), "The calibration of trip distribution models", Environment and Planning 1(1), 105–112.
 */
import { UsageError } from "../errors.ts";

/** Gravity model parameters, all given (defaults in src/defaults.ts, applied by the library API). */
export interface GravityParameters {
  /** `doubly` (Furness) or `production` constrained. */
  constraint: "doubly" | "production";
  /** Trips generated per resident in the hour, veh/h per person, finite ≥ 0. */
  tripRateVehPerHourPerPerson: number;
  /** Exponential deterrence parameter β, per minute, finite ≥ 0 (0 = distance plays no role). */
  betaPerMin: number;
  /** Furness stops when all row/column totals are within this relative error, > 0. */
  balancingTolerance: number;
  /** Most Furness iterations, integer ≥ 1. */
  maxBalancingIterations: number;
}

/** Result of {@link gravityModel}. */
export interface GravityResult {
  /** Float64Array(z × z), row = origin zone, veh/h; 0 on the diagonal. */
  demandVehPerHour: Float64Array;
  /** Float64Array(z): trips generated per zone, veh/h (rate × population). */
  productionsVehPerHour: Float64Array;
  /** Float64Array(z): trips attracted per zone, veh/h (doubly: rate × population; production: as modelled). */
  attractionsVehPerHour: Float64Array;
  /** Furness iterations run (0 for the production-constrained model). */
  balancingIterations: number;
  /** False when Furness stopped at maxBalancingIterations above the tolerance (a result, not an error). */
  balanced: boolean;
  /** Largest relative row/column total error at the end, dimensionless. */
  balancingError: number;
  /** The effective parameters. */
  parameters: GravityParameters;
}

/**
 * Checks gravity parameters: the one check of each, in declaration order.
 * @throws UsageError code `invalid-option` naming the first bad parameter (non-number, NaN, negative, unknown
 *   constraint), e.g. `gravity.betaPerMin must be a finite number ≥ 0 (got -1)`.
 * @example checkGravityParameters({ ...parameters, betaPerMin: -1 }) // throws UsageError invalid-option
 */
export function checkGravityParameters(p: GravityParameters): void {
  const check = (name: keyof GravityParameters, ok: boolean, expected: string) => {
    if (!ok) throw new UsageError(`gravity.${name} must be ${expected} (got ${JSON.stringify(p[name])})`, "invalid-option");
  };
  check("constraint", p.constraint === "doubly" || p.constraint === "production", `"doubly" or "production"`);
  check("tripRateVehPerHourPerPerson", typeof p.tripRateVehPerHourPerPerson === "number" && Number.isFinite(p.tripRateVehPerHourPerPerson) && p.tripRateVehPerHourPerPerson >= 0, "a finite number ≥ 0");
  check("betaPerMin", typeof p.betaPerMin === "number" && Number.isFinite(p.betaPerMin) && p.betaPerMin >= 0, "a finite number ≥ 0");
  check("balancingTolerance", typeof p.balancingTolerance === "number" && p.balancingTolerance > 0 && Number.isFinite(p.balancingTolerance), "a finite number > 0");
  check("maxBalancingIterations", Number.isInteger(p.maxBalancingIterations) && p.maxBalancingIterations >= 1, "an integer ≥ 1");
}

/**
 * Gravity model OD matrix from zone populations and zone-to-zone costs (module header: the form).
 *
 * Contract
 * - `populationPersons`: length z, persons, finite ≥ 0. `costMin`: Float64Array(z × z), row = origin, minutes,
 *   finite ≥ 0 off the diagonal (the diagonal is ignored; use a fallback for unreachable pairs — an `Infinity` cost
 *   gives f = 0, i.e. no trips, and a zone with f = 0 to every other zone gets no trips at all).
 * - Σ_j T_ij = O_i for every zone with some f_ij > 0 (both models); doubly constrained also Σ_i T_ij = D_j within the
 *   tolerance when the marginals are consistent (they are: O = D here).
 * - Deterministic: sums in index order; O(iterations × z²).
 * - `parameters`: every one given ({@link checkGravityParameters} checks them first); recorded in the result.
 * @throws UsageError code `invalid-argument` (lengths, a negative/NaN population or a negative/NaN cost),
 *   `invalid-option` (parameters, {@link checkGravityParameters}).
 * @see Ortúzar & Willumsen (2011), Modelling Transport, §5.4 (doubly constrained model, Furness method).
 * @example
 * // two zones of 1,000 and 3,000 people, 60 min apart, rate 0.01 veh/h per person: O = D = [10, 30]; with only one
 * // other zone each, every trip goes there: T₁₂ = 10, T₂₁ = 30 (production constrained); doubly constrained cannot
 * // satisfy both (T₁₂ must be 10 and 30) and stops unbalanced.
 * const parameters = { constraint: "production", tripRateVehPerHourPerPerson: 0.01, betaPerMin: 0.01, balancingTolerance: 1e-10, maxBalancingIterations: 1000 } as const;
 * gravityModel([1000, 3000], Float64Array.of(0, 60, 60, 0), parameters).demandVehPerHour // ≈ Float64Array [0, 10, 30, 0]
 */
export function gravityModel(populationPersons: ArrayLike<number>, costMin: Float64Array, parameters: GravityParameters): GravityResult {
  checkGravityParameters(parameters);
  const p: GravityParameters = { ...parameters };
  const z = populationPersons.length;
  if (costMin.length !== z * z) throw new UsageError(`costMin must have length z² = ${z * z} (got ${costMin.length})`, "invalid-argument");
  for (let i = 0; i < z; i++) {
    const pop = populationPersons[i];
    if (!(Number.isFinite(pop) && pop >= 0)) throw new UsageError(`populationPersons[${i}] = ${pop}; expected a finite number ≥ 0`, "invalid-argument");
  }
  const f = new Float64Array(z * z);
  for (let i = 0; i < z; i++) {
    for (let j = 0; j < z; j++) {
      if (i === j) continue;
      const c = costMin[i * z + j];
      if (!(c >= 0)) throw new UsageError(`costMin[${i * z + j}] = ${c}; expected a number ≥ 0 or Infinity`, "invalid-argument");
      f[i * z + j] = Math.exp(-p.betaPerMin * c);
    }
  }
  const productions = Float64Array.from({ length: z }, (_, i) => p.tripRateVehPerHourPerPerson * populationPersons[i]);
  const demand = new Float64Array(z * z);
  if (p.constraint === "production") {
    for (let i = 0; i < z; i++) {
      let denominator = 0;
      for (let k = 0; k < z; k++) denominator += populationPersons[k] * f[i * z + k];
      if (denominator === 0) continue;
      for (let j = 0; j < z; j++) demand[i * z + j] = (productions[i] * populationPersons[j] * f[i * z + j]) / denominator;
    }
    const attractions = new Float64Array(z);
    for (let i = 0; i < z; i++) for (let j = 0; j < z; j++) attractions[j] += demand[i * z + j];
    return { demandVehPerHour: demand, productionsVehPerHour: productions, attractionsVehPerHour: attractions, balancingIterations: 0, balanced: true, balancingError: 0, parameters: p };
  }

  const attractions = Float64Array.from(productions);
  const a = new Float64Array(z).fill(1);
  const b = new Float64Array(z).fill(1);
  let iterations = 0;
  let error = Infinity;
  while (iterations < p.maxBalancingIterations) {
    iterations++;
    for (let i = 0; i < z; i++) {
      let s = 0;
      for (let j = 0; j < z; j++) s += b[j] * attractions[j] * f[i * z + j];
      a[i] = s > 0 ? 1 / s : 0;
    }
    for (let j = 0; j < z; j++) {
      let s = 0;
      for (let i = 0; i < z; i++) s += a[i] * productions[i] * f[i * z + j];
      b[j] = s > 0 ? 1 / s : 0;
    }
    // After the column step columns are exact; the row error measures convergence.
    error = 0;
    for (let i = 0; i < z; i++) {
      if (productions[i] === 0 || a[i] === 0) continue;
      let s = 0;
      for (let j = 0; j < z; j++) s += a[i] * productions[i] * b[j] * attractions[j] * f[i * z + j];
      error = Math.max(error, Math.abs(s - productions[i]) / productions[i]);
    }
    if (error <= p.balancingTolerance) break;
  }
  for (let i = 0; i < z; i++) {
    for (let j = 0; j < z; j++) demand[i * z + j] = a[i] * productions[i] * b[j] * attractions[j] * f[i * z + j];
  }
  return {
    demandVehPerHour: demand,
    productionsVehPerHour: productions,
    attractionsVehPerHour: attractions,
    balancingIterations: iterations,
    balanced: error <= p.balancingTolerance,
    balancingError: error,
    parameters: p,
  };
}
