/**
 * Tests of bench/support/dimacs-maxflow.ts: DIMACS max-flow text to 0-based arrays, every issue code with its line and
 * column, issue collection, and the two reference instances in ../shared (Boost max_flow.dat, networkx gl1).
 */
import { describe, expect, test } from "vitest";
import { InputError } from "../../../src/errors.ts";
import { MAX_DIMACS_MAXFLOW_ISSUES, parseDimacsMaxFlow, readDimacsMaxFlowFile } from "../../../bench/support/dimacs-maxflow.ts";
import { describeShared, sharedPath } from "../../support/shared-data.ts";

/** The issues (line, column, code) of the InputError thrown by parsing `text`; fails when nothing is thrown. */
function issuesOf(text: string): { line?: number; column?: number; code: string }[] {
  try {
    parseDimacsMaxFlow(text, "test.max");
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe("invalid-dimacs-maxflow");
    for (const issue of (e as InputError).issues) expect(issue.file).toBe("test.max");
    return (e as InputError).issues.map(({ line, column, code }) => ({ line, column, code }));
  }
  throw new Error("expected an InputError");
}

describe("parseDimacsMaxFlow(text, file)", () => {
  test("@example: a one-arc problem gives 0-based arrays", () => {
    expect(parseDimacsMaxFlow("p max 2 1\nn 1 s\nn 2 t\na 1 2 7\n", "tiny.max")).toEqual({
      nodeCount: 2,
      fromIndex: Int32Array.of(0),
      toIndex: Int32Array.of(1),
      capacity: Float64Array.of(7),
      source: 0,
      sink: 1,
    });
  });

  test("keeps arcs in file order, with self-loops and parallel arcs; skips comments and blank lines; CRLF and tabs", () => {
    const text = "c a comment\r\np max 3 4\r\n\r\nn 3 t\r\nn\t1\ts\r\na 1 2 5\r\nc between arcs\r\na 1 2 2.5\r\na 2 2 1\r\na 2 3 1e3\r\n";
    const p = parseDimacsMaxFlow(text, "crlf.max");
    expect(p.nodeCount).toBe(3);
    expect([p.source, p.sink]).toEqual([0, 2]);
    expect(Array.from(p.fromIndex)).toEqual([0, 0, 1, 1]);
    expect(Array.from(p.toIndex)).toEqual([1, 1, 1, 2]);
    // Decimal and exponent capacities are read as numbers: 2.5 and 1e3 = 1000.
    expect(Array.from(p.capacity)).toEqual([5, 2.5, 1, 1000]);
  });

  test("accepts a problem with no arcs", () => {
    const p = parseDimacsMaxFlow("p max 2 0\nn 1 s\nn 2 t\n", "empty.max");
    expect([p.nodeCount, p.fromIndex.length]).toEqual([2, 0]);
  });

  test.each([
    ["an unknown line type", "p max 2 1\nn 1 s\nn 2 t\nx 1 2 3\na 1 2 3\n", [{ line: 4, column: 1, code: "unknown-line" }]],
    ["an arc before the problem line", "a 1 2 3\np max 2 1\nn 1 s\nn 2 t\na 1 2 3\n", [{ line: 1, column: 1, code: "missing-problem-line" }]],
    ["a file without a problem line", "c nothing\n", [{ line: 1, column: 1, code: "missing-problem-line" }]],
    [
      "a second problem line",
      "p max 2 1\np max 2 1\nn 1 s\nn 2 t\na 1 2 3\n",
      [{ line: 2, column: 1, code: "duplicate-problem-line" }],
    ],
    ["a problem type other than max", "p sp 2 1\n", [{ line: 1, column: 3, code: "wrong-problem-type" }]],
    ["a problem line with 3 fields", "p max 2\n", [{ line: 1, column: 1, code: "field-count" }]],
    ["a non-integer node count", "p max 2.0 1\n", [{ line: 1, column: 7, code: "not-an-integer" }]],
    ["a zero node count", "p max 0 0\n", [{ line: 1, column: 7, code: "not-an-integer" }]],
    // A malformed arc line still counts as one of the ARCS lines, so no count-mismatch is added on top.
    ["an arc line with 3 fields", "p max 2 1\nn 1 s\nn 2 t\na 1 2\n", [{ line: 4, column: 1, code: "field-count" }]],
    ["a node id 0", "p max 2 1\nn 1 s\nn 2 t\na 0 2 3\n", [{ line: 4, column: 3, code: "node-out-of-range" }]],
    ["a node id above NODES", "p max 2 1\nn 1 s\nn 2 t\na 1 3 3\n", [{ line: 4, column: 5, code: "node-out-of-range" }]],
    ["a signed node id", "p max 2 1\nn 1 s\nn 2 t\na +1 2 3\n", [{ line: 4, column: 3, code: "not-an-integer" }]],
    ["a negative capacity", "p max 2 1\nn 1 s\nn 2 t\na 1 2 -3\n", [{ line: 4, column: 7, code: "invalid-capacity" }]],
    ["an 'inf' capacity", "p max 2 1\nn 1 s\nn 2 t\na 1 2 inf\n", [{ line: 4, column: 7, code: "invalid-capacity" }]],
    ["a hex capacity", "p max 2 1\nn 1 s\nn 2 t\na 1 2 0x10\n", [{ line: 4, column: 7, code: "invalid-capacity" }]],
    ["a capacity that overflows to Infinity", "p max 2 1\nn 1 s\nn 2 t\na 1 2 1e400\n", [{ line: 4, column: 7, code: "invalid-capacity" }]],
    ["a node role other than s or t", "p max 2 1\nn 1 s\nn 2 x\na 1 2 3\n", [{ line: 3, column: 5, code: "invalid-node-role" }, { line: 4, column: 1, code: "missing-sink" }]],
    ["two sources", "p max 3 1\nn 1 s\nn 2 s\nn 3 t\na 1 3 3\n", [{ line: 3, column: 1, code: "duplicate-source" }]],
    ["two sinks", "p max 3 1\nn 1 s\nn 2 t\nn 3 t\na 1 3 3\n", [{ line: 4, column: 1, code: "duplicate-sink" }]],
    ["no source", "p max 2 1\nn 2 t\na 1 2 3\n", [{ line: 3, column: 1, code: "missing-source" }]],
    ["no sink", "p max 2 1\nn 1 s\na 1 2 3\n", [{ line: 3, column: 1, code: "missing-sink" }]],
    ["one node as source and sink", "p max 2 1\nn 1 s\nn 1 t\na 1 2 3\n", [{ line: 3, column: 1, code: "source-is-sink" }]],
    ["fewer arcs than declared", "p max 2 2\nn 1 s\nn 2 t\na 1 2 3\n", [{ line: 1, column: 1, code: "count-mismatch" }]],
    ["more arcs than declared", "p max 2 1\nn 1 s\nn 2 t\na 1 2 3\na 2 1 3\n", [{ line: 1, column: 1, code: "count-mismatch" }]],
  ])("refuses %s (InputError with line and column)", (_what, text, expected) => {
    expect(issuesOf(text)).toEqual(expected);
  });

  test("collects every issue of the file in one InputError", () => {
    // Line 4: bad capacity; line 5: node out of range; line 6: unknown line type.
    const text = "p max 3 3\nn 1 s\nn 3 t\na 1 2 abc\na 1 9 4\nq\na 2 3 1\n";
    expect(issuesOf(text).map((i) => [i.line, i.code])).toEqual([
      [4, "invalid-capacity"],
      [5, "node-out-of-range"],
      [6, "unknown-line"],
    ]);
  });

  test(`lists at most ${MAX_DIMACS_MAXFLOW_ISSUES} issues, then one too-many-issues line`, () => {
    // 30 bad arc lines + count still 30, so exactly 30 issues found; 20 listed + 1 summary.
    const text = `p max 2 30\nn 1 s\nn 2 t\n${"a 1 2 -1\n".repeat(30)}`;
    const issues = issuesOf(text);
    expect(issues.length).toBe(MAX_DIMACS_MAXFLOW_ISSUES + 1);
    expect(issues.at(-1)?.code).toBe("too-many-issues");
  });
});

