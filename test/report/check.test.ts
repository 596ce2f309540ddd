/**
 * Tests of src/report/check.ts: every rule type has a passing and a failing case on hand-made runs (numbers derived
 * in comments), references to unknown cities, layers and queries fail with their rules-file line, and runs of
 * different networks or engines are refused unless allowed.
 */
import { describe, expect, test } from "vitest";
import { DEFAULT_CHECK_RULES } from "../../src/defaults.ts";
import { InputError, UsageError } from "../../src/errors.ts";
import { parseRulesText } from "../../src/io/rules-file.ts";
import type { CheckRule, RuleSet } from "../../src/model/check-rule.ts";
import { checkRuns, ruleSetOf, type CheckResult, type RuleOutcome } from "../../src/report/check.ts";
import { DEFAULT_CITIES, makeRun, type RunSpec } from "../support/run-result.ts";
import { defaultRuleSet } from "../../src/api/check.ts";

/** The single rule outcome of checking `candidate` against `baseline` with one rule. */
function outcome(baseline: RunSpec, candidate: RunSpec, rule: CheckRule): RuleOutcome {
  const result = checkRuns(makeRun({ name: "base", ...baseline }), makeRun({ name: "cand", ...candidate }), ruleSetOf([rule]));
  expect(result.rules).toHaveLength(1);
  return result.rules[0]!;
}

function statuses(o: RuleOutcome): Record<string, string> {
  return Object.fromEntries(o.cases.map((c) => [c.name, c.status]));
}

function ruleSetFromText(text: string): RuleSet {
  const { ruleSet, issues } = parseRulesText(text, "rules.yaml");
  expect(issues).toEqual([]);
  return ruleSet!;
}

function inputIssues(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe("invalid-rules");
    expect((e as InputError).exitCode).toBe(3);
    return (e as InputError).issues;
  }
  throw new Error("expected an InputError");
}

describe("checkRuns(baseline, candidate, ruleSetOf([reachability]))", () => {
  const rule: CheckRule = { type: "reachability" };
  test("passes when every pair reachable before is reachable after", () => {
    const o = outcome({}, {}, rule);
    expect(o.status).toBe("pass");
    expect(statuses(o)).toEqual({ "Shanghai (310100)": "pass", "Nantong (320600)": "pass" });
    expect(o.cases[0]!.message).toBe("still reaches all 1 cities it reached");
  });
  test("fails for the origin that lost a destination, naming it", () => {
    const o = outcome({}, { unreachablePairs: [["320600", "310100"]] }, rule);
    expect(o.status).toBe("fail");
    expect(statuses(o)).toEqual({ "Shanghai (310100)": "pass", "Nantong (320600)": "fail" });
    const nt = o.cases.find((c) => c.status === "fail")!;
    expect(nt).toMatchObject({ before: 1, after: 0, details: ["Shanghai (310100)"] });
    expect(nt.message).toBe("can no longer reach 1 of the 1 cities it reached: Shanghai (310100)");
  });
  test("a pair unreachable in both runs is no loss", () => {
    expect(outcome({ unreachablePairs: [["320600", "310100"]] }, { unreachablePairs: [["320600", "310100"]] }, rule).status).toBe("pass");
  });
  test("`cities` restricts origins and destinations", () => {
    const o = outcome({}, { unreachablePairs: [["320600", "310100"]] }, { type: "reachability", cities: ["Shanghai"] });
    expect(statuses(o)).toEqual({ "Shanghai (310100)": "pass" });
  });
});

describe("checkRuns(…, ruleSetOf([component-count]))", () => {
  const rule: CheckRule = { type: "component-count", layers: ["road"] };
  test("passes when components stay or fall (3 → 2)", () => {
    const o = outcome({ connectivity: [{ layer: "road", weakComponentCount: 3 }] }, { connectivity: [{ layer: "road", weakComponentCount: 2 }] }, rule);
    expect(o.cases).toEqual([expect.objectContaining({ name: "road", status: "pass", message: "weak components 3 → 2 (-1)" })]);
  });
  test("fails when components rise (1 → 2)", () => {
    const o = outcome({}, { connectivity: [{ layer: "road", weakComponentCount: 2 }, { layer: "passenger" }] }, rule);
    expect(o.cases).toEqual([expect.objectContaining({ name: "road", status: "fail", before: 1, after: 2, message: "weak components 1 → 2 (+1)" })]);
  });
  test("without `layers`, one case per layer of the baseline run", () => {
    expect(outcome({}, {}, { type: "component-count" }).cases.map((c) => c.name)).toEqual(["road", "passenger"]);
  });
});

