/**
 * Golden-output cases of the deltanet command line (turf's `test/in` → `test/out`, one folder per case).
 *
 * A case is a folder `test/golden/<case>/` holding:
 * - `args.json`: the argv after `node bin/deltanet.js`, a JSON array of strings, with paths relative to the
 *   repository root (the command runs there, as a user would run it). The text `{out}` stands for an empty temporary
 *   folder made for the run: arguments such as `--junit {out}/check.xml` name the files the command writes.
 * - the expected outputs, compared byte for byte:
 *   - `exit-code`: the exit status and a newline;
 *   - `stdout.txt`, `stdout.md` or `stdout.json` (by the `--format` argument: table or none, markdown, json);
 *   - `stderr.txt`: the log lines;
 *   - every file the command wrote into `{out}`, under its own name (e.g. `check.xml`).
 *
 * Normalisation, applied to the captured outputs before comparing or writing (and nothing else):
 * - the temporary folder's absolute path is replaced by `{out}` wherever it appears (the CLI echoes the paths it is
 *   given, e.g. `deltanet: wrote /tmp/…/check.xml` on stderr);
 * - on stderr, `deltanet: done in 0.1 s` (wall-clock time) becomes `deltanet: done in <elapsed> s`.
 *
 * With `DELTANET_UPDATE_GOLDEN=1` the outputs are written as the new golden files (stale ones deleted) instead of
 * compared; this is refused under `CI=true`, so CI can never bless its own output. Without the flag a missing golden
 * file fails the case.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExpectStatic } from "vitest";
import { REPO_ROOT } from "./shared-data.ts";

/** Folder of the golden cases: `<repo>/test/golden`. */
export const GOLDEN_DIR = join(REPO_ROOT, "test", "golden");

/** Environment variable that, set to `1`, rewrites the golden files instead of comparing them. */
export const UPDATE_GOLDEN_ENV = "DELTANET_UPDATE_GOLDEN";

/** Placeholder in `args.json` for the run's temporary output folder (absolute, different on each run). */
export const OUT_PLACEHOLDER = "{out}";

/** How to refresh the golden files, printed with every mismatch. */
export const UPDATE_HINT =
  "If the change is intended, run `npm run test:golden:update` (or `DELTANET_UPDATE_GOLDEN=1 npx vitest run test/golden`) and review the diff of test/golden/ before committing.";

/** The file in a case folder that holds the argv. */
const ARGS_FILE = "args.json";

/** One golden case: its folder name, absolute folder and argv (still holding `{out}`). */
export interface GoldenCase {
  name: string;
  dir: string;
  argv: string[];
}

/** True when the golden files are to be rewritten (`DELTANET_UPDATE_GOLDEN=1`); throws under `CI=true`. */
export function updatingGolden(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[UPDATE_GOLDEN_ENV] !== "1") return false;
  if (env.CI === "true") throw new Error(`${UPDATE_GOLDEN_ENV}=1 is refused under CI=true: golden files are updated on a developer machine and reviewed`);
  return true;
}

/**
 * Reads every case folder under `test/golden/` (a folder with an `args.json`), sorted by name.
 * @throws Error naming the file when an `args.json` is not a non-empty JSON array of strings
 */
export function readGoldenCases(dir: string = GOLDEN_DIR): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const name of readdirSync(dir).sort()) {
    const caseDir = join(dir, name);
    if (!statSync(caseDir).isDirectory()) continue;
    const argsFile = join(caseDir, ARGS_FILE);
    if (!existsSync(argsFile)) throw new Error(`${argsFile}: missing; every folder under test/golden/ is a case and needs its argv in ${ARGS_FILE}`);
    let argv: unknown;
    try {
      argv = JSON.parse(readFileSync(argsFile, "utf8"));
    } catch (e) {
      throw new Error(`${argsFile}: malformed JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === "string")) {
      throw new Error(`${argsFile}: expected a non-empty JSON array of strings (the argv after \`node bin/deltanet.js\`)`);
    }
    cases.push({ name, dir: caseDir, argv });
  }
  return cases;
}

/** Name of the golden stdout file for an argv: `stdout.md` for `--format markdown`, `stdout.json` for json, else `stdout.txt`. */
export function stdoutFileName(argv: readonly string[]): string {
  let format = "table";
  argv.forEach((arg, i) => {
    if (arg === "--format" && i + 1 < argv.length) format = argv[i + 1]!;
    else if (arg.startsWith("--format=")) format = arg.slice("--format=".length);
  });
  return format === "markdown" ? "stdout.md" : format === "json" ? "stdout.json" : "stdout.txt";
}

/** Runs `node bin/deltanet.js ...argv` in `cwd` without a terminal; resolves with the exit code and raw output bytes. */
export function spawnDeltanet(argv: readonly string[], cwd: string = REPO_ROOT): Promise<{ code: number; stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env };
    delete env[UPDATE_GOLDEN_ENV];
    const child = spawn(process.execPath, ["bin/deltanet.js", ...argv], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === null) reject(new Error(`deltanet ${argv.join(" ")} was killed by ${signal}`));
      else resolvePromise({ code, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
    });
  });
}

