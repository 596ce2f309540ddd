/**
 * Tests of GMNS import/export (src/io/gmns.ts): a round trip of the YRD road layer (network → GMNS → network gives the
 * same links and the same assignment), unit conversion from declared mi/mph, undirected links, the centroid
 * conventions, warnings for values a deltanet network cannot hold, and refused input with file, line and column.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { resolveRoadAssignmentParameters, resolveRoadLinkTableParameters } from "../../src/api/assignment-parameters.ts";
import { assignRoad } from "../../src/engine/assign.ts";
import { roadLinkTable } from "../../src/engine/road-link-table.ts";
import { DEFAULT_BPR_ALPHA, DEFAULT_BPR_BETA } from "../../src/defaults.ts";
import { InputError, UsageError } from "../../src/errors.ts";
import { gmnsLinkTable, gmnsToNetwork, networkToGmns, parseGmns, readGmnsFolder, writeGmnsFolder } from "../../src/io/gmns.ts";
import { createNetwork, addNode, type Network } from "../../src/model/network.ts";
import { applyScenario } from "../../src/scenario/apply-scenario.ts";
import { REPO_ROOT } from "../support/shared-data.ts";

/** deltanet's road-link BPR parameters (src/defaults.ts), as the library passes them. */
const BPR = { alpha: DEFAULT_BPR_ALPHA, beta: DEFAULT_BPR_BETA };

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues;
  }
  throw new Error("expected an InputError");
};

const NODES = "node_id,name,x_coord,y_coord,node_type,zone_id\nz1,Zone 1,121.0,31.0,,1\nz2,Zone 2,121.5,31.0,,2\na,,121.1,31.0,,\nb,,121.4,31.0,,\n";
const CONFIG = "dataset_name,long_length,speed\ntoy,mi,mph\n";

