/**
 * Options shared by the `run` and `compare` commands: output format, output file and isochrone cutoffs.
 */
import type { Argv } from "yargs";
import { DEFAULT_CUTOFFS_MIN } from "../../defaults.ts";
import { OUTPUT_FORMATS, type OutputFormat } from "../../report/format.ts";

/** Parsed shared options. */
export interface OutputArgs {
  format: OutputFormat;
  out?: string;
  "cutoff-min": number[];
}

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
          if (typeof c !== "number" || !Number.isFinite(c) || c <= 0) {
            const shown = typeof c === "number" && Number.isNaN(c) ? "is not a number" : `${String(c)} is invalid`;
            throw new Error(`--cutoff-min ${shown}: expected minutes > 0 (0 never means "no cutoff")`);
          }
        }
        return list as number[];
      },
    }) as unknown as Argv<T & OutputArgs>;
}
