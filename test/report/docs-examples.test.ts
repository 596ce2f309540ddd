/**
 * Twin tests of the `@example`s added for issue 6 (provenance, diff, check): src/model/checksum.ts `contentSha256`,
 * src/model/check-rule.ts, src/model/network-diff.ts, src/report/check.ts, src/report/scenario-diff.ts,
 * src/io/rules-file.ts, src/run-check.ts (STYLE §4.7); and a figure the README quotes from the bundled network.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readNetworkFolder } from "../../src/io/network-file.ts";
import { parseRulesText } from "../../src/io/rules-file.ts";
import { defaultRuleId } from "../../src/model/check-rule.ts";
import { contentSha256, networkChecksum } from "../../src/model/checksum.ts";
import { diffCounts, diffNetworks } from "../../src/model/network-diff.ts";
import { describeRule, ruleSetOf } from "../../src/report/check.ts";
import { formatValue } from "../../src/report/scenario-diff.ts";
import { checkAnalyseOptions, defaultRuleSet } from "../../src/api/check.ts";
import { REPO_ROOT } from "../support/shared-data.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

describe("@example twins (issue 6)", () => {
  test("contentSha256", () => {
    expect(contentSha256({ b: 1, a: [2] })).toBe(contentSha256({ a: [2], b: 1 }));
    expect(contentSha256({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });
  test("defaultRuleId", () => {
    expect(defaultRuleId({ type: "population-reach", cutoffMin: 60, maxDropPercent: 0 })).toBe("population-reach-60min");
    expect(defaultRuleId({ type: "max-flow", maxDropPercent: 5, id: "bridges" })).toBe("bridges");
  });
  test("diffCounts(diffNetworks(n, n))", () => {
    const n = tinyNetwork("road:a -> road:b 10min");
    expect(diffCounts(diffNetworks(n, n)).total).toBe(0);
  });
  test("ruleSetOf, defaultRuleSet, describeRule", () => {
    expect(ruleSetOf([{ type: "reachability" }]).rules[0]!.id).toBe("reachability");
    expect(defaultRuleSet().rules).toHaveLength(8);
    expect(describeRule({ type: "max-flow", maxDropPercent: 5 })).toBe("max-flow of every capacity query drops by at most 5 %");
  });
  test("formatValue", () => {
    expect(formatValue(50.400000001)).toBe("50.4");
    expect(formatValue(undefined)).toBe("—");
  });
  test("parseRulesText: an unknown rule type with a suggestion", () => {
    expect(parseRulesText("rules:\n  - type: max-flw\n", "r.yaml").issues[0]).toMatchObject({
      file: "r.yaml",
      line: 2,
      column: 11,
      path: "rules[0].type",
      code: "unknown-rule-type",
      suggestion: "max-flow",
    });
  });
  test("checkAnalyseOptions(defaultRuleSet(), undefined).cutoffsMin", () => {
    expect(checkAnalyseOptions(defaultRuleSet(), undefined).cutoffsMin).toEqual([30, 60, 90, 120, 180]);
  });
});

describe("README", () => {
  test("the diff example quotes the bundled network's checksum (sha256 prefix)", () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const quoted = /same base network \(sha256 ([0-9a-f]{12})…\)/.exec(readme)?.[1];
    expect(quoted).toBe(networkChecksum(readNetworkFolder(join(REPO_ROOT, "networks/yrd"))).slice(0, 12));
  });
});
