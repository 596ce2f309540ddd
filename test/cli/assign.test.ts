/**
 * End-to-end tests of `deltanet assign`: TNTP folders and scenarios, the flows and trace CSV files, exit code 4 with
 * --require-convergence, usage errors (exit 2) and invalid input (exit 3).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "../support/shared-data.ts";

const TWO_ROUTES = "test/fixtures/tntp/TwoRoutes";

function deltanet(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/deltanet.js", ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), "deltanet-assign-"));

describe.concurrent("deltanet assign", () => {
  test("assign <TNTP folder> --out --trace writes link flows and the convergence trace as CSV", () => {
    const dir = tmp();
    const r = deltanet("assign", TWO_ROUTES, "--relative-gap-target", "1e-8", "--out", join(dir, "flows.csv"), "--trace", join(dir, "trace.csv"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("TwoRoutes");
    const flows = readFileSync(join(dir, "flows.csv"), "utf8").trim().split("\n");
    expect(flows[0]).toBe("link_id,from_node_id,to_node_id,flow_veh_per_hour,capacity_veh_per_hour,vc_ratio,free_flow_time_min,congested_time_min,cost_min");
    expect(flows).toHaveLength(6);
    const a = flows[1].split(",");
    expect(a.slice(0, 3)).toEqual(["1-3", "1", "3"]);
    // analytic equilibrium 1000 · (20/3)^¼ = 1606.857 veh/h (see the fixture's comments)
    expect(Number(a[3])).toBeCloseTo(1606.857, 2);
    const trace = readFileSync(join(dir, "trace.csv"), "utf8").trim().split("\n");
    expect(trace[0]).toBe("iteration,relative_gap,step_size,objective,direction,warnings");
    expect(trace[1].startsWith("1,")).toBe(true);
    expect(trace[1]).toContain(",all-or-nothing,");
  });

  test("--require-convergence with --max-iterations 1 exits 4 after writing the flows", () => {
    const out = join(tmp(), "flows.csv");
    const r = deltanet("assign", TWO_ROUTES, "--max-iterations", "1", "--require-convergence", "--out", out);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/did not converge: relative gap .* after 1 iteration\(s\) \[not-converged\]/);
    expect(existsSync(out)).toBe(true);
  });

  test("without --require-convergence a non-converged run exits 0 with a warning", () => {
    const r = deltanet("assign", TWO_ROUTES, "--max-iterations", "1");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: assignment did not converge");
    expect(r.stdout).toContain("NO (target 0.0001)");
  });

  test.each([
    [["--algorithm", "msa"]],
    [["--relative-gap-target", "-1"]],
    [["--max-iterations", "0"]],
    [["--max-iterations", "2.5"]],
    [["--trip-rate-veh-per-hour-per-person", "0.001"]],
  ])("%j is a usage error (exit 2)", (flags) => {
    expect(deltanet("assign", TWO_ROUTES, ...flags).code).toBe(2);
  });

  test("an input that does not exist, or a folder without TNTP files, is invalid input (exit 3) saying what was expected", () => {
    const dir = tmp();
    const missing = deltanet("assign", join(dir, "SiouxFalls"));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`${join(dir, "SiouxFalls")}: no such file or folder; expected a scenario file (YAML) or a folder holding TNTP files`);
    expect(missing.stderr).toContain("[file-not-found]");
    const empty = deltanet("assign", dir);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toContain("expected exactly one *_net.tntp file, found 0 [tntp-folder]");
  });

  test("a TNTP link with capacity 0 is invalid input (exit 3) naming file, line and link", () => {
    const r = deltanet("assign", "test/fixtures/tntp/BadCapacity");
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/BadCapacity_net\.tntp:8:\d+ at links\[1\]\.capacity: link 2-1: capacity must be > 0 \(got 0\) \[invalid-capacity\]/);
  });

  test("assign <scenario> --format json prints the road assignment summary", () => {
    const r = deltanet("assign", "test/fixtures/scenarios/baseline-2019.yaml", "--format", "json", "--gravity-beta-per-min", "0.02");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { kind: string; converged: boolean; parameters: { gravity: { betaPerMin: number } }; topCongestedLinks: unknown[] };
    expect(summary.kind).toBe("deltanet-road-assignment");
    expect(summary.converged).toBe(true);
    expect(summary.parameters.gravity.betaPerMin).toBe(0.02);
    expect(summary.topCongestedLinks.length).toBeGreaterThan(0);
  });
});
