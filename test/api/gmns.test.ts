/**
 * Tests of the GMNS use cases (src/api/gmns.ts) through the library entry: a scenario's road assignment network
 * exported and imported back gives the same road link table and the same equilibrium flows; closed links are left
 * out; road links carry deltanet's BPR defaults; declared units, warnings and refusals reach the caller.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, test } from "vitest";
import { resolveRoadAssignmentParameters, resolveRoadLinkTableParameters } from "../../src/api/assignment-parameters.ts";
import { assignRoad } from "../../src/engine/assign.ts";
import { roadLinkTable } from "../../src/engine/road-link-table.ts";
import { exportGmns, importGmns, InputError, UsageError, type ExportGmnsResult, type Network } from "../../src/index.ts";
import { applyScenario } from "../../src/scenario/apply-scenario.ts";
import { REPO_ROOT } from "../support/shared-data.ts";

const BASELINE = join(REPO_ROOT, "scenarios/baseline-2019.yaml");
const SUTONG = join(REPO_ROOT, "scenarios/whatif-close-sutong-bridge.yaml");

const tmp = () => mkdtempSync(join(tmpdir(), "deltanet-api-gmns-"));

/** The rows of a CSV file as objects keyed by the header. */
function csvRows(file: string): Record<string, string>[] {
  return parse(readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];
}

describe("exportGmns → importGmns on baseline-2019", () => {
  let exported: ExportGmnsResult;
  let network: Network;
  let back: Network;
  beforeAll(() => {
    const out = join(tmp(), "yrd-gmns");
    exported = exportGmns({ scenario: BASELINE, out });
    network = applyScenario(BASELINE).network;
    const imported = importGmns({ folder: out });
    expect(imported.warnings).toEqual([]);
    expect(imported.parameters).toEqual({ folder: out, bprAlpha: 0.15, bprBeta: 4 });
    back = imported.network;
  });

  test("writes node.csv, link.csv and config.csv and returns a JSON-safe document with the parameters used", () => {
    const out = exported.parameters.out;
    expect(exported.files).toEqual({ node: join(out, "node.csv"), link: join(out, "link.csv"), config: join(out, "config.csv") });
    expect(exported.parameters).toEqual({ scenario: BASELINE, out, bprAlpha: 0.15, bprBeta: 4 });
    expect(exported.scenario.name).toBe("baseline-2019");
    expect(exported.scenario.networkChecksum).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(csvRows(exported.files.config)).toEqual([
      { dataset_name: "baseline-2019", short_length: "m", long_length: "km", speed: "kph", crs: "EPSG:4326", geometry_field_format: "WKT", currency: "CNY", version_number: "0.96" },
    ]);
  });

  test("link.csv holds the 144 road links with BPR 0.15/4 and the 82 uncongested centroid connectors", () => {
    const links = csvRows(exported.files.link);
    const road = links.filter((l) => l.vdf_alpha !== "");
    const connectors = links.filter((l) => l.facility_type === "centroid-connector");
    expect([links.length, road.length, connectors.length]).toEqual([226, 144, 82]);
    for (const l of road) expect([l.vdf_alpha, l.vdf_beta]).toEqual(["0.15", "4"]);
    for (const l of connectors) expect([l.vdf_alpha, l.vdf_beta, l.directed]).toEqual(["", "", "true"]);
    const first = network.getEdgeAttributes(road[0].link_id);
    expect(first.layer).toBe("road");
    expect(Number(road[0].vdf_fftt)).toBe(first.timeMin);
    expect(Number(road[0].capacity_veh_per_hour)).toBe(first.capacityVehPerHour);
    expect(csvRows(exported.files.node).filter((n) => n.node_type === "centroid")).toHaveLength(41);
  });

  test("the imported network has the scenario's road link table: ids, ends, times, capacities, BPR, zones", () => {
    expect(back.getAttribute("name")).toBe("baseline-2019");
    expect(back.size).toBe(226);
    const original = roadLinkTable(network, resolveRoadLinkTableParameters());
    const again = roadLinkTable(back, resolveRoadLinkTableParameters());
    expect(again.links).toEqual(original.links);
    expect(again.zoneNodeIds).toEqual(original.zoneNodeIds);
  });
});

