/**
 * Units: the canonical unit of every quantity in deltanet and the only conversion table.
 * Time is minutes (`Min`), length kilometres (`Km`), speed km/h (`Kph`), road flow veh/h (`VehPerHour`), power MW (`Mw`).
 */

/** Mean Earth radius, km (IUGG mean radius R1 = 6,371.0088 km; the value turf uses). */
export const EARTH_RADIUS_KM = 6371.0088;

/** Minutes per hour. */
export const MIN_PER_HOUR = 60;

/** Metres per kilometre. */
export const M_PER_KM = 1000;

/**
 * Travel time in minutes for a length at a speed: `lengthKm / speedKph × 60`.
 * @param lengthKm length, km, ≥ 0
 * @param speedKph speed, km/h, > 0
 * @returns minutes
 * @example timeMinFromLength(100, 120) // 50
 */
export function timeMinFromLength(lengthKm: number, speedKph: number): number {
  return (lengthKm / speedKph) * MIN_PER_HOUR;
}


/** Kilometres per international mile (exact: 1 mi = 1,609.344 m). Used by GMNS import/export of `mi`/`mph` data. */
export const KM_PER_MILE = 1.609344;

/** Kilometres per international foot (exact: 1 ft = 0.3048 m). Used by GMNS import of `ft` lengths. */
export const KM_PER_FOOT = 0.0003048;
