#!/usr/bin/env node
// Rewrites the golden files: runs `vitest run test/golden` with DELTANET_UPDATE_GOLDEN=1 set, in any shell
// (npm run test:golden:update). Extra arguments go to vitest, e.g. `npm run test:golden:update -- -t check-fail`.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const r = spawnSync(process.execPath, [vitest, "run", "test/golden", ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: "inherit",
  env: { ...process.env, DELTANET_UPDATE_GOLDEN: "1" },
});
process.exit(r.status ?? 1);
