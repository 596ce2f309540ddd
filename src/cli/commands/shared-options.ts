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
      type: "number",
      array: true,
      default: [...DEFAULT_CUTOFFS_MIN],
      describe: "isochrone cutoffs in minutes (> 0, ascending); repeat the flag for several",
    })
    .check((argv) => {
      const cutoffs = argv["cutoff-min"] as unknown[];
      for (const c of cutoffs) {
        if (typeof c !== "number" || !Number.isFinite(c) || c <= 0) {
          throw new Error(`--cutoff-min ${String(c)} is invalid: expected minutes > 0 (0 never means "no cutoff")`);
        }
      }
      return true;
    }) as unknown as Argv<T & OutputArgs>;
}
