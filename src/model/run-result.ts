/**
 * Run results: the plain-data document of one scenario's analysis (isochrones, city reachability, connectivity,
 * capacity, road assignment) that `deltanet run --format json` writes, the report layer formats and compares, and a
 * saved run is read back into. Every type here is the inferred type of its zod schema, so the document is defined
 * once: what the engine returns is what a saved run is checked against.
 *
 * Reading a saved run (io/run-result-file.ts): the document is machine-written but may be old, hand-edited or
 * truncated, and the check rules read its numbers, so counts, populations, times and capacities must be finite and
 * ≥ 0 and hashes 64 hex characters. Unknown keys are dropped, not refused: a newer deltanet may add fields. The keys
 * of every schema stand in the order the engine writes them, so a saved run reads back to the same JSON text.
 */
import { z } from "zod";
import { INFRASTRUCTURE_LAYERS, LAYERS, type Layer } from "./network.ts";

/** Version of the JSON documents written by `deltanet run|compare --format json` (see README "JSON output"). */
export const RESULT_SCHEMA_VERSION = 1;

const nonNegative = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex characters (sha256)");
const layer = z.enum(LAYERS as readonly Layer[] as [Layer, ...Layer[]]);
const infrastructureLayer = z.enum(INFRASTRUCTURE_LAYERS as readonly Exclude<Layer, "access">[] as [Exclude<Layer, "access">, ...Exclude<Layer, "access">[]]);
const capacityUnit = z.enum(["veh/h", "MW", "trains/day"]);

/** Zod schema of a node selector of a capacity query (all given fields must match). */
export const nodeSelectorSchema = z.object({
  /** City adcodes (zone ids), e.g. ["310100"]. */
  zoneIds: z.array(z.string()).optional(),
  /** Provinces (English), e.g. ["Anhui"]. */
  provinces: z.array(z.string()).optional(),
  /** Bank of the Yangtze (node attribute `yangtzeBank`). */
  yangtzeBank: z.enum(["north", "south"]).optional(),
});

/** Zod schema of a capacity query as a run records it (`parameters.capacityQueries`). */
export const capacityQuerySchema = z.object({
  id: z.string(),
  label: z.string(),
  layer: infrastructureLayer,
  capacityAttribute: z.enum(["capacityVehPerHour", "capacityMw", "trainsPerDay"]),
  unit: capacityUnit,
  from: nodeSelectorSchema,
  to: nodeSelectorSchema,
});

const issueSchema = z.object({
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  path: z.string().optional(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(["error", "warning"]).optional(),
});

/** Reach of one origin city within one cutoff. Counts include the origin itself. */
export const reachAtCutoffSchema = z.object({
  /** Cutoff, minutes (> 0), inclusive: a node at exactly cutoffMin is inside. */
  cutoffMin: z.number().finite().positive(),
  /** Nodes of the passenger network (stations, road nodes, centroids) reached within the cutoff, incl. the origin. */
  nodesReached: count,
  /** Cities (zone centroids) reached within the cutoff, incl. the origin city. */
  citiesReached: count,
  /** Resident population (2020 census) of those cities, persons, incl. the origin city. */
  populationReachedPersons: nonNegative,
});

/** Commute isochrone summary of one city: one entry per cutoff, ascending. */
export const cityIsochroneSchema = z.object({
  zoneId: z.string(),
  name: z.string(),
  nameZh: z.string().optional(),
  province: z.string().optional(),
  populationPersons: nonNegative,
  byCutoff: z.array(reachAtCutoffSchema),
});

/**
 * Connectivity of one layer (or of the passenger network, `passenger`), links taken two-way for bridges and
 * articulation points: directed links in service (closed ones excluded), components of the undirected view, strongly
 * connected components of the directed links, and the facilities and nodes whose loss disconnects the undirected
 * view, sorted by id.
 */
export const layerConnectivitySchema = z.object({
  layer: z.union([layer, z.literal("passenger")]),
  nodeCount: count,
  linkCount: count,
  weakComponentCount: count,
  strongComponentCount: count,
  bridges: z.array(z.object({ facilityId: z.string(), name: z.string().optional() })),
  articulationPoints: z.array(z.object({ nodeId: z.string(), name: z.string().optional() })),
});

/**
 * Max-flow / min-cut between two node groups on one layer: `maxFlow` in `unit` (`null` when unbounded, an
 * uncapacitated path), and the facilities of the min cut (both directions of a facility listed once) with their
 * capacity in `unit`.
 */
export const capacityResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  layer: layer,
  unit: capacityUnit,
  sourceNodeCount: count,
  sinkNodeCount: count,
  maxFlow: nonNegative.nullable(),
  minCut: z.array(z.object({ facilityId: z.string(), name: z.string().optional(), capacity: nonNegative })),
});

