/**
 * Tests of src/batch/run-batch.ts on the batch-delta fixtures: byte-identical output for 0, 1, 2 and 4 workers,
 * resume after a kill or an interrupt, shard concatenation, and injected faults (a throwing task, a dying worker, a
 * task over the timeout) that are retried or reported while the batch goes on.
 */
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseShard, runBatchFile, shardRange, type RunBatchOptions } from "../../../src/api/batch/run-batch.ts";

const N1 = "test/fixtures/batches/road-n-1.yaml"; // 4 scenarios × 8 metrics, csv
const MC = "test/fixtures/batches/road-monte-carlo.yaml"; // 12 scenarios, jsonl
const dir = mkdtempSync(join(tmpdir(), "deltanet-batch-"));
let fileCount = 0;
const outFile = (ext = "csv") => join(dir, `out-${++fileCount}.${ext}`);

async function runToText(batch: string, options: RunBatchOptions = {}): Promise<string> {
  let text = "";
  await runBatchFile(batch, { workers: 0, ...options, write: (t) => void (text += t) });
  return text;
}

const reference = { n1: await runToText(N1), mc: await runToText(MC) };

describe("runBatchFile(path, options) — output", () => {
  test("N-1 CSV: a header, then 8 rows per scenario in scenario order", () => {
    const lines = reference.n1.trimEnd().split("\n");
    expect(lines[0]).toBe("scenarioIndex,scenarioId,detail,metric,value,unit");
    expect(lines).toHaveLength(1 + 4 * 8);
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(
      ["n-1:road:G15:nt-yc", "n-1:road:G2:sh-sz", "n-1:road:G40:sh-nt", "n-1:road:crossing:sutong"].flatMap((id) => Array(8).fill(id)),
    );
    // G15 cuts Yancheng off: 6 OD pairs (see test/engine/what-if.test.ts for the derivation).
    expect(lines[2]).toBe("0,n-1:road:G15:nt-yc,G15,odPairsDisconnected,6,pairs");
  });

  test("1, 2 and 4 workers write the same bytes as the main thread (CSV and JSON Lines)", async () => {
    for (const workers of [1, 2, 4]) {
      const out = outFile();
      await runBatchFile(N1, { workers, out });
      expect(readFileSync(out, "utf8"), `${workers} workers`).toBe(reference.n1);
    }
    const out = outFile("jsonl");
    await runBatchFile(MC, { workers: 2, out });
    expect(readFileSync(out, "utf8")).toBe(reference.mc);
  });

  test("--format overrides the file's format", async () => {
    const text = await runToText(N1, { format: "jsonl" });
    expect(JSON.parse(text.split("\n")[0]!)).toMatchObject({ scenarioIndex: 0, scenarioId: "n-1:road:G15:nt-yc", metric: "meanTimeIncreaseMin" });
  });
});

describe("runBatchFile(path, options) — resume and shards", () => {
  test("rerunning after a kill mid-row recomputes only the missing scenarios and ends byte-identical", async () => {
    const out = outFile("jsonl");
    writeFileSync(out, reference.mc.slice(0, Math.floor(reference.mc.length * 0.45))); // a killed run: partial last line
    const summary = await runBatchFile(MC, { workers: 0, out });
    expect(readFileSync(out, "utf8")).toBe(reference.mc);
    expect(summary.resumedCount).toBe(5); // 12 blocks of equal row count; 45 % of the bytes holds 5 complete ones
    expect(summary.completedCount).toBe(7);
    const again = await runBatchFile(MC, { workers: 0, out });
    expect(again).toMatchObject({ resumedCount: 12, completedCount: 0 });
    expect(readFileSync(out, "utf8")).toBe(reference.mc);
  });

  test("an interrupt (abort signal) leaves complete rows only; the rerun resumes to the full output", async () => {
    const out = outFile();
    const controller = new AbortController();
    const summary = await runBatchFile(N1, {
      workers: 1,
      out,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    expect(summary.interrupted).toBe(true);
    const partial = readFileSync(out, "utf8");
    expect(reference.n1.startsWith(partial)).toBe(true); // a prefix of whole lines: header + complete blocks
    expect((partial.match(/\n/g) ?? []).length % 8).toBe(1);
    await runBatchFile(N1, { workers: 0, out });
    expect(readFileSync(out, "utf8")).toBe(reference.n1);
  });

  test("resumed blocks after a gap are written back even when the run stops before computing anything", async () => {
    const out = outFile();
    const withGap = reference.n1.split("\n").filter((l) => !l.startsWith("1,")).join("\n"); // scenario 1 failed earlier
    writeFileSync(out, withGap);
    const controller = new AbortController();
    controller.abort();
    const summary = await runBatchFile(N1, { workers: 0, out, signal: controller.signal });
    expect(summary).toMatchObject({ interrupted: true, resumedCount: 3, completedCount: 0 });
    expect(readFileSync(out, "utf8")).toBe(withGap);
  });

  test("shards 1/3 … 3/3 (only shard 1 has the CSV header) concatenate to the unsharded output", async () => {
    for (const [batch, whole] of [
      [N1, reference.n1],
      [MC, reference.mc],
    ] as const) {
      let joined = "";
      for (let i = 1; i <= 3; i++) joined += await runToText(batch, { shard: { index: i, count: 3 } });
      expect(joined).toBe(whole);
    }
  });

  test("parseShard / shardRange: contiguous 1-based slices covering every scenario once", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "1", "-1/2"]) expect(() => parseShard(bad)).toThrow(expect.objectContaining({ code: "invalid-shard" }));
    expect([1, 2, 3, 4].map((i) => shardRange(10, { index: i, count: 4 }))).toEqual([
      [0, 2],
      [2, 5],
      [5, 7],
      [7, 10],
    ]);
    expect(shardRange(2, { index: 1, count: 3 })).toEqual([0, 0]); // more shards than scenarios: some are empty
  });
});

