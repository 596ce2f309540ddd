/**
 * Relative gap of a traffic assignment: how far total travel cost is above what it would be if every trip took a
 * least-cost path at the current link costs (the convergence measure of user-equilibrium assignment).
 */

/**
 * Relative gap, (Σₐ vₐ·cₐ − Σ_od D_od·π_od) / Σₐ vₐ·cₐ, where vₐ and cₐ are link flows and generalised costs and π_od
 * the least OD cost at those costs.
 *
 * Contract
 * - totalCost = Σ vₐ·cₐ ≥ 0 and shortestPathCost = Σ D·π ≥ 0, both in veh/h × minutes (any one consistent unit).
 * - Result ≥ 0 up to rounding (a least-cost loading never costs more than the current one), 0 at equilibrium.
 *   Returns 0 when totalCost is 0 (no demand, or only zero-cost paths: nothing left to improve); tiny negative
 *   values from rounding are returned as computed, not clamped.
 * Never throws.
 * @see AequilibraE documentation, "Multi-class equilibrium" (RelGap); Boyce, Ralevic-Dekic & Bar-Gera (2004),
 *   "Convergence of traffic assignments: how much is enough?", J. Transp. Eng. 130(1), 49–55.
 * @example relativeGap(1000, 990) // 0.01
 * @example relativeGap(0, 0) // 0
 */
export function relativeGap(totalCost: number, shortestPathCost: number): number {
  if (totalCost === 0) return 0;
  return (totalCost - shortestPathCost) / totalCost;
}
