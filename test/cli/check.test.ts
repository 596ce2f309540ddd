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
