/**
 * Batch output: one row per (scenario, metric) as CSV or JSON Lines, written in scenario order block by block (a
 * block = all rows of one scenario, written with one call), and read back to resume an interrupted batch.
 *
 * Format contract (byte-stable: the same batch gives the same bytes whatever the worker count or sharding):
 * - CSV columns `scenarioIndex,scenarioId,detail,metric,value,unit`, written by formatCsv (RFC 4180 quoting, `\n`
 *   line ends), one header line (written by unsharded runs and by shard 1 only, so concatenated shards equal the
 *   unsharded file);
 * - JSON Lines: one object per row with the same keys, in that order;
 * - numbers: integers as written by JavaScript (`String`), other values rounded to 6 decimals (`toFixed(6)`, then
 *   the shortest form), `-0` as `0`; an undefined metric (NaN) is an empty CSV cell / JSON `null`.
 * Resume: the complete blocks already in the file are kept; an incomplete trailing line or block (a killed run) is
 * dropped and recomputed. A file whose header, scenario ids or metric names do not match the batch is refused.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { InputError } from "../../errors.ts";
import type { BatchFormat } from "../../io/batch-file.ts";
import { formatCsv } from "../../model/format-csv.ts";
import type { MetricInfo } from "../../model/what-if-result.ts";
import { formatMetricValue } from "../../report/criticality.ts";
import type { BatchScenario } from "./generate-scenarios.ts";

/** CSV header columns, in order (also the JSON Lines keys). */
export const BATCH_COLUMNS = ["scenarioIndex", "scenarioId", "detail", "metric", "value", "unit"] as const;

/** The CSV header line, with its newline. */
export const BATCH_CSV_HEADER = formatCsv([], { header: BATCH_COLUMNS });

/**
 * The rows of one scenario as text (one block), ending in a newline.
 * @param metrics metric names and units, in vector order
 * @param values Float64Array(metricCount), the scenario's metric vector
 * @example formatBlock("csv", { index: 0, id: "n-1:a", detail: "A, B" }, [{ name: "m", unit: "min" }], Float64Array.of(1.5))
 * // '0,n-1:a,"A, B",m,1.5,min\n'
 */
export function formatBlock(format: BatchFormat, scenario: Pick<BatchScenario, "index" | "id" | "detail">, metrics: readonly MetricInfo[], values: Float64Array): string {
  if (format === "csv") {
    return formatCsv(metrics.map((m, k) => [scenario.index, scenario.id, scenario.detail, m.name, formatMetricValue(values[k]!), m.unit]));
  }
  let out = "";
  metrics.forEach((m, k) => {
    const value = formatMetricValue(values[k]!);
    out += `${JSON.stringify({ scenarioIndex: scenario.index, scenarioId: scenario.id, detail: scenario.detail, metric: m.name, value, unit: m.unit })}\n`;
  });
  return out;
}

/** What {@link readCompletedBlocks} found in an existing output file. */
export interface CompletedBlocks {
  /** Bytes of the file that are a header plus complete blocks of scenarios[0 … prefixCount − 1], in order. */
  prefixBytes: number;
  /** Number of leading scenarios already complete, in order, within `prefixBytes`. */
  prefixCount: number;
  /** Complete blocks after that prefix (a batch whose scenarios failed left gaps), by position in `scenarios`. */
  later: Map<number, string>;
  /** Whether the file holds the CSV header (false for an empty or missing file). */
  hasHeader: boolean;
}

/**
 * Reads an existing batch output to resume it.
 * @param path the output file (missing or empty = nothing done)
 * @param scenarios the scenarios this run writes (a shard's slice), in order
 * @param header whether this run writes the CSV header
 * @throws InputError code `resume-mismatch` (file, line) when the file's header, a scenario id at its index or a
 *   metric name does not match this batch.
 * @example readCompletedBlocks("out.csv", scenarios, metrics, "csv", true).prefixCount // 12 after 12 scenarios
 */
