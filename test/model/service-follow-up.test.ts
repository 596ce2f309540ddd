/**
 * Tests of src/model/service-follow-up.ts on a hand-checked network: rides stopped with their rail link (out of
 * service or closed) or retimed with it, out-of-service links removed, then stop nodes without a ride and stations
 * without a line, with their links. Counts are derived by hand in each test.
 */
import { describe, expect, test } from "vitest";
import { networkChecksum } from "../../src/model/checksum.ts";
import { followUpService } from "../../src/model/service-follow-up.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

/** Stations a, b, c; rail legs a–b and b–c; one pattern S running a → b → c with rides over the legs' a→b, b→c links. */
function base() {
  return tinyNetwork(`
    zone:a <-> rail:a 20min access type=station-access id=access:rail:a
    zone:c <-> rail:c 20min access type=station-access id=access:rail:c
    rail:a <-> rail:b 30min 40tpd id=rail:leg:a-b
    rail:b <-> rail:c 40min 20tpd id=rail:leg:b-c

    rail:a -> svc:S:f:1 11min waitMin=6 type=rail-board id=transit:S:f:1:board
    svc:S:f:1 -> svc:S:f:2 30min 4tpd id=transit:S:f:1-2 railLinkId=rail:leg:a-b:ab
    svc:S:f:2 -> rail:b 0min type=rail-alight id=transit:S:f:2:alight
    rail:b -> svc:S:f:2 20min waitMin=15 type=rail-board id=transit:S:f:2:board
    svc:S:f:2 -> svc:S:f:3 40min 4tpd id=transit:S:f:2-3 railLinkId=rail:leg:b-c:ab
    svc:S:f:3 -> rail:c 0min type=rail-alight id=transit:S:f:3:alight
  `);
}

describe("followUpService(network, base, outOfService)", () => {
  test("a leg out of service stops its ride; the stop and the station left without service go with their links", () => {
    const b = base();
    const before = networkChecksum(b);
    const network = b.copy();
    const outOfService = new Set(["rail:leg:b-c:ab", "rail:leg:b-c:ba"]);
    const r = followUpService(network, b, outOfService);
    // Ride 2→3 runs over b→c: stopped. Removed: the 2 leg links + the ride = 3. Stop 3 keeps only its alight link
    // (1 link, no ride): removed. rail:c keeps only its 2 access links: removed with them. 2 nodes, 1 + 2 links.
    expect(r).toEqual({
      ridesStoppedWithRailLinks: 1,
      ridesRetimedWithRailLinks: 0,
      trainsChangedRailLinkIds: [],
      outOfServiceLinksRemoved: 3,
      nodesRemoved: 2,
      accessLinksRemovedWithNodes: 3,
    });
    expect(network.hasNode("svc:S:f:3")).toBe(false);
    expect(network.hasNode("rail:c")).toBe(false);
    expect(network.hasNode("zone:c")).toBe(true); // centroids are never removed
    expect(network.hasEdge("transit:S:f:1-2")).toBe(true);
    expect(network.order).toBe(b.order - 2);
    expect(network.size).toBe(b.size - 6);
    expect(outOfService.size).toBe(2); // the caller's set is not modified
    expect(networkChecksum(b)).toBe(before);
  });

  test("a retimed rail link retimes the ride over it in proportion; a changed trainsPerDay is reported", () => {
    const b = base();
    const network = b.copy();
    network.setEdgeAttribute("rail:leg:a-b:ab", "timeMin", 45);
    network.setEdgeAttribute("rail:leg:a-b:ab", "trainsPerDay", 60);
    const r = followUpService(network, b, new Set());
    // Ride 1→2: 30 min × 45 / 30 = 45 min. Nothing is out of service, so nothing is removed.
    expect(network.getEdgeAttribute("transit:S:f:1-2", "timeMin")).toBe(45);
    expect(r).toEqual({
      ridesStoppedWithRailLinks: 0,
      ridesRetimedWithRailLinks: 1,
      trainsChangedRailLinkIds: ["rail:leg:a-b:ab"],
      outOfServiceLinksRemoved: 0,
      nodesRemoved: 0,
      accessLinksRemovedWithNodes: 0,
    });
  });

  test("a ride changed by the scenario itself is not retimed", () => {
    const b = base();
    const network = b.copy();
    network.setEdgeAttribute("rail:leg:a-b:ab", "timeMin", 45);
    network.setEdgeAttribute("transit:S:f:1-2", "timeMin", 25);
    expect(followUpService(network, b, new Set()).ridesRetimedWithRailLinks).toBe(0);
    expect(network.getEdgeAttribute("transit:S:f:1-2", "timeMin")).toBe(25);
  });

  test("a closed rail link stops its ride, but the closed leg still keeps its stations", () => {
    const b = base();
    const network = b.copy();
    network.setEdgeAttribute("rail:leg:a-b:ab", "closed", true);
    const r = followUpService(network, b, new Set());
    // Ride 1→2 stopped and removed (1 link). Stop 1 keeps only its board link: removed with it. Stop 2 keeps ride
    // 2→3. rail:a keeps the (closed) leg a–b: stays.
    expect(r).toMatchObject({ ridesStoppedWithRailLinks: 1, outOfServiceLinksRemoved: 1, nodesRemoved: 1, accessLinksRemovedWithNodes: 1 });
    expect(network.hasNode("svc:S:f:1")).toBe(false);
    expect(network.hasNode("rail:a")).toBe(true);
    expect(network.getEdgeAttribute("rail:leg:a-b:ab", "closed")).toBe(true);
  });
});
