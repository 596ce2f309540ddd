/**
 * Tests of src/io/rules-file.ts: a bad rules file lists every problem with its line, column and path (codes, not
 * messages, are asserted, plus the "did you mean" suggestions); the example scenarios/check-rules.yaml reads.
 */
import { describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.ts";
import { parseRulesText, readRulesFile } from "../../src/io/rules-file.ts";
import { DEFAULT_CAPACITY_QUERIES } from "../../src/defaults.ts";

/** The ids a rules file may not reuse: the default capacity queries (as the library passes them). */
const DEFAULT_QUERY_IDS = DEFAULT_CAPACITY_QUERIES.map((q) => q.id);

const BAD = "test/fixtures/rules/bad-many.yaml";

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect(e).toMatchObject({ code: "invalid-rules", exitCode: 3 });
    return (e as InputError).issues;
  }
  throw new Error("expected an InputError");
}

describe("readRulesFile(path)", () => {
  test("reads the example scenarios/check-rules.yaml: 8 rules with their ids and one extra capacity query", () => {
    const rs = readRulesFile("scenarios/check-rules.yaml");
    expect(rs.rules.map((r) => r.id)).toEqual([
      "reachability", "component-count", "no-new-bridges", "no-new-articulation-points",
      "population-reach-60min", "commute-reach-2h", "max-flow", "assignment-gap",
    ]);
    expect(rs.capacityQueries).toEqual([
      expect.objectContaining({ id: "road-jiangsu-to-zhejiang", layer: "road", capacityAttribute: "capacityVehPerHour", unit: "veh/h" }),
    ]);
    // rules[5] is the "commute-reach-2h" rule: `type` on line 14, `id` 15, `cutoffMin` 16.
    expect(rs.locate(["rules", 5, "cutoffMin"])).toMatchObject({ file: "scenarios/check-rules.yaml", line: 16, path: "rules[5].cutoffMin" });
  });

  test("lists every problem of bad-many.yaml with its line, column and path (exit 3)", () => {
    // Read off test/fixtures/rules/bad-many.yaml line by line.
    const issues = issuesOf(() => readRulesFile(BAD, DEFAULT_QUERY_IDS));
    expect(issues.map((i) => [i.code, i.line, i.column, i.path])).toEqual([
      ["unknown-rule-type", 3, 11, "rules[0].type"],
      ["wrong-type", 6, 21, "rules[1].maxDropPercent"],
      ["out-of-range", 8, 21, "rules[2].maxDropPercent"],
      ["unknown-key", 10, 5, "rules[3].layer"],
      ["wrong-type", 13, 14, "rules[4].ignore[0]"],
      ["wrong-type", 17, 5, "rules[6]"],
      ["duplicate-query-id", 19, 9, "capacityQueries[0].id"],
      ["invalid-value", 25, 12, "capacityQueries[1].layer"],
    ]);
    expect(issues.every((i) => i.file === BAD)).toBe(true);
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath["rules[0].type"]).toContain('did you mean "reachability"?');
    expect(byPath["rules[1].maxDropPercent"]).toContain('got string "5" (a quoted number is a string: write 5 without quotes)');
    expect(byPath["rules[3].layer"]).toContain('did you mean "layers"?');
    expect(byPath["rules[4].ignore[0]"]).toContain('(quote ids and names: "310100")');
    expect(byPath["capacityQueries[1].layer"]).toContain('did you mean "road"?');
  });

  test("refuses a missing file with file-not-found", () => {
    expect(issuesOf(() => readRulesFile("test/fixtures/rules/nope.yaml")).map((i) => i.code)).toEqual(["file-not-found"]);
  });
});

describe("parseRulesText(text, file)", () => {
  const codes = (text: string) => parseRulesText(text, "r.yaml").issues.map((i) => [i.code, i.line, i.path]);

  test("refuses malformed YAML, a document that is not a mapping, and an empty or missing rule list", () => {
    // an unclosed "[" at the end: placed after the last character of line 1, not on a line 2 past the end
    expect(codes("rules: [\n")).toEqual([["malformed-yaml", 1, ""]]);
    expect(parseRulesText("rules: [\n", "r.yaml").issues[0]).toMatchObject({ line: 1, column: 9 }); // "rules: [" is 8 characters
    expect(codes("- type: reachability\n")).toEqual([["not-a-mapping", 1, ""]]);
    expect(codes("rules: []\n")).toEqual([["too-few-items", 1, "rules"]]);
    expect(codes("capacityQueries: []\n")).toEqual([["missing-key", 1, "rules"]]);
  });

  test("refuses two rules with the same id (default ids count), at the second", () => {
    const text = "rules:\n  - type: max-flow\n    maxDropPercent: 1\n  - type: max-flow\n    maxDropPercent: 2\n";
    expect(codes(text)).toEqual([["duplicate-rule-id", 4, "rules[1].type"]]);
    expect(codes(`${text}    id: max-flow-2\n`)).toEqual([]);
  });

  test("refuses an empty node selector and a missing rule field", () => {
    const q = "rules:\n  - type: reachability\ncapacityQueries:\n  - { id: q, layer: road, capacityAttribute: capacityVehPerHour, from: {}, to: { provinces: [Anhui] } }\n";
    expect(codes(q)).toEqual([["empty-selector", 4, "capacityQueries[0].from"]]);
    expect(codes("rules:\n  - type: population-reach\n    maxDropPercent: 1\n")).toEqual([["missing-key", 2, "rules[0].cutoffMin"]]);
  });

  test("refuses a zero cutoff and a negative or zero relative gap (never read as 'none')", () => {
    expect(codes("rules:\n  - { type: population-reach, cutoffMin: 0, maxDropPercent: 1 }\n")).toEqual([["out-of-range", 2, "rules[0].cutoffMin"]]);
    expect(codes("rules:\n  - { type: assignment-gap, maxRelativeGap: 0 }\n")).toEqual([["out-of-range", 2, "rules[0].maxRelativeGap"]]);
    expect(codes("rules:\n  - { type: max-flow, maxDropPercent: -1 }\n")).toEqual([["out-of-range", 2, "rules[0].maxDropPercent"]]);
  });

  test("gives the unit of an extra capacity query from its attribute", () => {
    const { ruleSet } = parseRulesText(
      "rules:\n  - type: max-flow\n    maxDropPercent: 0\ncapacityQueries:\n  - { id: p, layer: power, capacityAttribute: capacityMw, from: { provinces: [Anhui] }, to: { provinces: [Jiangsu] } }\n",
      "r.yaml",
    );
    expect(ruleSet!.capacityQueries).toEqual([
      { id: "p", label: "p", layer: "power", capacityAttribute: "capacityMw", unit: "MW", from: { provinces: ["Anhui"] }, to: { provinces: ["Jiangsu"] } },
    ]);
  });
});
