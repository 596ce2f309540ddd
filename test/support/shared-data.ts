/**
 * Access to the external reference data in `../shared` for tests: under CI=true a missing folder fails the suite;
 * elsewhere the dependent tests are skipped with a printed notice, so `npm test` passes for a user who cloned alone.
 */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

/** Repository root (the folder holding package.json). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The shared data folder beside the repository: `<repo>/../shared`. */
export const SHARED_DIR = resolve(REPO_ROOT, "../shared");

/** True when `../shared/data` exists. */
export function sharedDataAvailable(): boolean {
  return existsSync(resolve(SHARED_DIR, "data"));
}

/** Absolute path of a file under `../shared`, e.g. `sharedPath("data/reference/dimacs/rome99.gr")`. */
export function sharedPath(relative: string): string {
  return resolve(SHARED_DIR, relative);
}

/**
 * `describe` for tests that need `../shared`: runs them when present; when missing, fails under `CI=true`
 * and skips with a notice otherwise.
 */
export function describeShared(name: string, fn: () => void): void {
  if (sharedDataAvailable()) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      throw new Error(`${SHARED_DIR} is missing: CI=true requires the shared reference data for "${name}"`);
    });
    return;
  }
  console.warn(`[deltanet tests] skipping "${name}": ${SHARED_DIR} not found (set up ../shared to run it)`);
  describe.skip(name, fn);
}
