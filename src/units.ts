/**
 * Units: the canonical unit of every quantity in deltanet and the only conversion table.
 * Time is minutes (`Min`), length kilometres (`Km`), speed km/h (`Kph`), road flow veh/h (`VehPerHour`), power MW (`Mw`).
 */

/** Mean Earth radius, km (IUGG mean radius R1 = 6,371.0088 km; the value turf uses). */
export const EARTH_RADIUS_KM = 6371.0088;

/** A point as `[lon, lat]` in degrees, longitude first as in GeoJSON. */
export type LonLat = readonly [lon: number, lat: number];

/**
 * Great-circle distance between two points by the haversine formula on a sphere of radius R =
 * {@link EARTH_RADIUS_KM}: h = sin²(Δlat / 2) + cos lat₁ · cos lat₂ · sin²(Δlon / 2), d = 2R · asin(√h) (√h clamped
 * to 1 against rounding).
 * The one great-circle distance of deltanet: the network builder's estimated lengths, the gravity model's fallback
 * road times, and (specialised on cached radians and cosines) the A* bound of src/algorithms/a-star.ts.
 * @param a first point `[lon, lat]`, degrees
 * @param b second point `[lon, lat]`, degrees
 * @returns km, ≥ 0 (0 for one point; πR ≈ 20,015.1 km between antipodes)
 * @see R. W. Sinnott (1984), "Virtues of the Haversine", Sky and Telescope 68(2), 159.
 * @example greatCircleKm([0, 0], [1, 0]) // 111.19508… (one degree of longitude on the equator)
 */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

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
