/**
 * An assignment run as data: link flows, the convergence trace and the demand accounting of one static user-equilibrium
 * assignment (the engine's result, and what the assignment report formats as tables and CSV). Plain JSON-safe data.
 */

/** Assigned state of one link. Uncongested links (infinite capacity) have `capacityVehPerHour` and `vcRatio` null. */
export interface LinkFlow {
  linkId: string;
  fromNodeId: string;
  toNodeId: string;
  /** veh/h ≥ 0. */
  flowVehPerHour: number;
  /** veh/h, or null for an uncongested link. */
  capacityVehPerHour: number | null;
  /** flow / capacity, or null for an uncongested link. */
  vcRatio: number | null;
  /** Minutes. */
  freeFlowTimeMin: number;
  /** BPR time at the flow, minutes. */
  congestedTimeMin: number;
  /** Generalised cost = congested time + fixed cost, minutes. */
  costMin: number;
}

/** An OD pair whose destination cannot be reached, with its demand. */
export interface UnreachableDemand {
  originZoneId: string;
  destinationZoneId: string;
  demandVehPerHour: number;
}

/** Result of {@link assignLinkTable}: id-keyed, JSON-safe. */
export interface AssignmentRun {
  name: string;
  /** The effective parameters: algorithm (`fw`, `cfw` or `bfw`), relative gap target (≥ 0), iteration bound (≥ 1). */
  parameters: { algorithm: string; relativeGapTarget: number; maxIterations: number };
  converged: boolean;
  iterations: number;
  relativeGap: number;
  /** Beckmann objective, veh/h × minutes. */
  objective: number;
  /** Σ flow × generalised cost, veh/h × minutes. */
  totalCost: number;
  /** Per-iteration trace: relative gap, step size λ, Beckmann objective (veh/h × min) and direction of each solution. */
  convergence: { iteration: number; relativeGap: number; stepSize: number; objective: number; direction: string; warnings: string[] }[];
  /** One entry per link, in table order. */
  links: LinkFlow[];
  demand: {
    totalVehPerHour: number;
    assignedVehPerHour: number;
    intrazonalVehPerHour: number;
    unreachableVehPerHour: number;
    unreachablePairCount: number;
    /** Every unreachable pair, origin-major in zone order. */
    unreachablePairs: UnreachableDemand[];
  };
  /** Σ flow × congested time / 60 over all links, vehicle-hours per hour. */
  vehicleHours: number;
  /** Σ flow × free-flow time / 60, vehicle-hours per hour (the same flows at zero congestion). */
  freeFlowVehicleHours: number;
}
