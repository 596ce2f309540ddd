/**
 * CLI output: writes a finished report to stdout or, with `--out`, to a file atomically (temporary file + rename),
 * so a failed run never leaves a partial output file behind.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { UsageError } from "../errors.ts";

/**
 * Writes `text` to `outPath` atomically, or to stdout when `outPath` is undefined.
 * @throws UsageError (code `bad-output-path`, exit 2) when the folder of `outPath` does not exist or the file cannot be
 *   written; nothing is left behind.
 */
export function writeOutput(text: string, outPath: string | undefined): void {
  if (outPath === undefined) {
    process.stdout.write(text);
    return;
  }
  const dir = dirname(outPath);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`cannot write ${outPath}: folder "${dir}" does not exist (create it first)`, "bad-output-path");
  }
  const tmp = join(dir, `.${basename(outPath)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, "utf8");
    renameSync(tmp, outPath);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${outPath}: ${(err as Error).message}`, "bad-output-path");
  }
  process.stderr.write(`deltanet: wrote ${outPath}\n`);
}
