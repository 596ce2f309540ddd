/**
 * CLI output: writes a finished report to stdout or, with `--out`, to a file atomically (temporary file + rename),
 * so a failed run never leaves a partial output file behind.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { UsageError } from "../errors.ts";

/**
 * Checks, before any work is done, that each given output path can be written: its folder exists and the path is not
 * itself a folder. Commands call it first so a typo in `--out` fails in a second, not after the whole computation.
 * @param outPaths output paths; `undefined` entries (option not given) are skipped
 * @throws UsageError (code `bad-output-path`, exit 2) naming the path and what is wrong with it.
 * @example checkOutputPaths("results/run.json", undefined) // throws when results/ does not exist
 */
export function checkOutputPaths(...outPaths: (string | undefined)[]): void {
  for (const outPath of outPaths) {
    if (outPath === undefined) continue;
    const dir = dirname(outPath);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new UsageError(`cannot write ${outPath}: folder "${dir}" does not exist (create it first)`, "bad-output-path");
    }
    if (existsSync(outPath) && statSync(outPath).isDirectory()) {
      throw new UsageError(`cannot write ${outPath}: it is a folder; give a file name inside it (e.g. ${join(outPath, "out")})`, "bad-output-path");
    }
  }
}

/**
 * Writes `text` to `outPath` atomically, or to stdout when `outPath` is undefined.
 * @throws UsageError (code `bad-output-path`, exit 2) when the folder of `outPath` does not exist, `outPath` is a
 *   folder, or the file cannot be written; nothing is left behind.
 */
export function writeOutput(text: string, outPath: string | undefined): void {
  if (outPath === undefined) {
    process.stdout.write(text);
    return;
  }
  checkOutputPaths(outPath);
  const dir = dirname(outPath);
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
