/**
 * Tests of src/batch/criticality.ts on the batch-delta fixture: the ranking follows the documented order
 * (disconnections, then population-weighted delay, then lost max-flow), with hand-derived values.
 */
import { describe, expect, test } from "vitest";
import { criticality } from "../../../src/api/batch/criticality.ts";
import { criticalityCsv, criticalitySections } from "../../../src/report/criticality.ts";
import { UsageError } from "../../../src/errors.ts";

const SCENARIO = "test/fixtures/scenarios/batch-base.yaml";
const P = { sh: 24_870_895, sz: 12_748_262, nt: 7_726_635, yc: 6_709_629 };

describe("criticality(scenarioPath, { layer })", async () => {
  const result = await criticality(SCENARIO, { layer: "road", workers: 0 });

  test("ranks G15 (cuts Yancheng off) first, then Sutong, G2, G40 by population-weighted delay", () => {
    // Weighted delay numerators (the denominator W is common): Sutong 108.4 · 2 p_sz (p_nt + p_yc) ≈ 3.99e16;
    // G2 (sh ↔ sz via nt: 131 instead of 85.4) 45.6 · 2 p_sh p_sz ≈ 2.89e16; G40 (sh ↔ nt, sh ↔ yc via sz, +2.4)
    // 2.4 · 2 p_sh (p_nt + p_yc) ≈ 1.72e15.
    expect(108.4 * P.sz * (P.nt + P.yc) > 45.6 * P.sh * P.sz && 45.6 * P.sh * P.sz > 2.4 * P.sh * (P.nt + P.yc)).toBe(true);
    expect(result.rows.map((r) => [r.rank, r.facilityId, r.name])).toEqual([
      [1, "road:G15:nt-yc", "G15"],
      [2, "road:crossing:sutong", "Sutong"],
      [3, "road:G2:sh-sz", "G2"],
      [4, "road:G40:sh-nt", "G40"],
    ]);
    expect(result.rows[0]!.metrics.odPairsDisconnected).toBe(6);
    expect(result.rows[3]!.metrics["maxFlowChange:road-north-to-south"]).toBe(-4000); // G40 carried 4,000 of 8,000
    expect(result.failures).toEqual([]);
  });

  test("the same ranking with 2 worker threads", async () => {
    const pooled = await criticality(SCENARIO, { layer: "road", workers: 2 });
    expect(pooled.rows).toEqual(result.rows);
  });

  test("table sections keep the top rows; CSV holds every facility with a header", () => {
    const [section] = criticalitySections(result, 2);
    expect(section!.rows.map((r) => r[1]!.split("\n").at(-1))).toEqual(["road:G15:nt-yc", "road:crossing:sutong"]);
    expect(section!.headers).toEqual([
      "Rank",
      "Facility",
      "Mean time\nincrease (min)",
      "OD pairs\ncut",
      "Persons\ncut off (M)",
      "OD pairs\n> 120 min",
      "Δ persons\n≤ 60 min (M)",
      "Δ persons\n≤ 120 min (M)",
      "Δ max flow\nroad-north-to-south\n(veh/h)",
      "Δ max flow\nroad-south-to-north\n(veh/h)",
    ]);
    // persons are shown in millions in the table, exactly in the result (and CSV/JSON)
    const personsColumn = section!.headers.indexOf("Persons\ncut off (M)");
    expect(section!.rows[0]![personsColumn]).toBe((result.rows[0]!.metrics.populationDisconnectedPersons! / 1e6).toFixed(2));
    const csv = criticalityCsv(result).trimEnd().split("\n");
    expect(csv[0]).toBe(
      "rank,facilityId,name,meanTimeIncreaseMin,odPairsDisconnected,populationDisconnectedPersons,odPairsBeyond120Min," +
        "populationWithin60MinChangePersons,populationWithin120MinChangePersons,maxFlowChange:road-north-to-south,maxFlowChange:road-south-to-north",
    );
    expect(csv).toHaveLength(5);
  });

  test("refuses an unknown layer (UsageError) and a layer with nothing to close (InputError no-facilities at --layer)", async () => {
    await expect(criticality(SCENARIO, { layer: "raod" as never, workers: 0 })).rejects.toBeInstanceOf(UsageError);
    await expect(criticality(SCENARIO, { layer: "water", workers: 0 })).rejects.toMatchObject({ issues: [expect.objectContaining({ code: "no-facilities", path: "--layer" })] });
  });
});
