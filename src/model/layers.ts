/** The network layers, in a module of its own so that the command line can list them without loading the graph library. */

/**
 * Network layers. `access` holds centroid connectors and station access/egress links. `transit` is the rail passenger
 * service model: one node per stop of each directed stopping pattern (kind `service-stop`) with `rail-ride` links
 * between consecutive stops and `rail-board`/`rail-alight` links to the station; the `rail` layer keeps the non-stop
 * legs between stations for connectivity and capacity.
 */
export type Layer = "rail" | "road" | "water" | "power" | "access" | "transit";
export const LAYERS: readonly Layer[] = ["rail", "road", "water", "power", "access", "transit"];