/**
 * Where a result came from, so that two results are compared only when they are comparable: the engine version,
 * the sha256 of the base network as read from its folder (before `asOfDate` and the modifications; canonical form of
 * `src/model/checksum.ts`), every scenario file of the `extends` chain with the sha256 of its bytes (`null` for a
 * chain built in memory), and the sha256 of the canonical JSON of `parameters`.
 */
export const runProvenanceSchema = z.object({
  deltanetVersion: z.string().min(1),
  networkChecksum: sha256,
  scenarioFiles: z.array(z.object({ file: z.string(), sha256: sha256.nullable() })),
  parametersSha256: sha256,
});

/**
 * City-to-city reachability on the passenger network with no time limit (closed links impassable): ordered pairs
 * `[originZoneId, destinationZoneId]` with no path at all, in `zoneIds` order. What the `reachability` check rule reads.
 */
export const cityReachabilitySchema = z.object({
  zoneIds: z.array(z.string()),
  unreachablePairs: z.array(z.tuple([z.string(), z.string()])),
});

/** One of the most congested road links of an assignment (v/c = flow / capacity). */
export const congestedLinkSchema = z.object({
  linkId: z.string(),
  name: z.string().optional(),
  fromNodeId: z.string(),
  toNodeId: z.string(),
  flowVehPerHour: nonNegative,
  capacityVehPerHour: nonNegative,
  vcRatio: nonNegative,
  freeFlowTimeMin: nonNegative,
  congestedTimeMin: nonNegative,
});

/** Gravity model parameters: constraint, trip rate (veh/h per resident), deterrence β (per minute), Furness stop rule. */
export const gravityParametersSchema = z.object({
  constraint: z.enum(["doubly", "production"]),
  tripRateVehPerHourPerPerson: nonNegative,
  betaPerMin: nonNegative,
  balancingTolerance: nonNegative,
  maxBalancingIterations: count,
});

/** Gravity model diagnostics of a road assignment: Furness balance and fallback-cost pairs. */
export const gravityDiagnosticsSchema = z.object({
  balanced: z.boolean(),
  balancingIterations: count,
  balancingError: nonNegative,
  fallbackPairCount: count,
});

/**
 * Effective parameters of a road assignment: algorithm (`fw`, `cfw`, `bfw`), relative gap target, iteration bound,
 * BPR alpha/beta of the road links, where the demand came from, and the gravity parameters when it was the gravity model.
 */
export const roadAssignmentParametersSchema = z.object({
  algorithm: z.string(),
  relativeGapTarget: nonNegative,
  maxIterations: count,
  alpha: nonNegative,
  beta: nonNegative,
  demandSource: z.enum(["gravity", "given"]),
  gravity: gravityParametersSchema.optional(),
});

/**
 * JSON-safe summary of a road assignment (what `compare` shows before/after), numbers unrounded:
 * - `demand`: total, assigned and intrazonal veh/h; unreachable pairs and their veh/h, with the zones none of whose
 *   demand can be served by road (ids ascending, names parallel); gravity diagnostics when the demand was gravity's;
 * - `totals`: vehicle-hours (Σ road-link flow × congested time / 60, connectors excluded), the same at free-flow times,
 *   their difference (the hour's delay), vehicle-km (Σ flow × lengthKm) per hour, and road links with v/c > 1;
 * - `topCongestedLinks`: the most congested road links by v/c, descending (ties by link id).
 */
