/**
 * YRD builder, CSV access: reads one UTF-8 CSV of `../shared/data/yrd` with csv-parse/sync and hands out typed cells;
 * a missing column, a blank required cell or a malformed number is an InputError with file, line, column and column name.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { InputError } from "../../src/errors.ts";

/** One data row of a CSV file with its 1-based source line (the header is line 1). */
export interface CsvRow {
  /** File name as given (e.g. `yrd_cities.csv`), used in error messages and `source` strings. */
  readonly file: string;
  /** 1-based line where the record starts. */
  readonly line: number;
  /** Cell text by column name (exactly as in the file, untrimmed). */
  readonly cells: Readonly<Record<string, string>>;
  /** 1-based column index by column name. */
  readonly columnIndex: Readonly<Record<string, number>>;
}

/** A parsed CSV: header plus rows. */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

interface RecordWithInfo {
  record: string[];
  info: { lines: number };
}

/**
 * Reads `<dir>/<file>` and checks that every `requiredColumns` entry is in the header.
 * @param dir folder holding the CSV files
 * @param file file name, e.g. `yrd_rail_edges.csv`
 * @param requiredColumns columns the caller reads; extra columns are allowed
 * @returns the table; rows keep their 1-based start line
 * @throws InputError code `file-not-found` when the file is missing, `missing-column` (one issue per column),
 *   `ragged-row` when a row has a different number of cells than the header.
 * @example readCsv("../shared/data/yrd", "yrd_cities.csv", ["adcode"]).rows.length // 41
 */
export function readCsv(dir: string, file: string, requiredColumns: readonly string[]): CsvTable {
  const path = join(dir, file);
  if (!existsSync(path)) throw new InputError({ file: path, code: "file-not-found", message: "file not found" });
  const text = readFileSync(path, "utf8");
  const records = parse(text, { info: true, bom: true, skip_empty_lines: true }) as unknown as RecordWithInfo[];
  if (records.length === 0) throw new InputError({ file, line: 1, code: "empty-file", message: "no header row" });
  const header = records[0].record;
  const columnIndex: Record<string, number> = {};
  header.forEach((h, i) => (columnIndex[h] = i + 1));
  const missing = requiredColumns.filter((c) => columnIndex[c] === undefined);
  if (missing.length > 0) {
    throw new InputError(
      missing.map((c) => ({ file, line: 1, code: "missing-column", path: c, message: `missing column "${c}" (header: ${header.join(",")})` })),
    );
  }
  const rows: CsvRow[] = [];
  let previousEnd = records[0].info.lines;
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length !== header.length) {
      throw new InputError({ file, line, code: "ragged-row", message: `row has ${record.length} cells, header has ${header.length}` });
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => (cells[h] = record[i]));
    rows.push({ file, line, cells, columnIndex });
  }
  return { file, header, rows };
}

function issueAt(row: CsvRow, column: string, code: string, message: string): InputError {
  return new InputError({ file: row.file, line: row.line, column: row.columnIndex[column], path: column, code, message });
}

/**
 * Required text cell (non-empty after trimming).
 * @throws InputError code `missing-value` when blank.
 * @example text(row, "name_zh") // "南京市"
 */
export function text(row: CsvRow, column: string): string {
  const v = (row.cells[column] ?? "").trim();
  if (v === "") throw issueAt(row, column, "missing-value", `column "${column}" is blank`);
  return v;
}

/** Optional text cell: `undefined` when blank. @example optText(row, "note") // undefined */
export function optText(row: CsvRow, column: string): string | undefined {
  const v = (row.cells[column] ?? "").trim();
  return v === "" ? undefined : v;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Range and integrality checks for {@link num}. */
export interface NumberCheck {
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound (e.g. `0` for "must be > 0"). */
  greaterThan?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Refuse a fractional value. */
  integer?: boolean;
}

/**
 * Required decimal number cell. Accepts plain decimals only (`12`, `12.5`, `-3`); refuses `"12 km"`, `"1e3"`, `">4700"`,
 * blanks and out-of-range values instead of coercing them.
 * @throws InputError code `missing-value`, `not-a-number` or `out-of-range`, with file, line, column.
 * @example num(row, "pop_2020_census", { min: 0, integer: true }) // 9314685
 */
export function num(row: CsvRow, column: string, check: NumberCheck = {}): number {
  const raw = (row.cells[column] ?? "").trim();
  if (raw === "") throw issueAt(row, column, "missing-value", `column "${column}" is blank, expected a number`);
  if (!DECIMAL.test(raw)) throw issueAt(row, column, "not-a-number", `column "${column}" is not a plain decimal number (got "${raw}")`);
  const v = Number(raw);
  const bad =
    (check.min !== undefined && v < check.min) ||
    (check.greaterThan !== undefined && !(v > check.greaterThan)) ||
    (check.max !== undefined && v > check.max) ||
    (check.integer === true && !Number.isInteger(v));
  if (bad) throw issueAt(row, column, "out-of-range", `column "${column}" out of range (got ${raw}, expected ${JSON.stringify(check)})`);
  return v;
}

/** Optional number cell: `undefined` when blank, otherwise as {@link num}. @example optNum(row, "length_km") // undefined */
export function optNum(row: CsvRow, column: string, check: NumberCheck = {}): number | undefined {
  return (row.cells[column] ?? "").trim() === "" ? undefined : num(row, column, check);
}

/**
 * A cell that must be one of `allowed`.
 * @throws InputError code `bad-value` otherwise.
 * @example oneOf(row, "both_in_yrd", ["0", "1"]) // "1"
 */
export function oneOf<T extends string>(row: CsvRow, column: string, allowed: readonly T[]): T {
  const v = (row.cells[column] ?? "").trim();
  if (!(allowed as readonly string[]).includes(v)) {
    throw issueAt(row, column, "bad-value", `column "${column}" must be one of ${allowed.join(", ")} (got "${v}")`);
  }
  return v as T;
}

/** Builds an InputError for a row-level inconsistency found by a later step. */
export function rowError(row: CsvRow, column: string, code: string, message: string): InputError {
  return issueAt(row, column, code, message);
}
