/**
 * Static user-equilibrium traffic assignment: one Frank-Wolfe-type loop in which Frank-Wolfe (FW), conjugate FW (CFW)
 * and bi-conjugate FW (BFW) differ only by their direction rule; returns flows, costs and the convergence trace as data.
 *
 * The loop (iteration k = 1, 2, …; each row of the trace describes the solution xₖ):
 * 1. x₁ = all-or-nothing at free-flow costs (step size 1). For k > 1, xₖ = xₖ₋₁ + λ·(s − xₖ₋₁).
 * 2. Costs c(xₖ) by BPR + fixed costs; an AoN at c(xₖ) gives y and the least OD costs; relative gap
 *    (Σ x·c − Σ D·π) / Σ x·c; Beckmann objective. Row k = { iteration, relativeGap, stepSize, objective, direction }.
 * 3. Stop when relativeGap ≤ relativeGapTarget (converged) or k = maxIterations (not converged: a result, not an
 *    error). Otherwise choose the target s (FW: y; CFW/BFW: directions.ts) and the exact step λ (line-search.ts).
 * The y of step 2 serves both as the gap's least-cost loading and the next FW target, so iteration k costs k + 1
 * AoN loadings in total. Resets follow AequilibraE: after a full step (λ = 1, which also covers x₁) the next
 * direction is plain FW, BFW needs one CFW step before it, and a conjugate direction that is not a descent
 * direction (line search returns 0) is replaced by FW in the same iteration (warning in the row).
 *
 * Demand handling: intrazonal demand (origin = destination zone) is not loaded (it uses no link) and is reported;
 * demand to an unreachable destination is found by the first AoN, reported by count, volume and pair, and excluded
 * from every later loading (reachability does not change with flow: BPR costs stay finite).
 *
 * Convergence is validated on Sioux Falls against the best-known solution (test/algorithms/assignment); iteration
 * counts of FW, CFW and BFW and the study of BFW's iteration count are in bench/README.md (bench/assignment.ts).
 * @see AequilibraE `paths/linear_approximation.py` (one loop, algorithms differ by direction and step);
 *   Mitradjieva & Lindberg (2013), Transportation Science 47(2) 280–293 (CFW, BFW);
 *   LeBlanc, Morlok & Pierskalla (1975), Transportation Research 9, 309–318 (FW on Sioux Falls).
 */
import { UsageError } from "../../errors.ts";
import { bprDerivatives, bprTimesMin } from "../vdf/bpr.ts";
import { createAllOrNothing } from "./all-or-nothing.ts";
import { writeLinkCosts, type AssignmentNetwork } from "./assignment-network.ts";
import { beckmannObjective } from "./beckmann-objective.ts";
import { biconjugateWeights, conjugateWeight } from "./directions.ts";
import { lineSearchStepSize } from "./line-search.ts";
import { relativeGap } from "./relative-gap.ts";

export { ASSIGNMENT_ALGORITHMS, type AssignmentAlgorithm } from "./algorithm-names.ts";
import { ASSIGNMENT_ALGORITHMS, type AssignmentAlgorithm } from "./algorithm-names.ts";

/** Options of {@link solveUserEquilibrium}: all required (defaults are applied by the engine, from src/defaults.ts). */
export interface EquilibriumOptions {
  algorithm: AssignmentAlgorithm;
  /** Stop when the relative gap is ≤ this, dimensionless, finite ≥ 0 (0 = run to maxIterations unless exact). */
  relativeGapTarget: number;
  /** Most iterations (solutions evaluated), integer ≥ 1. */
  maxIterations: number;
}

/** Which direction produced a solution. */
export type DirectionKind = "all-or-nothing" | "fw" | "cfw" | "bfw";

/** One row of the convergence trace: the solution after iteration `iteration`. */
export interface ConvergenceRow {
  /** 1-based iteration number. */
  iteration: number;
  /** Relative gap of this solution, dimensionless (≥ 0 up to rounding). */
  relativeGap: number;
  /** Step size λ that produced this solution, in [0, 1] (1 for the first, all-or-nothing solution). */
  stepSize: number;
  /** Beckmann objective of this solution, veh/h × minutes. */
  objective: number;
  /** Direction rule used for the step that produced this solution. */
  direction: DirectionKind;
  /** Problems met in this iteration (e.g. a conjugate direction replaced by FW); empty when none. */
  warnings: string[];
}