describe("parseGmns(texts) + gmnsToNetwork(gmns, bpr)", () => {
  test("converts declared miles and mph, splits an undirected link, and makes zone nodes centroids with connectors", () => {
    // a → b: 10 mi at 60 mph ⇒ 10 min; 16.09344 km; 2 lanes × 1,800 veh/h/lane = 3,600 veh/h; deltanet lanes 4
    const links =
      "link_id,from_node_id,to_node_id,directed,length,free_speed,capacity,lanes,facility_type\n" +
      "ab,a,b,false,10,60,1800,2,freeway\n" +
      "c1,z1,a,true,1,30,,,\n" +
      "c2,b,z2,true,1,30,,,\n";
    const gmns = parseGmns({ node: NODES, link: links, config: CONFIG });
    expect(gmns.name).toBe("toy");
    const { network, warnings } = gmnsToNetwork(gmns, BPR);
    expect(warnings).toEqual([]);
    expect(network.getEdgeAttributes("ab:ab")).toMatchObject({ fromNodeId: "a", toNodeId: "b", layer: "road", linkType: "freeway", facilityId: "ab", lanes: 4, capacityVehPerHour: 3600 });
    expect(network.getEdgeAttribute("ab:ab", "timeMin")).toBeCloseTo(10, 12);
    expect(network.getEdgeAttribute("ab:ab", "lengthKm")).toBeCloseTo(16.09344, 12);
    expect(network.getEdgeAttribute("ab:ab", "speedKph")).toBeCloseTo(96.56064, 12);
    expect(network.getEdgeAttributes("ab:ba")).toMatchObject({ fromNodeId: "b", toNodeId: "a" });
    expect(network.getEdgeAttributes("c1")).toMatchObject({ layer: "access", linkType: "centroid-connector", timeMin: 2 });
    expect(network.getNodeAttributes("z1")).toMatchObject({ kind: "centroid", layer: "zone", zoneId: "1", lon: 121, lat: 31, name: "Zone 1" });
    expect(network.getNodeAttributes("a")).toMatchObject({ kind: "road-junction", layer: "road" });
  });

  test("warns about VDF parameters and tolls it cannot keep; gmnsLinkTable keeps the VDF parameters", () => {
    const links = "link_id,from_node_id,to_node_id,directed,vdf_fftt,vdf_alpha,vdf_beta,toll,capacity_veh_per_hour\nab,a,b,true,12,0.5,4,3,2000\n";
    const gmns = parseGmns({ node: NODES, link: links });
    expect(gmnsToNetwork(gmns, BPR).warnings.map((w) => w.code)).toEqual(["vdf-not-kept", "toll-not-kept"]);
    expect(() => gmnsLinkTable(gmns)).toThrow(InputError); // a toll without a value of time
    const noToll = parseGmns({ node: NODES, link: links.replace(",3,2000", ",0,2000") });
    expect(gmnsLinkTable(noToll).links[0]).toEqual({ id: "ab", fromNodeId: "a", toNodeId: "b", freeFlowTimeMin: 12, capacityVehPerHour: 2000, alpha: 0.5, beta: 4, fixedCostMin: 0 });
    expect(gmnsLinkTable(noToll).zoneNodeIds).toEqual(["z1", "z2"]);
  });

  test.each([
    ["lengths without declared units", "link_id,from_node_id,to_node_id,directed,length,vdf_fftt\nab,a,b,true,5,3\n", undefined, { code: "missing-units", line: 2, path: "length" }],
    ["an unknown unit", "link_id,from_node_id,to_node_id,directed,length\nab,a,b,true,5\n", "long_length,speed\nfurlong,mph\n", { code: "unknown-unit", path: "long_length" }],
    ["an unknown node", "link_id,from_node_id,to_node_id,directed,vdf_fftt\nab,a,q,true,5\n", undefined, { code: "unknown-node", line: 2, path: "to_node_id" }],
    ["directed = yes", "link_id,from_node_id,to_node_id,directed,vdf_fftt\nab,a,b,yes,5\n", undefined, { code: "not-a-boolean", line: 2, column: 4 }],
    ["a negative length", "link_id,from_node_id,to_node_id,directed,length\nab,a,b,true,-1\n", CONFIG, { code: "invalid-value", line: 2, column: 5, path: "length" }],
    ["a quoted-number typo", "link_id,from_node_id,to_node_id,directed,vdf_fftt\nab,a,b,true,12min\n", undefined, { code: "not-a-number", path: "vdf_fftt" }],
    ["a duplicate link id", "link_id,from_node_id,to_node_id,directed,vdf_fftt\nab,a,b,true,5\nab,b,a,true,5\n", undefined, { code: "duplicate-id", line: 3 }],
    ["a missing required column", "link_id,from_node_id,to_node_id\nab,a,b\n", undefined, { code: "missing-column", path: "directed", line: 1 }],
  ])("refuses %s with file, line and code", (_name, link, config, expected) => {
    expect(issuesOf(() => parseGmns({ node: NODES, link, config }))[0]).toMatchObject({ file: expected.code === "unknown-unit" ? "config.csv" : "link.csv", ...expected });
  });

  test("gmnsLinkTable refuses a capacitated link without vdf_alpha/vdf_beta (never guessed); an uncapacitated one needs none", () => {
    const links = "link_id,from_node_id,to_node_id,directed,vdf_fftt,vdf_beta,capacity_veh_per_hour\nab,a,b,true,12,4,2000\nc1,z1,a,true,2,,\n";
    expect(issuesOf(() => gmnsLinkTable(parseGmns({ node: NODES, link: links })))).toEqual([
      expect.objectContaining({ code: "missing-vdf", line: 2, path: "vdf_alpha", message: expect.stringContaining("no vdf_alpha") }),
    ]);
    const connectorOnly = parseGmns({ node: NODES, link: "link_id,from_node_id,to_node_id,directed,vdf_fftt\nc1,z1,a,true,2\n" });
    expect(gmnsLinkTable(connectorOnly).links[0]).toMatchObject({ id: "c1", capacityVehPerHour: Infinity, freeFlowTimeMin: 2 });
  });

  test("refuses a link without any free-flow time (missing-time) and a per-lane capacity without lanes", () => {
    const gmns = parseGmns({ node: NODES, link: "link_id,from_node_id,to_node_id,directed,capacity\nab,a,b,true,1800\n" });
    expect(issuesOf(() => gmnsToNetwork(gmns, BPR))[0]).toMatchObject({ code: "missing-time", line: 2 });
    const noLanes = parseGmns({ node: NODES, link: "link_id,from_node_id,to_node_id,directed,capacity,vdf_fftt\nab,a,b,true,1800,5\n" });
    expect(issuesOf(() => gmnsToNetwork(noLanes, BPR))[0]).toMatchObject({ code: "missing-capacity-lanes", line: 2 });
  });
});