describe("exportGmns of a scenario with a closure", () => {
  test("leaves the closed Sutong bridge out, and the re-imported network assigns to the scenario's flows", () => {
    const applied = applyScenario(SUTONG);
    const closed = applied.network.filterEdges((_id, a) => a.closed === true && a.layer === "road");
    expect(closed).toEqual(["road:crossing:sutong:ab", "road:crossing:sutong:ba"]);
    const out = tmp();
    exportGmns({ scenario: SUTONG, out });
    const ids = new Set(csvRows(join(out, "link.csv")).map((l) => l.link_id));
    expect(ids.size).toBe(224);
    for (const id of closed) expect(ids.has(id)).toBe(false);

    const parameters = resolveRoadAssignmentParameters({ relativeGapTarget: 1e-6, maxIterations: 200 });
    const before = assignRoad(applied.network, { parameters });
    const back = importGmns({ folder: out }).network;
    const after = assignRoad(back, { parameters, demand: before.demand });
    const flows = new Map(before.run.links.map((l) => [l.linkId, l.flowVehPerHour]));
    for (const id of closed) expect(flows.get(id)).toBe(0);
    expect(after.run.links).toHaveLength(224);
    for (const l of after.run.links) expect(l.flowVehPerHour).toBeCloseTo(flows.get(l.linkId)!, 6);
  });
});

describe("importGmns on hand-written folders", () => {
  const NODES = "node_id,x_coord,y_coord,node_type,zone_id\nz1,121.0,31.0,,1\nz2,121.5,31.0,,2\na,121.1,31.0,,\nb,121.4,31.0,,\n";
  const LINKS = "link_id,from_node_id,to_node_id,directed,length,free_speed,capacity,lanes,vdf_alpha,vdf_beta\n" +
    "ab,a,b,true,10,60,1800,2,0.15,4\nba,b,a,true,10,60,1800,2,0.5,4\nc1,z1,a,true,1,30,,,,\nc2,b,z2,true,1,30,,,,\n";
  const folder = (files: Record<string, string>) => {
    const dir = tmp();
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  test("converts declared units (10 mi at 60 mph = 16.09344 km, 10 min) and warns only about VDFs unlike deltanet's BPR", () => {
    const dir = folder({ "node.csv": NODES, "link.csv": LINKS });
    const { network, warnings } = importGmns({ folder: dir, units: { length: "mi", speed: "mph" } });
    expect(network.getEdgeAttribute("ab", "lengthKm")).toBeCloseTo(16.09344, 12);
    expect(network.getEdgeAttribute("ab", "timeMin")).toBeCloseTo(10, 12);
    // 2 lanes per direction × 1,800 veh/h per lane; deltanet lanes count both directions
    expect(network.getEdgeAttributes("ab")).toMatchObject({ layer: "road", capacityVehPerHour: 3600, lanes: 4 });
    expect(network.getEdgeAttributes("c1")).toMatchObject({ layer: "access", linkType: "centroid-connector", timeMin: 2 });
    expect(warnings).toEqual([expect.objectContaining({ code: "vdf-not-kept", line: 3, severity: "warning", file: join(dir, "link.csv") })]);
  });

  test("refuses lengths without declared units, and a folder without node.csv, with file and line", () => {
    const dir = folder({ "node.csv": NODES, "link.csv": LINKS });
    expect(() => importGmns({ folder: dir })).toThrow(InputError);
    expect(() => importGmns({ folder: dir })).toThrow(expect.objectContaining({ issues: expect.arrayContaining([expect.objectContaining({ code: "missing-units", line: 2 })]) }));
    const empty = tmp();
    expect(() => importGmns({ folder: empty })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "file-not-found", file: join(empty, "node.csv") })] }));
  });
});

test("exportGmns refuses an output path that is a file (UsageError bad-output-path) and writes nothing", () => {
  const file = join(tmp(), "not-a-folder");
  writeFileSync(file, "x");
  expect(() => exportGmns({ scenario: BASELINE, out: file })).toThrow(UsageError);
  expect(() => exportGmns({ scenario: BASELINE, out: file })).toThrow(expect.objectContaining({ code: "bad-output-path" }));
  expect(readFileSync(file, "utf8")).toBe("x");
});
