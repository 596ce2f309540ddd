/**
 * Tests of src/units.ts: the great-circle distance against hand-derived values and against @turf/distance (an
 * independent implementation: atan2 form, degrees normalised mod 360) on random points.
 */
import { fc, test } from "@fast-check/vitest";
import distance from "@turf/distance";
import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_KM, greatCircleKm, timeMinFromLength } from "../src/units.ts";

describe("greatCircleKm([lon, lat], [lon, lat])", () => {
  it("gives 2πR/360 = 111.19508 km for one degree of arc, whichever coordinate changes", () => {
    // 2π × 6371.0088 / 360 = 111.195080 km.
    expect(greatCircleKm([0, 0], [1, 0])).toBeCloseTo(111.19508, 5);
    expect(greatCircleKm([60, 0], [60, 1])).toBeCloseTo(111.19508, 5);
    expect(greatCircleKm([121.47, 31.23], [121.47, 31.23])).toBe(0);
  });

  it("takes longitude first: one degree of longitude at 60° N is about half a degree of arc", () => {
    // h = cos²60° · sin²(0.5°) ⇒ d = 2R asin(½ sin 0.5°) = 55.5970 km; read as latitudes it would be 111.195 km.
    expect(greatCircleKm([0, 60], [1, 60])).toBeCloseTo(2 * EARTH_RADIUS_KM * Math.asin(0.5 * Math.sin(Math.PI / 360)), 9);
    expect(greatCircleKm([0, 60], [1, 60])).toBeCloseTo(55.597, 4);
  });

  it("gives πR = 20,015.1 km between antipodes and is symmetric", () => {
    expect(greatCircleKm([0, 0], [180, 0])).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 9);
    expect(greatCircleKm([121.47, 31.23], [118.8, 32.06])).toBe(greatCircleKm([118.8, 32.06], [121.47, 31.23]));
  });

  // Off exact antipodes (latitudes within ±80°, longitudes at most 170° apart): there asin and atan2 forms part by more
  // than rounding because the arcsine's slope is unbounded.
  test.prop([fc.double({ min: -180, max: 10, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: 0, max: 170, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true })])(
    "agrees with @turf/distance to 1e-9 km on random points",
    (lon1, lat1, dLon, lat2) => {
      const lon2 = lon1 + dLon;
      const turf = distance([lon1, lat1], [lon2, lat2], { units: "kilometers" });
      expect(Math.abs(greatCircleKm([lon1, lat1], [lon2, lat2]) - turf)).toBeLessThanOrEqual(1e-6);
    },
  );
});

describe("timeMinFromLength(lengthKm, speedKph)", () => {
  it("gives 50 min for 100 km at 120 km/h", () => {
    expect(timeMinFromLength(100, 120)).toBe(50);
  });
});
