/**
 * Tests of src/report/scenario-diff.ts: the diff sections group both directions of a facility into one row, list
 * attribute changes per facility and attribute, and leave out empty sections.
 */
import { describe, expect, test } from "vitest";
import { diffCounts, diffNetworks } from "../../src/model/network-diff.ts";
import { diffSections, formatValue, type ScenarioDiff } from "../../src/report/scenario-diff.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

function docOf(a: string, b: string): ScenarioDiff {
  const diff = diffNetworks(tinyNetwork(a), tinyNetwork(b));
  const side = (name: string) => ({ name, files: [`${name}.yaml`], baseChecksum: "a".repeat(64), networkChecksum: "b".repeat(64) });
  return { schemaVersion: 1, kind: "deltanet-diff", deltanetVersion: "0.1.0", a: side("a"), b: side("b"), counts: diffCounts(diff), diff };
}

describe("diffSections(d)", () => {
  // b closes the two-way x (2 links) and speeds up both directions of y: 60 km at 100 → 120 km/h.
  const d = docOf(
    "road:a <-> road:b 10min id=x name=X\nroad:b <-> road:c 60km 100kph id=y name=Y",
    "road:a <-> road:b 10min id=x name=X closed=true\nroad:b <-> road:c 60km 120kph id=y name=Y",
  );
  const sections = diffSections(d);

  test("starts with the count summary and skips empty sections", () => {
    expect(sections.map((s) => s.title)).toEqual(["Network diff: a → b", "Links closed (2)", "Link attribute changes (2 links)"]);
    expect(sections[0]!.rows).toEqual([
      ["Links", "0", "0", "2", "0", "2"],
      ["Nodes", "0", "0", "", "", "0"],
    ]);
  });

  test("groups the two directions of a facility into one row", () => {
    expect(sections[1]!.rows).toEqual([["x (2 links)", "road", "X", "road:a ↔ road:b"]]);
  });

  test("one row per facility and attribute with before and after (60 km: 36 → 30 min)", () => {
    expect(sections[2]!.rows).toEqual([
      ["y (2 links)", "road", "Y", "speedKph", "100", "120"],
      ["y (2 links)", "road", "Y", "timeMin", "36", "30"],
    ]);
  });
});

describe("formatValue(value)", () => {
  test("transit-layer changes are counted in their own section, not listed; the summary counts every layer", () => {
    // b drops the ride S 1→2 with its two stop nodes and their board/alight links, and closes the rail leg under it.
    const rail = "rail:a <-> rail:b 30min id=rail:leg:a-b";
    const ride =
      "rail:a -> svc:S:f:1 8min type=rail-board id=transit:S:f:1:board\nsvc:S:f:1 -> svc:S:f:2 30min id=transit:S:f:1-2\n" +
      "svc:S:f:2 -> rail:b 0min type=rail-alight id=transit:S:f:2:alight";
    const t = diffSections(docOf(`${rail}\n${ride}`, "rail:a <-> rail:b 30min id=rail:leg:a-b closed=true"));
    expect(t.map((x) => x.title)).toEqual(["Network diff: a → b", "Train services (transit layer)", "Links closed (2)"]);
    expect(t[0]!.rows).toEqual([
      ["Links", "0", "3", "2", "0", "0"],
      ["Nodes", "0", "2", "", "", "0"],
    ]);
    expect(t[1]!.rows).toEqual([
      ["Links", "0", "3", "0", "0", "0"],
      ["Stop nodes", "0", "2", "", "", "0"],
    ]);
    expect(t[2]!.rows).toEqual([["rail:leg:a-b (2 links)", "rail", "", "rail:a ↔ rail:b"]]);
  });

  test("rounds numbers to 4 decimals, joins lists, shows absent as —", () => {
    expect(formatValue(50.400000001)).toBe("50.4");
    expect(formatValue(["a", "b"])).toBe("a, b");
    expect(formatValue(undefined)).toBe("—");
    expect(formatValue(true)).toBe("true");
  });
});