describe("runBatchFile(path, options) — faults", () => {
  test("a task that throws once is reported, retried and completes: output unchanged", async () => {
    const log: string[] = [];
    const out = outFile();
    const summary = await runBatchFile(N1, { workers: 2, out, log: (l) => log.push(l), faults: { "n-1:road:G2:sh-sz": { kind: "throw" } } });
    expect(summary.failures).toEqual([]);
    expect(readFileSync(out, "utf8")).toBe(reference.n1);
    expect(log.join("\n")).toMatch(/scenario #1 scenario n-1:road:G2:sh-sz: injected fault.*retrying \(attempt 2 of 2\)/);
  });

  test("a worker that dies (process.exit) is reported and the scenario retried on a new worker", async () => {
    const log: string[] = [];
    const out = outFile();
    const summary = await runBatchFile(N1, { workers: 1, out, log: (l) => log.push(l), faults: { "n-1:road:G40:sh-nt": { kind: "exit" } } });
    expect(summary.failures).toEqual([]);
    expect(readFileSync(out, "utf8")).toBe(reference.n1);
    expect(log.join("\n")).toMatch(/n-1:road:G40:sh-nt: its worker died \(exit code 70\).*retrying/);
  });

  test("a task failing twice is listed as failed, its rows are missing, the rest is written in order; a rerun fills it in", async () => {
    const out = outFile();
    const summary = await runBatchFile(N1, { workers: 2, out, faults: { "n-1:road:G2:sh-sz": { kind: "throw", attempts: 2 } } });
    expect(summary.failures).toEqual([{ index: 1, scenarioId: "n-1:road:G2:sh-sz", kind: "error", message: expect.stringContaining("injected fault"), attempts: 2 }]);
    const withGap = readFileSync(out, "utf8");
    expect(withGap).toBe(reference.n1.split("\n").filter((l) => !l.includes("n-1:road:G2:sh-sz")).join("\n"));
    const rerun = await runBatchFile(N1, { workers: 0, out });
    expect(rerun).toMatchObject({ resumedCount: 3, completedCount: 1, failures: [] });
    expect(readFileSync(out, "utf8")).toBe(reference.n1);
  });

  test("a task over the timeout is killed, reported and not retried; the batch goes on and the pool terminates", async () => {
    const out = outFile();
    const summary = await runBatchFile(N1, { workers: 1, out, taskTimeoutMs: 1500, faults: { "n-1:road:G15:nt-yc": { kind: "hang", attempts: 2 } } });
    expect(summary.failures).toEqual([{ index: 0, scenarioId: "n-1:road:G15:nt-yc", kind: "timeout", message: expect.stringContaining("task timeout of 1.5 s"), attempts: 1 }]);
    expect(summary.completedCount).toBe(3);
    expect(statSync(out).size).toBe(Buffer.byteLength(reference.n1) - Buffer.byteLength(reference.n1.split("\n").filter((l) => l.startsWith("0,")).join("\n") + "\n"));
  });

  test("a bad output file (another batch's) is refused before any work, and left untouched", async () => {
    const out = outFile();
    writeFileSync(out, "something else\n");
    await expect(runBatchFile(N1, { workers: 0, out })).rejects.toMatchObject({ code: "resume-mismatch" });
    expect(readFileSync(out, "utf8")).toBe("something else\n");
    truncateSync(out, 0);
  });
});
