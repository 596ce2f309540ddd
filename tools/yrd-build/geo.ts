/**
 * YRD builder, geometry: great-circle distance between two lon/lat points with @turf/distance (haversine on the
 * mean Earth radius), the basis of every estimated length in the bundled network.
 */
import distance from "@turf/distance";

/** A point in degrees (WGS-84-ish; station points may be GCJ-02, see SOURCES.md). */
export interface LonLat {
  /** Longitude, degrees east. */
  lon: number;
  /** Latitude, degrees north. */
  lat: number;
}

/**
 * Great-circle distance in kilometres.
 * @param a first point, degrees
 * @param b second point, degrees
 * @returns km, ≥ 0
 * @see turf `@turf/distance` (haversine, Earth radius 6,371.0088 km)
 * @example greatCircleKm({ lon: 121.48, lat: 31.23 }, { lon: 118.78, lat: 32.07 }) // ≈ 272.1
 */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  return distance([a.lon, a.lat], [b.lon, b.lat], { units: "kilometers" });
}