describe("readDimacsMaxFlowFile(path)", () => {
  test("refuses a missing file with InputError code unreadable-file naming the path", () => {
    const call = () => readDimacsMaxFlowFile("/nonexistent/deltanet/none.max");
    expect(call).toThrow(InputError);
    expect(call).toThrow(expect.objectContaining({ code: "unreadable-file", file: "/nonexistent/deltanet/none.max" }));
  });
});

describeShared("readDimacsMaxFlowFile on the reference instances (../shared/data/reference/maxflow)", () => {
  test("max_flow.dat (Boost Graph Library example): 8 nodes, 20 arcs, source 1, sink 8 (0-based 0 and 7)", () => {
    // Header of the file: "p max 8 20", "n 1 s", "n 8 t"; first arc "a 1 7 3", last "a 8 6 20".
    const p = readDimacsMaxFlowFile(sharedPath("data/reference/maxflow/max_flow.dat"));
    expect([p.nodeCount, p.fromIndex.length, p.source, p.sink]).toEqual([8, 20, 0, 7]);
    expect([p.fromIndex[0], p.toIndex[0], p.capacity[0]]).toEqual([0, 6, 3]);
    expect([p.fromIndex[19], p.toIndex[19], p.capacity[19]]).toEqual([7, 5, 20]);
  });

  test("gl1.max (networkx gl1 test graph): 1,116 nodes, 4,800 arcs, source 1, sink 1116", () => {
    // Header: "p max 1116 4800", "n 1 s", "n 1116 t"; first arc "a 1 2 360000".
    const p = readDimacsMaxFlowFile(sharedPath("data/reference/maxflow/gl1.max"));
    expect([p.nodeCount, p.fromIndex.length, p.source, p.sink]).toEqual([1116, 4800, 0, 1115]);
    expect([p.fromIndex[0], p.toIndex[0], p.capacity[0]]).toEqual([0, 1, 360_000]);
  });
});
