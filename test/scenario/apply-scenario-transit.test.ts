/**
 * Tests of the node-removal rule of src/scenario/apply-scenario.ts for the transit layer: a stop node whose rides are
 * all out of service goes with its board/alight links, and a station left with nothing but those goes too.
 */
import { describe, expect, test } from "vitest";
import { applyText } from "../support/scenario-text.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

/**
 * Stations a, b, c; rail legs a–b (old) and b–c (opened 2020-07-01); one pattern S running a → b → c forward, its
 * rides over the a→b and b→c links of the legs (`railLinkId`).
 * `boardAlightDated`: board/alight links carry the date of their ride as the builder writes them; when false they are
 * undated (a hand-edited or add-link network), so only the node-removal rule can take them out.
 */
function network(boardAlightDated: boolean) {
  const d = boardAlightDated ? " opened=2020-07-01" : "";
  return tinyNetwork(`
    zone:a <-> rail:a 20min access type=station-access id=access:rail:a
    zone:c <-> rail:c 20min access type=station-access id=access:rail:c
    rail:a <-> rail:b 30min 40tpd id=rail:leg:a-b
    rail:b <-> rail:c 40min 20tpd opened=2020-07-01 id=rail:leg:b-c

    rail:a -> svc:S:f:1 11min waitMin=6 type=rail-board id=transit:S:f:1:board
    svc:S:f:1 -> svc:S:f:2 30min 4tpd id=transit:S:f:1-2 railLinkId=rail:leg:a-b:ab
    svc:S:f:2 -> rail:b 0min type=rail-alight id=transit:S:f:2:alight
    rail:b -> svc:S:f:2 20min waitMin=15 type=rail-board id=transit:S:f:2:board${d}
    svc:S:f:2 -> svc:S:f:3 40min 4tpd opened=2020-07-01 id=transit:S:f:2-3 railLinkId=rail:leg:b-c:ab
    svc:S:f:3 -> rail:c 0min type=rail-alight id=transit:S:f:3:alight${d}
  `);
}

