/**
 * The one CSV writer of deltanet: rows of cells → CSV text, built on csv-stringify's sync API. Every CSV file deltanet
 * writes goes through it: the link flows and convergence trace of `deltanet assign`, the criticality ranking, batch
 * output blocks and the GMNS export.
 *
 * Format (RFC 4180, byte-stable):
 * - cells separated by `,`, each record ended by `\n` (the last one too), no byte-order mark;
 * - a cell is quoted only when its text holds a comma, a double quote, CR or LF; quotes inside are doubled;
 * - cell text: strings as given (a leading `=`, `+`, `-` or `@` is not escaped), numbers as `String(n)` (shortest
 *   round-trip decimal, exponent form such as `1e+21` and `1e-7` as JavaScript writes it, `-0` as `0`, `NaN` and
 *   `Infinity` as words), booleans as `true`/`false`, `null` and `undefined` as an empty cell (never `""`).
 *
 * Where it lives: io/ (GMNS export) and report/ (assignment and criticality CSV) both write CSV, and the layering lets
 * io and report share only model/, units and errors. This module sits in model/ beside the other format helpers that
 * every layer shares (the canonical JSON of checksum.ts, the code-unit comparator), so no import arrow changes.
 */
import { stringify, type Options } from "csv-stringify/sync";

/** One CSV cell before formatting (see the module header for how each type is written). */
export type CsvCell = string | number | boolean | null | undefined;

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  /** Column names, written as the first record (quoted like any cell). Default: no header record. */
  header?: readonly string[];
}

const STRINGIFY_OPTIONS: Options = {
  delimiter: ",",
  quote: '"',
  escape: '"',
  record_delimiter: "\n",
  // An explicit record delimiter turns off quoting of CR/LF by default: keep it on, so a cell with CR or LF is quoted.
  quote_record_delimiter: true,
  eof: true,
  bom: false,
  quoted: false,
  quoted_empty: false,
  escape_formulas: false,
  cast: {
    number: (value) => String(value),
    boolean: (value) => String(value),
  },
};

/**
 * Formats rows as CSV text (format in the module header).
 * @param rows records, each an array of cells; records may differ in length (no padding is added)
 * @param options `header`: column names written first
 * @returns the CSV text, every record ending in `\n`; `""` when there is neither a header nor a row
 * @example formatCsv([["a,b", 1.5, null, true]], { header: ["name", "x", "y", "ok"] }) // 'name,x,y,ok\n"a,b",1.5,,true\n'
 * @example formatCsv([['say "hi"', -0]]) // '"say ""hi""",0\n'
 */
export function formatCsv(rows: Iterable<readonly CsvCell[]>, options: FormatCsvOptions = {}): string {
  const records: (readonly CsvCell[])[] = options.header ? [options.header] : [];
  for (const row of rows) records.push(row);
  return records.length === 0 ? "" : stringify(records as CsvCell[][], STRINGIFY_OPTIONS);
}
