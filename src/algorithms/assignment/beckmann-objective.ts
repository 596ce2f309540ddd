/**
 * The Beckmann objective of static user-equilibrium assignment with BPR links: the function whose minimum over
 * feasible flows is the user equilibrium, reported per iteration in the convergence trace.
 */
import { bprIntegral } from "../vdf/bpr.ts";
import type { BprLinks } from "./assignment-network.ts";

/**
 * Beckmann objective Σₐ ∫₀^vₐ cₐ(x) dx with cₐ(x) = BPR time + fixed cost, i.e.
 * Σₐ [t0ₐ·vₐ·(1 + alphaₐ·(vₐ/cₐ)^betaₐ / (betaₐ + 1)) + fixedₐ·vₐ].
 *
 * Contract
 * - `flowVehPerHour`: Float64Array(linkCount), link index, veh/h ≥ 0; `links`: the BPR arrays (same index).
 * - Result in veh/h × minutes, ≥ 0; O(linkCount); summed in link-index order (deterministic).
 * Never throws (inputs validated by createAssignmentNetwork).
 * @see M. Beckmann, C. B. McGuire, C. B. Winsten (1956), Studies in the Economics of Transportation.
 * @example beckmannObjective(Float64Array.of(1000), links) // 10300 for t0 10, c 1000, alpha 0.15, beta 4, no fixed cost
 */
export function beckmannObjective(flowVehPerHour: Float64Array, links: BprLinks): number {
  const { freeFlowTimeMin, capacityVehPerHour, alpha, beta, fixedCostMin } = links;
  let sum = 0;
  for (let i = 0; i < flowVehPerHour.length; i++) {
    const v = flowVehPerHour[i];
    if (v === 0) continue;
    sum += bprIntegral(freeFlowTimeMin[i], v, capacityVehPerHour[i], alpha[i], beta[i]) + fixedCostMin[i] * v;
  }
  return sum;
}
