/**
 * End-to-end tests of the deltanet command line (bin/deltanet.js): streams, formats, exit codes, and that bad input
 * fails cleanly with file:line and writes no output file.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "../support/shared-data.ts";

const FIX = "test/fixtures/scenarios";

function deltanet(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/deltanet.js", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.concurrent("deltanet CLI", () => {
  test("--version prints the package version; --help lists the commands", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(deltanet("--version")).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = deltanet("--help");
    expect(help.code).toBe(0);
    for (const c of ["run <scenario>", "compare <before> <after>", "validate <scenario>", "diff <a> <b>", "check"]) expect(help.stdout).toContain(c);
  });

  test("run --format json writes only JSON to stdout (logs go to stderr)", () => {
    const r = deltanet("run", `${FIX}/baseline-2019.yaml`, "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; kind: string; isochrones: unknown[] };
    expect(doc).toMatchObject({ schemaVersion: 1, kind: "deltanet-run" });
    expect(doc.isochrones).toHaveLength(4);
    expect(r.stderr).toContain("running");
  });

  test("compare --format markdown --out FILE writes the file and nothing to stdout", () => {
    const out = join(mkdtempSync(join(tmpdir(), "deltanet-")), "cmp.md");
    const r = deltanet("compare", `${FIX}/baseline-2019.yaml`, `${FIX}/plan-2025.yaml`, "--format", "markdown", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const md = readFileSync(out, "utf8");
    expect(md).toContain("| City | Province | ≤60 min before (M) |");
  });

  test("an --out into a missing folder, or onto a folder, is refused before any work (exit 2), for every command", () => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-"));
    const missing = join(dir, "no-such-folder", "out.txt");
    const cases: string[][] = [
      ["run", `${FIX}/baseline-2019.yaml`, "--out"],
      ["compare", `${FIX}/baseline-2019.yaml`, `${FIX}/plan-2025.yaml`, "--out"],
      ["diff", `${FIX}/baseline-2019.yaml`, `${FIX}/plan-2025.yaml`, "--out"],
      ["assign", `${FIX}/baseline-2019.yaml`, "--trace"],
      ["check", "--baseline", `${FIX}/baseline-2019.yaml`, "--candidate", `${FIX}/plan-2025.yaml`, "--junit"],
      ["criticality", `${FIX}/baseline-2019.yaml`, "--layer", "road", "--quiet", "--out"],
      ["batch", "test/fixtures/batches/road-n-1.yaml", "--quiet", "--out"],
    ];
    for (const args of cases) {
      for (const [target, why] of [[missing, `folder "${join(dir, "no-such-folder")}" does not exist`], [dir, "it is a folder"]] as const) {
        const r = deltanet(...args, target);
        expect(r.code, `${args[0]} ${target}`).toBe(2);
        expect(r.stderr, args[0]).toContain(`cannot write ${target}: ${why}`);
        expect(r.stderr, args[0]).not.toMatch(/running|comparing|checking|assigning/); // refused before any work
      }
    }
    expect(existsSync(join(dir, "no-such-folder"))).toBe(false);
  });

  test("a truncated saved run (.json) is malformed JSON at its last line (exit 3)", () => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-"));
    const full = deltanet("run", `${FIX}/baseline-2019.yaml`, "--format", "json").stdout;
    const truncated = full.slice(0, Math.floor(full.length / 2));
    const file = join(dir, "trunc.json");
    writeFileSync(file, truncated);
    const r = deltanet("compare", file, `${FIX}/plan-2025.yaml`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`trunc\\.json:${truncated.split("\n").length}:\\d+: malformed JSON: .*\\[malformed-json\\]`));
  });

  test("two cutoffs given by repeating --cutoff-min", () => {
    const r = deltanet("run", `${FIX}/baseline-2019.yaml`, "--cutoff-min", "30", "--cutoff-min", "60", "--format", "json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { parameters: { cutoffsMin: number[] } }).parameters.cutoffsMin).toEqual([30, 60]);
  });

  test("compare shows the given cutoffs in its table (the default cutoffs show 60 and 120 min)", () => {
    const given = deltanet("compare", `${FIX}/baseline-2019.yaml`, `${FIX}/plan-2025.yaml`, "--cutoff-min", "45", "--cutoff-min", "90", "--format", "markdown");
    expect(given.code).toBe(0);
    expect(given.stdout).toContain("| City | Province | ≤45 min before (M) | ≤45 min after (M) | ≤45 min change (M) | ≤90 min before (M) |");
    const byDefault = deltanet("compare", `${FIX}/baseline-2019.yaml`, `${FIX}/plan-2025.yaml`, "--format", "markdown");
    expect(byDefault.stdout).toContain("| City | Province | ≤60 min before (M) | ≤60 min after (M) | ≤60 min change (M) | ≤120 min before (M) |");
    expect(byDefault.stdout).toContain("| All 4 cities: mean |");
  });

  test.each([
    ["malformed YAML", "malformed.yaml", /malformed\.yaml:6:3: malformed YAML/],
    ["unknown key with a suggestion", "bad-many.yaml", /bad-many\.yaml:3:1 at descripton: unknown key "descripton"; did you mean "description"\?/],
    ["a quoted number", "bad-many.yaml", /bad-many\.yaml:11:22 at modifications\[1\]\.set\.speedKph: expected a number, got string "12"/],
    ["a negative time", "bad-many.yaml", /modifications\[3\]\.set\.timeMin: must be ≥ 0 \(got -3\)/],
    ["an unknown link id", "bad-many.yaml", /modifications\[7\]\.links\[0\]: unknown link or facility id "road:crossing:sutnog"/],
    ["an unknown project", "bad-many.yaml", /modifications\[8\]\.project: unknown project "沪通铁路"/],
    ["an unknown node id", "bad-many.yaml", /modifications\[9\]\.link\.toNodeId: unknown node id "road:shh"/],
    ["an extends cycle", "cycle-a.yaml", /extends cycle: .*cycle-a\.yaml → .*cycle-b\.yaml → .*cycle-c\.yaml → .*cycle-a\.yaml/],
    ["a missing extends file", "missing-extends.yaml", /missing-extends\.yaml:\d+:\d+ at extends/],
  ])("%s: exit 3, the file:line and path on stderr, no output file", (_what, file, pattern) => {
    const out = join(mkdtempSync(join(tmpdir(), "deltanet-")), "out.json");
    const r = deltanet("run", `${FIX}/${file}`, "--format", "json", "--out", out);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  test("validate: exit 0 for a good file, 3 listing every problem for a bad one", () => {
    expect(deltanet("validate", `${FIX}/plan-2025.yaml`)).toMatchObject({ code: 0 });
    const bad = deltanet("validate", `${FIX}/bad-many.yaml`);
    expect(bad.code).toBe(3);
    expect(bad.stderr.match(/bad-many\.yaml:\d+:\d+/g)!.length).toBeGreaterThanOrEqual(15);
  });

  test.each([
    [["run", `${FIX}/baseline-2019.yaml`, "--cutoff-min", "0"], /--cutoff-min 0 is invalid/],
    [["run", `${FIX}/baseline-2019.yaml`, "--cutoff-min", "-30"], /--cutoff-min -30 is invalid/],
    [["run", `${FIX}/baseline-2019.yaml`, "--cutoff-min", "abc"], /--cutoff-min is not a number: expected minutes > 0/],
    [["criticality", `${FIX}/baseline-2019.yaml`, "--layer", "road", "--top", "abc"], /--top is not a number: expected an integer ≥ 1/],
    [["assign", `${FIX}/baseline-2019.yaml`, "--relative-gap-target", "abc"], /--relative-gap-target is not a number: expected a number ≥ 0/],
    [["batch", "test/fixtures/batches/road-n-1.yaml", "--workers", "1.5"], /--workers 1.5 is invalid: expected an integer ≥ 0/],
    [["run", `${FIX}/baseline-2019.yaml`, "--frobnicate"], /Unknown argument: frobnicate\n/],
    [["run", `${FIX}/baseline-2019.yaml`, "--cutof-min", "60"], /Unknown argument: cutof-min; did you mean "--cutoff-min"\?\n/],
    [["criticality", `${FIX}/baseline-2019.yaml`, "--layer", "road", "--tpo", "3", "--quite"], /Unknown arguments: tpo, quite; tpo: did you mean "--top"\?; quite: did you mean "--quiet"\?/],
    [["run", `${FIX}/baseline-2019.yaml`, "--format", "xml"], /Invalid values/],
    [["explode"], /Unknown argument|Did you mean/],
  ])("usage error %j: exit 2", (args, pattern) => {
    const r = deltanet(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});

describe.concurrent("a folder where a file is expected", () => {
  test.each([
    [["run", "scenarios"], "scenario file"],
    [["compare", "scenarios/baseline-2019.yaml", "scenarios"], "scenario file"],
    [["validate", "scenarios"], "scenario file"],
    [["batch", "scenarios"], "batch file"],
    [["check", "--baseline", `${FIX}/baseline-2019.yaml`, "--candidate", `${FIX}/baseline-2019.yaml`, "--rules", "scenarios"], "rules file"],
  ])("deltanet %j is an input error (exit 3, no stack trace)", (args, expected) => {
    const r = deltanet(...args);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`scenarios: is a folder; expected a ${expected}`);
    expect(r.stderr).toContain("[not-a-file]");
    expect(r.stderr).not.toContain("    at ");
  });
});
