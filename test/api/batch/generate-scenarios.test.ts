/**
 * Tests of src/batch/generate-scenarios.ts and src/batch/random.ts on the batch-delta fixture: scenario order, ids and
 * perturbations of each generator, reproducible Monte Carlo draws, and the generator errors.
 */
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { DEFAULT_CAPACITY_QUERIES } from "../../../src/defaults.ts";
import { buildWhatIfModel } from "../../../src/engine/what-if-model.ts";
import { generateScenarios, openFacilities } from "../../../src/api/batch/generate-scenarios.ts";
import { mulberry32, sampleIndexes } from "../../../src/api/batch/random.ts";
import { applyScenario } from "../../../src/scenario/apply-scenario.ts";
import { WHAT_IF_DEFAULTS } from "../../support/what-if-defaults.ts";

const base = applyScenario("test/fixtures/scenarios/batch-base.yaml").network;
const model = buildWhatIfModel(base, { ...WHAT_IF_DEFAULTS, capacityQueries: DEFAULT_CAPACITY_QUERIES.filter((q) => q.layer === "road") });
const ROAD = ["road:G15:nt-yc", "road:G2:sh-sz", "road:G40:sh-nt", "road:crossing:sutong"]; // code-unit order

describe("generateScenarios(model, generator)", () => {
  test("n-minus-1: one scenario per open facility in code-unit order, closing both directions in every space", () => {
    const s = generateScenarios(model, { type: "n-minus-1", layer: "road" });
    expect(s.map((x) => [x.index, x.id, x.detail])).toEqual([
      [0, "n-1:road:G15:nt-yc", "G15"],
      [1, "n-1:road:G2:sh-sz", "G2"],
      [2, "n-1:road:G40:sh-nt", "G40"],
      [3, "n-1:road:crossing:sutong", "Sutong"],
    ]);
    const sutong = s[3]!.perturbation;
    const ids = Array.from(sutong.closedLinks, (l) => model.passenger.linkIds[l]);
    expect(ids.sort()).toEqual(["road:crossing:sutong:ab", "road:crossing:sutong:ba"]);
    expect(Array.from(sutong.closedViewLinks[0]!, (l) => model.views[0]!.linkIds[l]).sort()).toEqual(["road:crossing:sutong:ab", "road:crossing:sutong:ba"]);
  });

  test("n-minus-1 leaves out a facility the base scenario already closed", () => {
    const closed = base.copy();
    closed.forEachEdge((id, a) => {
      if (a.facilityId === "road:G2:sh-sz") closed.setEdgeAttribute(id, "closed", true);
    });
    const m = buildWhatIfModel(closed, WHAT_IF_DEFAULTS);
    expect(openFacilities(m, "road")).toEqual(ROAD.filter((id) => id !== "road:G2:sh-sz"));
  });

  test("monte-carlo: the same seed gives the same draws; each draw closes `failures` distinct facilities", () => {
    const g = { type: "monte-carlo", layer: "road", failures: 2, draws: 30, seed: 7 } as const;
    const a = generateScenarios(model, g);
    expect(generateScenarios(model, g)).toEqual(a);
    expect(a.map((s) => s.id).slice(0, 3)).toEqual(["mc:1", "mc:2", "mc:3"]);
    for (const s of a) {
      expect(new Set(s.closedFacilityIds).size).toBe(2);
      expect(s.closedFacilityIds.every((id) => ROAD.includes(id))).toBe(true);
      expect(s.perturbation.closedLinks).toHaveLength(4); // 2 facilities × 2 directions
    }
    // All 6 pairs of 4 facilities appear in 30 draws (a uniform sampler misses one with probability < 6·(5/6)^30 ≈ 0.025,
    // and the seed is fixed, so this is deterministic).
    expect(new Set(a.map((s) => s.detail)).size).toBe(6);
    expect(generateScenarios(model, { ...g, seed: 8 }).map((s) => s.detail)).not.toEqual(a.map((s) => s.detail));
  });

  test("sweep: one scenario per factor, in the order written", () => {
    const s = generateScenarios(model, { type: "sweep", parameter: "capacityVehPerHour", layer: "road", factors: [1.2, 0.8] });
    expect(s.map((x) => x.id)).toEqual(["sweep:capacityVehPerHour:road:x1.2", "sweep:capacityVehPerHour:road:x0.8"]);
    expect(s[1]!.perturbation.capacityScale).toEqual({ layer: "road", attribute: "capacityVehPerHour", factor: 0.8 });
    expect(generateScenarios(model, { type: "sweep", parameter: "timeMin", layer: "access", factors: [2] })[0]!.perturbation.timeScale).toEqual({ layer: "access", factor: 2 });
  });

  test("refuses a layer with nothing to close, too many failures and a sweep that changes nothing (codes, paths)", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { issues: { code: string; path: string }[] }).issues[0];
      }
      return undefined;
    };
    expect(code(() => generateScenarios(model, { type: "n-minus-1", layer: "water" }))).toMatchObject({ code: "no-facilities", path: "generator.layer" });
    expect(code(() => generateScenarios(model, { type: "monte-carlo", layer: "road", failures: 5, draws: 1, seed: 1 }))).toMatchObject({ code: "too-many-failures" });
    expect(code(() => generateScenarios(model, { type: "sweep", parameter: "capacityMw", layer: "road", factors: [2] }))).toMatchObject({ code: "no-effect", path: "generator.parameter" });
    expect(code(() => generateScenarios(model, { type: "sweep", parameter: "timeMin", layer: "power", factors: [2] }))).toMatchObject({ code: "no-effect", path: "generator.layer" });
  });
});

describe("mulberry32(seed) / sampleIndexes(next, n, k)", () => {
  test("mulberry32(42) starts 0.6011037519201636, 0.44829055899754167 (the published generator's first outputs)", () => {
    const next = mulberry32(42);
    expect([next(), next()]).toEqual([0.6011037519201636, 0.44829055899754167]);
  });
  test.prop([fc.integer({ min: 0, max: 40 }), fc.nat(), fc.integer({ min: 0, max: 2 ** 32 - 1 })], { seed: 20261129, numRuns: 200 })(
    "returns k distinct ascending indexes in 0 … n − 1",
    (n, kRaw, seed) => {
      const k = n === 0 ? 0 : kRaw % (n + 1);
      const s = sampleIndexes(mulberry32(seed), n, k);
      expect(s).toHaveLength(k);
      expect(new Set(s).size).toBe(k);
      expect(s.every((i, j) => i >= 0 && i < n && (j === 0 || s[j - 1]! < i))).toBe(true);
    },
  );
});
