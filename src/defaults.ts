/**
 * Defaults: every default parameter of a deltanet run, in one place, with its unit in the name and a comment each.
 * CLI flags override these; the report's `parameters` block records the effective values.
 */
import type { Layer } from "./model/network.ts";

/** Isochrone cutoffs, minutes (issue 2: 30, 60, 90, 120 and 180 min). Each must be > 0. */
export const DEFAULT_CUTOFFS_MIN: readonly number[] = [30, 60, 90, 120, 180];

/** Cutoffs shown in the person-facing comparison table, minutes. */
export const TABLE_CUTOFFS_MIN: readonly number[] = [60, 120];

/** Layers making up the passenger network used for commute isochrones. */
export const PASSENGER_LAYERS: readonly Layer[] = ["rail", "road", "access"];

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

/**
 * Capacity questions of issue 2: road north ↔ south of the Yangtze (veh/h), power Anhui → Shanghai (MW),
 * rail Shanghai ↔ Hangzhou (scheduled trains per day, the rail capacity measure of the timetable data).
 */
export const DEFAULT_CAPACITY_QUERIES: readonly CapacityQuery[] = [
  {
    id: "road-north-to-south",
    label: "Road: north → south of the Yangtze",
    layer: "road",
    capacityAttribute: "capacityVehPerHour",
    unit: "veh/h",
    from: { yangtzeBank: "north" },
    to: { yangtzeBank: "south" },
  },
  {
    id: "road-south-to-north",
    label: "Road: south → north of the Yangtze",
    layer: "road",
    capacityAttribute: "capacityVehPerHour",
    unit: "veh/h",
    from: { yangtzeBank: "south" },
    to: { yangtzeBank: "north" },
  },
  {
    id: "power-anhui-to-shanghai",
    label: "Power: Anhui → Shanghai",
    layer: "power",
    capacityAttribute: "capacityMw",
    unit: "MW",
    from: { provinces: ["Anhui"] },
    to: { provinces: ["Shanghai"] },
  },
  {
    id: "rail-shanghai-to-hangzhou",
    label: "Rail: Shanghai → Hangzhou",
    layer: "rail",
    capacityAttribute: "trainsPerDay",
    unit: "trains/day",
    from: { zoneIds: ["310100"] },
    to: { zoneIds: ["330100"] },
  },
  {
    id: "rail-hangzhou-to-shanghai",
    label: "Rail: Hangzhou → Shanghai",
    layer: "rail",
    capacityAttribute: "trainsPerDay",
    unit: "trains/day",
    from: { zoneIds: ["330100"] },
    to: { zoneIds: ["310100"] },
  },
];
