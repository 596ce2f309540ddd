/**
 * Tests of the test DSL test/support/tiny-network.ts and of the fixture folders generated from it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readNetworkFolder } from "../../src/io/network-file.ts";
import { networkChecksum } from "../../src/model/checksum.ts";
import { tinyNetwork } from "./tiny-network.ts";

describe("tinyNetwork(text)", () => {
  test("A <-> B makes two links with :ab/:ba ids, one facility, typed attributes", () => {
    const n = tinyNetwork("rail:a <-> rail:b 5min 300tpd\nroad:a -> road:b 84km 100kph borderDelayMin=5 crossesProvincialBorder=true");
    expect(n.edges().sort()).toEqual(["rail:a-b:ab", "rail:a-b:ba", "road:a-b"]);
    expect(n.getEdgeAttributes("rail:a-b:ba")).toMatchObject({ fromNodeId: "rail:b", toNodeId: "rail:a", facilityId: "rail:a-b", timeMin: 5, trainsPerDay: 300, layer: "rail", linkType: "rail-leg" });
    // 84 km at 100 km/h = 50.4 min + 5 min border delay.
    expect(n.getEdgeAttribute("road:a-b", "timeMin")).toBeCloseTo(55.4, 12);
    expect(n.getEdgeAttribute("road:a-b", "crossesProvincialBorder")).toBe(true);
    expect(n.getNodeAttribute("rail:a", "kind")).toBe("station");
  });

  test("svc: nodes are transit service stops; links touching one default to layer transit, linkType rail-ride", () => {
    const n = tinyNetwork("svc:S:f:1 -> svc:S:f:2 30min 4tpd\nrail:a -> svc:S:f:1 11min waitMin=6 type=rail-board");
    expect(n.getNodeAttributes("svc:S:f:1")).toMatchObject({ kind: "service-stop", layer: "transit" });
    expect(n.getEdgeAttributes("transit:svc:S:f:1-svc:S:f:2")).toMatchObject({ layer: "transit", linkType: "rail-ride", timeMin: 30, trainsPerDay: 4 });
    expect(n.getEdgeAttributes("transit:rail:a-svc:S:f:1")).toMatchObject({ layer: "transit", linkType: "rail-board", waitMin: 6 });
    expect(n.getNodeAttribute("rail:a", "kind")).toBe("station");
  });

  test("assumption name=value… sets the network's assumptions; without the statement the network has none", () => {
    const n = tinyNetwork("assumption roadSpeedKph=100 roadCircuity=1.25\nassumption alightMin=0\nroad:a -> road:b 10min");
    expect(n.getAttribute("assumptions")).toEqual({ roadSpeedKph: 100, roadCircuity: 1.25, alightMin: 0 });
    expect(tinyNetwork("road:a -> road:b 10min").getAttribute("assumptions")).toBeUndefined();
    expect(() => tinyNetwork("assumption roadSpeedKph=fast")).toThrow(/line 1/);
    expect(() => tinyNetwork("assumption ROAD_SPEED_KPH=100")).toThrow(/line 1/);
  });

  test("refuses a line it does not understand, naming the line", () => {
    expect(() => tinyNetwork("A -> B 10min road\nA => B")).toThrow(/line 2/);
    expect(() => tinyNetwork("A -> B road")).toThrow(/line 1: give a time/);
  });
});

describe("test/fixtures/networks/tiny-delta", () => {
  test("the committed JSON folder is the network of its network.txt (regenerate with write-fixture-network.ts)", () => {
    const dir = "test/fixtures/networks/tiny-delta";
    const fromFolder = readNetworkFolder(dir);
    const fromText = tinyNetwork(readFileSync(`${dir}/network.txt`, "utf8"), "tiny-delta");
    expect(networkChecksum(fromFolder)).toBe(networkChecksum(fromText));
    expect(fromFolder.getAttribute("projects")).toEqual(fromText.getAttribute("projects"));
    expect(fromFolder.getAttribute("assumptions")).toEqual({ roadCircuity: 1.25, roadSpeedKph: 100, centroidConnectorMin: 15, laneCapacityPcuPerHour: 2000 });
    expect(fromFolder.getAttribute("assumptions")).toEqual(fromText.getAttribute("assumptions"));
    expect([fromFolder.order, fromFolder.size]).toEqual([18, 43]);
  });
});
