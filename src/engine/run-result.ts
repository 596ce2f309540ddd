/**
 * Run results: the plain-data shape of one scenario's analysis (isochrones, connectivity, capacity) that the report
 * layer formats and compares. Everything here is JSON-safe except where a field says otherwise.
 */
import type { CapacityQuery } from "../defaults.ts";
import type { Issue } from "../errors.ts";
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

/** Everything `deltanet run` computes for one scenario. */
export interface RunResult {
  schemaVersion: number;
  kind: "deltanet-run";
  deltanetVersion: string;
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
  connectivity: LayerConnectivity[];
  capacity: CapacityResult[];
}
