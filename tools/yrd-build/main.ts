/**
 * YRD builder, command line: `npm run build:networks [dataDir] [outDir]` builds `networks/yrd/` from
 * `../shared/data/yrd` (defaults relative to the repository root) and prints the counts per layer.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DeltanetError } from "../../src/errors.ts";
import { buildYrdNetwork } from "./build.ts";
import { writeFiles } from "./write.ts";

/** Repository root (two folders above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Default input folder: `<repo>/../shared/data/yrd`. */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, "../shared/data/yrd");
/** Default output folder: `<repo>/networks/yrd`. */
export const DEFAULT_OUT_DIR = resolve(REPO_ROOT, "networks/yrd");

/**
 * Builds and writes the network; returns the process exit code (0 ok, 3 bad input, 1 unexpected).
 * @param argv `[dataDir?, outDir?]`
 * @example runYrdBuild([]) // 0, networks/yrd rewritten
 */
export function runYrdBuild(argv: readonly string[]): number {
  const dataDir = resolve(argv[0] ?? DEFAULT_DATA_DIR);
  const outDir = resolve(argv[1] ?? DEFAULT_OUT_DIR);
  try {
    const built = buildYrdNetwork(dataDir);
    writeFiles(outDir, built.files);
    for (const s of built.stats) {
      process.stdout.write(`${s.file.padEnd(12)} nodes ${String(s.nodes).padStart(4)}  links ${String(s.links).padStart(5)}  facilities ${String(s.facilities).padStart(4)}  estimated links ${s.estimatedLinks}\n`);
    }
    process.stdout.write(`wrote ${built.files.size} files to ${outDir}\n`);
    return 0;
  } catch (e) {
    if (e instanceof DeltanetError) {
      process.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runYrdBuild(process.argv.slice(2));
}
