/**
 * Tests of src/io/batch-file.ts: valid batch files parse; every kind of bad input is an InputError whose issues carry
 * file, line, column, path and code (nothing coerced, unknown keys with a suggestion).
 */
import { describe, expect, test } from "vitest";
import { InputError, type Issue } from "../../src/errors.ts";
import { parseBatchText, readBatchFile } from "../../src/io/batch-file.ts";

function issuesOf(text: string): Issue[] {
  try {
    parseBatchText(text, "b.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe("invalid-batch");
    return (e as InputError).issues;
  }
  throw new Error("expected an InputError");
}

const HEAD = "name: b\nscenario: ../s.yaml\n";

describe("parseBatchText(text, file)", () => {
  test("parses each generator; scenario is joined to the batch file's folder", () => {
    const n1 = parseBatchText(`${HEAD}generator: { type: n-minus-1, layer: road }\noutput: { format: jsonl }\n`, "dir/b.yaml");
    expect(n1).toMatchObject({ name: "b", scenarioPath: "s.yaml", generator: { type: "n-minus-1", layer: "road" }, format: "jsonl" });
    const mc = parseBatchText(`${HEAD}generator: { type: monte-carlo, layer: rail, failures: 3, draws: 200, seed: 42 }\n`, "b.yaml");
    expect(mc.generator).toEqual({ type: "monte-carlo", layer: "rail", failures: 3, draws: 200, seed: 42 });
    expect(mc.format).toBeUndefined();
    const sweep = parseBatchText(`${HEAD}generator: { type: sweep, parameter: timeMin, layer: access, factors: [0.5, 1] }\ncutoffsMin: [30, 90]\n`, "b.yaml");
    expect(sweep).toMatchObject({ generator: { factors: [0.5, 1] }, cutoffsMin: [30, 90] });
  });

  test("an unknown key is reported at its line and column with a suggestion", () => {
    const [issue] = issuesOf(`${HEAD}generator: { type: n-minus-1, layer: road }\nouptut: { format: csv }\n`);
    // positions.ts places a key whose value is a mapping at the value: `{` in column 9.
    expect(issue).toMatchObject({ file: "b.yaml", line: 4, column: 9, path: "ouptut", code: "unknown-key" });
    expect(issue!.message).toContain('did you mean "output"?');
  });

  test("an unknown key inside a generator suggests that generator's keys", () => {
    const [issue] = issuesOf(`${HEAD}generator:\n  type: monte-carlo\n  layer: road\n  failures: 1\n  draws: 2\n  seed: 3\n  sede: 4\n`);
    expect(issue).toMatchObject({ line: 9, path: "generator.sede", code: "unknown-key" });
    expect(issue!.message).toContain('did you mean "seed"?');
  });

  test("a quoted number, a fractional count and a zero factor are refused, never coerced", () => {
    const issues = issuesOf(`${HEAD}generator: { type: monte-carlo, layer: road, failures: "3", draws: 2.5, seed: 1 }\n`);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["generator.failures", "wrong-type"],
      ["generator.draws", "not-an-integer"],
    ]);
    expect(issues[0]!.message).toContain("a quoted number is a string");
    const zero = issuesOf(`${HEAD}generator: { type: sweep, parameter: capacityVehPerHour, layer: road, factors: [0, 1] }\n`);
    expect(zero[0]).toMatchObject({ path: "generator.factors[0]", code: "out-of-range", line: 3 });
  });

  test("a misspelt generator type or parameter gets a suggestion; a missing type is a missing key", () => {
    expect(issuesOf(`${HEAD}generator: { type: n-minus-one, layer: road }\n`)[0]).toMatchObject({ path: "generator.type", code: "invalid-value" });
    expect(issuesOf(`${HEAD}generator: { type: sweep, parameter: capacityVehPerHr, layer: road, factors: [1] }\n`)[0]!.message).toContain('did you mean "capacityVehPerHour"?');
    expect(issuesOf(`${HEAD}generator: { layer: road }\n`)[0]).toMatchObject({ path: "generator.type", code: "missing-key" });
    expect(issuesOf(`${HEAD}generator: { type: n-minus-1, layer: raod }\n`)[0]!.message).toContain('did you mean "road"?');
  });

  test("duplicate sweep factors, unordered cutoffs, a bad format and missing keys are each reported", () => {
    expect(issuesOf(`${HEAD}generator: { type: sweep, parameter: timeMin, layer: road, factors: [1, 1.2, 1] }\n`)[0]).toMatchObject({ path: "generator.factors[2]", code: "duplicate-factor" });
    expect(issuesOf(`${HEAD}generator: { type: n-minus-1, layer: road }\ncutoffsMin: [120, 60]\n`)[0]).toMatchObject({ path: "cutoffsMin[1]", code: "unordered-cutoffs" });
    expect(issuesOf(`${HEAD}generator: { type: n-minus-1, layer: road }\noutput: { format: xml }\n`)[0]).toMatchObject({ path: "output.format", code: "invalid-value" });
    expect(issuesOf("name: b\n").map((i) => [i.path, i.code])).toEqual([
      ["scenario", "missing-key"],
      ["generator", "missing-key"],
    ]);
  });

  test("malformed YAML and a non-mapping are reported with a position", () => {
    expect(issuesOf("name: [b\n")[0]).toMatchObject({ code: "malformed-yaml", line: 1, column: 9 }); // after "name: [b"
    expect(issuesOf("- a\n")[0]).toMatchObject({ code: "not-a-mapping", line: 1 });
  });
});

describe("readBatchFile(path)", () => {
  test("reads the bundled example and resolves its scenario", () => {
    expect(readBatchFile("scenarios/batches/road-n-1.yaml")).toMatchObject({ scenarioPath: "scenarios/baseline-2019.yaml", generator: { type: "n-minus-1", layer: "road" } });
  });
  test("a missing batch file and a missing scenario file are InputErrors with codes", () => {
    expect(() => readBatchFile("test/fixtures/batches/nope.yaml")).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: "file-not-found" })] }));
    expect(() => readBatchFile("test/fixtures/batches/missing-scenario.yaml")).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: "scenario-not-found", line: 3, path: "scenario" })] }),
    );
  });
});