/** Replaces every occurrence of `from` in `bytes` by `to` (byte-exact outside the matches). */
function replaceBytes(bytes: Buffer, from: string, to: string): Buffer {
  const needle = Buffer.from(from, "utf8");
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, start)) {
    parts.push(bytes.subarray(start, at), Buffer.from(to, "utf8"));
    start = at + needle.length;
  }
  if (start === 0) return bytes;
  parts.push(bytes.subarray(start));
  return Buffer.concat(parts);
}

/** Wall-clock line of `deltanet compare` on stderr. */
const ELAPSED_LINE = /^deltanet: done in \d+(?:\.\d+)? s$/gm;

/**
 * Runs one case and returns its outputs, normalised as described in the module header: a map from golden file name
 * (`exit-code`, `stdout.*`, `stderr.txt`, written files) to bytes.
 * @throws Error when the command writes a folder into `{out}`
 */
export async function runGoldenCase(c: GoldenCase): Promise<Map<string, Buffer>> {
  const outDir = mkdtempSync(join(tmpdir(), `deltanet-golden-${c.name}-`));
  try {
    const argv = c.argv.map((a) => a.split(OUT_PLACEHOLDER).join(outDir));
    const r = await spawnDeltanet(argv);
    const normalise = (bytes: Buffer) => replaceBytes(bytes, outDir, OUT_PLACEHOLDER);
    const stderr = Buffer.from(normalise(r.stderr).toString("utf8").replace(ELAPSED_LINE, "deltanet: done in <elapsed> s"), "utf8");
    const outputs = new Map<string, Buffer>([
      ["exit-code", Buffer.from(`${r.code}\n`, "utf8")],
      [stdoutFileName(c.argv), normalise(r.stdout)],
      ["stderr.txt", stderr],
    ]);
    for (const name of readdirSync(outDir).sort()) {
      const file = join(outDir, name);
      if (!statSync(file).isFile()) throw new Error(`case ${c.name}: the command wrote a folder ${OUT_PLACEHOLDER}/${name}; only files are compared`);
      if (outputs.has(name) || name === ARGS_FILE) throw new Error(`case ${c.name}: the written file ${OUT_PLACEHOLDER}/${name} clashes with a golden file of that name; pick another name in ${ARGS_FILE}`);
      outputs.set(name, normalise(readFileSync(file)));
    }
    return outputs;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The golden files present in a case folder (every file but `args.json`), sorted. */
function goldenFiles(c: GoldenCase): string[] {
  return readdirSync(c.dir)
    .filter((name) => name !== ARGS_FILE && statSync(join(c.dir, name)).isFile())
    .sort();
}

/** Path of a golden file relative to the repository root, with `/` separators (for messages). */
function shown(c: GoldenCase, file: string): string {
  return `test/golden/${c.name}/${file}`;
}

/**
 * Compares a case's outputs with its golden files byte for byte, through `expect` (use the test context's `expect`
 * in concurrent tests): a differing file fails with a text diff; a missing golden file, or a stale golden file the
 * command no longer produces, fails too. Every problem of the case is reported (soft assertions).
 */
export function expectGolden(expect: ExpectStatic, c: GoldenCase, outputs: Map<string, Buffer>): void {
  const missing = [...outputs.keys()].filter((file) => !existsSync(join(c.dir, file))).map((file) => shown(c, file));
  expect.soft(missing, `golden files missing (the command produced them). ${UPDATE_HINT}`).toEqual([]);
  const stale = goldenFiles(c).filter((file) => !outputs.has(file)).map((file) => shown(c, file));
  expect.soft(stale, `stale golden files (the command no longer produces them). ${UPDATE_HINT}`).toEqual([]);
  for (const [file, actual] of outputs) {
    const path = join(c.dir, file);
    if (!existsSync(path)) continue;
    const expected = readFileSync(path);
    if (actual.equals(expected)) continue;
    const message = `${shown(c, file)} differs from the output of \`deltanet ${c.argv.join(" ")}\`. ${UPDATE_HINT}`;
    const [actualText, expectedText] = [actual.toString("utf8"), expected.toString("utf8")];
    // Bytes that differ but decode to the same text (invalid UTF-8) are compared as hex, so they still fail.
    if (actualText !== expectedText) expect.soft(actualText, message).toBe(expectedText);
    else expect.soft(actual.toString("hex"), message).toBe(expected.toString("hex"));
  }
}

/**
 * Rewrites a case's golden files from its outputs and deletes stale ones.
 * @returns the golden files that were added, changed or deleted (relative to the repository root)
 */
export function writeGolden(c: GoldenCase, outputs: Map<string, Buffer>): string[] {
  const touched: string[] = [];
  for (const [file, actual] of outputs) {
    const path = join(c.dir, file);
    if (existsSync(path) && readFileSync(path).equals(actual)) continue;
    writeFileSync(path, actual);
    touched.push(shown(c, file));
  }
  for (const file of goldenFiles(c)) {
    if (outputs.has(file)) continue;
    unlinkSync(join(c.dir, file));
    touched.push(`${shown(c, file)} (deleted)`);
  }
  return touched;
}
