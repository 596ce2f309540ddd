/**
 * Tests of the CSV files of `deltanet assign` (src/report/assignment.ts formatLinkFlowsCsv, formatConvergenceCsv) on a
 * hand-made two-link run: the exact text (header, unrounded numbers, empty cells for an uncongested link, quoted ids
 * and warnings) and what csv-parse reads back.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import type { AssignmentRun } from "../../src/engine/assign.ts";
import { formatConvergenceCsv, formatLinkFlowsCsv } from "../../src/report/assignment.ts";

const run = {
  links: [
    { linkId: "road:a,b", fromNodeId: "road:a", toNodeId: 'road:"b"', flowVehPerHour: 1200.5, capacityVehPerHour: 4000, vcRatio: 0.300125, freeFlowTimeMin: 10, congestedTimeMin: 10.0012, costMin: 10.0012 },
    { linkId: "access:z1", fromNodeId: "zone:1", toNodeId: "road:a", flowVehPerHour: 0, capacityVehPerHour: null, vcRatio: null, freeFlowTimeMin: 0.1 + 0.2, congestedTimeMin: 1e-7, costMin: 1e21 },
  ],
  convergence: [
    { iteration: 1, relativeGap: 0.5, stepSize: 1, objective: 12345.678, direction: "all-or-nothing", warnings: [] },
    { iteration: 2, relativeGap: 0.01, stepSize: 0.25, objective: 12000, direction: "cfw", warnings: ["conjugate step unusable, FW used", "line\nbreak"] },
  ],
} as unknown as AssignmentRun;

describe("assignment CSV files", () => {
  test("formatLinkFlowsCsv: header, one row per link, ids quoted when needed, uncongested capacity and v/c empty", () => {
    expect(formatLinkFlowsCsv(run)).toBe(
      "link_id,from_node_id,to_node_id,flow_veh_per_hour,capacity_veh_per_hour,vc_ratio,free_flow_time_min,congested_time_min,cost_min\n" +
        '"road:a,b",road:a,"road:""b""",1200.5,4000,0.300125,10,10.0012,10.0012\n' +
        "access:z1,zone:1,road:a,0,,,0.30000000000000004,1e-7,1e+21\n",
    );
    const [, first] = parse(formatLinkFlowsCsv(run)) as string[][];
    expect(first!.slice(0, 3)).toEqual(["road:a,b", "road:a", 'road:"b"']);
  });

  test("formatConvergenceCsv: warnings joined by '; ' in one quoted cell, empty when none", () => {
    const text = formatConvergenceCsv(run);
    expect(text).toBe(
      "iteration,relative_gap,step_size,objective,direction,warnings\n" +
        "1,0.5,1,12345.678,all-or-nothing,\n" +
        '2,0.01,0.25,12000,cfw,"conjugate step unusable, FW used; line\nbreak"\n',
    );
    expect((parse(text) as string[][])[2]![5]).toBe("conjugate step unusable, FW used; line\nbreak");
  });
});
