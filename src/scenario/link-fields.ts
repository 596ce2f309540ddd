/**
 * Link fields by layer: which numeric attributes a link of each layer may carry in a scenario (`set-link`,
 * `add-link`), the schemas of their values in a scenario file, and the travel-time formula used when speed or border
 * delay changes.
 *
 * The table follows `src/model/network.ts`: roads have lanes, veh/h capacity and border delays; rail has trains/day;
 * power has MW and no travel time; access links (centroid connectors, station access) have times only; transit links
 * (rides, boardings, alightings of stopping patterns) have times, trains/day and the boarding wait.
 */
import { z } from "zod";
import type { Layer, LinkAttributes } from "../model/network.ts";
import { timeMinFromLength } from "../units.ts";

/** Link fields that `set-link` can set or scale, with their unit in the name. */
export const SETTABLE_LINK_FIELDS = [
  "timeMin",
  "speedKph",
  "borderDelayMin",
  "capacityVehPerHour",
  "capacityMw",
  "lanes",
  "trainsPerDay",
  "waitMin",
] as const;
export type SettableLinkField = (typeof SETTABLE_LINK_FIELDS)[number];

/** Schema of a link's `layer` in a scenario file (`where` filters, `add-link`). */
export const layerSchema = z.enum(["rail", "road", "water", "power", "access", "transit"]);
/** Schema of a link field value that is a number ≥ 0 (times, lengths). */
export const nonNegativeNumber = z.number().nonnegative();
/** Schema of a link field value that is a number > 0 (speeds, capacities, trains, multipliers). */
export const positiveNumber = z.number().positive();

/** Settable fields of each layer. */
export const LAYER_FIELDS: Readonly<Record<Layer, readonly SettableLinkField[]>> = {
  road: ["timeMin", "speedKph", "borderDelayMin", "capacityVehPerHour", "lanes"],
  rail: ["timeMin", "speedKph", "trainsPerDay"],
  water: ["timeMin", "speedKph"],
  access: ["timeMin", "speedKph"],
  power: ["capacityMw"],
  transit: ["timeMin", "trainsPerDay", "waitMin"],
};

/** Extra numeric fields `add-link` accepts per layer, beyond {@link LAYER_FIELDS}. */
export const ADD_LINK_EXTRA_FIELDS: Readonly<Record<Layer, readonly string[]>> = {
  road: ["lengthKm"],
  rail: ["lengthKm"],
  water: ["lengthKm", "vesselClass"],
  access: ["lengthKm", "waitMin"],
  power: ["lengthKm"],
  transit: ["lengthKm"],
};

/**
 * Generalised travel time from length and speed plus delays:
 * timeMin = lengthKm / speedKph × 60 + (borderDelayMin ?? 0) + (waitMin ?? 0).
 * @param link lengthKm ≥ 0 (km), speedKph > 0 (km/h), borderDelayMin ≥ 0 and waitMin ≥ 0 (minutes)
 * @returns minutes
 * @example travelTimeMin({ lengthKm: 100, speedKph: 100, borderDelayMin: 5 }) // 65
 */
export function travelTimeMin(link: { lengthKm: number; speedKph: number } & Pick<LinkAttributes, "borderDelayMin" | "waitMin">): number {
  return timeMinFromLength(link.lengthKm, link.speedKph) + (link.borderDelayMin ?? 0) + (link.waitMin ?? 0);
}