describe("networkToGmns(network, { bpr }) → GMNS → gmnsToNetwork on the YRD baseline-2019 road layer", () => {
  let network: Network;
  beforeAll(() => {
    network = applyScenario(join(REPO_ROOT, "scenarios/baseline-2019.yaml")).network;
  });

  test("keeps every road link and centroid connector with its ids, times, lengths, speeds, capacities and lanes", () => {
    const files = networkToGmns(network, { bpr: BPR });
    const { network: back, warnings } = gmnsToNetwork(parseGmns(files), BPR);
    expect(warnings).toEqual([]);
    const original = roadLinkTable(network, resolveRoadLinkTableParameters());
    const again = roadLinkTable(back, resolveRoadLinkTableParameters());
    expect(again.links).toEqual(original.links);
    expect(again.zoneNodeIds).toEqual(original.zoneNodeIds);
    for (const l of original.links) {
      const a = network.getEdgeAttributes(l.id);
      const b = back.getEdgeAttributes(l.id);
      expect({ lengthKm: b.lengthKm, speedKph: b.speedKph, lanes: b.lanes, linkType: b.linkType, layer: b.layer, name: b.name }).toEqual({
        lengthKm: a.lengthKm,
        speedKph: a.speedKph,
        lanes: a.lanes,
        linkType: a.linkType,
        layer: a.layer,
        name: a.name,
      });
    }
    for (const id of original.zoneNodeIds) {
      expect(back.getNodeAttributes(id)).toMatchObject({ kind: "centroid", zoneId: network.getNodeAttribute(id, "zoneId"), lon: network.getNodeAttribute(id, "lon") });
    }
  });

  test("the re-imported network assigns to the same flows as the original under the same OD matrix", () => {
    const before = assignRoad(network, { parameters: resolveRoadAssignmentParameters({ relativeGapTarget: 1e-6, maxIterations: 200 }) });
    const dir = mkdtempSync(join(tmpdir(), "deltanet-gmns-"));
    writeGmnsFolder(dir, network, { bpr: BPR });
    const back = gmnsToNetwork(readGmnsFolder(dir), BPR).network;
    const after = assignRoad(back, { parameters: resolveRoadAssignmentParameters({ relativeGapTarget: 1e-6, maxIterations: 200 }), demand: before.demand });
    const flows = new Map(before.run.links.map((l) => [l.linkId, l.flowVehPerHour]));
    for (const l of after.run.links) expect(l.flowVehPerHour).toBe(flows.get(l.linkId));
  });

  test("refuses to export a node without coordinates (UsageError missing-coordinates)", () => {
    const n = createNetwork("x");
    addNode(n, { id: "zone:1", kind: "centroid", layer: "zone", name: "Z", source: "test" });
    expect(() => networkToGmns(n, { bpr: BPR })).toThrow(UsageError);
    expect(() => networkToGmns(n, { bpr: BPR })).toThrow(expect.objectContaining({ code: "missing-coordinates" }));
  });
});