describe("applyScenario(chain, { network }) — transit stop nodes", () => {
  test("as of 2019 the stop at c (only ride 2→3, opened 2020) is removed; the stop at b keeps its incoming ride", () => {
    // Out of service: leg b–c (2 links), ride 2→3, board at b, alight at c = 5 links.
    const r = applyText(network(true), `asOfDate: "2019-05-31"\n`);
    expect(r.summary.linksOutOfServiceAtAsOfDate).toBe(5);
    // svc:S:f:3 has no link left (removed, 0 links with it); rail:c has only its 2 access links left (removed with them).
    expect(r.summary).toMatchObject({ nodesRemoved: 2, accessLinksRemovedWithNodes: 2 });
    expect(r.network.hasNode("svc:S:f:3")).toBe(false);
    expect(r.network.hasNode("rail:c")).toBe(false);
    expect(r.network.hasNode("svc:S:f:2")).toBe(true);
    expect(r.network.hasEdge("transit:S:f:2:alight")).toBe(true);
  });

  test("a stop node whose rides are gone is removed with its undated board/alight links, then its station", () => {
    // Out of service: leg b–c (2) and ride 2→3 (1) = 3. Stop 3 keeps only its undated alight link: no ride, so it
    // goes with 1 link; stop 2 keeps ride 1→2 and stays (its undated board link stays too, leading nowhere). Then
    // rail:c has only its access links: removed with 2 links. 2 nodes, 1 + 2 = 3 links.
    const r = applyText(network(false), `asOfDate: "2019-05-31"\n`);
    expect(r.summary).toEqual({ linksOutOfServiceAtAsOfDate: 3, outOfServiceLinksRemoved: 3, ridesStoppedWithRailLinks: 0, ridesRetimedWithRailLinks: 0, nodesRemoved: 2, accessLinksRemovedWithNodes: 3 });
    expect(r.network.hasNode("svc:S:f:3")).toBe(false);
    expect(r.network.hasEdge("transit:S:f:3:alight")).toBe(false);
    expect(r.network.hasNode("rail:c")).toBe(false);
    expect(r.network.hasEdge("transit:S:f:2:board")).toBe(true);
  });

  test("removing every ride takes all stop nodes and their links; stations keep their rail legs", () => {
    // Rides 1→2, 2→3 removed: stops 1 (board), 2 (alight + board), 3 (alight) go with 1 + 2 + 1 = 4 links.
    const r = applyText(network(false), "modifications:\n  - type: remove-link\n    where: { layer: transit, linkType: rail-ride }\n");
    expect(r.summary).toEqual({ linksOutOfServiceAtAsOfDate: 0, outOfServiceLinksRemoved: 0, ridesStoppedWithRailLinks: 0, ridesRetimedWithRailLinks: 0, nodesRemoved: 3, accessLinksRemovedWithNodes: 4 });
    expect(r.network.filterNodes((_id, a) => a.kind === "service-stop")).toEqual([]);
    expect(["rail:a", "rail:b", "rail:c"].every((s) => r.network.hasNode(s))).toBe(true);
  });

  test("a closed ride still counts: closing keeps the stop nodes", () => {
    const r = applyText(network(true), "modifications:\n  - type: close-link\n    where: { layer: transit, linkType: rail-ride }\n");
    expect(r.summary.nodesRemoved).toBe(0);
    expect(r.network.getEdgeAttribute("transit:S:f:1-2", "closed")).toBe(true);
  });

  test("set-link waitMin on a boarding shifts its timeMin by the change in wait", () => {
    // 11 min = 6 wait + 5 boarding; wait 6 → 10 gives 15.
    const r = applyText(network(true), "modifications:\n  - type: set-link\n    links: [transit:S:f:1:board]\n    set: { waitMin: 10 }\n");
    expect(r.network.getEdgeAttributes("transit:S:f:1:board")).toMatchObject({ waitMin: 10, timeMin: 15 });
    expect(r.log[0]!.message).toBe("set waitMin = 10 on 1 link (timeMin recomputed)");
  });

  test("closing a rail link takes the ride over it out of service, in that direction only, and a stop left without a ride", () => {
    const back = applyText(network(true), "modifications:\n  - type: close-link\n    links: [rail:leg:a-b:ba]\n");
    expect(back.summary.ridesStoppedWithRailLinks).toBe(0);
    expect(back.network.hasEdge("transit:S:f:1-2")).toBe(true);
    // a→b closed: ride 1→2 goes; stop 1 had no other ride, so it goes with its board link; stop 2 keeps ride 2→3.
    const ahead = applyText(network(true), "modifications:\n  - type: close-link\n    links: [rail:leg:a-b:ab]\n");
    expect(ahead.summary).toEqual({
      linksOutOfServiceAtAsOfDate: 0,
      outOfServiceLinksRemoved: 1,
      ridesStoppedWithRailLinks: 1,
      ridesRetimedWithRailLinks: 0,
      nodesRemoved: 1,
      accessLinksRemovedWithNodes: 1,
    });
    expect(ahead.network.hasEdge("transit:S:f:1-2")).toBe(false);
    expect(ahead.network.hasNode("svc:S:f:1")).toBe(false);
    expect(ahead.network.hasEdge("transit:S:f:2-3")).toBe(true);
    expect(ahead.network.getEdgeAttribute("rail:leg:a-b:ab", "closed")).toBe(true);
  });

  test("removing a rail link removes the ride over it, and its stop node when that was the stop's only ride", () => {
    // remove-link b→c: ride 2→3 goes (1 ride stopped); stop 3 keeps only its alight link → removed with it; rail:c keeps
    // the c→b leg and stays.
    const r = applyText(network(true), "modifications:\n  - type: remove-link\n    links: [rail:leg:b-c:ab]\n");
    expect(r.summary).toEqual({ linksOutOfServiceAtAsOfDate: 0, outOfServiceLinksRemoved: 1, ridesStoppedWithRailLinks: 1, ridesRetimedWithRailLinks: 0, nodesRemoved: 1, accessLinksRemovedWithNodes: 1 });
    expect(r.network.hasEdge("transit:S:f:2-3")).toBe(false);
    expect(r.network.hasNode("svc:S:f:3")).toBe(false);
    expect(r.network.hasNode("rail:c")).toBe(true);
  });

  test("a ride already closed by a modification, or out of service with its leg, is not counted again", () => {
    const closed = applyText(network(true), "modifications:\n  - type: close-link\n    links: [rail:leg:a-b:ab, transit:S:f:1-2]\n");
    expect(closed.summary.ridesStoppedWithRailLinks).toBe(0);
    const dated = applyText(network(true), `asOfDate: "2019-05-31"\n`);
    expect(dated.summary.ridesStoppedWithRailLinks).toBe(0); // ride 2→3 is dated like its leg
  });

  test("a faster rail link makes the ride over it faster in proportion; a ride set by the scenario itself is kept", () => {
    // Leg a→b 30 → 24 min (× 0.8): ride 1→2 30 → 24 min; the b→a direction and leg b–c are untouched.
    const r = applyText(network(true), "modifications:\n  - type: set-link\n    links: [rail:leg:a-b:ab]\n    scale: { timeMin: 0.8 }\n");
    expect(r.summary.ridesRetimedWithRailLinks).toBe(1);
    expect(r.network.getEdgeAttribute("transit:S:f:1-2", "timeMin")).toBeCloseTo(24, 12);
    expect(r.network.getEdgeAttribute("transit:S:f:2-3", "timeMin")).toBe(40);
    const own = applyText(
      network(true),
      "modifications:\n  - type: set-link\n    links: [rail:leg:a-b:ab]\n    scale: { timeMin: 0.8 }\n  - type: set-link\n    links: [transit:S:f:1-2]\n    set: { timeMin: 27 }\n",
    );
    expect(own.summary.ridesRetimedWithRailLinks).toBe(0);
    expect(own.network.getEdgeAttribute("transit:S:f:1-2", "timeMin")).toBe(27);
  });

  test("more trains on a rail link with rides is a warning: boarding waits are not recomputed", () => {
    const r = applyText(network(true), "modifications:\n  - type: set-link\n    links: [rail:leg:a-b]\n    scale: { trainsPerDay: 2 }\n");
    expect(r.warnings.map((w) => w.code)).toEqual(["transit-waits-unchanged"]);
    expect(r.warnings[0]!.message).toContain("trainsPerDay changed on 1 rail link(s) that transit rides run over (rail:leg:a-b:ab)");
    expect(r.network.getEdgeAttributes("transit:S:f:1:board")).toMatchObject({ waitMin: 6, timeMin: 11 });
  });
});
