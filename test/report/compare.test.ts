/**
 * Tests of src/report/compare.ts and src/report/sections.ts: before/after pairing and changes on hand-made runs, and
 * the provenance checks of issue 6 (a different network or engine is refused unless allowed).
 */
import { describe, expect, test } from "vitest";
import type { RunResult } from "../../src/model/run-result.ts";
import { compareRuns, runMismatches } from "../../src/report/compare.ts";
import { makeRun } from "../support/run-result.ts";
import { comparisonSections, millions, signed } from "../../src/report/sections.ts";
import { formatJson, formatMarkdown, formatTable } from "../../src/report/format.ts";
import { UsageError } from "../../src/errors.ts";

function run(name: string, popAt60: number, popAt120: number, bridges: string[], maxFlow: number): RunResult {
  return {
    schemaVersion: 1,
    kind: "deltanet-run",
    deltanetVersion: "test",
    provenance: { deltanetVersion: "test", networkChecksum: "b".repeat(64), scenarioFiles: [{ file: `${name}.yaml`, sha256: null }], parametersSha256: "p".repeat(64) },
    scenario: { name, files: [`${name}.yaml`], networkChecksum: "x", baseChecksum: "b".repeat(64), log: [], warnings: [] },
    parameters: { cutoffsMin: [60, 120], passengerLayers: ["rail", "road", "access"], capacityQueries: [] },
    isochrones: [
      {
        zoneId: "310100",
        name: "Shanghai",
        province: "Shanghai",
        populationPersons: 1_000_000,
        byCutoff: [
          { cutoffMin: 60, nodesReached: 3, citiesReached: 1, populationReachedPersons: popAt60 },
          { cutoffMin: 120, nodesReached: 5, citiesReached: 2, populationReachedPersons: popAt120 },
        ],
      },
    ],
    travelTimeMin: { zoneIds: ["310100"], maxCutoffMin: 120, matrix: [[0]] },
    cityReachability: { zoneIds: ["310100"], unreachablePairs: [] },
    connectivity: [
      {
        layer: "road",
        nodeCount: 4,
        linkCount: 6,
        weakComponentCount: 1,
        strongComponentCount: 1,
        bridges: bridges.map((facilityId) => ({ facilityId })),
        articulationPoints: [],
      },
    ],
    capacity: [
      { id: "q", label: "Q", layer: "road", unit: "veh/h", maxFlow, sourceNodeCount: 1, sinkNodeCount: 1, minCut: [{ facilityId: "f", capacity: maxFlow }] },
    ],
  };
}

describe("compareRuns(before, after)", () => {
  test("computes after − before for reach and capacity", () => {
    // 60 min: 1.0 M → 3.5 M ⇒ +2.5 M; 120 min: 2.0 M → 2.0 M ⇒ 0; capacity 4000 → 6000 ⇒ +2000 (+50 %).
    const cmp = compareRuns(run("a", 1_000_000, 2_000_000, ["x"], 4000), run("b", 3_500_000, 2_000_000, ["y"], 6000));
    expect(cmp.isochrones[0]!.byCutoff[0]!.changePopulationPersons).toBe(2_500_000);
    expect(cmp.isochrones[0]!.byCutoff[1]!.changePopulationPersons).toBe(0);
    expect(cmp.capacity[0]!.change).toBe(2000);
    expect(cmp.capacity[0]!.relativeChange).toBeCloseTo(0.5, 12);
    expect(cmp.connectivity[0]!.newBridges).toEqual(["y"]);
    expect(cmp.connectivity[0]!.removedBridges).toEqual(["x"]);
  });

  test("refuses runs made with different cutoffs", () => {
    const b = run("b", 1, 2, [], 1);
    b.parameters.cutoffsMin = [30, 120];
    expect(() => compareRuns(run("a", 1, 2, [], 1), b)).toThrow(UsageError);
  });
});

describe("comparisonSections(cmp, [60, 120])", () => {
  test("shows 60 and 120 min before/after/change per city plus a mean row", () => {
    const cmp = compareRuns(run("a", 1_000_000, 2_000_000, [], 4000), run("b", 3_500_000, 2_000_000, [], 6000));
    const [reach] = comparisonSections(cmp, [60, 120]);
    expect(reach!.headers).toEqual([
      "City", "Province",
      "≤60 min before (M)", "≤60 min after (M)", "≤60 min change (M)",
      "≤120 min before (M)", "≤120 min after (M)", "≤120 min change (M)",
    ]);
    expect(reach!.rows[0]).toEqual(["Shanghai", "Shanghai", "1.00", "3.50", "+2.50", "2.00", "2.00", "0.00"]);
    expect(reach!.rows).toHaveLength(2);
    const table = formatTable(comparisonSections(cmp, [60, 120]));
    expect(table).toContain("+2.50");
    const md = formatMarkdown(comparisonSections(cmp, [60, 120]));
    expect(md).toContain("| Shanghai | Shanghai | 1.00 | 3.50 | +2.50 | 2.00 | 2.00 | 0.00 |");
  });
});

describe("number formatting", () => {
  test("millions(persons) and signed(value)", () => {
    expect(millions(24_870_895)).toBe("24.87");
    expect(signed(1.5)).toBe("+1.50");
    expect(signed(-2)).toBe("-2.00");
    expect(signed(-0.001)).toBe("0.00");
  });
  test("formatJson refuses non-finite numbers instead of writing null", () => {
    expect(() => formatJson({ a: Infinity })).toThrow(UsageError);
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });
});

describe("compareRuns(before, after, options) — issue 6: provenance", () => {
  test("records no mismatch for runs of one network and engine", () => {
    expect(compareRuns(makeRun({ name: "a" }), makeRun({ name: "b" })).mismatches).toEqual([]);
  });
  test("refuses a different base network and engine with UsageError provenance-mismatch, saying both", () => {
    const a = makeRun({ name: "a" });
    const b = makeRun({ name: "b", networkChecksum: "e".repeat(64), deltanetVersion: "9.9.9" });
    expect(() => compareRuns(a, b)).toThrow(expect.objectContaining({ code: "provenance-mismatch", exitCode: 2 }));
    expect(() => compareRuns(a, b)).toThrow(
      "refusing to compare runs of different networks or engines: base network differs: sha256 aaaaaaaaaaaa… (a) vs eeeeeeeeeeee… (b); " +
        "engine differs: deltanet 0.1.0 (a) vs 9.9.9 (b). Pass --allow-mismatch (allowMismatch: true) to compare them anyway.",
    );
  });
  test("with allowMismatch compares them and lists what differs", () => {
    const b = makeRun({ name: "b", networkChecksum: "e".repeat(64) });
    const cmp = compareRuns(makeRun({ name: "a" }), b, { allowMismatch: true });
    expect(runMismatches(makeRun({ name: "a" }), b)).toEqual(cmp.mismatches);
    expect(cmp.mismatches).toEqual([{ field: "network", before: "a".repeat(64), after: "e".repeat(64), message: expect.stringContaining("base network differs") }]);
  });
  test("names the differing parameters", () => {
    expect(() => compareRuns(makeRun(), makeRun({ cutoffsMin: [30, 120] }), { allowMismatch: true })).toThrow(
      "cannot compare runs made with different parameters: cutoffsMin differ (cutoffs 60, 120 vs 30, 120 min)",
    );
  });
});