/** Demand accounting of a run (veh/h). */
export interface DemandSummary {
  /** Σ of the OD matrix, veh/h. */
  totalVehPerHour: number;
  /** Demand loaded onto links, veh/h (= total − intrazonal − unreachable). */
  assignedVehPerHour: number;
  /** Demand with origin zone = destination zone (not loaded), veh/h. */
  intrazonalVehPerHour: number;
  /** Demand to destinations that cannot be reached, veh/h. */
  unreachableVehPerHour: number;
  /** Number of OD pairs with demand > 0 that cannot be reached. */
  unreachablePairCount: number;
  /** Int32Array: flat OD indexes (origin × zoneCount + destination) of the unreachable pairs, ascending. */
  unreachablePairs: Int32Array;
}

/** Result of {@link solveUserEquilibrium}. Arrays have length linkCount, indexed by link index. */
export interface EquilibriumResult {
  /** Link flows of the last solution, veh/h. */
  linkFlowVehPerHour: Float64Array;
  /** BPR congested time at those flows, minutes. */
  congestedTimeMin: Float64Array;
  /** Generalised cost = congested time + fixed cost, minutes. */
  linkCostMin: Float64Array;
  /** One row per iteration. */
  convergence: ConvergenceRow[];
  /** True when the last relative gap is ≤ relativeGapTarget. */
  converged: boolean;
  /** Number of iterations run (= convergence.length). */
  iterations: number;
  /** Relative gap of the last solution. */
  relativeGap: number;
  /** Beckmann objective of the last solution, veh/h × minutes. */
  objective: number;
  /** Σ flow × generalised cost of the last solution, veh/h × minutes. */
  totalCost: number;
  /** Σ demand × least OD cost at the last costs, veh/h × minutes. */
  shortestPathCost: number;
  demand: DemandSummary;
}

/**
 * Solves static user-equilibrium assignment with BPR links by FW, CFW or BFW (module header: the loop).
 *
 * Contract
 * - `network` from createAssignmentNetwork (its CSR costs are overwritten; its closed mask is honoured).
 * - `demandVehPerHour`: Float64Array(z × z), row = origin zone, veh/h, finite ≥ 0.
 * - Deterministic: the same inputs give byte-identical outputs (fixed summation orders; Dijkstra ties by index).
 * - An empty OD matrix gives zero flows and `converged: true` after one iteration.
 * @throws UsageError code `invalid-option` for an unknown algorithm, a relativeGapTarget that is not finite ≥ 0, or
 *   maxIterations not an integer ≥ 1; code `invalid-demand` (naming the flat index) for a demand entry that is not
 *   finite ≥ 0, `invalid-argument` for a matrix of the wrong length.
 * @example
 * // two parallel links A → B: t = 10·(1 + 0.15·(v/1000)^4) and t = 20; 2000 veh/h
 * solveUserEquilibrium(net, Float64Array.of(0, 2000, 0, 0), { algorithm: "bfw", relativeGapTarget: 1e-6, maxIterations: 100 })
 * // flows ≈ [1606.86, 393.14]: 10·(1 + 0.15·1.60686⁴) = 20
 */
