/**
 * Tests of src/scenario/modifications/set-link.ts: values and recomputed times derived by hand.
 */
import { describe, expect, test } from "vitest";
import { applyText, issuesOfText, scenarioErrorIssues } from "../../support/scenario-text.ts";
import { net } from "../net.ts";

describe("set-link", () => {
  test("a new speed recomputes timeMin from lengthKm: 20 km at 50 km/h = 24 min (was 12)", () => {
    const r = applyText(net(), "modifications:\n  - type: set-link\n    links: [road:ab]\n    set: { speedKph: 50 }\n");
    for (const id of ["road:ab:ab", "road:ab:ba"]) {
      expect(r.network.getEdgeAttribute(id, "speedKph")).toBe(50);
      expect(r.network.getEdgeAttribute(id, "timeMin")).toBeCloseTo(24, 12);
    }
    expect(r.log[0]).toMatchObject({ message: "set speedKph = 50 on 2 links (timeMin recomputed)", counts: { changed: 2, unchanged: 0, missing: 0 } });
  });

  test("removing a border delay: 84 km at 100 km/h + 5 min = 55.4 → 50.4 min", () => {
    const base = net();
    expect(base.getEdgeAttribute("road:bc:ab", "timeMin")).toBeCloseTo(55.4, 12);
    const r = applyText(base, "modifications:\n  - type: set-link\n    where: { crossesProvincialBorder: true }\n    set: { borderDelayMin: 0 }\n");
    expect(r.network.getEdgeAttribute("road:bc:ab", "timeMin")).toBeCloseTo(50.4, 12);
    expect(r.network.getEdgeAttribute("road:bc:ba", "borderDelayMin")).toBe(0);
  });

  test("a border delay on a link without length shifts timeMin by the change: 30 + 10 − 0 = 40 min", () => {
    const r = applyText(net(), "modifications:\n  - type: set-link\n    links: [road:ac-oneway]\n    set: { borderDelayMin: 10 }\n");
    expect(r.network.getEdgeAttribute("road:ac-oneway", "timeMin")).toBe(40);
  });

  test("timeMin is set directly; capacity and trains are scaled: 4,000 × 1.5 = 6,000 veh/h, 80 × 0.5 = 40 trains/day", () => {
    const r = applyText(
      net(),
      "modifications:\n  - type: set-link\n    links: [road:ac-oneway]\n    set: { timeMin: 7 }\n" +
        "  - type: set-link\n    links: [road:ab]\n    scale: { capacityVehPerHour: 1.5 }\n" +
        "  - type: set-link\n    links: [rail:ab:ab]\n    scale: { trainsPerDay: 0.5 }\n",
    );
    expect(r.network.getEdgeAttribute("road:ac-oneway", "timeMin")).toBe(7);
    expect(r.network.getEdgeAttribute("road:ab:ba", "capacityVehPerHour")).toBe(6000);
    expect(r.network.getEdgeAttribute("rail:ab:ab", "trainsPerDay")).toBe(40);
    expect(r.network.getEdgeAttribute("rail:ab:ba", "trainsPerDay")).toBe(80);
    expect(r.log.map((l) => l.message)).toEqual([
      "set timeMin = 7 on 1 link",
      "scaled capacityVehPerHour × 1.5 on 2 links",
      "scaled trainsPerDay × 0.5 on 1 link",
    ]);
  });

  test("refuses a field the layer does not have (capacityMw on a road link)", () => {
    const issues = issuesOfText(net(), "modifications:\n  - type: set-link\n    links: [road:ab]\n    set: { capacityMw: 100 }\n");
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([["field-not-on-layer", 6, "modifications[0].set.capacityMw"]]);
    expect(issues[0]!.message).toBe("capacityMw is not a field of road links (road links have timeMin, speedKph, borderDelayMin, capacityVehPerHour, lanes)");
  });

  test("refuses a new speed on a link without lengthKm", () => {
    const issues = issuesOfText(net(), "modifications:\n  - type: set-link\n    links: [road:ac-oneway]\n    set: { speedKph: 80 }\n");
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([["cannot-recompute-time", 6, "modifications[0].set.speedKph"]]);
  });

  test("setting the values a link already has changes nothing: error no-effect", () => {
    const issues = scenarioErrorIssues(() => applyText(net(), "modifications:\n  - type: set-link\n    links: [road:ab]\n    set: { lanes: 4 }\n"));
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([["no-effect", 5, "modifications[0].links"]]);
  });

  test("scaling a field some links lack is a partial match (warning) for those links", () => {
    // Road links with capacity: road:ab, road:bc, road:bd (6 links); road:ac-oneway has none.
    const r = applyText(net(), "modifications:\n  - type: set-link\n    where: { layer: road }\n    scale: { capacityVehPerHour: 2 }\n");
    expect(r.log[0]!.counts).toEqual({ changed: 6, unchanged: 0, missing: 0 });
    expect(r.warnings.map((w) => [w.code, w.line, w.path])).toEqual([["partial-match", 5, "modifications[0].where"]]);
    expect(r.warnings[0]!.message).toContain("road:ac-oneway (has no capacityVehPerHour to scale)");
  });

  test("a where value no link has is an error with the closest existing value", () => {
    const issues = issuesOfText(net(), "modifications:\n  - type: set-link\n    where: { linkType: expresway }\n    set: { lanes: 6 }\n");
    expect(issues.map((i) => [i.code, i.line, i.path, i.suggestion])).toEqual([["no-match", 5, "modifications[0].where.linkType", "expressway"]]);
  });
});