export function readCompletedBlocks(
  path: string,
  scenarios: readonly BatchScenario[],
  metrics: readonly MetricInfo[],
  format: BatchFormat,
  header: boolean,
): CompletedBlocks {
  const none: CompletedBlocks = { prefixBytes: 0, prefixCount: 0, later: new Map(), hasHeader: false };
  if (!existsSync(path)) return none;
  const text = readFileSync(path, "utf8");
  if (text === "") return none;
  const mismatch = (line: number, message: string): never => {
    throw new InputError(
      { file: path, line, path: "", code: "resume-mismatch", message: `${message}: the file is not an output of this batch (delete it or choose another --out)` },
      "resume-mismatch",
    );
  };
  const lines = text.split("\n");
  lines.pop(); // after the last "\n": empty, or a partial line of a killed run (dropped)
  let lineNo = 0;
  let bytes = 0;
  let hasHeader = false;
  if (format === "csv" && header) {
    if (lines.length === 0) return none;
    if (`${lines[0]}\n` !== BATCH_CSV_HEADER) mismatch(1, `first line is not the header ${BATCH_CSV_HEADER.trim()}`);
    bytes = Buffer.byteLength(BATCH_CSV_HEADER);
    lineNo = 1;
    hasHeader = true;
  }
  const position = new Map(scenarios.map((s, i) => [s.index, i]));
  const blocks: { at: number; text: string; startBytes: number; endBytes: number }[] = [];
  let current: { index: number; rows: string[]; metricsSeen: string[]; startBytes: number } | undefined;
  const close = (endBytes: number) => {
    if (!current) return;
    const at = position.get(current.index);
    if (at !== undefined && current.metricsSeen.length === metrics.length) {
      blocks.push({ at, text: current.rows.join(""), startBytes: current.startBytes, endBytes });
    }
    current = undefined;
  };
  for (; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo]!;
    const lineBytes = Buffer.byteLength(line) + 1;
    const row = parseRow(line, format);
    if (row === undefined) mismatch(lineNo + 1, "unreadable row");
    const { scenarioIndex, scenarioId, metric } = row!;
    const at = position.get(scenarioIndex);
    if (at === undefined) mismatch(lineNo + 1, `scenario index ${scenarioIndex} is not in this batch${scenarios.length > 0 ? ` (or not in this shard: ${scenarios[0]!.index} … ${scenarios[scenarios.length - 1]!.index})` : ""}`);
    if (scenarios[at!]!.id !== scenarioId) mismatch(lineNo + 1, `scenario ${scenarioIndex} is "${scenarioId}" here but "${scenarios[at!]!.id}" in this batch`);
    if (!current || current.index !== scenarioIndex || current.metricsSeen.length === metrics.length) {
      close(bytes);
      current = { index: scenarioIndex, rows: [], metricsSeen: [], startBytes: bytes };
    }
    const expected = metrics[current.metricsSeen.length]!.name;
    if (metric !== expected) mismatch(lineNo + 1, `metric "${metric}" where this batch writes "${expected}"`);
    current.rows.push(`${line}\n`);
    current.metricsSeen.push(metric);
    bytes += lineBytes;
  }
  close(bytes);
  let prefixCount = 0;
  let prefixBytes = hasHeader ? Buffer.byteLength(BATCH_CSV_HEADER) : 0;
  let k = 0;
  while (k < blocks.length && blocks[k]!.at === prefixCount && blocks[k]!.startBytes === prefixBytes) {
    prefixBytes = blocks[k]!.endBytes;
    prefixCount++;
    k++;
  }
  const later = new Map<number, string>();
  for (; k < blocks.length; k++) if (blocks[k]!.at >= prefixCount) later.set(blocks[k]!.at, blocks[k]!.text);
  return { prefixBytes, prefixCount, later, hasHeader };
}

function parseRow(line: string, format: BatchFormat): { scenarioIndex: number; scenarioId: string; metric: string } | undefined {
  try {
    if (format === "jsonl") {
      const o = JSON.parse(line) as Record<string, unknown>;
      if (typeof o.scenarioIndex !== "number" || typeof o.scenarioId !== "string" || typeof o.metric !== "string") return undefined;
      return { scenarioIndex: o.scenarioIndex, scenarioId: o.scenarioId, metric: o.metric };
    }
    const fields = (parse(line, { relax_column_count: false }) as string[][])[0];
    if (!fields || fields.length !== BATCH_COLUMNS.length || !/^\d+$/.test(fields[0]!)) return undefined;
    return { scenarioIndex: Number(fields[0]), scenarioId: fields[1]!, metric: fields[3]! };
  } catch {
    return undefined;
  }
}

/** Where blocks go: a function taking text (stdout), or an output file. */
export interface BlockSink {
  write(text: string): void;
  close(): void;
}

/**
 * Opens `path` for a resumed or fresh run: truncates it after the complete prefix and returns an appending sink.
 * @example const sink = openFileSink("out.csv", done.prefixBytes); sink.write(block); sink.close();
 */
export function openFileSink(path: string, keepBytes: number): BlockSink {
  const fd = openSync(path, existsSync(path) ? "r+" : "w");
  ftruncateSync(fd, keepBytes);
  let position = keepBytes;
  let open = true;
  return {
    write(text) {
      const buffer = Buffer.from(text, "utf8");
      let written = 0;
      while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written, position + written);
      position += buffer.length;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

/**
 * Writes scenario blocks in scenario order while results arrive in any order: a block is written as soon as every
 * scenario before it is written or failed. Failed scenarios leave no rows (a rerun computes them).
 */
export class OrderedBlockWriter {
  private readonly ready = new Map<number, string | null>();
  private cursor: number;
  /**
   * @param sink where text goes
   * @param count number of scenarios (positions 0 … count − 1)
   * @param start first position not yet written (the resumed prefix)
   * @param preloaded complete blocks from a previous run, by position (written when the cursor reaches them)
   */
  constructor(
    private readonly sink: BlockSink,
    private readonly count: number,
    start: number,
    preloaded: ReadonlyMap<number, string> = new Map(),
  ) {
    this.cursor = start;
    for (const [at, text] of preloaded) this.ready.set(at, text);
    this.flush();
  }
  /** Positions written or failed so far (the contiguous prefix). */
  get written(): number {
    return this.cursor;
  }
  /** Records the block of position `at` (or `null` for a failed scenario) and writes what has become contiguous. */
  settle(at: number, text: string | null): void {
    this.ready.set(at, text);
    this.flush();
  }
  /** Writes every settled block past the cursor in order, skipping unsettled positions (used when interrupted). */
  drain(): void {
    const rest = [...this.ready.keys()].filter((k) => k >= this.cursor).sort((a, b) => a - b);
    for (const k of rest) {
      const text = this.ready.get(k);
      if (text) this.sink.write(text);
    }
    this.ready.clear();
    this.cursor = this.count;
  }
  private flush(): void {
    let text = "";
    while (this.cursor < this.count && this.ready.has(this.cursor)) {
      text += this.ready.get(this.cursor) ?? "";
      this.ready.delete(this.cursor);
      this.cursor++;
    }
    if (text !== "") this.sink.write(text);
  }
}
