/**
 * End-to-end tests of `deltanet batch` and `deltanet criticality` (bin/deltanet.js, so workers load through the real
 * bootstrap): output streams, resume, shard concatenation, injected faults (throwing task, dying worker, timeout)
 * with their exit codes, Ctrl-C leaving complete rows only, and input/usage errors.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "../support/shared-data.ts";

const N1 = "test/fixtures/batches/road-n-1.yaml";
const dir = mkdtempSync(join(tmpdir(), "deltanet-cli-batch-"));
let count = 0;
const outFile = (ext = "csv") => join(dir, `out-${++count}.${ext}`);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `onStart` gets the child (to send signals). */
function deltanet(args: string[], env: Record<string, string> = {}, onStart?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/deltanet.js", ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    onStart?.(child);
  });
}

const faults = (f: Record<string, unknown>) => ({ DELTANET_TEST_FAULTS: JSON.stringify(f) });

const reference = await deltanet(["batch", N1, "--workers", "0"]);

describe.concurrent("deltanet batch", () => {
  test("writes the CSV rows to stdout and a summary to stderr; --help lists batch and criticality", async () => {
    expect(reference.code).toBe(0);
    expect(reference.stdout.split("\n")[0]).toBe("scenarioIndex,scenarioId,detail,metric,value,unit");
    expect(reference.stdout.trimEnd().split("\n")).toHaveLength(1 + 4 * 8);
    expect(reference.stderr).toContain("batch tiny-road-n-1: scenarios 0…3 of 4 (0 resumed, 4 computed, 0 failed)");
    const help = await deltanet(["--help"]);
    expect(help.stdout).toContain("batch <batch>");
    expect(help.stdout).toContain("criticality <scenario>");
  });

  test("--out with 2 workers writes the same bytes; rerunning resumes (nothing recomputed)", async () => {
    const out = outFile();
    const first = await deltanet(["batch", N1, "--workers", "2", "--out", out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toBe(reference.stdout);
    const again = await deltanet(["batch", N1, "--workers", "0", "--out", out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("(4 resumed, 0 computed, 0 failed)");
    expect(readFileSync(out, "utf8")).toBe(reference.stdout);
  });

  test("--shard 1/2 and 2/2 concatenate to the unsharded output", async () => {
    const [a, b] = await Promise.all([deltanet(["batch", N1, "--workers", "0", "--shard", "1/2"]), deltanet(["batch", N1, "--workers", "0", "--shard", "2/2"])]);
    expect(a.stderr).toContain("scenarios 0…1 of 4");
    expect(a.stdout + b.stdout).toBe(reference.stdout);
  });

  test("a task throwing once is retried (exit 0); failing twice exits 5 naming the scenario, other rows written", async () => {
    const once = await deltanet(["batch", N1, "--workers", "1"], faults({ "n-1:road:G2:sh-sz": { kind: "throw" } }));
    expect(once.code).toBe(0);
    expect(once.stderr).toMatch(/n-1:road:G2:sh-sz: injected fault.*retrying/);
    expect(once.stdout).toBe(reference.stdout);
    const out = outFile();
    const twice = await deltanet(["batch", N1, "--workers", "1", "--out", out], faults({ "n-1:road:G2:sh-sz": { kind: "throw", attempts: 2 } }));
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain("1 scenario(s) failed: #1 n-1:road:G2:sh-sz (error); rerun the same command to retry them [batch-failures]");
    expect(readFileSync(out, "utf8")).toBe(reference.stdout.split("\n").filter((l) => !l.includes("n-1:road:G2:sh-sz")).join("\n"));
  });

  test("a dying worker is retried on a new one (exit 0); a hanging task is killed at --task-timeout-s (exit 5)", async () => {
    const died = await deltanet(["batch", N1, "--workers", "1"], faults({ "n-1:road:G40:sh-nt": { kind: "exit" } }));
    expect(died.code).toBe(0);
    expect(died.stderr).toMatch(/n-1:road:G40:sh-nt: its worker died \(exit code 70\)/);
    expect(died.stdout).toBe(reference.stdout);
    const hung = await deltanet(["batch", N1, "--workers", "1", "--task-timeout-s", "1"], faults({ "n-1:road:G15:nt-yc": { kind: "hang" } }));
    expect(hung.code).toBe(5);
    expect(hung.stderr).toMatch(/n-1:road:G15:nt-yc: killed after the task timeout of 1 s/);
    expect(hung.stdout.split("\n").filter((l) => l.startsWith("0,"))).toEqual([]);
  });

  test("Ctrl-C (SIGINT) exits 130 promptly, keeps complete rows only, and a rerun completes the file", async () => {
    const out = outFile();
    // The last scenario hangs (no timeout in sight), so the run is still going when the first three are written.
    const interrupted = await deltanet(["batch", N1, "--workers", "1", "--out", out], faults({ "n-1:road:crossing:sutong": { kind: "hang" } }), (child) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readFileSync(out, "utf8").split("\n").length - 1 === 1 + 3 * 8) {
          clearInterval(poll);
          child.kill("SIGINT");
        }
      }, 50);
      child.on("close", () => clearInterval(poll));
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain("interrupted");
    expect(readFileSync(out, "utf8")).toBe(reference.stdout.split("\n").slice(0, 1 + 3 * 8).join("\n") + "\n");
    const resumed = await deltanet(["batch", N1, "--workers", "0", "--out", out]);
    expect(resumed.stderr).toContain("(3 resumed, 1 computed, 0 failed)");
    expect(readFileSync(out, "utf8")).toBe(reference.stdout);
  });

  test("bad input exits 3 with file:line; bad flags exit 2", async () => {
    const bad = await deltanet(["batch", "test/fixtures/batches/missing-scenario.yaml"]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/missing-scenario\.yaml:3:\d+ at scenario: scenario file not found/);
    const [workers, shard] = await Promise.all([deltanet(["batch", N1, "--workers", "-1"]), deltanet(["batch", N1, "--shard", "3/2"])]);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toContain("--workers -1 is invalid");
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain("--shard must be i/n with 1 ≤ i ≤ n");
  });
});

describe.concurrent("deltanet criticality", () => {
  test("prints the ranked table; --format json holds every facility, most critical first", async () => {
    const table = await deltanet(["criticality", "test/fixtures/scenarios/batch-base.yaml", "--layer", "road", "--workers", "0"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Criticality of road facilities (N-1) on batch-base");
    expect(table.stdout.indexOf("road:G15:nt-yc")).toBeLessThan(table.stdout.indexOf("road:crossing:sutong"));
    const json = await deltanet(["criticality", "test/fixtures/scenarios/batch-base.yaml", "--layer", "road", "--workers", "2", "--format", "json"]);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { kind: string; rows: { facilityId: string }[] };
    expect(doc.kind).toBe("deltanet-criticality");
    expect(doc.rows.map((r) => r.facilityId)).toEqual(["road:G15:nt-yc", "road:crossing:sutong", "road:G2:sh-sz", "road:G40:sh-nt"]);
  });

  test("a layer with nothing to close is invalid input (exit 3)", async () => {
    const water = await deltanet(["criticality", "test/fixtures/scenarios/batch-base.yaml", "--layer", "water", "--workers", "0"]);
    expect(water.code).toBe(3);
    expect(water.stderr).toContain("--layer: layer water has no open facility");
  });
});
