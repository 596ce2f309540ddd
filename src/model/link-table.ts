/**
 * Assignment link tables: the id-keyed road network shape that traffic assignment loads (from a scenario's road layer,
 * a TNTP folder or GMNS files), defined once here so io readers and the engine share it.
 */

/** One link of a {@link LinkTable}. */
export interface LinkTableLink {
  /** Unique link id. */
  id: string;
  fromNodeId: string;
  toNodeId: string;
  /** Free-flow time t0, minutes, finite ≥ 0. */
  freeFlowTimeMin: number;
  /** Capacity, veh/h, > 0; `Infinity` = uncongested (e.g. a centroid connector). */
  capacityVehPerHour: number;
  /** BPR alpha, finite ≥ 0. */
  alpha: number;
  /** BPR beta, finite ≥ 0 (0 = constant cost t0 · (1 + alpha)). */
  beta: number;
  /** Flow-independent generalised cost added to the time (tolls, distance), minutes, finite ≥ 0. */
  fixedCostMin: number;
  /** True = closed: carries no flow. */
  closed?: boolean;
}

/** A network for assignment, keyed by ids. */
export interface LinkTable {
  /** Name for reports (network or file name). */
  name: string;
  /** Every node id (unique); order = node index. */
  nodeIds: readonly string[];
  /** Node id of each zone; order = OD matrix order. */
  zoneNodeIds: readonly string[];
  /** Nodes that paths may start or end at but never pass through (blockCentroidFlows / TNTP FIRST THRU NODE). */
  blockedNodeIds: readonly string[];
  links: readonly LinkTableLink[];
  /** File the table came from, for error messages (optional). */
  file?: string;
}
