/**
 * CLI output: writes a finished report to stdout or, with `--out`, to a file atomically (temporary file + rename),
 * so a failed run never leaves a partial output file behind.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";

/** Writes `text` to `outPath` atomically, or to stdout when `outPath` is undefined. */
export function writeOutput(text: string, outPath: string | undefined): void {
  if (outPath === undefined) {
    process.stdout.write(text);
    return;
  }
  const tmp = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, "utf8");
    renameSync(tmp, outPath);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  process.stderr.write(`deltanet: wrote ${outPath}\n`);
}
