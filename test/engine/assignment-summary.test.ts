/**
 * Tests of the one totals function of src/engine/assignment-summary.ts, of the parameter checks of the assignment
 * entry points (src/engine/assign.ts, src/engine/road-link-table.ts) and of the defaults the library API applies to
 * them (src/api/assignment-parameters.ts), with hand-derived values.
 */
import { describe, expect, test } from "vitest";
import { resolveAssignParameters, resolveRoadAssignmentParameters, resolveRoadLinkTableParameters } from "../../src/api/assignment-parameters.ts";
import { checkAssignParameters, checkRoadAssignmentParameters } from "../../src/engine/assign.ts";
import { sumLinkTotals } from "../../src/engine/assignment-summary.ts";
import type { LinkFlow } from "../../src/engine/assign.ts";
import { describeLinkValue } from "../../src/engine/compile-link-table.ts";
import { checkRoadLinkTableParameters } from "../../src/engine/road-link-table.ts";
import { UsageError } from "../../src/errors.ts";

const link = (linkId: string, flowVehPerHour: number, freeFlowTimeMin: number, congestedTimeMin: number, capacityVehPerHour: number | null): LinkFlow => ({
  linkId,
  fromNodeId: "a",
  toNodeId: "b",
  flowVehPerHour,
  capacityVehPerHour,
  vcRatio: capacityVehPerHour === null ? null : flowVehPerHour / capacityVehPerHour,
  freeFlowTimeMin,
  congestedTimeMin,
  costMin: congestedTimeMin,
});

describe("sumLinkTotals(links, lengthKmOf)", () => {
  test("the @example: 600 veh/h, 12 min congested, 10 min free-flow, 20 km, v/c 1.2", () => {
    expect(sumLinkTotals([link("r", 600, 10, 12, 500)], () => 20)).toEqual({ vehicleHours: 120, freeFlowVehicleHours: 100, vehicleKm: 12000, linksOverCapacity: 1 });
  });

  test("sums every link given; an uncongested link (v/c null) is never over capacity; no lengths → 0 vehicle-km", () => {
    // 600 × 12 / 60 = 120, 300 × 30 / 60 = 150 → 270 veh·h; free-flow 600 × 10 / 60 + 300 × 30 / 60 = 250.
    const totals = sumLinkTotals([link("r", 600, 10, 12, 1000), link("c", 300, 30, 30, null)]);
    expect(totals).toEqual({ vehicleHours: 270, freeFlowVehicleHours: 250, vehicleKm: 0, linksOverCapacity: 0 });
  });
});

describe("parameter defaults and checks", () => {
  test("defaults: bfw, 1e-4, 250 iterations, 10 top links, BPR 0.15 / 4, centroid flows blocked, doubly constrained gravity", () => {
    const parameters = resolveRoadAssignmentParameters({});
    expect(parameters).toEqual({
      assignment: { algorithm: "bfw", relativeGapTarget: 1e-4, maxIterations: 250 },
      table: { alpha: 0.15, beta: 4, blockCentroidFlows: true },
      gravity: { constraint: "doubly", tripRateVehPerHourPerPerson: 0.0004, betaPerMin: 0.01, balancingTolerance: 1e-10, maxBalancingIterations: 1000 },
      topLinkCount: 10,
    });
    expect(() => checkRoadAssignmentParameters(parameters)).not.toThrow();
    expect(resolveRoadLinkTableParameters({ blockCentroidFlows: false }).blockCentroidFlows).toBe(false);
    // undefined and null take the default, as the command line's absent flags do.
    expect(resolveAssignParameters({ maxIterations: undefined, relativeGapTarget: null as never })).toEqual({ algorithm: "bfw", relativeGapTarget: 1e-4, maxIterations: 250 });
    // Key order is the order recorded in results.
    expect(Object.keys(resolveRoadAssignmentParameters({ gravity: { betaPerMin: 0.02 } }).gravity)).toEqual(["constraint", "tripRateVehPerHourPerPerson", "betaPerMin", "balancingTolerance", "maxBalancingIterations"]);
  });

  test("the first bad option is named, in the documented order (assignment, topLinkCount, alpha, beta)", () => {
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        expect((e as UsageError).code).toBe("invalid-option");
        return (e as Error).message;
      }
      throw new Error("expected a UsageError");
    };
    const road = (options: Parameters<typeof resolveRoadAssignmentParameters>[0]) => () => checkRoadAssignmentParameters(resolveRoadAssignmentParameters(options));
    expect(message(road({ maxIterations: 0, topLinkCount: -1, alpha: -1 }))).toBe("maxIterations must be an integer ≥ 1 (got 0)");
    expect(message(road({ topLinkCount: 1.5, alpha: -1 }))).toBe("topLinkCount must be an integer ≥ 0 (got 1.5)");
    expect(message(road({ alpha: -1, beta: Number.NaN }))).toBe("alpha must be a finite number ≥ 0 (got -1)");
    expect(message(() => checkRoadLinkTableParameters(resolveRoadLinkTableParameters({ beta: Number.NaN })))).toBe("beta must be a finite number ≥ 0 (got null)");
    expect(message(() => checkAssignParameters(resolveAssignParameters({ algorithm: "msa" as never, maxIterations: 0 })))).toBe('algorithm must be one of fw, cfw, bfw (got "msa")');
    expect(message(() => checkAssignParameters(resolveAssignParameters({ relativeGapTarget: -1 })))).toBe("relativeGapTarget must be a finite number ≥ 0 (got -1)");
  });

  test("describeLinkValue quotes strings only", () => {
    expect(describeLinkValue("4000")).toBe('"4000"');
    expect(describeLinkValue(Number.NaN)).toBe("NaN");
    expect(describeLinkValue(undefined)).toBe("undefined");
  });
});
