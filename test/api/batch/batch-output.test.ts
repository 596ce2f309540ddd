/**
 * Tests of src/batch/batch-output.ts: number formatting, CSV quoting (read back with csv-parse), the ordered block
 * writer under any completion order, and reading an output back for resume (partial lines, gaps, mismatches).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import {
  BATCH_CSV_HEADER,
  formatBlock,
  openFileSink,
  OrderedBlockWriter,
  readCompletedBlocks,
  type BlockSink,
} from "../../../src/api/batch/batch-output.ts";
import { formatMetricValue } from "../../../src/report/criticality.ts";
import type { BatchScenario } from "../../../src/api/batch/generate-scenarios.ts";

const METRICS = [
  { name: "meanTimeIncreaseMin", unit: "min" },
  { name: "odPairsDisconnected", unit: "pairs" },
];
const scenario = (index: number, id = `n-1:f${index}`, detail = ""): BatchScenario => ({
  index,
  id,
  detail,
  closedFacilityIds: [],
  perturbation: { closedLinks: [], closedViewLinks: [] },
});

describe("formatMetricValue(value)", () => {
  test("rounds to 6 decimals, keeps integers, writes -0 as 0 and NaN/Infinity as null", () => {
    expect(formatMetricValue(2.2862513107)).toBe(2.286251);
    expect(formatMetricValue(0.1 + 0.2)).toBe(0.3);
    expect(formatMetricValue(-52_055_421)).toBe(-52_055_421);
    expect(Object.is(formatMetricValue(-0), 0)).toBe(true);
    expect(Object.is(formatMetricValue(-1e-9), 0)).toBe(true);
    expect(formatMetricValue(NaN)).toBeNull();
    expect(formatMetricValue(Infinity)).toBeNull();
  });
});

describe("formatBlock(format, scenario, metrics, values)", () => {
  test("csv: one row per metric, RFC 4180 quoting that csv-parse reads back; NaN is an empty cell", () => {
    const text = formatBlock("csv", scenario(3, 'n-1:a,"b"', "Name, with comma"), METRICS, Float64Array.of(NaN, 2));
    const rows = parse(BATCH_CSV_HEADER + text, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { scenarioIndex: "3", scenarioId: 'n-1:a,"b"', detail: "Name, with comma", metric: "meanTimeIncreaseMin", value: "", unit: "min" },
      { scenarioIndex: "3", scenarioId: 'n-1:a,"b"', detail: "Name, with comma", metric: "odPairsDisconnected", value: "2", unit: "pairs" },
    ]);
  });
  test("jsonl: one object per line with the same keys in order; NaN is null", () => {
    const lines = formatBlock("jsonl", scenario(0), METRICS, Float64Array.of(NaN, 2)).trimEnd().split("\n");
    expect(lines[0]).toBe('{"scenarioIndex":0,"scenarioId":"n-1:f0","detail":"","metric":"meanTimeIncreaseMin","value":null,"unit":"min"}');
    expect(JSON.parse(lines[1]!)).toMatchObject({ value: 2 });
  });
});

function memorySink(): BlockSink & { text: string } {
  const sink = { text: "", write: (t: string) => void (sink.text += t), close: () => undefined };
  return sink;
}

describe("OrderedBlockWriter", () => {
  test.prop([fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }).chain((failed) => fc.tuple(fc.constant(failed), fc.shuffledSubarray(failed.map((_f, i) => i), { minLength: failed.length })))], {
    seed: 20261129,
    numRuns: 200,
  })("writes blocks in position order whatever the completion order; failed positions leave nothing", ([failed, order]) => {
    const sink = memorySink();
    const writer = new OrderedBlockWriter(sink, failed.length, 0);
    for (const at of order) writer.settle(at, failed[at] ? null : `block ${at}\n`);
    expect(sink.text).toBe(failed.map((f, i) => (f ? "" : `block ${i}\n`)).join(""));
    expect(writer.written).toBe(failed.length);
  });

  test("holds a block until the ones before it are settled; drain() writes what is settled past a gap", () => {
    const sink = memorySink();
    const writer = new OrderedBlockWriter(sink, 4, 0, new Map([[3, "old 3\n"]]));
    writer.settle(2, "new 2\n");
    expect(sink.text).toBe("");
    writer.settle(0, "new 0\n");
    expect(sink.text).toBe("new 0\n");
    writer.drain(); // position 1 never finished (interrupted)
    expect(sink.text).toBe("new 0\nnew 2\nold 3\n");
  });
});

describe("readCompletedBlocks(path, scenarios, metrics, format, header)", () => {
  const dir = mkdtempSync(join(tmpdir(), "deltanet-output-"));
  const list = [0, 1, 2, 3].map((i) => scenario(i));
  const block = (i: number) => formatBlock("csv", list[i]!, METRICS, Float64Array.of(i, i));
  const full = BATCH_CSV_HEADER + block(0) + block(1) + block(2) + block(3);

  test("a missing or empty file: nothing done", () => {
    expect(readCompletedBlocks(join(dir, "none.csv"), list, METRICS, "csv", true)).toMatchObject({ prefixCount: 0, prefixBytes: 0, hasHeader: false });
  });

  test("a run killed mid-line: the complete prefix is kept, the partial block dropped", () => {
    const path = join(dir, "killed.csv");
    const cut = BATCH_CSV_HEADER.length + block(0).length + block(1).length + 7; // inside block 2's first row
    writeFileSync(path, full.slice(0, cut));
    const done = readCompletedBlocks(path, list, METRICS, "csv", true);
    expect(done).toMatchObject({ prefixCount: 2, prefixBytes: BATCH_CSV_HEADER.length + block(0).length + block(1).length, hasHeader: true });
    expect(done.later.size).toBe(0);
  });

  test("a gap (a failed scenario) splits the file: prefix before it, later blocks kept for rewriting", () => {
    const path = join(dir, "gap.csv");
    writeFileSync(path, BATCH_CSV_HEADER + block(0) + block(2) + block(3));
    const done = readCompletedBlocks(path, list, METRICS, "csv", true);
    expect(done.prefixCount).toBe(1);
    expect([...done.later.entries()]).toEqual([
      [2, block(2)],
      [3, block(3)],
    ]);
  });

  test("resuming through openFileSink + OrderedBlockWriter reproduces the complete file byte for byte", () => {
    const path = join(dir, "resume.csv");
    writeFileSync(path, BATCH_CSV_HEADER + block(0) + block(2) + block(3).slice(0, 10));
    const done = readCompletedBlocks(path, list, METRICS, "csv", true);
    const sink = openFileSink(path, done.prefixBytes);
    const writer = new OrderedBlockWriter(sink, 4, done.prefixCount, done.later);
    writer.settle(1, block(1));
    writer.settle(3, block(3));
    sink.close();
    expect(readFileSync(path, "utf8")).toBe(full);
  });

  test("another batch's file is refused: wrong header, unknown scenario id, different metrics (code resume-mismatch)", () => {
    const path = join(dir, "other.csv");
    writeFileSync(path, "a,b\n");
    expect(() => readCompletedBlocks(path, list, METRICS, "csv", true)).toThrow(expect.objectContaining({ code: "resume-mismatch" }));
    writeFileSync(path, BATCH_CSV_HEADER + formatBlock("csv", scenario(1, "n-1:other"), METRICS, Float64Array.of(1, 1)));
    expect(() => readCompletedBlocks(path, list, METRICS, "csv", true)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ line: 2, code: "resume-mismatch" })] }));
    writeFileSync(path, BATCH_CSV_HEADER + formatBlock("csv", list[0]!, [{ name: "x", unit: "min" }, METRICS[1]!], Float64Array.of(1, 1)));
    expect(() => readCompletedBlocks(path, list, METRICS, "csv", true)).toThrow(expect.objectContaining({ code: "resume-mismatch" }));
  });

  test("jsonl without header, and a shard's slice: indexes outside the slice are refused", () => {
    const path = join(dir, "shard.jsonl");
    const slice = list.slice(2);
    writeFileSync(path, formatBlock("jsonl", list[2]!, METRICS, Float64Array.of(1, 1)));
    expect(readCompletedBlocks(path, slice, METRICS, "jsonl", false)).toMatchObject({ prefixCount: 1, hasHeader: false });
    writeFileSync(path, formatBlock("jsonl", list[0]!, METRICS, Float64Array.of(1, 1)));
    expect(() => readCompletedBlocks(path, slice, METRICS, "jsonl", false)).toThrow(expect.objectContaining({ code: "resume-mismatch" }));
  });
});
