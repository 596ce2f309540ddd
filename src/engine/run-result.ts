/**
 * Run results: the plain-data shape of one scenario's analysis (isochrones, connectivity, capacity) that the report
 * layer formats and compares. Everything here is JSON-safe except where a field says otherwise.
 */
import type { CapacityQuery } from "../model/capacity-query.ts";
import type { Issue } from "../errors.ts";
import type { RoadAssignmentSummary } from "./assignment-summary.ts";
import type { Layer } from "../model/network.ts";

/** Version of the JSON documents written by `deltanet run|compare --format json` (see README "JSON output"). */
export const RESULT_SCHEMA_VERSION = 1;

/** Reach of one origin city within one cutoff. Counts include the origin itself. */
export interface ReachAtCutoff {
  /** Cutoff, minutes (> 0), inclusive: a node at exactly cutoffMin is inside. */
  cutoffMin: number;
  /** Nodes of the passenger network (stations, road nodes, centroids) reached within the cutoff, incl. the origin. */
  nodesReached: number;
  /** Cities (zone centroids) reached within the cutoff, incl. the origin city. */
  citiesReached: number;
  /** Resident population (2020 census) of those cities, persons, incl. the origin city. */
  populationReachedPersons: number;
}

/** Commute isochrone summary of one city. */
export interface CityIsochrone {
  zoneId: string;
  name: string;
  nameZh?: string;
  province?: string;
  populationPersons: number;
  /** One entry per cutoff, ascending. */
  byCutoff: ReachAtCutoff[];
}

/** Connectivity of one layer (or of the passenger network), links taken two-way for bridges/articulation points. */
export interface LayerConnectivity {
  /** A layer name, or `passenger` for rail + road + access. */
  layer: Layer | "passenger";
  nodeCount: number;
  /** Directed links in service (closed links excluded). */
  linkCount: number;
  /** Components of the undirected view. */
  weakComponentCount: number;
  /** Strongly connected components of the directed links. */
  strongComponentCount: number;
  /** Facilities whose loss disconnects the undirected view, sorted by id. */
  bridges: { facilityId: string; name?: string }[];
  /** Nodes whose loss disconnects the undirected view, sorted by id. */
  articulationPoints: { nodeId: string; name?: string }[];
}

/** Max-flow / min-cut between two node groups on one layer. */
export interface CapacityResult {
  id: string;
  label: string;
  layer: Layer;
  unit: CapacityQuery["unit"];
  /** Max-flow value in `unit`; `null` in JSON when unbounded (an uncapacitated path) — never happens on bundled data. */
  maxFlow: number | null;
  sourceNodeCount: number;
  sinkNodeCount: number;
  /** Facilities of the min cut (both directions of a facility are listed once), with their capacity in `unit`. */
  minCut: { facilityId: string; name?: string; capacity: number }[];
}

/**
 * Where a result came from, so that two results are compared only when they are comparable: the engine
 * version, the base network's content hash, the hash of every scenario file of the chain and of the effective
 * parameters. `compareRuns` refuses a network or engine mismatch unless told to allow it.
 */
export interface RunProvenance {
  /** deltanet version (package.json `version`) that computed the result: the engine. */
  deltanetVersion: string;
  /**
   * sha256 of the base network as read from its folder, before `asOfDate` and the modifications (canonical form of
   * `src/model/checksum.ts`; equals `scenario.baseChecksum`).
   */
  networkChecksum: string;
  /**
   * The scenario files of the `extends` chain, root first, each with the sha256 of its bytes; `sha256` is `null`
   * when the scenario was not read from a file (a chain built in memory).
   */
  scenarioFiles: { file: string; sha256: string | null }[];
  /** sha256 of the canonical JSON of `parameters` (`contentSha256` in `src/model/checksum.ts`). */
  parametersSha256: string;
}

/**
 * City-to-city reachability on the passenger network with no time limit (closed links impassable): what the
 * `reachability` check rule reads. The isochrones' travel-time matrix stops at the largest cutoff, so a trip that
 * grows from 170 to 190 min is "beyond the cutoff" there but still reachable here.
 */
export interface CityReachability {
  /** Zone ids (city adcodes) in the order of `isochrones`. */
  zoneIds: string[];
  /** Ordered pairs `[originZoneId, destinationZoneId]` with no path at all, in `zoneIds` order (origin, then destination). */
  unreachablePairs: [string, string][];
}

/**
 * Summary of a traffic assignment run with the scenario.
 * The `assignment-gap` check rule reads it and is skipped when it is absent.
 */
export interface AssignmentSummary {
  /** Final relative gap, dimensionless, ≥ 0. */
  relativeGap: number;
  /** Whether the relative gap target was reached. */
  converged: boolean;
}

/**
 * A run's road traffic assignment: the {@link RoadAssignmentSummary} of src/engine/assignment-summary.ts (converged, iterations,
 * relativeGap, demand totals and unreachable demand, vehicle-hours, delay, vehicle-km, the most congested links with
 * v/c ratios and congested times) plus the OD matrix that was loaded, veh/h (`matrix[i][j]` from `zoneIds[i]` to
 * `zoneIds[j]`, zone ids = centroid node ids).
 */
export type RunAssignment = RoadAssignmentSummary & { odMatrixVehPerHour: { zoneIds: string[]; matrix: number[][] } };

/** Everything `deltanet run` computes for one scenario. */
export interface RunResult {
  schemaVersion: number;
  kind: "deltanet-run";
  deltanetVersion: string;
  /** Content hashes of the inputs and the engine version (see {@link RunProvenance}). */
  provenance: RunProvenance;
  scenario: {
    name: string;
    description?: string;
    /** Scenario files of the `extends` chain, root first, as given/resolved. */
    files: string[];
    asOfDate?: string;
    /** sha256 of the network after applying the scenario. */
    networkChecksum: string;
    /** sha256 of the bundled base network before any change. */
    baseChecksum: string;
    log: { index: number; type: string; message: string }[];
    warnings: Issue[];
  };
  parameters: {
    cutoffsMin: number[];
    passengerLayers: Layer[];
    capacityQueries: CapacityQuery[];
  };
  isochrones: CityIsochrone[];
  /**
   * Door-to-door passenger travel times between cities, minutes: `matrix[i][j]` from `zoneIds[i]` to `zoneIds[j]`;
   * `null` = not reachable within the largest cutoff.
   */
  travelTimeMin: { zoneIds: string[]; maxCutoffMin: number; matrix: (number | null)[][] };
  /** City-to-city reachability with no time limit (see {@link CityReachability}). */
  cityReachability: CityReachability;
  connectivity: LayerConnectivity[];
  capacity: CapacityResult[];
  /** Road traffic assignment of the run (absent when skipped); see {@link RunAssignment}. */
  assignment?: RunAssignment;
}
