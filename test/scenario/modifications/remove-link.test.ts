/**
 * Tests of src/scenario/modifications/remove-link.ts, including the removal of nodes left without infrastructure.
 */
import { describe, expect, test } from "vitest";
import { applyText, scenarioErrorIssues } from "../../support/scenario-text.ts";
import { net } from "../net.ts";

describe("remove-link", () => {
  test("deletes both directions of a facility; end nodes with other links stay", () => {
    const r = applyText(net(), "modifications:\n  - type: remove-link\n    links: [road:ab]\n");
    // 19 − 2 = 17 links; road:a keeps road:ac-oneway, road:b keeps road:bc.
    expect(r.network.size).toBe(17);
    expect(r.network.hasEdge("road:ab:ab") || r.network.hasEdge("road:ab:ba")).toBe(false);
    expect(r.network.order).toBe(10);
    expect(r.log[0]).toMatchObject({ message: "removed 2 links", counts: { removed: 2, missing: 0 } });
  });

  test("a node left with only access links is removed with them; centroids always stay", () => {
    const r = applyText(net(), "modifications:\n  - type: remove-link\n    links: [road:ab, road:ac-oneway, rail:ab]\n");
    // Removed: 2 + 1 + 2 = 5 links. Then road:a (only zone:a↔road:a left), rail:a and rail:b (only station
    // access left) go with their 2 + 2 + 2 access links: 19 − 5 − 6 = 8 links, 10 − 3 = 7 nodes.
    expect(r.network.size).toBe(8);
    expect(r.network.order).toBe(7);
    expect(["road:a", "rail:a", "rail:b"].map((n) => r.network.hasNode(n))).toEqual([false, false, false]);
    expect(r.network.hasNode("zone:a")).toBe(true);
    expect(r.network.degree("zone:a")).toBe(0);
    expect(r.summary).toEqual({ linksOutOfServiceAtAsOfDate: 0, outOfServiceLinksRemoved: 0, ridesStoppedWithRailLinks: 0, ridesRetimedWithRailLinks: 0, nodesRemoved: 3, accessLinksRemovedWithNodes: 6 });
  });

  test("where { layer: power } removes the power links and the grid nodes left without any", () => {
    const r = applyText(net(), "modifications:\n  - type: remove-link\n    where: { layer: power }\n");
    expect(r.network.size).toBe(17);
    expect(r.network.hasNode("power:x") || r.network.hasNode("power:y")).toBe(false);
  });

  test("removing removed links changes nothing: error no-effect (not unknown-link: the ids were known)", () => {
    const issues = scenarioErrorIssues(() =>
      applyText(net(), "modifications:\n  - type: remove-link\n    links: [road:ab]\n  - type: remove-link\n    links: [road:ab]\n"),
    );
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([["no-effect", 7, "modifications[1].links"]]);
    expect(issues[0]!.message).toBe("remove-link changes nothing: road:ab (removed by an earlier modification)");
  });
});
