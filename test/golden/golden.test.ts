/**
 * Golden outputs of the deltanet command line: each folder under test/golden/ runs `node bin/deltanet.js <args.json>`
 * from the repository root on the tiny-delta fixtures and compares its exit code, stdout, stderr and written files
 * byte for byte with the files in the folder (rules and normalisation: test/support/golden.ts, test/golden/README.md).
 * `DELTANET_UPDATE_GOLDEN=1` (npm run test:golden:update) rewrites them instead.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectGolden, readGoldenCases, runGoldenCase, stdoutFileName, updatingGolden, writeGolden } from "../support/golden.ts";

const update = updatingGolden();
const cases = readGoldenCases();

test("the golden cases cover run, compare, diff and check", () => {
  const commands = new Set(cases.map((c) => c.argv[0]));
  expect([...commands].sort()).toEqual(["check", "compare", "diff", "run"]);
});

describe("golden helper", () => {
  test("updatingGolden(env): only DELTANET_UPDATE_GOLDEN=1 updates, and never under CI=true", () => {
    expect(updatingGolden({})).toBe(false);
    expect(updatingGolden({ DELTANET_UPDATE_GOLDEN: "true" })).toBe(false);
    expect(updatingGolden({ DELTANET_UPDATE_GOLDEN: "1" })).toBe(true);
    expect(() => updatingGolden({ DELTANET_UPDATE_GOLDEN: "1", CI: "true" })).toThrow("DELTANET_UPDATE_GOLDEN=1 is refused under CI=true");
  });

  test("stdoutFileName(argv) follows --format: none or table → .txt, markdown → .md, json → .json", () => {
    expect(stdoutFileName(["run", "a.yaml"])).toBe("stdout.txt");
    expect(stdoutFileName(["run", "a.yaml", "--format", "table"])).toBe("stdout.txt");
    expect(stdoutFileName(["diff", "a.yaml", "b.yaml", "--format", "markdown"])).toBe("stdout.md");
    expect(stdoutFileName(["diff", "a.yaml", "b.yaml", "--format=json"])).toBe("stdout.json");
  });

  test.each([
    ["not JSON", "[\"run\"", /args\.json: malformed JSON/],
    ["an empty array", "[]", /args\.json: expected a non-empty JSON array of strings/],
    ["a number in the argv", '["run", 3]', /args\.json: expected a non-empty JSON array of strings/],
  ])("readGoldenCases: a case whose args.json is %s is refused with the file named", (_what, text, error) => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-golden-cases-"));
    mkdirSync(join(dir, "bad"));
    writeFileSync(join(dir, "bad", "args.json"), text);
    expect(() => readGoldenCases(dir)).toThrow(error);
  });

  test("readGoldenCases: a case folder without args.json is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "deltanet-golden-cases-"));
    mkdirSync(join(dir, "empty"));
    expect(() => readGoldenCases(dir)).toThrow(/empty[/\\]args\.json: missing/);
  });
});

describe.concurrent("golden outputs", () => {
  for (const c of cases) {
    test(`${c.name}: deltanet ${c.argv.join(" ")}`, async ({ expect }) => {
      const outputs = await runGoldenCase(c);
      if (update) {
        const touched = writeGolden(c, outputs);
        if (touched.length > 0) console.log(`updated golden files (review the diff):\n  ${touched.join("\n  ")}`);
        return;
      }
      expectGolden(expect, c, outputs);
    });
  }
});
