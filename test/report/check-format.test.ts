/**
 * Tests of src/report/check-format.ts: the JUnit XML parses back (fast-xml-parser, an independent parser) with one
 * test case per rule per city/layer/query and the right failure and skip elements; the markdown lists each failed
 * rule with its numbers; the summary ends in the verdict.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { checkRuns, ruleSetOf } from "../../src/report/check.ts";
import { formatCheckJunit, formatCheckMarkdown, formatCheckSummary, SUMMARY_MAX_CASES_PER_RULE } from "../../src/report/check-format.ts";
import { DEFAULT_CITIES, makeRun, type CitySpec } from "../support/run-result.ts";

// Candidate: Shanghai's 60-min reach drops 24,870,895 → 24,000,000 (−3.50 %), road max-flow 60,000 → 56,000 (−6.67 %).
const baseline = makeRun({ name: "base<&>" });
const candidate = makeRun({
  name: "cand",
  cities: [{ ...DEFAULT_CITIES[0]!, reach: { 60: 24_000_000, 120: 32_597_530 } }, DEFAULT_CITIES[1]!],
  capacity: [{ maxFlow: 56_000 }],
});
const rules = ruleSetOf([
  { type: "reachability" },
  { type: "population-reach", cutoffMin: 60, maxDropPercent: 1 },
  { type: "max-flow", maxDropPercent: 5, note: 'a "quoted" note' },
  { type: "assignment-gap", maxRelativeGap: 1e-4 },
]);
const result = checkRuns(baseline, candidate, rules);

interface JCase {
  "@_classname": string;
  "@_name": string;
  failure?: { "@_message": string; "#text": string };
  skipped?: { "@_message": string };
}
interface JSuite {
  "@_name": string;
  "@_tests": string;
  "@_failures": string;
  "@_skipped": string;
  testcase: JCase[];
}

describe("formatCheckJunit(result)", () => {
  const xml = formatCheckJunit(result);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "testsuite" || name === "testcase" }).parse(xml) as {
    testsuites: { "@_tests": string; "@_failures": string; "@_skipped": string; "@_name": string; testsuite: JSuite[] };
  };

  test("is well-formed XML (fast-xml-parser's validator)", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("has one testsuite per rule and one testcase per city / query / run", () => {
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s["@_name"])).toEqual(["reachability", "population-reach-60min", "max-flow", "assignment-gap"]);
    // 2 cities + 2 cities + 1 query + 1 assignment = 6 cases.
    expect(suites.map((s) => s.testcase.length)).toEqual([2, 2, 1, 1]);
    expect(doc.testsuites["@_tests"]).toBe("6");
    expect(doc.testsuites["@_failures"]).toBe("2");
    expect(doc.testsuites["@_skipped"]).toBe("1");
    expect(suites[1]!.testcase.map((c) => [c["@_classname"], c["@_name"]])).toEqual([
      ["deltanet.check.population-reach-60min", "Shanghai (310100)"],
      ["deltanet.check.population-reach-60min", "Nantong (320600)"],
    ]);
  });

  test("a failed case has a <failure> with the numbers; a skipped case a <skipped>; a passed case neither", () => {
    const [reach, pop, flow, gap] = doc.testsuites.testsuite;
    expect(reach!.testcase.every((c) => c.failure === undefined && c.skipped === undefined)).toBe(true);
    expect(pop!.testcase[0]!.failure!["@_message"]).toBe("24,870,895 → 24,000,000 persons within 60 min (−3.50 %; allowed drop 1 %)");
    expect(pop!.testcase[1]!.failure).toBeUndefined();
    expect(flow!.testcase[0]!.failure!["#text"]).toContain("60,000 veh/h → 56,000 veh/h");
    expect(gap!.testcase[0]!.skipped!["@_message"]).toBe("not evaluated (no assignment in the run)");
    expect(gap!["@_skipped"]).toBe("1");
  });

  test("escapes markup in names (the parser reads the original text back)", () => {
    expect(doc.testsuites["@_name"]).toBe("deltanet check: base<&> → cand");
  });
});

describe("formatCheckMarkdown(result)", () => {
  const md = formatCheckMarkdown(result);
  test("opens with the verdict and lists each failed rule with before, after, change and limit", () => {
    expect(md.split("\n")[0]).toBe("## ❌ deltanet check failed: 2 of 4 rules found a regression");
    expect(md).toContain("### ❌ `population-reach-60min`: population reached within 60 min drops by at most 1 % for any city");
    expect(md).toContain("| Shanghai (310100) | 24,870,895 persons | 24,000,000 persons | −3.50 % | 1 % |");
    expect(md).toContain("| road-north-to-south | 60,000 veh/h | 56,000 veh/h | −6.67 % | 5 % |");
    expect(md).toContain('> a "quoted" note');
    expect(md).not.toContain("### ❌ `reachability`");
    expect(md).toContain("| `assignment-gap`: the candidate's assignment reaches a relative gap ≤ 0.0001 | ⏭️ skipped |");
  });
  test("a passing check says so", () => {
    expect(formatCheckMarkdown(checkRuns(baseline, baseline, rules)).split("\n")[0]).toBe("## ✅ deltanet check passed: all 4 rules hold");
  });
});

describe("formatCheckSummary(result)", () => {
  test("one line per rule, failed cases indented, the verdict last", () => {
    const lines = formatCheckSummary(result).trimEnd().split("\n");
    expect(lines[0]).toBe("deltanet check: base<&> → cand (rules)");
    expect(lines).toContain("  FAIL  population-reach-60min: population reached within 60 min drops by at most 1 % for any city — 1 of 2 cases failed");
    expect(lines).toContain("        Shanghai (310100): 24,870,895 → 24,000,000 persons within 60 min (−3.50 %; allowed drop 1 %)");
    expect(lines.at(-1)).toBe("FAIL: 2 of 4 rules found a regression (2 of 6 cases failed, 1 skipped)");
  });
  test(`lists at most ${SUMMARY_MAX_CASES_PER_RULE} failed cases per rule and counts the rest`, () => {
    // 12 cities each losing all reach beyond themselves at 60 min: 12 failed cases.
    const cities: CitySpec[] = Array.from({ length: 12 }, (_x, i) => ({ zoneId: `z${String(i).padStart(2, "0")}`, name: `C${i}`, populationPersons: 1, reach: { 60: 2, 120: 2 } }));
    const after = cities.map((c) => ({ ...c, reach: { 60: 1, 120: 2 } }));
    const r = checkRuns(makeRun({ cities }), makeRun({ cities: after }), ruleSetOf([{ type: "population-reach", cutoffMin: 60, maxDropPercent: 0 }]));
    const text = formatCheckSummary(r);
    expect(text.match(/^ {8}C\d+ \(z\d+\):/gm)).toHaveLength(SUMMARY_MAX_CASES_PER_RULE);
    expect(text).toContain(`… and ${12 - SUMMARY_MAX_CASES_PER_RULE} more`);
  });
});
