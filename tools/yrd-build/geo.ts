/**
 * YRD builder, geometry: great-circle distance between two `[lon, lat]` points with @turf/distance (haversine on the
 * mean Earth radius), the basis of every estimated length in the bundled network.
 */
import distance from "@turf/distance";

/**
 * A point as `[lon, lat]` in degrees, longitude first as in GeoJSON (WGS-84-ish; station points may be GCJ-02, see
 * SOURCES.md).
 */
export type LonLat = readonly [lonDeg: number, latDeg: number];

/**
 * Great-circle distance in kilometres.
 * @param a first point `[lon, lat]`, degrees
 * @param b second point `[lon, lat]`, degrees
 * @returns km, ≥ 0
 * @see turf `@turf/distance` (haversine, Earth radius 6,371.0088 km)
 * @example greatCircleKm([121.48, 31.23], [118.78, 32.07]) // ≈ 272.1
 */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  return distance([a[0], a[1]], [b[0], b[1]], { units: "kilometers" });
}
