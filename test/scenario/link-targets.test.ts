/**
 * Tests of src/scenario/link-targets.ts: facility ids, where filters and "did you mean" among same-prefix ids.
 */
import { describe, expect, test } from "vitest";
import { facilityIndex, matchesWhere, suggestId } from "../../src/scenario/link-targets.ts";
import { net } from "./net.ts";

describe("suggestId(id, candidates)", () => {
  test("prefers ids with the same prefix up to the first colon", () => {
    // "rx:abc" is 1 edit away but has another prefix; "ro:xyz" (3 edits) is the only "ro:" id.
    expect(suggestId("ro:abc", ["rx:abc", "ro:xyz"])).toBe("ro:xyz");
    expect(suggestId("road:crossing:sutnog", ["road:crossing:sutong", "rail:sutong"])).toBe("road:crossing:sutong");
  });

  test("falls back to all ids when none shares the prefix", () => {
    expect(suggestId("raod:ab", ["road:ab", "rail:xy"])).toBe("road:ab");
  });
});

describe("facilityIndex(network) and matchesWhere(link, where)", () => {
  test("group directions by facility, in id order", () => {
    const index = facilityIndex(net());
    expect(index.get("road:ab")).toEqual(["road:ab:ab", "road:ab:ba"]);
    expect(index.get("road:ac-oneway")).toEqual(["road:ac-oneway"]);
  });

  test("absent booleans count as false; projectId looks in projectIds", () => {
    const n = net();
    const ab = n.getEdgeAttributes("road:ab:ab");
    expect(matchesWhere(ab, { crossesProvincialBorder: false })).toBe(true);
    expect(matchesWhere(ab, { crossesProvincialBorder: true })).toBe(false);
    expect(matchesWhere(n.getEdgeAttributes("road:bd:ab"), { projectId: "new-road", status: "planned" })).toBe(true);
    expect(matchesWhere(ab, { layer: "road", linkType: "expressway" })).toBe(true);
  });
});
