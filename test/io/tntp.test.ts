/**
 * Tests of the TNTP reader (src/io/tntp.ts): metadata, link rows and trips; generalised cost and
 * through-node blocking in the link table; every kind of bad input refused with file, line, column and code.
 * Reference files: Transportation Networks for Research Core Team, https://github.com/bstabler/TransportationNetworks
 * (read from ../shared, not copied); hand-written fixtures in test/fixtures/tntp.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.ts";
import {
  isTntpFolder,
  parseTntpNet,
  parseTntpTrips,
  readTntpFolder,
  tntpLinkIds,
  tntpLinkTable,
} from "../../src/io/tntp.ts";
import { describeShared, REPO_ROOT, sharedPath } from "../support/shared-data.ts";
import { issuesOf } from "../support/issues-of.ts";

const FIXTURE = join(REPO_ROOT, "test/fixtures/tntp/TwoRoutes");

const HEADER = "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n";

describe("readTntpFolder(dir) on the hand-written TwoRoutes fixture", () => {
  const folder = readTntpFolder(FIXTURE);

  test("reads metadata, every link row with its line, and the trips", () => {
    expect(folder.name).toBe("TwoRoutes");
    expect(folder.net).toMatchObject({ zoneCount: 2, nodeCount: 4, firstThruNode: 3, tollFactor: 0, distanceFactor: 0 });
    expect(folder.net.links).toHaveLength(5);
    expect(folder.net.links[0]).toEqual({ line: 14, initNode: 1, termNode: 3, capacity: 1000, length: 10, freeFlowTime: 10, b: 0.15, power: 4, speed: 60, toll: 0, linkType: 1 });
    // "… 1;" with the semicolon touching the last field (as in TNTP's Braess_net.tntp)
    expect(folder.net.links[3]).toMatchObject({ initNode: 4, termNode: 2, linkType: 1 });
    expect(Array.from(folder.trips.demandVehPerHour)).toEqual([0, 2000, 0, 0]);
    expect(folder.trips.totalOdFlow).toBe(2000);
    expect(folder.net.warnings).toEqual([]);
    expect(folder.trips.warnings).toEqual([]);
  });

  test("tntpLinkTable blocks the zones numbered below FIRST THRU NODE and maps B/power to alpha/beta", () => {
    const table = tntpLinkTable(folder.net, folder.name);
    expect(table.nodeIds).toEqual(["1", "2", "3", "4"]);
    expect(table.zoneNodeIds).toEqual(["1", "2"]);
    expect(table.blockedNodeIds).toEqual(["1", "2"]);
    expect(table.links[2]).toEqual({ id: "1-4", fromNodeId: "1", toNodeId: "4", freeFlowTimeMin: 10, capacityVehPerHour: 1000, alpha: 1, beta: 0, fixedCostMin: 0 });
  });

  test("reads only the _net and _trips files: a malformed _node or _flow file beside them is not an input", () => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-tntp-"));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, "TwoRoutes_node.tntp"), "Node X Y\n1 oops 0\n");
    writeFileSync(join(dir, "TwoRoutes_flow.tntp"), "From To Volume\n1 3 -5\n");
    const again = readTntpFolder(dir);
    expect(Object.keys(again)).toEqual(["name", "net", "trips"]);
    expect(again.net.links).toEqual(folder.net.links);
  });

  test("isTntpFolder is true for it and false for a file or a folder without a _net file", () => {
    expect(isTntpFolder(FIXTURE)).toBe(true);
    expect(isTntpFolder(join(FIXTURE, "TwoRoutes_net.tntp"))).toBe(false);
    expect(isTntpFolder(join(REPO_ROOT, "test/fixtures"))).toBe(false);
  });
});

describe("parseTntpNet(text, file)", () => {
  test("adds toll and distance with their factors to the generalised cost (fixedCostMin)", () => {
    // fixed = 0.5 · toll 4 + 0.1 · length 30 = 5
    const net = parseTntpNet(
      "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 1\n<TOLL FACTOR> 0.5\n<DISTANCE FACTOR> 0.1\n<END OF METADATA>\n1 2 100 30 6 0.15 4 0 4 1 ;\n",
      "t_net.tntp",
    );
    expect(tntpLinkTable(net).links[0].fixedCostMin).toBeCloseTo(5, 12);
  });

  test("accepts rows of 7 columns (no speed, toll, type), zero free-flow time, power 0 and capacity 1", () => {
    const net = parseTntpNet(`${HEADER.replace("<NUMBER OF LINKS> 1", "<NUMBER OF LINKS> 2")}1 2 1 0 0 0.15 4\n2 3 1 5 5 1 0 ;\n`, "t_net.tntp");
    expect(net.links[0]).toMatchObject({ capacity: 1, freeFlowTime: 0, speed: undefined, toll: undefined });
    expect(net.links[1]).toMatchObject({ power: 0 });
  });

  test("defaults a missing FIRST THRU NODE to 1 with a warning, and reports unknown tags as warnings", () => {
    const net = parseTntpNet("<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2\n<NUMBER OF LINKS> 1\n<SOMETHING> 3\n<END OF METADATA>\n1 2 10 1 1 0.15 4 0 0 1 ;\n", "t_net.tntp");
    expect(net.firstThruNode).toBe(1);
    expect(net.warnings.map((w) => w.code)).toEqual(["tntp-default", "tntp-unknown-tag"]);
  });

  test("ignores columns after the 10th with one warning, and reads a fractional link type", () => {
    const net = parseTntpNet(`${HEADER}1 2 10 1 1 0.15 4 0 0 1.5 99 ;\n`, "t_net.tntp");
    expect(net.links[0]).toMatchObject({ linkType: 1.5, toll: 0 });
    expect(net.warnings).toEqual([expect.objectContaining({ code: "extra-column", line: 6, severity: "warning" })]);
  });

  test("gives parallel links distinct ids: 1-2, 1-2#2", () => {
    const net = parseTntpNet(`${HEADER.replace("<NUMBER OF LINKS> 1", "<NUMBER OF LINKS> 2")}1 2 10 1 1 0.15 4 ;\n1 2 10 1 2 0.15 4 ;\n`, "t_net.tntp");
    expect(tntpLinkIds(net)).toEqual(["1-2", "1-2#2"]);
  });

  test.each([
    ["capacity 0", "1 2 0 1 1 0.15 4 0 0 1 ;", { code: "invalid-capacity", line: 6, column: 5, path: "links[0].capacity" }],
    ["negative capacity", "1 2 -3 1 1 0.15 4 0 0 1 ;", { code: "invalid-capacity", line: 6, path: "links[0].capacity" }],
    ["a word as a number", "1 2 12x 1 1 0.15 4 0 0 1 ;", { code: "not-a-number", line: 6, column: 5, path: "links[0].capacity" }],
    ["a node outside 1 … N", "1 9 10 1 1 0.15 4 0 0 1 ;", { code: "invalid-node", line: 6, column: 3, path: "links[0].termNode" }],
    ["a negative free-flow time", "1 2 10 1 -1 0.15 4 0 0 1 ;", { code: "invalid-value", path: "links[0].freeFlowTime" }],
    ["a negative power", "1 2 10 1 1 0.15 -4 0 0 1 ;", { code: "invalid-value", path: "links[0].power" }],
    ["too few columns", "1 2 10 1 1 0.15 ;", { code: "missing-column", line: 6, path: "links[0].power" }],
    ["a fractional node number", "1.5 2 10 1 1 0.15 4 ;", { code: "not-a-number", path: "links[0].initNode" }],
  ])("refuses %s with file, line and code", (_name, row, expected) => {
    const issues = issuesOf(() => parseTntpNet(`${HEADER}${row}\n`, "bad_net.tntp"));
    expect(issues[0]).toMatchObject({ file: "bad_net.tntp", ...expected });
  });

  test("refuses a link count that differs from <NUMBER OF LINKS>, a missing tag and a missing END OF METADATA", () => {
    expect(issuesOf(() => parseTntpNet(`${HEADER}1 2 10 1 1 0.15 4 ;\n2 1 10 1 1 0.15 4 ;\n`, "x"))[0]).toMatchObject({ code: "link-count-mismatch", line: 4 });
    expect(issuesOf(() => parseTntpNet("<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<END OF METADATA>\n", "x"))[0]).toMatchObject({ code: "tntp-metadata", path: "<NUMBER OF LINKS>" });
    expect(issuesOf(() => parseTntpNet("<NUMBER OF ZONES> 2\n", "x"))[0]).toMatchObject({ code: "tntp-metadata" });
  });

  test("refuses a toll factor without a toll column", () => {
    const text = "<NUMBER OF ZONES> 1\n<NUMBER OF NODES> 2\n<NUMBER OF LINKS> 1\n<TOLL FACTOR> 1\n<END OF METADATA>\n1 2 10 1 1 0.15 4 ;\n";
    expect(issuesOf(() => parseTntpNet(text, "x"))[0]).toMatchObject({ code: "missing-toll", line: 6 });
  });
});

describe("parseTntpTrips(text, file, zoneCount)", () => {
  const META = "<NUMBER OF ZONES> 3\n<END OF METADATA>\n";

  test("reads several entries per line, applies <DEMAND MULTIPLIER>, and leaves unlisted pairs at 0", () => {
    const trips = parseTntpTrips(`<NUMBER OF ZONES> 3\n<DEMAND MULTIPLIER> 2\n<END OF METADATA>\nOrigin 1\n 2 : 5.5; 3 :1;\nOrigin 3\n1: 4 ;\n`, "t_trips.tntp", 3);
    expect(Array.from(trips.demandVehPerHour)).toEqual([0, 11, 2, 0, 0, 0, 8, 0, 0]);
  });

  test("warns (does not fail) when <TOTAL OD FLOW> differs from the sum", () => {
    const trips = parseTntpTrips(`<NUMBER OF ZONES> 2\n<TOTAL OD FLOW> 10\n<END OF METADATA>\nOrigin 1\n2 : 6;\n`, "t", 2);
    expect(trips.warnings).toEqual([expect.objectContaining({ code: "total-mismatch", severity: "warning", line: 2 })]);
  });

  test.each([
    ["a destination outside 1 … z", "Origin 1\n 4 : 1;\n", { code: "invalid-zone", line: 4 }],
    ["an origin outside 1 … z", "Origin 0\n 2 : 1;\n", { code: "invalid-zone", line: 3 }],
    ["a negative demand", "Origin 1\n 2 : -1;\n", { code: "invalid-demand", line: 4 }],
    ["a pair listed twice", "Origin 1\n 2 : 1; 2 : 3;\n", { code: "duplicate-entry", line: 4 }],
    ["an entry before any Origin", " 2 : 1;\n", { code: "missing-origin", line: 3 }],
    ["a non-number", "Origin 1\n 2 : abc;\n", { code: "not-a-number", line: 4 }],
  ])("refuses %s", (_name, body, expected) => {
    expect(issuesOf(() => parseTntpTrips(`${META}${body}`, "bad_trips.tntp", 3))[0]).toMatchObject({ file: "bad_trips.tntp", ...expected });
  });

  test("refuses a zone count that differs from the network's", () => {
    expect(issuesOf(() => parseTntpTrips(META, "t", 4))[0]).toMatchObject({ code: "zone-count-mismatch", line: 1 });
  });
});

describeShared("TNTP reference files (../shared)", () => {
  test("SiouxFalls: 24 zones and nodes, 76 links, 360,600 trips, every node a through node", () => {
    const folder = readTntpFolder(sharedPath("data/reference/tntp/SiouxFalls"));
    expect(folder.net).toMatchObject({ zoneCount: 24, nodeCount: 24, firstThruNode: 1 });
    expect(folder.net.links).toHaveLength(76);
    expect(folder.trips.demandVehPerHour.reduce((a, b) => a + b, 0)).toBe(360600);
    expect(folder.trips.warnings).toEqual([]);
    expect(tntpLinkTable(folder.net).blockedNodeIds).toEqual([]);
  });

  test("Braess-Example: 5 links including the last row ending in '1;', 6 trips from 1 to 2", () => {
    const folder = readTntpFolder(sharedPath("data/reference/tntp/Braess-Example"));
    expect(folder.net.links.map((l) => `${l.initNode}-${l.termNode}`)).toEqual(["1-3", "1-4", "3-2", "3-4", "4-2"]);
    expect(folder.net.links[0]).toMatchObject({ capacity: 1, freeFlowTime: 1e-8, b: 1e9, power: 1 });
    expect(Array.from(folder.trips.demandVehPerHour)).toEqual([0, 6, 0, 0]);
  });
});
