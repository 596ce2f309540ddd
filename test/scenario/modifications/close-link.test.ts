/**
 * Tests of src/scenario/modifications/close-link.ts on the shared small network (test/scenario/net.ts).
 */
import { describe, expect, test } from "vitest";
import { networkChecksum } from "../../../src/model/checksum.ts";
import { applyText, issuesOfText, scenarioErrorIssues } from "../../support/scenario-text.ts";
import { net } from "../net.ts";

const closedIds = (r: ReturnType<typeof applyText>) => r.network.filterEdges((_id, a) => a.closed === true).sort();

describe("close-link", () => {
  test("a facility id closes both directions and keeps the links", () => {
    const base = net();
    const r = applyText(base, "modifications:\n  - type: close-link\n    links: [road:ab]\n");
    expect(closedIds(r)).toEqual(["road:ab:ab", "road:ab:ba"]);
    expect(r.network.size).toBe(19); // nothing removed: closed links stay
    expect(r.log).toEqual([{ index: 0, file: "inline.yaml", type: "close-link", message: "closed 2 links", counts: { closed: 2, alreadyClosed: 0, missing: 0 } }]);
    expect(base.getEdgeAttribute("road:ab:ab", "closed")).toBeUndefined();
  });

  test("a link id closes one direction only", () => {
    const r = applyText(net(), "modifications:\n  - type: close-link\n    links: [road:ab:ba]\n");
    expect(closedIds(r)).toEqual(["road:ab:ba"]);
    expect(r.log[0]!.message).toBe("closed 1 link");
  });

  test("where selects by attributes (both directions of road:bc cross a border)", () => {
    const r = applyText(net(), "modifications:\n  - type: close-link\n    where: { layer: road, crossesProvincialBorder: true }\n");
    expect(closedIds(r)).toEqual(["road:bc:ab", "road:bc:ba"]);
  });

  test("closing a closed link changes nothing: error no-effect at the links line", () => {
    const issues = scenarioErrorIssues(() =>
      applyText(net(), "modifications:\n  - type: close-link\n    links: [road:ab]\n  - type: close-link\n    links: [road:ab]\n"),
    );
    // Lines 1–2 are the added name/network; the second modification's links are on line 7.
    expect(issues.map((i) => [i.code, i.line, i.path, i.severity])).toEqual([["no-effect", 7, "modifications[1].links", "error"]]);
    expect(issues[0]!.message).toBe("close-link changes nothing: road:ab:ab (already closed), road:ab:ba (already closed)");
  });

  test("an unknown id is an error with a suggestion among ids with the same prefix", () => {
    const issues = issuesOfText(net(), "modifications:\n  - type: close-link\n    links: [road:ab, raod:bc, road:bcc]\n");
    expect(issues.map((i) => [i.code, i.line, i.path, i.suggestion])).toEqual([
      // "raod:" shares no prefix with any id, so all ids are candidates.
      ["unknown-link", 5, "modifications[0].links[1]", "road:bc"],
      ["unknown-link", 5, "modifications[0].links[2]", "road:bc"],
    ]);
    expect(issues[1]!.message).toBe('unknown link or facility id "road:bcc"; did you mean "road:bc"?');
  });

  test("matching only some targets is a warning listing the misses, and the run goes on", () => {
    const r = applyText(net(), "modifications:\n  - type: close-link\n    links: [road:ab:ab]\n  - type: close-link\n    links: [road:ab, rail:ab]\n");
    expect(closedIds(r)).toEqual(["rail:ab:ab", "rail:ab:ba", "road:ab:ab", "road:ab:ba"]);
    expect(r.warnings.map((w) => [w.code, w.line, w.path, w.severity])).toEqual([["partial-match", 7, "modifications[1].links", "warning"]]);
    expect(r.warnings[0]!.message).toBe("close-link closes 3 links; 1 target(s) changed nothing: road:ab:ab (already closed)");
    expect(r.log[1]!.counts).toEqual({ closed: 3, alreadyClosed: 1, missing: 0 });
  });

  test("leaves the base network unchanged (checksum)", () => {
    const base = net();
    const before = networkChecksum(base);
    const r = applyText(base, "modifications:\n  - type: close-link\n    where: { layer: road }\n");
    expect(networkChecksum(base)).toBe(before);
    expect(r.baseChecksum).toBe(before);
    expect(r.resultChecksum).not.toBe(before);
  });
});
