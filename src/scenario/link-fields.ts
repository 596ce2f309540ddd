/**
 * Link fields by layer: which numeric attributes a link of each layer may carry in a scenario (`set-link`,
 * `add-link`), and the travel-time formula used when speed or border delay changes.
 *
 * The table follows `src/model/network.ts`: roads have lanes, veh/h capacity and border delays; rail has trains/day;
 * power has MW and no travel time; access links (centroid connectors, station access) have times only; transit links
 * (rides, boardings, alightings of stopping patterns) have times, trains/day and the boarding wait.
 */
import type { SettableLinkField } from "../io/scenario-file.ts";
import type { Layer, LinkAttributes } from "../model/network.ts";
import { timeMinFromLength } from "../units.ts";

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
