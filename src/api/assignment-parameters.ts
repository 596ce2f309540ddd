/**
 * The effective parameters of a traffic assignment: a caller's partial options completed with the defaults of
 * `src/defaults.ts`. The engine (src/engine/assign.ts, gravity.ts, road-link-table.ts) takes these complete objects
 * and checks them where it uses them; nothing here checks a value, so every error keeps its place and wording.
 * An option given as `undefined` (or `null`) takes its default, except inside `gravity`, whose given keys are laid
 * over the defaults as they are.
 */
import {
  ASSIGNMENT_TOP_LINK_COUNT,
  DEFAULT_ASSIGNMENT_ALGORITHM,
  DEFAULT_BPR_ALPHA,
  DEFAULT_BPR_BETA,
  DEFAULT_GRAVITY_CONSTRAINT,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_RELATIVE_GAP_TARGET,
  GRAVITY_BALANCING_TOLERANCE,
  GRAVITY_BETA_PER_MIN,
  GRAVITY_MAX_BALANCING_ITERATIONS,
  GRAVITY_TRIP_RATE_VEH_PER_HOUR_PER_PERSON,
} from "../defaults.ts";
import type { AssignmentAlgorithm, AssignParameters, RoadAssignmentParameters } from "../engine/assign.ts";
import type { GravityParameters } from "../engine/gravity.ts";
import type { RoadLinkTableParameters } from "../engine/road-link-table.ts";

/** Options of an assignment run; what is left out comes from `src/defaults.ts`. */
export interface AssignmentOptions {
  /** `fw`, `cfw` or `bfw`. Default `DEFAULT_ASSIGNMENT_ALGORITHM` (bfw). */
  algorithm?: AssignmentAlgorithm;
  /** Relative gap target, finite ≥ 0. Default `DEFAULT_RELATIVE_GAP_TARGET` (1e-4). */
  relativeGapTarget?: number;
  /** Iteration bound, integer ≥ 1. Default `DEFAULT_MAX_ITERATIONS` (250). */
  maxIterations?: number;
}

/** Options of a road link table; what is left out comes from `src/defaults.ts`. */
export interface RoadLinkTableOptions {
  /** BPR alpha of road links, finite ≥ 0. Default `DEFAULT_BPR_ALPHA` (0.15). */
  alpha?: number;
  /** BPR beta of road links, finite ≥ 0. Default `DEFAULT_BPR_BETA` (4). */
  beta?: number;
  /** Paths may not pass through centroids. Default true (only `false` turns it off). */
  blockCentroidFlows?: boolean;
}

/** Options of a road assignment; what is left out comes from `src/defaults.ts`. */
export interface RoadAssignmentOptions extends AssignmentOptions, RoadLinkTableOptions {
  /** Gravity parameters laid over `DEFAULT_GRAVITY_PARAMETERS`; used only when no fixed demand is given. */
  gravity?: Partial<GravityParameters>;
  /** How many links to list in `topCongestedLinks`, integer ≥ 0. Default `ASSIGNMENT_TOP_LINK_COUNT` (10). */
  topLinkCount?: number;
}

/** The default gravity parameters (`GRAVITY_*` and `DEFAULT_GRAVITY_CONSTRAINT` of `src/defaults.ts`). */
export const DEFAULT_GRAVITY_PARAMETERS: Readonly<GravityParameters> = {
  constraint: DEFAULT_GRAVITY_CONSTRAINT,
  tripRateVehPerHourPerPerson: GRAVITY_TRIP_RATE_VEH_PER_HOUR_PER_PERSON,
  betaPerMin: GRAVITY_BETA_PER_MIN,
  balancingTolerance: GRAVITY_BALANCING_TOLERANCE,
  maxBalancingIterations: GRAVITY_MAX_BALANCING_ITERATIONS,
};

/**
 * The effective assignment parameters: each given option, else its default.
 * @returns `{ algorithm, relativeGapTarget, maxIterations }` in that key order (unchecked: `assignLinkTable` checks)
 * @example resolveAssignParameters({ maxIterations: 500 }) // { algorithm: "bfw", relativeGapTarget: 1e-4, maxIterations: 500 }
 */
export function resolveAssignParameters(options: AssignmentOptions = {}): AssignParameters {
  return {
    algorithm: options.algorithm ?? DEFAULT_ASSIGNMENT_ALGORITHM,
    relativeGapTarget: options.relativeGapTarget ?? DEFAULT_RELATIVE_GAP_TARGET,
    maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
  };
}

/**
 * The effective road link table parameters: each given option, else its default.
 * @example resolveRoadLinkTableParameters({}) // { alpha: 0.15, beta: 4, blockCentroidFlows: true }
 */
export function resolveRoadLinkTableParameters(options: RoadLinkTableOptions = {}): RoadLinkTableParameters {
  return {
    alpha: options.alpha ?? DEFAULT_BPR_ALPHA,
    beta: options.beta ?? DEFAULT_BPR_BETA,
    blockCentroidFlows: options.blockCentroidFlows !== false,
  };
}

/**
 * The effective gravity parameters: the given ones laid over {@link DEFAULT_GRAVITY_PARAMETERS} (a key given as
 * `undefined` stays undefined, and the gravity model then refuses it).
 * @example resolveGravityParameters({ betaPerMin: 0.02 }).tripRateVehPerHourPerPerson // 0.0004
 */
export function resolveGravityParameters(parameters: Partial<GravityParameters> = {}): GravityParameters {
  return { ...DEFAULT_GRAVITY_PARAMETERS, ...parameters };
}

/**
 * The effective parameters of a road assignment (`assignRoad` of src/engine/assign.ts): assignment, road link
 * table, gravity and `topLinkCount`, each given option else its default. Nothing is checked here: `assignRoad`
 * checks them at its start, in one place.
 * @example resolveRoadAssignmentParameters({}).topLinkCount // 10
 * @example resolveRoadAssignmentParameters({ alpha: 0.5 }).table // { alpha: 0.5, beta: 4, blockCentroidFlows: true }
 */
export function resolveRoadAssignmentParameters(options: RoadAssignmentOptions = {}): RoadAssignmentParameters {
  return {
    assignment: resolveAssignParameters(options),
    table: resolveRoadLinkTableParameters(options),
    gravity: resolveGravityParameters(options.gravity ?? {}),
    topLinkCount: options.topLinkCount ?? ASSIGNMENT_TOP_LINK_COUNT,
  };
}