describe("checkRuns(…, ruleSetOf([no-new-bridges]))", () => {
  const before = { connectivity: [{ layer: "road" as const, bridges: [{ facilityId: "x", name: "X" }] }] };
  test("passes when the bridges are the same or fewer", () => {
    expect(outcome(before, before, { type: "no-new-bridges" }).status).toBe("pass");
    expect(outcome(before, { connectivity: [{ layer: "road" }] }, { type: "no-new-bridges" }).status).toBe("pass");
  });
  test("fails naming each new bridge with its name", () => {
    const after = { connectivity: [{ layer: "road" as const, bridges: [{ facilityId: "x", name: "X" }, { facilityId: "y", name: "Y" }] }] };
    const o = outcome(before, after, { type: "no-new-bridges" });
    expect(o.cases).toEqual([expect.objectContaining({ name: "road", status: "fail", details: ["y (Y)"], message: "1 new bridge (1 → 2 bridges): y (Y)" })]);
  });
  test("`ignore` accepts a listed new bridge (a new spur) and says so", () => {
    const after = { connectivity: [{ layer: "road" as const, bridges: [{ facilityId: "x" }, { facilityId: "y" }] }] };
    const o = outcome(before, after, { type: "no-new-bridges", ignore: ["y"] });
    expect(o.cases[0]).toMatchObject({ status: "pass", message: "no new bridge (1 → 2 bridges, 1 new one ignored by the rule)" });
  });
});

describe("checkRuns(…, ruleSetOf([no-new-articulation-points]))", () => {
  const before = { connectivity: [{ layer: "power" as const, articulationPoints: [{ nodeId: "power:js", name: "Jiangsu" }] }] };
  test("passes when no node becomes an articulation point", () => {
    expect(outcome(before, before, { type: "no-new-articulation-points" }).status).toBe("pass");
  });
  test("fails naming the new articulation point", () => {
    const after = { connectivity: [{ layer: "power" as const, articulationPoints: [{ nodeId: "power:js", name: "Jiangsu" }, { nodeId: "power:sh", name: "Shanghai" }] }] };
    const o = outcome(before, after, { type: "no-new-articulation-points" });
    expect(o.cases[0]).toMatchObject({ name: "power", status: "fail", details: ["power:sh (Shanghai)"] });
  });
});

describe("checkRuns(…, ruleSetOf([population-reach]))", () => {
  // Shanghai within 60 min: 24,870,895 → 24,000,000 persons; drop = 870,895 / 24,870,895 = 3.5017 %.
  const after = { cities: [{ ...DEFAULT_CITIES[0]!, reach: { 60: 24_000_000, 120: 32_597_530 } }, DEFAULT_CITIES[1]!] };
  test("passes when the drop (3.50 %) is within maxDropPercent 5", () => {
    const o = outcome({}, after, { type: "population-reach", cutoffMin: 60, maxDropPercent: 5 });
    expect(o.status).toBe("pass");
    expect(o.cases[0]!.dropPercent).toBeCloseTo((870_895 / 24_870_895) * 100, 10);
  });
  test("fails when the drop (3.50 %) exceeds maxDropPercent 3, with before, after and the limit", () => {
    const o = outcome({}, after, { type: "population-reach", cutoffMin: 60, maxDropPercent: 3 });
    expect(statuses(o)).toEqual({ "Shanghai (310100)": "fail", "Nantong (320600)": "pass" });
    expect(o.cases[0]).toMatchObject({ before: 24_870_895, after: 24_000_000, limit: 3, unit: "persons" });
    expect(o.cases[0]!.message).toBe("24,870,895 → 24,000,000 persons within 60 min (−3.50 %; allowed drop 3 %)");
  });
  test("maxDropPercent 0 passes equal values and any rise, fails a one-person drop", () => {
    expect(outcome({}, {}, { type: "population-reach", cutoffMin: 120, maxDropPercent: 0 }).status).toBe("pass");
    const oneLess = { cities: [{ ...DEFAULT_CITIES[0]!, reach: { 60: 24_870_895, 120: 32_597_529 } }, DEFAULT_CITIES[1]!] };
    expect(outcome({}, oneLess, { type: "population-reach", cutoffMin: 120, maxDropPercent: 0 }).status).toBe("fail");
  });
});

describe("checkRuns(…, ruleSetOf([max-flow]))", () => {
  // 60,000 → 56,000 veh/h: drop = 4,000 / 60,000 = 6.667 %.
  const after = { capacity: [{ maxFlow: 56_000 }] };
  test("passes when the drop (6.67 %) is within maxDropPercent 7", () => {
    expect(outcome({}, after, { type: "max-flow", maxDropPercent: 7 }).status).toBe("pass");
  });
  test("fails when the drop (6.67 %) exceeds maxDropPercent 5", () => {
    const o = outcome({}, after, { type: "max-flow", maxDropPercent: 5 });
    expect(o.cases[0]).toMatchObject({ name: "road-north-to-south", status: "fail", before: 60_000, after: 56_000, unit: "veh/h" });
    expect(o.cases[0]!.dropPercent).toBeCloseTo((4_000 / 60_000) * 100, 10);
    expect(o.cases[0]!.message).toBe("Road: north → south: 60,000 veh/h → 56,000 veh/h (−6.67 %; allowed drop 5 %)");
  });
  test("unbounded → finite fails; finite → unbounded passes", () => {
    expect(outcome({ capacity: [{ maxFlow: null }] }, after, { type: "max-flow", maxDropPercent: 50 }).status).toBe("fail");
    expect(outcome({}, { capacity: [{ maxFlow: null }] }, { type: "max-flow", maxDropPercent: 0 }).status).toBe("pass");
  });
});

