/**
 * Options shared by commands: output format, output file and isochrone cutoffs (`run`, `compare`), the checked
 * numeric flag of every command ({@link numberFlag}), and the cutoffs a comparison table shows.
 */
import type { Argv } from "yargs";
import { DEFAULT_CUTOFFS_MIN, TABLE_CUTOFFS_MIN } from "../../defaults.ts";
import { OUTPUT_FORMATS, type OutputFormat } from "../../report/output-format.ts";

/** Parsed shared options. */
export interface OutputArgs {
  format: OutputFormat;
  out?: string;
  "cutoff-min": number[];
}

const cutoffFlag = numberFlag("cutoff-min", (c) => Number.isFinite(c) && c > 0, 'minutes > 0 (0 never means "no cutoff")');

/** Adds `--format`, `--out` and `--cutoff-min` to a command. */
export function withOutputOptions<T>(y: Argv<T>): Argv<T & OutputArgs> {
  return y
    .option("format", { choices: OUTPUT_FORMATS, default: "table" as OutputFormat, describe: "output format" })
    .option("out", { type: "string", describe: "write the report to this file (atomically) instead of stdout" })
    .option("cutoff-min", {
      // Not `array: true`: a greedy array would swallow a following positional file name. Repeating the flag
      // (`--cutoff-min 30 --cutoff-min 60`) gives an array through yargs' duplicate-arguments-array.
      type: "number",
      default: [...DEFAULT_CUTOFFS_MIN] as unknown as number,
      defaultDescription: DEFAULT_CUTOFFS_MIN.join(" "),
      describe: "isochrone cutoff in minutes (> 0); repeat the flag for several, ascending",
      coerce: (value: unknown): number[] => {
        const list = Array.isArray(value) ? value : [value];
        for (const c of list) {
          cutoffFlag(c);
        }
        return list as number[];
      },
    }) as unknown as Argv<T & OutputArgs>;
}

/**
 * A yargs `coerce` for a numeric flag: returns the value when `check` accepts it, else throws a usage error (exit 2)
 * that says "--<name> is not a number" (yargs turns a word into NaN) or "--<name> <value> is invalid", then what was
 * expected. Nothing is coerced: a value `check` refuses is never replaced by a default.
 * @example numberFlag("top", (v) => Number.isInteger(v) && v >= 1, "an integer ≥ 1")(Number.NaN) // throws "--top is not a number: expected an integer ≥ 1"
 */
export function numberFlag(name: string, check: (v: number) => boolean, expected: string): (value: unknown) => number {
  return (value: unknown): number => {
    if (typeof value !== "number" || Number.isNaN(value) || !check(value)) {
      const shown = typeof value === "number" && Number.isNaN(value) ? "is not a number" : `${String(value)} is invalid`;
      throw new Error(`--${name} ${shown}: expected ${expected}`);
    }
    return value;
  };
}

/**
 * The cutoffs shown in the per-city comparison table: 60 and 120 min when the runs used the default cutoffs (the
 * table stays readable), every cutoff otherwise (those given with `--cutoff-min`).
 * @example tableCutoffsMin([30, 60, 90, 120, 180]) // [60, 120]
 * @example tableCutoffsMin([45, 90]) // [45, 90]
 */
export function tableCutoffsMin(cutoffsMin: readonly number[]): number[] {
  const isDefault = cutoffsMin.length === DEFAULT_CUTOFFS_MIN.length && cutoffsMin.every((c, i) => c === DEFAULT_CUTOFFS_MIN[i]);
  return isDefault ? TABLE_CUTOFFS_MIN.filter((c) => cutoffsMin.includes(c)) : [...cutoffsMin];
}
