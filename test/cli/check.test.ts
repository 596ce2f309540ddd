/**
 * End-to-end tests of `deltanet check`, `deltanet diff` and `compare --allow-mismatch` (bin/deltanet.js) on the
 * tiny-delta fixtures: exit codes 0/1/2/3, the summary on stdout, report files written (and none on bad input).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "../support/shared-data.ts";

const FIX = "test/fixtures/scenarios";
const BASE = `${FIX}/baseline-2019.yaml`;
const CLOSE = `${FIX}/check-close-sutong.yaml`;

function deltanet(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/deltanet.js", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.concurrent("deltanet check / diff", () => {
  test("check: a regression exits 1, prints the summary, writes JUnit, markdown and JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-check-"));
    const [junit, md, json] = ["check.xml", "check.md", "check.json"].map((f) => join(dir, f));
    const r = deltanet("check", "--baseline", BASE, "--candidate", CLOSE, "--junit", junit!, "--markdown", md!, "--json", json!);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^FAIL: \d+ of 8 rules found a regression/);
    expect(r.stdout).toContain("  FAIL  population-reach-60min");
    expect(r.stderr).toContain("[regression-found]");
    expect(r.stderr).not.toContain("unexpected error");
    expect(XMLValidator.validate(readFileSync(junit!, "utf8"))).toBe(true);
    expect(readFileSync(md!, "utf8")).toContain("### ❌ `population-reach-60min`");
    expect(JSON.parse(readFileSync(json!, "utf8"))).toMatchObject({ kind: "deltanet-check", passed: false });
  });

  test("check: a scenario against itself exits 0", () => {
    const r = deltanet("check", "--baseline", BASE, "--candidate", BASE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("PASS: all 8 rules hold");
  });

  test("check against a saved baseline: the rules' own capacity queries need `run --rules` (the CI workflow's steps)", () => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-check-"));
    const rules = join(dir, "rules.yaml");
    writeFileSync(
      rules,
      [
        "rules:",
        "  - type: max-flow",
        "    maxDropPercent: 0",
        "    queries: [road-shanghai-to-jiangsu]",
        "capacityQueries:",
        "  - id: road-shanghai-to-jiangsu",
        "    label: Road Shanghai → Jiangsu",
        "    layer: road",
        "    capacityAttribute: capacityVehPerHour",
        "    from: { provinces: [Shanghai] }",
        "    to: { provinces: [Jiangsu] }",
        "",
      ].join("\n"),
    );
    const plain = join(dir, "plain.json");
    expect(deltanet("run", BASE, "--format", "json", "--out", plain).code).toBe(0);
    const refused = deltanet("check", "--baseline", plain, "--candidate", BASE, "--rules", rules);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`capacity query "road-shanghai-to-jiangsu" is not in the saved run ${plain}: save the run with \`deltanet run <scenario> --rules ${rules} --format json\``);

    const withRules = join(dir, "with-rules.json");
    expect(deltanet("run", BASE, "--rules", rules, "--format", "json", "--out", withRules).code).toBe(0);
    const saved = JSON.parse(readFileSync(withRules, "utf8")) as { capacity: { id: string; maxFlow: number }[] };
    expect(saved.capacity.map((c) => c.id)).toContain("road-shanghai-to-jiangsu");
    const passed = deltanet("check", "--baseline", withRules, "--candidate", BASE, "--rules", rules);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toContain("PASS: the rule holds");
  });

  test("compare of a saved run and a scenario on networks with other zones: provenance-mismatch, or compared when allowed", () => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-check-"));
    const tiny = join(dir, "tiny.json");
    expect(deltanet("run", BASE, "--format", "json", "--out", tiny).code).toBe(0);
    const refused = deltanet("compare", tiny, "scenarios/baseline-2019.yaml");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("[provenance-mismatch]");
    const allowed = deltanet("compare", tiny, "scenarios/baseline-2019.yaml", "--allow-mismatch", "--format", "json");
    expect(allowed.code).toBe(0);
    // 4 fixture cities against 41: the after side carries its own OD matrix, and the comparison says so.
    expect((JSON.parse(allowed.stdout) as { assignment: { sameDemand: boolean } }).assignment.sameDemand).toBe(false);
  });

  test("check: a bad rules file exits 3 with file:line:column and writes no report", () => {
    const junit = join(mkdtempSync(join(tmpdir(), "deltanet-check-")), "check.xml");
    const r = deltanet("check", "--baseline", BASE, "--candidate", CLOSE, "--rules", "test/fixtures/rules/bad-many.yaml", "--junit", junit);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('test/fixtures/rules/bad-many.yaml:3:11 at rules[0].type: unknown rule type "reachabilty"; did you mean "reachability"?');
    expect(r.stdout).toBe("");
    expect(existsSync(junit)).toBe(false);
  });

  test("diff --format json lists the closed links; compare refuses a saved run of another network unless --allow-mismatch", () => {
    const d = deltanet("diff", BASE, CLOSE, "--format", "json");
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ kind: "deltanet-diff", counts: { linksClosed: 2, total: 2 } });

    const dir = mkdtempSync(join(tmpdir(), "deltanet-check-"));
    const run = deltanet("run", BASE, "--format", "json");
    const doc = JSON.parse(run.stdout) as { provenance: { networkChecksum: string } };
    doc.provenance.networkChecksum = "0".repeat(64);
    const saved = join(dir, "other-network.json");
    writeFileSync(saved, JSON.stringify(doc));
    const refused = deltanet("compare", saved, CLOSE, "--format", "json");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/base network differs: sha256 000000000000… \(tiny-baseline-2019\) vs [0-9a-f]{12}… \(tiny-close-sutong\).*\[provenance-mismatch\]/);
    const allowed = deltanet("compare", saved, CLOSE, "--format", "json", "--allow-mismatch");
    expect(allowed.code).toBe(0);
    expect((JSON.parse(allowed.stdout) as { mismatches: { field: string }[] }).mismatches.map((m) => m.field)).toEqual(["network"]);
  });
});
