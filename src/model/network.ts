/**
 * Network model: the typed node and link attributes of a deltanet network and the graphology graph that holds them.
 * Links are directed; a two-way road, rail leg or power line is two links sharing one `facilityId`.
 */
import { MultiDirectedGraph } from "graphology";
import type { NetworkAssumptions } from "./network-assumptions.ts";

export { LAYERS, type Layer } from "./layers.ts";
import type { Layer } from "./layers.ts";

/** The physical layers reported on separately (access is glue and transit a service model, not infrastructure). */
export const INFRASTRUCTURE_LAYERS: readonly Exclude<Layer, "access">[] = ["rail", "road", "water", "power"];

/**
 * Link types of the `transit` layer: a ride between consecutive stops of one directed stopping pattern (in-vehicle
 * time), a boarding (station → stop node: wait + boarding time) and an alighting (stop node → station).
 */
export const TRANSIT_LINK_TYPES = { ride: "rail-ride", board: "rail-board", alight: "rail-alight" } as const;

/** Life-cycle status of a link or node as recorded in the data. */
export type Status = "existing" | "under-construction" | "planned";
export const STATUSES: readonly Status[] = ["existing", "under-construction", "planned"];

/** What a node stands for. */
export type NodeKind =
  | "centroid" // zone centroid, one per city (ids `zone:<adcode>`)
  | "station" // rail station
  | "road-junction" // city expressway node (or a river-bank sub-node of a city)
  | "port" // waterway port node
  | "grid-node" // power grid node (province or substation)
  | "service-stop"; // transit: one stop of one directed stopping pattern (layer `transit`)

/** Attributes of a node. Coordinates are WGS-84-ish degrees (see networks/yrd/SOURCES.md for datum caveats). */
export interface NodeAttributes {
  id: string;
  kind: NodeKind;
  layer: Layer | "zone";
  name: string;
  nameZh?: string;
  /** Longitude, degrees east, −180..180; absent when the source gives none. */
  lon?: number;
  /** Latitude, degrees north, −90..90. */
  lat?: number;
  /** The zone (city adcode, e.g. "310100") the node belongs to, when it is inside the region. */
  zoneId?: string;
  /** Centroids only: resident population, persons (2020 census). */
  populationPersons?: number;
  /** Province (English) of the node, when inside the region. */
  province?: string;
  /** Which bank of the Yangtze the node is on, where that matters (road/rail capacity groups). */
  yangtzeBank?: "north" | "south";
  /** Where the node came from: dataset file and row, or a labelled assumption. */
  source: string;
}

/**
 * Attributes of a directed link. Units are in the names. `timeMin` is the generalised travel time the engine uses
 * (in-vehicle + waiting for transit boarding links + border delay for roads). Numbers that are assumptions say so in
 * `estimate`/`source`.
 */
export interface LinkAttributes {
  /** Stable unique id, e.g. `road:G2:320800-320200:ab`. */
  id: string;
  /** Both directions of one physical facility share this id, e.g. `road:G2:320800-320200`. */
  facilityId: string;
  fromNodeId: string;
  toNodeId: string;
  layer: Layer;
  /** Finer type: `expressway`, `yangtze-crossing`, `rail-leg`, `station-access`, `centroid-connector`, `uhv-dc`, … */
  linkType: string;
  name?: string;
  nameZh?: string;
  status: Status;
  /** Opening date as precise as the source: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; absent = unknown/old. */
  openedDate?: string;
  /** Year part of openedDate (convenience for filters); absent when not opened or unknown. */
  openedYear?: number;
  /** Plan project(s) the link belongs to (ids from `projects.json`). */
  projectIds?: string[];
  /** Generalised travel time, minutes, ≥ 0. Absent on power links. */
  timeMin?: number;
  lengthKm?: number;
  speedKph?: number;
  /** Road: delay at a provincial-border toll station, minutes (already included in timeMin). */
  borderDelayMin?: number;
  /** Transit boarding links: waiting time from service frequency, minutes (already included in timeMin). */
  waitMin?: number;
  capacityVehPerHour?: number;
  lanes?: number;
  capacityMw?: number;
  /** Rail: scheduled trains in this direction per day. Used as the rail capacity measure (trains/day). */
  trainsPerDay?: number;
  /** Water: channel standard, e.g. `12.5 m depth; 50,000 t ships`. */
  vesselClass?: string;
  /** True when the link joins two provinces. */
  crossesProvincialBorder?: boolean;
  /** True when the link crosses the Yangtze; `crossingId` names the crossing facility. */
  crossesYangtze?: boolean;
  crossingId?: string;
  /** True when any number on the link is estimated rather than read from a source; `estimateNote` says how. */
  estimate?: boolean;
  estimateNote?: string;
  /**
   * Transit rides (`rail-ride`): id of the directed rail-leg link the ride runs over, e.g. `rail:leg:上海虹桥-嘉兴南:ab`.
   * A scenario that closes, removes or takes out of service that link takes the ride out of service, and one that
   * changes its timeMin scales the ride's (src/scenario/apply-scenario.ts); a what-if closure of the rail facility
   * closes its rides (src/engine/what-if-model.ts). Absent: the ride is not tied to a rail link.
   */
  railLinkId?: string;
  /** Closed by a scenario: kept in the model, impassable for the engine. */
  closed?: boolean;
  /** Where the link came from (dataset file + row key, or URL). */
  source: string;
}

/** A named plan project: the chapter-5 name and the facilities that open with it. */
export interface Project {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Outline chapter-5 section, e.g. `rail`, `road`, `power`, `water`. */
  category: string;
  status: Status;
  /** Opening date as precise as the source, absent when not opened. */
  openedDate?: string;
  /** Facility ids (both directions open together). */
  facilityIds: string[];
  source: string;
  note?: string;
}

/** Graph-level attributes. */
export interface NetworkAttributes {
  name: string;
  /** Named projects by id. */
  projects: Record<string, Project>;
  /** Modelling constants the network was built with (network.json `assumptions`); absent when the file has none. */
  assumptions?: NetworkAssumptions;
}

/** The deltanet network: a graphology multi directed graph keyed by node id and link id. */
export type Network = MultiDirectedGraph<NodeAttributes, LinkAttributes, NetworkAttributes>;

/** Creates an empty network. */
export function createNetwork(name: string): Network {
  const g: Network = new MultiDirectedGraph<NodeAttributes, LinkAttributes, NetworkAttributes>({ allowSelfLoops: false });
  g.replaceAttributes({ name, projects: {} });
  return g;
}

/** Adds a node, refusing duplicates. @throws Error when the id exists (callers report positions). */
export function addNode(network: Network, attrs: NodeAttributes): void {
  network.addNode(attrs.id, attrs);
}

/** Adds a link keyed by its id, from `fromNodeId` to `toNodeId`. @throws Error when the id exists or an end is missing. */
export function addLink(network: Network, attrs: LinkAttributes): void {
  network.addDirectedEdgeWithKey(attrs.id, attrs.fromNodeId, attrs.toNodeId, attrs);
}
