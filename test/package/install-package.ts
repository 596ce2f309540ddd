/**
 * Packs deltanet as `npm pack` would and installs the tarball into an empty folder, offline: shared by the package
 * tests (test/package/package.test.ts) and the start-up bench (bench/startup.ts).
 *
 * - The pack runs in a copy of the working tree (without node_modules, .git, dist and bench/.build; node_modules is a
 *   symlink to the repository's), so its `prepack` build and `postpack` clean-up touch only the copy: the repository
 *   never gets a dist/ and tests running at the same time are not affected.
 * - The install is `npm install --offline <tarball>` into a folder holding only a package.json and a lockfile seeded
 *   with the repository's locked runtime packages (the non-dev entries of package-lock.json, with their resolved URL
 *   and integrity). npm then needs no registry metadata: the tarballs come from npm's cache, which `npm ci` filled.
 *   Which of them are installed is decided by the tarball's own `dependencies`; one missing from the seed makes npm
 *   ask the registry and fail with ENOTCACHED.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (where package.json is). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Top-level entries of the working tree that the staged copy leaves out (installed, generated or VCS data). */
const NOT_STAGED = new Set(["node_modules", ".git", "dist", ".scratch"]);

/** What `npm pack --json` reports about the tarball it wrote. */
export interface PackResult {
  /** Absolute path of the .tgz. */
  tarball: string;
  /** Paths inside the package, as npm lists them (`package/` prefix removed), sorted. */
  files: string[];
}

/**
 * The environment for child npm processes: this process's, without the `npm_*` variables an enclosing `npm test`
 * sets (lifecycle, package fields, command-line config such as `--json`), except where npm keeps its cache and
 * config files.
 */
export function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const kept = new Set(["npm_config_cache", "npm_config_userconfig", "npm_config_globalconfig", "npm_config_registry"]);
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_") || kept.has(key.toLowerCase())) env[key] = value;
  }
  // The shebang of an installed bin (`#!/usr/bin/env node`) must find this Node, not another one on PATH.
  env.PATH = `${dirname(process.execPath)}${process.platform === "win32" ? ";" : ":"}${process.env.PATH ?? ""}`;
  return env;
}

/**
 * Runs `command args` in `cwd`, throwing with its output when it exits non-zero.
 * @returns the finished process (stdout/stderr as text)
 */
export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv()): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, shell: process.platform === "win32" });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.status}:\n${result.stderr}\n${result.stdout.slice(0, 4000)}`);
  }
  return result;
}

/**
 * Copies the working tree to `stageDir` (see the module header) and runs `npm pack --json` there, writing the
 * tarball into `destDir`.
 * @throws Error when npm fails (its output is in the message)
 */
export function packRepository(stageDir: string, destDir: string): PackResult {
  mkdirSync(stageDir, { recursive: true });
  mkdirSync(destDir, { recursive: true });
  const skipped = (path: string): boolean => {
    const rel = relative(REPO_ROOT, path);
    const top = rel.split(sep)[0] ?? "";
    return NOT_STAGED.has(top) || rel === join("bench", ".build") || rel.startsWith(join("bench", ".build") + sep);
  };
  cpSync(REPO_ROOT, stageDir, { recursive: true, filter: (src) => !skipped(src) });
  symlinkSync(realpathSync(join(REPO_ROOT, "node_modules")), join(stageDir, "node_modules"), "junction");
  const out = run("npm", ["pack", "--json", "--pack-destination", destDir], stageDir);
  const report = JSON.parse(out.stdout) as { filename: string; files: { path: string }[] }[];
  const entry = report[0];
  if (entry === undefined) throw new Error(`npm pack printed no package: ${out.stdout}`);
  return { tarball: join(destDir, entry.filename), files: entry.files.map((f) => f.path).sort() };
}

/**
 * Creates `appDir` with a minimal package.json and the seeded lockfile, then runs
 * `npm install --offline --no-audit --no-fund <tarball>` there.
 * @returns the installed package's folder (`appDir/node_modules/deltanet`)
 * @throws Error when npm fails, e.g. ENOTCACHED when a runtime dependency is not in npm's cache (run `npm ci` first)
 */
export function installTarball(tarball: string, appDir: string): string {
  mkdirSync(appDir, { recursive: true });
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean }>;
  };
  const packages: Record<string, unknown> = { "": { name: "deltanet-install-check", version: "1.0.0" } };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path.startsWith("node_modules/") && entry.dev !== true) packages[path] = entry;
  }
  writeFileSync(join(appDir, "package.json"), `${JSON.stringify({ name: "deltanet-install-check", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`);
  writeFileSync(
    join(appDir, "package-lock.json"),
    `${JSON.stringify({ name: "deltanet-install-check", version: "1.0.0", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], appDir);
  return join(appDir, "node_modules", "deltanet");
}

/** Path of the installed `deltanet` command in `appDir` (npm's shim in node_modules/.bin). */
export function installedBin(appDir: string): string {
  return join(appDir, "node_modules", ".bin", process.platform === "win32" ? "deltanet.cmd" : "deltanet");
}
