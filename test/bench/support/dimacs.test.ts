/**
 * Tests of bench/support/dimacs.ts: both DIMACS formats on hand-written text, every error code with its line and
 * column, and the real Rome (sp) and New York (PACE tw) files with their published counts and reference values.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { buildCsr } from "../../../src/algorithms/csr.ts";
import { singleSourceCosts } from "../../../src/algorithms/dijkstra.ts";
import { InputError } from "../../../src/errors.ts";
import { MAX_DIMACS_ISSUES, parseDimacs, parseDimacsCarefully, readDimacsFile } from "../../../bench/support/dimacs.ts";
import { describeShared, sharedPath } from "../../support/shared-data.ts";

/** The issues of the InputError thrown by `f`. */
function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe("invalid-dimacs");
    return (e as InputError).issues.map(({ line, column, code }) => ({ line, column, code }));
  }
  throw new Error("expected an InputError");
}

describe("parseDimacs(text, file?)", () => {
  it("reads `p sp` arcs with 1-based ids as 0-based indexes (docs example)", () => {
    const g = parseDimacs("p sp 3 2\na 1 2 7\na 2 3 0\n");
    expect(g.format).toBe("sp");
    expect(g.nodeCount).toBe(3);
    expect(Array.from(g.fromNodes)).toEqual([0, 1]);
    expect(Array.from(g.toNodes)).toEqual([1, 2]);
    expect(Array.from(g.costs!)).toEqual([7, 0]);
  });

  it("reads PACE `p tw` edges without weights (docs example)", () => {
    const g = parseDimacs("p tw 3 2\n1 2\n2 3\n");
    expect(g.format).toBe("tw");
    expect(Array.from(g.fromNodes)).toEqual([0, 1]);
    expect(Array.from(g.toNodes)).toEqual([1, 2]);
    expect(g.costs).toBeUndefined();
  });

  it("accepts comments anywhere, blank lines, tabs, CRLF, a missing final newline and bytes", () => {
    const text = "c header\r\n\r\np\tsp 2 2\r\nc between\r\na 1\t2 5 \r\n\r\na 2 1 6";
    const g = parseDimacs(new TextEncoder().encode(text));
    expect(Array.from(g.costs!)).toEqual([5, 6]);
    expect(Array.from(g.fromNodes)).toEqual([0, 1]);
  });

  it("refuses non-integer, negative or exponent weights, naming line and column (never coerced)", () => {
    // line 2 "a 1 2 3.5": weight at column 7; line 3 "a 1 2 -2"; line 4 "a 1 2 1e3".
    expect(issuesOf(() => parseDimacs("p sp 2 3\na 1 2 3.5\na 1 2 -2\na 1 2 1e3\n"))).toEqual([
      { line: 2, column: 7, code: "not-an-integer" },
      { line: 3, column: 7, code: "not-an-integer" },
      { line: 4, column: 7, code: "not-an-integer" },
    ]);
  });

  it("refuses node ids outside 1 … n and 0, missing and extra tokens, and foreign lines", () => {
    expect(issuesOf(() => parseDimacs("p sp 2 5\na 0 1 1\na 1 3 1\na 1 2\na 1 2 1 9\nx 1 2 1\n"))).toEqual([
      { line: 2, column: 3, code: "node-out-of-range" },
      { line: 3, column: 5, code: "node-out-of-range" },
      { line: 4, column: 6, code: "bad-line" },
      { line: 5, column: 9, code: "bad-line" },
      { line: 6, column: 1, code: "bad-line" },
    ]);
  });

  it("refuses a missing, late, duplicated or malformed problem line", () => {
    expect(issuesOf(() => parseDimacs("c only a comment\n"))).toEqual([{ line: 1, column: 1, code: "missing-problem-line" }]);
    expect(issuesOf(() => parseDimacs("a 1 2 3\np sp 2 1\n"))).toEqual([{ line: 1, column: 1, code: "missing-problem-line" }]);
    expect(issuesOf(() => parseDimacs("p sp 2 1\np sp 2 1\na 1 2 3\n"))).toEqual([{ line: 2, column: 1, code: "duplicate-problem-line" }]);
    expect(issuesOf(() => parseDimacs("p max 2 1\n"))).toEqual([{ line: 1, column: 3, code: "bad-problem-line" }]);
    expect(issuesOf(() => parseDimacs("p sp two 1\n"))).toEqual([{ line: 1, column: 1, code: "bad-problem-line" }]);
  });

  it("refuses more or fewer arcs than declared (code count-mismatch)", () => {
    expect(issuesOf(() => parseDimacs("p sp 2 1\na 1 2 1\na 2 1 1\n"))).toEqual([{ line: 3, column: 1, code: "count-mismatch" }]);
    expect(issuesOf(() => parseDimacs("p tw 3 2\n1 2\n"))).toEqual([{ line: 1, column: 1, code: "count-mismatch" }]);
  });

  it(`lists at most ${MAX_DIMACS_ISSUES} issues and counts the rest in a too-many-issues issue`, () => {
    const lines = ["p tw 2 30", ...Array.from({ length: 30 }, () => "1 x")];
    const issues = issuesOf(() => parseDimacs(lines.join("\n"), "many.gr"));
    expect(issues).toHaveLength(MAX_DIMACS_ISSUES + 1);
    expect(issues[MAX_DIMACS_ISSUES].code).toBe("too-many-issues");
  });

  it("names the file in every issue", () => {
    let error: unknown;
    try {
      parseDimacs("p sp 1 1\na 1 1 x\n", "bad.gr");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({ file: "bad.gr", line: 2, column: 7, code: "not-an-integer" });
    expect((error as InputError).message).toMatch(/^bad\.gr:2:7/);
  });
});

describe("parseDimacs(text) fast pass vs parseDimacsCarefully(bytes)", () => {
  /** Outcome of a parse: the arrays, or the issue codes of the InputError. */
  const outcome = (f: () => ReturnType<typeof parseDimacs>) => {
    try {
      const g = f();
      return { format: g.format, nodeCount: g.nodeCount, from: Array.from(g.fromNodes), to: Array.from(g.toNodes), costs: g.costs && Array.from(g.costs) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return { issues: e.issues.map((i) => `${i.line}:${i.column}:${i.code}`) };
    }
  };
  const blank = fc.constantFrom(" ", "  ", "\t", " \t");
  const token = fc.oneof(
    fc.constantFrom("a", "c", "p", "sp", "tw", "x", "-1", "1.5", "1e3", "00", "99999999999999999"),
    fc.integer({ min: 0, max: 6 }).map(String),
  );
  const line = fc.tuple(fc.option(blank), fc.array(fc.tuple(token, blank), { maxLength: 5 }), fc.option(blank)).map(
    ([lead, tokens, trail]) => `${lead ?? ""}${tokens.map(([t, b]) => t + b).join("").trimEnd()}${trail ?? ""}`,
  );
  const header = fc.constantFrom("p sp 5 3", "p tw 5 3", "p sp 5 0", "p tw 0 0", "p  sp\t5 2 ", "p sp 5 3 7", "p sq 5 3");
  const arc = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 9 }));
  const text = fc
    .tuple(
      fc.array(fc.constantFrom("c comment", "", "c"), { maxLength: 2 }),
      header,
      fc.array(fc.oneof({ weight: 4, arbitrary: arc.map(([u, v, w]) => `a ${u} ${v} ${w}`) }, { weight: 3, arbitrary: arc.map(([u, v]) => `${u} ${v}`) }, { weight: 2, arbitrary: line }), { maxLength: 5 }),
      fc.constantFrom("\n", "\r\n"),
      fc.boolean(),
    )
    .map(([pre, head, body, eol, finalEol]) => [...pre, head, ...body].join(eol) + (finalEol ? eol : ""));

  test.prop([text], { seed: 1999, numRuns: 2000 })("accept the same texts and return the same arrays or issues", (t) => {
    const bytes = new TextEncoder().encode(t);
    expect(outcome(() => parseDimacs(bytes))).toEqual(outcome(() => parseDimacsCarefully(bytes)));
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.nat({ max: 100_000 })), { maxLength: 60 })], {
    seed: 2001,
    numRuns: 200,
  })("reads back what a DIMACS writer wrote (well-formed files take the fast pass)", (arcs) => {
    const t = `c generated\np sp 50 ${arcs.length}\n${arcs.map(([u, v, w]) => `a ${u} ${v} ${w}\n`).join("")}`;
    const g = parseDimacs(t);
    expect(Array.from(g.fromNodes)).toEqual(arcs.map(([u]) => u - 1));
    expect(Array.from(g.toNodes)).toEqual(arcs.map(([, v]) => v - 1));
    expect(Array.from(g.costs!)).toEqual(arcs.map(([, , w]) => w));
  });
});

