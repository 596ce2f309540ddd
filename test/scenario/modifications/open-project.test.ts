/**
 * Tests of src/scenario/modifications/open-project.ts with an asOfDate that leaves the planned road out.
 */
import { describe, expect, test } from "vitest";
import { applyText, issuesOfText } from "../../support/scenario-text.ts";
import { net } from "../net.ts";

describe("open-project", () => {
  test("without it, asOfDate leaves the planned road:bd out, and road:d goes with it", () => {
    const r = applyText(net(), 'asOfDate: "2020"\n');
    expect(r.network.hasEdge("road:bd:ab")).toBe(false);
    expect(r.network.hasNode("road:d")).toBe(false);
    // 19 − 2 planned links; road:d had only road:bd.
    expect(r.network.size).toBe(17);
    expect(r.summary).toEqual({ linksOutOfServiceAtAsOfDate: 2, outOfServiceLinksRemoved: 2, ridesStoppedWithRailLinks: 0, ridesRetimedWithRailLinks: 0, nodesRemoved: 1, accessLinksRemovedWithNodes: 0 });
  });

  test("by nameZh or by id, puts the project's links in service", () => {
    for (const name of ["新路", "new-road"]) {
      const r = applyText(net(), `asOfDate: "2020"\nmodifications:\n  - type: open-project\n    project: ${name}\n`);
      expect(r.network.getEdgeAttribute("road:bd:ab", "timeMin")).toBe(30); // 60 km at 120 km/h
      expect(r.network.hasNode("road:d")).toBe(true);
      expect(r.network.size).toBe(19);
      expect(r.log[0]).toMatchObject({ message: "put 2 links of project new-road (新路) in service", counts: { inService: 2, alreadyInService: 0, missing: 0 } });
    }
  });

  test("a project already in service changes nothing: error no-effect (no asOfDate = everything in service)", () => {
    const issues = issuesOfText(net(), "modifications:\n  - type: open-project\n    project: new-road\n");
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([["no-effect", 5, "modifications[0].project"]]);
    expect(issues[0]!.message).toBe("open-project changes nothing: project new-road (新路): its 2 links are already in service");
  });

  test("an unknown project is an error with a suggestion over ids and Chinese names", () => {
    const issues = issuesOfText(net(), 'asOfDate: "2020"\nmodifications:\n  - type: open-project\n    project: new-raod\n  - type: open-project\n    project: 新\n');
    expect(issues.map((i) => [i.code, i.line, i.path, i.suggestion])).toEqual([
      // line 3 asOfDate, 4 modifications, 5–6 first entry, 7–8 second.
      ["unknown-project", 6, "modifications[0].project", "new-road"],
      ["unknown-project", 8, "modifications[1].project", "新路"],
    ]);
  });

  test("a project whose facility was removed earlier: warning for the removed part, or no-effect when nothing is left", () => {
    const issues = issuesOfText(net(), 'asOfDate: "2020"\nmodifications:\n  - type: remove-link\n    links: [road:bd]\n  - type: open-project\n    project: new-road\n');
    expect(issues.map((i) => [i.code, i.line, i.severity])).toEqual([["no-effect", 8, "error"]]);
    expect(issues[0]!.message).toContain("none of its facilities is in the network any more");
    const partial = issuesOfText(net(), 'asOfDate: "2020"\nmodifications:\n  - type: remove-link\n    links: [road:bd:ba]\n  - type: open-project\n    project: new-road\n');
    // road:bd:ab is still there (out of service), so opening it does something: no issue.
    expect(partial).toEqual([]);
  });
});
