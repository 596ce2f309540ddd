/**
 * Tests of src/report/run-result-file.ts: a run written by `formatJson` reads back equal; scenario files are not taken
 * for run documents; a document without provenance or with a bad number is refused with its line and path.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.ts";
import { isRunResultFile, readRunResultFile } from "../../src/io/run-result-file.ts";
import { formatJson } from "../../src/report/format.ts";
import { runScenario } from "../../src/api/run.ts";

const FIX = "test/fixtures/scenarios";
const dir = mkdtempSync(join(tmpdir(), "deltanet-run-doc-"));
const run = runScenario({ scenario: `${FIX}/baseline-2019.yaml` });
const text = formatJson(run);

function write(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("readRunResultFile(path)", () => {
  test("reads back what `deltanet run --format json` writes", () => {
    expect(readRunResultFile(write("run.json", text))).toEqual(JSON.parse(text));
  });

  test("a saved run (with its road assignment) reads back to the same JSON text, key order included", () => {
    expect(run.assignment).toBeDefined();
    expect(formatJson(readRunResultFile(write("round-trip.json", text)))).toBe(text);
  });

  test("refuses a document without provenance, saying to re-run it", () => {
    const { provenance: _p, ...old } = JSON.parse(text) as Record<string, unknown>;
    try {
      readRunResultFile(write("old.json", formatJson(old)));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const issue = (e as InputError).issues[0]!;
      expect(issue).toMatchObject({ path: "provenance", line: 1 });
      expect(issue.message).toContain("no provenance block");
    }
  });

  test("refuses a quoted number with the line of the value", () => {
    // formatJson puts `"maxFlow": …` of the first capacity result on its own line; replace its value with a string.
    const bad = text.replace(/"maxFlow": (\d+)/, '"maxFlow": "$1"');
    const line = bad.split("\n").findIndex((l) => l.includes('"maxFlow": "')) + 1;
    try {
      readRunResultFile(write("bad.json", bad));
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues.map((i) => [i.path, i.line])).toEqual([["capacity[0].maxFlow", line]]);
    }
  });

  test("refuses malformed JSON with its line, and a missing file", () => {
    expect(() => readRunResultFile(write("broken.json", '{\n  "kind": "deltanet-run",\n  oops\n}\n'))).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: "malformed-json", line: 3 })] }),
    );
    expect(() => readRunResultFile(join(dir, "nope.json"))).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "file-not-found" })] }));
  });
});

describe("isRunResultFile(path)", () => {
  test("is true for a run document, false for YAML and JSON scenario files and missing files", () => {
    expect(isRunResultFile(write("r.json", text))).toBe(true);
    expect(isRunResultFile(`${FIX}/baseline-2019.yaml`)).toBe(false);
    expect(isRunResultFile(`${FIX}/close-sutong.json`)).toBe(false);
    expect(isRunResultFile(join(dir, "missing.json"))).toBe(false);
  });
});