export function solveUserEquilibrium(network: AssignmentNetwork, demandVehPerHour: Float64Array, options: EquilibriumOptions): EquilibriumResult {
  const { algorithm, relativeGapTarget, maxIterations } = options;
  if (!(ASSIGNMENT_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new UsageError(`algorithm must be one of ${ASSIGNMENT_ALGORITHMS.join(", ")} (got ${String(algorithm)})`, "invalid-option");
  }
  if (typeof relativeGapTarget !== "number" || !Number.isFinite(relativeGapTarget) || relativeGapTarget < 0) {
    throw new UsageError(`relativeGapTarget must be a finite number ≥ 0 (got ${String(relativeGapTarget)})`, "invalid-option");
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new UsageError(`maxIterations must be an integer ≥ 1 (got ${String(maxIterations)})`, "invalid-option");
  }
  const z = network.zoneCount;
  if (demandVehPerHour.length !== z * z) {
    throw new UsageError(`demand must have length zoneCount² = ${z * z} (got ${demandVehPerHour.length})`, "invalid-argument");
  }
  let totalVehPerHour = 0;
  let intrazonalVehPerHour = 0;
  for (let i = 0; i < demandVehPerHour.length; i++) {
    const v = demandVehPerHour[i];
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new UsageError(`demand[${i}] (origin ${Math.floor(i / z)}, destination ${i % z}) = ${v}; expected a finite number ≥ 0`, "invalid-demand");
    }
    totalVehPerHour += v;
    if (Math.floor(i / z) === i % z) intrazonalVehPerHour += v;
  }

  const m = network.linkCount;
  const aon = createAllOrNothing(network);
  const flows = new Float64Array(m);
  const aonFlows = new Float64Array(m);
  const target = new Float64Array(m);
  let previousTarget = new Float64Array(m);
  let previousTarget2 = new Float64Array(m);
  const times = new Float64Array(m);
  const costs = new Float64Array(m);
  const hessian = new Float64Array(m);
  const { freeFlowTimeMin, capacityVehPerHour, alpha, beta, fixedCostMin } = network;

  const updateCosts = (): void => {
    bprTimesMin(times, freeFlowTimeMin, flows, capacityVehPerHour, alpha, beta);
    for (let i = 0; i < m; i++) costs[i] = times[i] + fixedCostMin[i];
    writeLinkCosts(network.csr, costs);
  };

  // Iteration 1: AoN at free-flow costs (the CSR was built with them), which also finds unreachable pairs.
  const unreachableMask = new Uint8Array(z * z);
  const first = aon.load(demandVehPerHour, flows, unreachableMask);
  const unreachablePairs: number[] = [];
  let demand = demandVehPerHour;
  if (first.unreachablePairCount > 0) {
    demand = Float64Array.from(demandVehPerHour);
    for (let i = 0; i < unreachableMask.length; i++) {
      if (unreachableMask[i] !== 0) {
        unreachablePairs.push(i);
        demand[i] = 0;
      }
    }
  }

  const convergence: ConvergenceRow[] = [];
  let stepSize = 1;
  let direction: DirectionKind = "all-or-nothing";
  let warnings: string[] = [];
  let conjugateSteps = 0; // consecutive usable previous targets (0: next step is FW; 1: CFW possible; ≥ 2: BFW possible)
  let converged = false;
  let gap = 0;
  let objective = 0;
  let totalCost = 0;
  let shortestPathCost = 0;
  for (let iteration = 1; ; iteration++) {
    updateCosts();
    const loading = aon.load(demand, aonFlows);
    shortestPathCost = loading.shortestPathCost;
    totalCost = 0;
    for (let i = 0; i < m; i++) totalCost += flows[i] * costs[i];
    gap = relativeGap(totalCost, shortestPathCost);
    objective = beckmannObjective(flows, network);
    convergence.push({ iteration, relativeGap: gap, stepSize, objective, direction, warnings });
    if (gap <= relativeGapTarget) {
      converged = true;
      break;
    }
    if (iteration >= maxIterations) break;

    warnings = [];
    if (stepSize === 1) conjugateSteps = 0;
    let kind: DirectionKind = "fw";
    if (algorithm !== "fw" && conjugateSteps >= 1) {
      bprDerivatives(hessian, freeFlowTimeMin, flows, capacityVehPerHour, alpha, beta);
      if (algorithm === "bfw" && conjugateSteps >= 2) {
        const w = biconjugateWeights(hessian, flows, previousTarget, previousTarget2, aonFlows, stepSize);
        for (let i = 0; i < m; i++) {
          target[i] = w.allOrNothing * aonFlows[i] + w.previousTarget * previousTarget[i] + w.previousTarget2 * previousTarget2[i];
        }
        kind = "bfw";
      } else {
        const a = conjugateWeight(hessian, flows, previousTarget, aonFlows);
        for (let i = 0; i < m; i++) target[i] = a * previousTarget[i] + (1 - a) * aonFlows[i];
        kind = "cfw";
      }
    } else {
      target.set(aonFlows);
    }
    let step = lineSearchStepSize(network, flows, target);
    if (step === 0 && kind !== "fw") {
      warnings.push(`${kind} direction is not a descent direction; replaced by a Frank-Wolfe step`);
      kind = "fw";
      conjugateSteps = 0;
      target.set(aonFlows);
      step = lineSearchStepSize(network, flows, target);
    }
    if (step === 0) warnings.push("line search returned step size 0 (no descent along the Frank-Wolfe direction)");
    for (let i = 0; i < m; i++) flows[i] += step * (target[i] - flows[i]);
    // Keep the last two targets: swap buffers instead of copying.
    const spare = previousTarget2;
    previousTarget2 = previousTarget;
    previousTarget = spare;
    previousTarget.set(target);
    conjugateSteps = kind === "fw" ? 1 : conjugateSteps + 1;
    stepSize = step;
    direction = kind;
  }

  return {
    linkFlowVehPerHour: flows,
    congestedTimeMin: times,
    linkCostMin: costs,
    convergence,
    converged,
    iterations: convergence.length,
    relativeGap: gap,
    objective,
    totalCost,
    shortestPathCost,
    demand: {
      totalVehPerHour,
      assignedVehPerHour: first.loadedVehPerHour,
      intrazonalVehPerHour,
      unreachableVehPerHour: first.unreachableVehPerHour,
      unreachablePairCount: first.unreachablePairCount,
      unreachablePairs: Int32Array.from(unreachablePairs),
    },
  };
}
