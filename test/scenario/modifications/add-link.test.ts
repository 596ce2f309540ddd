/**
 * Tests of src/scenario/modifications/add-link.ts.
 */
import { describe, expect, test } from "vitest";
import { applyText, issuesOfText } from "../../support/scenario-text.ts";
import { net } from "../net.ts";

const bridge = (extra: string) =>
  `modifications:\n  - type: add-link\n    link: { id: road:new-bridge, fromNodeId: road:a, toNodeId: road:c, layer: road, linkType: yangtze-crossing, source: "assumption: test"${extra} }\n`;

describe("add-link", () => {
  test("adds <id>:ab and <id>:ba with facilityId <id>; timeMin = 40 km / 80 km/h × 60 = 30 min", () => {
    const r = applyText(net(), bridge(", lengthKm: 40, speedKph: 80, capacityVehPerHour: 3000"));
    const ab = r.network.getEdgeAttributes("road:new-bridge:ab");
    const ba = r.network.getEdgeAttributes("road:new-bridge:ba");
    expect(ab).toMatchObject({ facilityId: "road:new-bridge", fromNodeId: "road:a", toNodeId: "road:c", status: "planned", timeMin: 30, capacityVehPerHour: 3000 });
    expect(ba).toMatchObject({ facilityId: "road:new-bridge", fromNodeId: "road:c", toNodeId: "road:a", timeMin: 30 });
    expect(r.network.source("road:new-bridge:ba")).toBe("road:c");
    expect(r.network.size).toBe(21);
    expect(r.log[0]).toMatchObject({ message: "added 2 links (road:new-bridge:ab, road:new-bridge:ba)", counts: { added: 2 } });
  });

  test("twoWay: false adds one link with the id itself; a given timeMin is kept", () => {
    const r = applyText(net(), bridge(", twoWay: false, timeMin: 17"));
    expect(r.network.getEdgeAttributes("road:new-bridge")).toMatchObject({ timeMin: 17, facilityId: "road:new-bridge" });
    expect(r.network.size).toBe(20);
  });

  test("border delay and wait are part of the computed time: 40/80×60 + 5 = 35 min", () => {
    const r = applyText(net(), bridge(", lengthKm: 40, speedKph: 80, borderDelayMin: 5"));
    expect(r.network.getEdgeAttribute("road:new-bridge:ab", "timeMin")).toBe(35);
  });

  test("a power link needs no time", () => {
    const r = applyText(
      net(),
      'modifications:\n  - type: add-link\n    link: { id: power:new, fromNodeId: power:x, toNodeId: power:y, layer: power, linkType: uhv-dc, capacityMw: 8000, twoWay: false, source: "s" }\n',
    );
    expect(r.network.getEdgeAttribute("power:new", "timeMin")).toBeUndefined();
  });

  test("refuses unknown nodes (did you mean), duplicate ids, wrong-layer fields, missing time, unknown projects", () => {
    const issues = issuesOfText(
      net(),
      "modifications:\n" +
        '  - type: add-link\n    link: { id: road:x, fromNodeId: road:aa, toNodeId: road:b, layer: road, linkType: e, timeMin: 1, source: "s" }\n' +
        '  - type: add-link\n    link: { id: road:ab, fromNodeId: road:a, toNodeId: road:b, layer: road, linkType: e, timeMin: 1, source: "s" }\n' +
        '  - type: add-link\n    link: { id: road:y, fromNodeId: road:a, toNodeId: road:b, layer: road, linkType: e, timeMin: 1, capacityMw: 5, source: "s" }\n' +
        '  - type: add-link\n    link: { id: road:z, fromNodeId: road:a, toNodeId: road:b, layer: road, linkType: e, lengthKm: 5, source: "s" }\n' +
        '  - type: add-link\n    link: { id: road:w, fromNodeId: road:a, toNodeId: road:b, layer: road, linkType: e, timeMin: 1, projectIds: [new-raod], source: "s" }\n' +
        '  - type: add-link\n    link: { id: road:v, fromNodeId: road:a, toNodeId: road:a, layer: road, linkType: e, timeMin: 1, source: "s" }\n',
    );
    expect(issues.map((i) => [i.code, i.line, i.path, i.suggestion])).toEqual([
      ["unknown-node", 5, "modifications[0].link.fromNodeId", "road:a"],
      ["duplicate-id", 7, "modifications[1].link.id", undefined],
      ["field-not-on-layer", 9, "modifications[2].link.capacityMw", undefined],
      ["missing-key", 11, "modifications[3].link.timeMin", undefined],
      ["unknown-project", 13, "modifications[4].link.projectIds[0]", "new-road"],
      ["self-loop", 15, "modifications[5].link.toNodeId", undefined],
    ]);
  });

  test("adding the same id twice: the second is a duplicate-id error", () => {
    const issues = issuesOfText(net(), bridge(", timeMin: 5") + bridge(", timeMin: 6").replace("modifications:\n", ""));
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([["duplicate-id", 7, "modifications[1].link.id"]]);
  });
});