describe("checkRuns(…, ruleSetOf([assignment-gap]))", () => {
  const rule: CheckRule = { type: "assignment-gap", maxRelativeGap: 1e-4 };
  test("is skipped, not failed, when the run has no assignment", () => {
    const o = outcome({}, {}, rule);
    expect(o.status).toBe("skip");
    expect(o.cases).toEqual([expect.objectContaining({ name: "assignment", status: "skip", message: "not evaluated (no assignment in the run)" })]);
  });
  test("passes at a relative gap of 5e-5 and fails at 2e-3", () => {
    expect(outcome({}, { assignment: { relativeGap: 5e-5, converged: true } as never }, rule).status).toBe("pass");
    const o = outcome({}, { assignment: { relativeGap: 2e-3, converged: false } as never }, rule);
    expect(o.cases[0]).toMatchObject({ status: "fail", message: "relative gap 2.00e-3 > 0.0001 (not converged)" });
  });
});

describe("checkRuns(baseline, candidate) with the default rules", () => {
  test("defaultRuleSet() holds DEFAULT_CHECK_RULES with ids by type and cutoff", () => {
    expect(defaultRuleSet().rules.map((r) => r.id)).toEqual([
      "reachability", "component-count", "no-new-bridges", "no-new-articulation-points",
      "population-reach-60min", "population-reach-120min", "max-flow", "assignment-gap",
    ]);
    expect(defaultRuleSet().rules.map((r) => r.rule)).toEqual(DEFAULT_CHECK_RULES);
  });
  test("two equal runs pass; counts add up (2 + 2 + 2 + 2 + 2 + 2 + 1 cases, 1 skipped)", () => {
    const r: CheckResult = checkRuns(makeRun({ name: "a" }), makeRun({ name: "b" }), defaultRuleSet());
    expect(r.passed).toBe(true);
    // reachability 2 cities, 3 layer rules × 2 layers, population 2 × 2 cities, max-flow 1 query, assignment 1.
    expect(r.counts).toEqual({ rules: 8, rulesFailed: 0, cases: 2 + 6 + 4 + 1 + 1, passed: 13, failed: 0, skipped: 1 });
    expect(r.mismatches).toEqual([]);
  });
});

describe("checkRuns(…) refuses what it cannot compare", () => {
  test("a different base network: UsageError provenance-mismatch naming both checksums; allowed with allowMismatch", () => {
    const a = makeRun({ name: "a" });
    const b = makeRun({ name: "b", networkChecksum: "f".repeat(64) });
    expect(() => checkRuns(a, b, defaultRuleSet())).toThrow(UsageError);
    expect(() => checkRuns(a, b, defaultRuleSet())).toThrow(expect.objectContaining({ code: "provenance-mismatch", exitCode: 2 }));
    expect(() => checkRuns(a, b, defaultRuleSet())).toThrow(/base network differs: sha256 aaaaaaaaaaaa… \(a\) vs ffffffffffff… \(b\)/);
    const r = checkRuns(a, b, defaultRuleSet(), { allowMismatch: true });
    expect(r.mismatches.map((m) => m.field)).toEqual(["network"]);
  });
  test("a different engine version: provenance-mismatch naming both versions", () => {
    expect(() => checkRuns(makeRun(), makeRun({ deltanetVersion: "0.2.0" }), defaultRuleSet())).toThrow(/engine differs: deltanet 0\.1\.0 \(run\) vs 0\.2\.0 \(run\)/);
  });
  test("different cutoffs: UsageError mismatched-runs even with allowMismatch", () => {
    expect(() => checkRuns(makeRun(), makeRun({ cutoffsMin: [60] }), defaultRuleSet(), { allowMismatch: true })).toThrow(
      expect.objectContaining({ code: "mismatched-runs" }),
    );
  });
  test("unknown city, layer and query, and a cutoff the runs lack: one InputError with every rules-file line", () => {
    const rules = ruleSetFromText(
      [
        "rules:", // 1
        "  - type: reachability", // 2
        "    cities: [Shanghai, Nantog]", // 3
        "  - type: no-new-bridges", // 4
        "    layers: [raod]", // 5
        "  - type: max-flow", // 6
        "    maxDropPercent: 5", // 7
        "    queries: [road-north-to-sout]", // 8
        "  - type: population-reach", // 9
        "    cutoffMin: 45", // 10
        "    maxDropPercent: 1", // 11
      ].join("\n"),
    );
    const issues = inputIssues(() => checkRuns(makeRun(), makeRun(), rules));
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([
      ["unknown-city", 3, "rules[0].cities[1]"],
      ["unknown-layer", 5, "rules[1].layers[0]"],
      ["unknown-capacity-query", 8, "rules[2].queries[0]"],
      ["cutoff-not-in-run", 10, "rules[3].cutoffMin"],
    ]);
    expect(issues[0]!.message).toContain('did you mean "Nantong"?');
    expect(issues[1]!.message).toContain('did you mean "road"?');
    expect(issues[2]!.message).toContain('did you mean "road-north-to-south"?');
    expect(issues[3]!.message).toContain("--cutoff-min 45");
  });
});