export const roadAssignmentSummarySchema = z.object({
  kind: z.literal("deltanet-road-assignment"),
  parameters: roadAssignmentParametersSchema,
  converged: z.boolean(),
  iterations: count,
  relativeGap: nonNegative,
  zoneCount: count,
  roadLinkCount: count,
  demand: z.object({
    totalVehPerHour: nonNegative,
    assignedVehPerHour: nonNegative,
    intrazonalVehPerHour: nonNegative,
    unreachable: z.object({
      pairCount: count,
      demandVehPerHour: nonNegative,
      isolatedZoneIds: z.array(z.string()),
      isolatedZoneNames: z.array(z.string()),
    }),
    gravity: gravityDiagnosticsSchema.optional(),
  }),
  totals: z.object({
    vehicleHours: nonNegative,
    freeFlowVehicleHours: nonNegative,
    delayVehicleHours: z.number().finite(),
    vehicleKm: nonNegative,
    linksOverCapacity: count,
  }),
  topCongestedLinks: z.array(congestedLinkSchema),
});

/**
 * A run's road traffic assignment: the summary plus the OD matrix that was loaded, veh/h (`matrix[i][j]` from
 * `zoneIds[i]` to `zoneIds[j]`, zone ids = centroid node ids), so a comparison can load the same demand after.
 */
export const runAssignmentSchema = roadAssignmentSummarySchema.extend({
  odMatrixVehPerHour: z.object({ zoneIds: z.array(z.string()), matrix: z.array(z.array(nonNegative)) }),
});

/** Zod schema of a run document (`kind: "deltanet-run"`, `schemaVersion: 1`): everything `deltanet run` computes. */
export const runResultSchema = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  kind: z.literal("deltanet-run"),
  deltanetVersion: z.string().min(1),
  provenance: runProvenanceSchema,
  /** The scenario: name, chain files (root first), asOfDate, network checksums after and before it, log, warnings. */
  scenario: z.object({
    name: z.string(),
    description: z.string().optional(),
    files: z.array(z.string()),
    asOfDate: z.string().optional(),
    networkChecksum: z.string(),
    baseChecksum: z.string(),
    log: z.array(z.object({ index: z.number(), type: z.string(), message: z.string() })),
    warnings: z.array(issueSchema),
  }),
  /** The effective parameters: cutoffs (minutes), passenger layers, capacity queries. */
  parameters: z.object({
    cutoffsMin: z.array(z.number().finite().positive()).min(1),
    passengerLayers: z.array(layer),
    capacityQueries: z.array(capacityQuerySchema),
  }),
  isochrones: z.array(cityIsochroneSchema),
  /**
   * Door-to-door passenger travel times between cities, minutes: `matrix[i][j]` from `zoneIds[i]` to `zoneIds[j]`;
   * `null` = not reachable within the largest cutoff.
   */
  travelTimeMin: z.object({
    zoneIds: z.array(z.string()),
    maxCutoffMin: z.number().finite().positive(),
    matrix: z.array(z.array(nonNegative.nullable())),
  }),
  cityReachability: cityReachabilitySchema,
  connectivity: z.array(layerConnectivitySchema),
  capacity: z.array(capacityResultSchema),
  /** Road traffic assignment of the run (absent when skipped). */
  assignment: runAssignmentSchema.optional(),
});

/** Everything `deltanet run` computes for one scenario (see {@link runResultSchema}). */
export type RunResult = z.infer<typeof runResultSchema>;
/** See {@link reachAtCutoffSchema}. */
export type ReachAtCutoff = z.infer<typeof reachAtCutoffSchema>;
/** See {@link cityIsochroneSchema}. */
export type CityIsochrone = z.infer<typeof cityIsochroneSchema>;
/** See {@link layerConnectivitySchema}. */
export type LayerConnectivity = z.infer<typeof layerConnectivitySchema>;
/** See {@link capacityResultSchema}. */
export type CapacityResult = z.infer<typeof capacityResultSchema>;
/** See {@link runProvenanceSchema}. */
export type RunProvenance = z.infer<typeof runProvenanceSchema>;
/** See {@link cityReachabilitySchema}. */
export type CityReachability = z.infer<typeof cityReachabilitySchema>;
/** See {@link congestedLinkSchema}. */
export type CongestedLink = z.infer<typeof congestedLinkSchema>;
/** See {@link gravityDiagnosticsSchema}. */
export type GravityDiagnostics = z.infer<typeof gravityDiagnosticsSchema>;
/** See {@link roadAssignmentSummarySchema}. */
export type RoadAssignmentSummary = z.infer<typeof roadAssignmentSummarySchema>;
/** See {@link runAssignmentSchema}. */
export type RunAssignment = z.infer<typeof runAssignmentSchema>;
