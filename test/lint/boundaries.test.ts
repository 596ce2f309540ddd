/**
 * The import boundaries of eslint.config.js, checked on code that breaks them: an arrow against the layering
 * (cli → api → {io, scenario, engine, report} → model → {units, errors}, engine → algorithms, scenario → io) fails
 * the lint that `npm test` runs, and the arrows the layering allows pass.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "../support/shared-data.ts";

const eslint = new ESLint({ cwd: REPO_ROOT });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, filePath) });
  return result!.messages.map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

describe("eslint.config.js import boundaries", () => {
  test.each([
    ["src/engine/x.ts", 'import { main } from "../cli/main.ts";', "engine may not import cli"],
    ["src/engine/x.ts", 'import { DEFAULT_CUTOFFS_MIN } from "../defaults.ts";', "engine may not import defaults"],
    ["src/engine/x.ts", 'import type { ScenarioSpec } from "../io/scenario-file.ts";', "engine may not import io"],
    ["src/model/x.ts", 'import { compileNetwork } from "../engine/compile.ts";', "model may not import engine"],
    ["src/io/x.ts", 'import { applyScenario } from "../scenario/apply-scenario.ts";', "io may not import scenario"],
    ["src/report/x.ts", 'import { runScenario } from "../api/run.ts";', "report may not import api"],
    ["src/algorithms/assignment/x.ts", 'import type { Network } from "../../model/network.ts";', "algorithms may not import model"],
    ["src/algorithms/x.ts", 'import Graph from "graphology";', "no graph library"],
    ["src/cli/commands/x.ts", 'import { applyScenario } from "../../scenario/apply-scenario.ts";', "cli may not import scenario"],
    ["src/units.ts", 'import { InputError } from "./errors.ts";', "units may not import errors"],
    ["tools/yrd-build/x.ts", 'import { readNetworkFolder } from "../../src/io/network-file.ts";', "tools/"],
  ])("%s: %s is refused", async (file, code, expected) => {
    const messages = await restrictedImports(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("no-restricted-imports");
    expect(messages[0]).toContain(expected);
  });

  test.each([
    ["src/cli/commands/x.ts", 'import { runScenario } from "../../api/run.ts";\nimport { formatJson } from "../../report/format.ts";'],
    ["src/api/x.ts", 'import { DEFAULT_CUTOFFS_MIN } from "../defaults.ts";\nimport { applyScenario } from "../scenario/apply-scenario.ts";'],
    ["src/scenario/modifications/x.ts", 'import { positionOf } from "../../io/positions.ts";\nimport type { Network } from "../../model/network.ts";'],
    ["src/engine/x.ts", 'import { dijkstra } from "../algorithms/dijkstra.ts";\nimport { UsageError } from "../errors.ts";'],
    ["tools/yrd-build/x.ts", 'import type { Network } from "../../src/model/network.ts";\nimport { InputError } from "../../src/errors.ts";'],
  ])("%s: allowed arrows pass", async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });

  test("no file is excepted: engine files may not read defaults, report files may not import engine", async () => {
    // No engine file may import defaults; any other report file importing engine is refused.
    for (const file of ["src/engine/isochrones.ts", "src/engine/assign.ts", "src/engine/gravity.ts", "src/engine/road-link-table.ts"]) {
      expect(await restrictedImports(file, 'import { DEFAULT_CUTOFFS_MIN } from "../defaults.ts";')).toHaveLength(1);
    }
    expect(await restrictedImports("src/report/check.ts", 'import type { AssignmentRun } from "../engine/assign.ts";')).toHaveLength(1);
    expect(await restrictedImports("src/report/assignment.ts", 'import type { AssignmentRun } from "../engine/assign.ts";')).toHaveLength(1);
  });

  test("every file of src/ and tools/ is under an import boundary", async () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(relative(REPO_ROOT, path));
      }
    };
    walk(join(REPO_ROOT, "src"));
    if (existsSync(join(REPO_ROOT, "tools"))) walk(join(REPO_ROOT, "tools"));
    const unbounded: string[] = [];
    for (const file of files.filter((f) => /\.(ts|mjs)$/.test(f) && !/[\\/]test[\\/]/.test(f))) {
      const config = (await eslint.calculateConfigForFile(join(REPO_ROOT, file))) as { rules?: Record<string, unknown> };
      if (!config.rules?.["no-restricted-imports"]) unbounded.push(file);
    }
    expect(unbounded).toEqual([]);
  });
});
