/**
 * Capacity queries: a max-flow/min-cut question between two groups of nodes on one layer, and the selector that picks
 * each group. The default queries are values in `src/defaults.ts`; rules files may add their own.
 */
import type { Layer } from "./network.ts";

/** Which side of a capacity query a node belongs to. All given fields must match (AND). */
export interface NodeSelector {
  /** City adcodes (zone ids), e.g. ["310100"]. */
  zoneIds?: string[];
  /** Provinces (English), e.g. ["Anhui"]. */
  provinces?: string[];
  /** Bank of the Yangtze (node attribute `yangtzeBank`). */
  yangtzeBank?: "north" | "south";
}

/** A max-flow/min-cut question between two groups of nodes on one layer. */
export interface CapacityQuery {
  /** Stable id used in reports, e.g. `road-north-to-south`. */
  id: string;
  /** Human label. */
  label: string;
  layer: Exclude<Layer, "access">;
  /** Link attribute holding the capacity. */
  capacityAttribute: "capacityVehPerHour" | "capacityMw" | "trainsPerDay";
  /** Unit of the result, matching the attribute. */
  unit: "veh/h" | "MW" | "trains/day";
  from: NodeSelector;
  to: NodeSelector;
}