describe("readDimacsFile(path)", () => {
  it("throws InputError code file-not-found for a missing file", () => {
    expect(() => readDimacsFile("/nonexistent/x.gr")).toThrowError(expect.objectContaining({ code: "file-not-found" }));
  });
});

describeShared("readDimacsFile on the real DIMACS files", () => {
  it("reads rome99.gr: p sp 3353 8870, arcs in metres (first arc 2958 → 2959, 535 m)", () => {
    // 9th DIMACS Challenge Rome graph; header "p sp 3353 8870", first arc line "a 2958 2959 535".
    const g = readDimacsFile(sharedPath("data/reference/dimacs/rome99.gr"));
    expect([g.format, g.nodeCount, g.fromNodes.length]).toEqual(["sp", 3353, 8870]);
    expect([g.fromNodes[0], g.toNodes[0], g.costs![0]]).toEqual([2957, 2958, 535]);
  });

  it("reads NY.gr (PACE 2016): 264,346 nodes, 365,050 edges; unit-weight search from node 1 sums hop counts to 90,771,609", () => {
    // PROVENANCE.md: breadth-first hop counts from node 1 sum to 90,771,609 (networkx). With every link costing 1
    // in both directions, Dijkstra costs are those hop counts.
    const g = readDimacsFile(sharedPath("data/reference/dimacs/NY.gr"));
    expect([g.format, g.nodeCount, g.fromNodes.length]).toEqual(["tw", 264_346, 365_050]);
    const m = g.fromNodes.length;
    const from = new Int32Array(2 * m);
    const to = new Int32Array(2 * m);
    from.set(g.fromNodes);
    from.set(g.toNodes, m);
    to.set(g.toNodes);
    to.set(g.fromNodes, m);
    const costs = singleSourceCosts(buildCsr(g.nodeCount, from, to, new Float64Array(2 * m).fill(1)), 0).costs;
    let sum = 0;
    let reached = 0;
    for (const c of costs) if (c < Infinity) (sum += c), reached++;
    expect(reached).toBe(264_346); // connected, per PROVENANCE.md
    expect(sum).toBe(90_771_609);
  });
});
