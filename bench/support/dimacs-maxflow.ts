/**
 * DIMACS max-flow files (`p max n m`, `n id s|t`, `a u v cap`, `c` comments): reads them into 0-based link arrays for
 * `src/algorithms/max-flow.ts`; every bad line is refused with file, line and column, never coerced or skipped.
 *
 * Format (First DIMACS Implementation Challenge, "Network Flows and Matching"): one problem line `p max NODES ARCS`
 * before any node or arc line; exactly one `n ID s` (source) and one `n ID t` (sink); `ARCS` lines `a SRC DST CAP`;
 * node ids are 1-based. We read a documented superset: blank lines; node lines anywhere after the problem line;
 * parallel arcs and self-loops (the specification forbids them; the max-flow kernel handles them); and capacities with
 * a decimal part or exponent (`12.5`, `1e3`), because deltanet capacities (MW, veh/h) need not be integers. Signs,
 * `inf`, hex and values that overflow to Infinity are refused.
 *
 * Test support, not part of deltanet: the max-flow tests read the reference instances of `../shared` with it; no
 * deltanet input is a DIMACS file.
 */
import { readFileSync } from "node:fs";
import { InputError, type Issue, IssueList } from "../../src/errors.ts";

/** A max-flow problem in 0-based index arrays. */
export interface DimacsMaxFlowProblem {
  /** Number of nodes, from the `p` line (`NODES`), ≥ 1; node `k` of the file is index `k − 1`. */
  nodeCount: number;
  /** Length `ARCS`: tail node index per arc, in file order (arc index = order of the `a` lines). */
  fromIndex: Int32Array;
  /** Length `ARCS`: head node index per arc. */
  toIndex: Int32Array;
  /** Length `ARCS`: capacity per arc, ≥ 0, finite, in the file's unit. */
  capacity: Float64Array;
  /** Source node index (0-based). */
  source: number;
  /** Sink node index (0-based), ≠ source. */
  sink: number;
}

/** At most this many issues are listed; further ones are counted in a final `too-many-issues` line. */
export const MAX_DIMACS_MAXFLOW_ISSUES = 20;

const UNSIGNED_INTEGER = /^\d+$/;
const NON_NEGATIVE_NUMBER = /^\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Parses the text of a DIMACS max-flow file.
 *
 * Contract
 * - `text`: the file content (`\n` or `\r\n` line ends). `file`: the name to put in error messages (not opened).
 * - Returns arcs in file order; self-loops and parallel arcs are kept (the max-flow kernel handles them).
 * - Issues are collected over the whole file and thrown together (at most {@link MAX_DIMACS_MAXFLOW_ISSUES} listed).
 *
 * @throws InputError code `invalid-dimacs-maxflow`, whose issues (each with `file`, 1-based `line` and `column`) have
 *   codes: `unknown-line` (first token not `c`, `p`, `n` or `a`), `missing-problem-line`, `duplicate-problem-line`,
 *   `wrong-problem-type` (not `max`), `field-count` (wrong number of fields), `not-an-integer` (node id or count),
 *   `node-out-of-range` (id not in 1..NODES), `invalid-capacity` (not a finite number ≥ 0), `invalid-node-role`
 *   (not `s`/`t`), `duplicate-source` / `duplicate-sink`, `missing-source` / `missing-sink`, `source-is-sink`,
 *   `count-mismatch` (number of `a` lines ≠ ARCS; reported on the `p` line), `too-many-issues`.
 * @see D. S. Johnson, C. C. McGeoch (eds., 1993), "Network Flows and Matching: First DIMACS Implementation
 *   Challenge", AMS; format summary at http://www.avglab.com/andrew/CATS/maxflow_formats.htm
 * @example
 * parseDimacsMaxFlow("p max 2 1\nn 1 s\nn 2 t\na 1 2 7\n", "tiny.max")
 * // { nodeCount: 2, fromIndex: Int32Array [0], toIndex: Int32Array [1], capacity: Float64Array [7], source: 0, sink: 1 }
 */
export function parseDimacsMaxFlow(text: string, file: string): DimacsMaxFlowProblem {
  const issues = new IssueList({
    max: MAX_DIMACS_MAXFLOW_ISSUES,
    omitted: (count) => ({ file, code: "too-many-issues", message: `${count} further issue(s) omitted`, severity: "error" }),
  });
  const report = (line: number, column: number, code: string, message: string): void => issues.add({ file, line, column, code, message, severity: "error" });

  const lines = text.split("\n");
  let nodeCount = -1;
  let declaredArcs = -1;
  let problemLine = 0;
  let source = -1;
  let sink = -1;
  let sourceLine = 0;
  let sinkLine = 0;
  // Arc count is bounded by the number of lines, so a huge ARCS value cannot make us allocate much.
  const capacityHint = Math.min(lines.length, 1 << 20);
  let fromIndex = new Int32Array(capacityHint);
  let toIndex = new Int32Array(capacityHint);
  let capacity = new Float64Array(capacityHint);
  let arcCount = 0;
  let arcLines = 0; // `a` lines seen after a valid problem line, read or refused

  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const lineNumber = lineIndex + 1;
    const raw = lines[lineIndex].endsWith("\r") ? lines[lineIndex].slice(0, -1) : lines[lineIndex];
    const tokens = tokenize(raw);
    if (tokens.length === 0) continue;
    const kind = tokens[0].text;
    if (kind === "c") continue;
    if (kind === "p") {
      if (problemLine !== 0) {
        report(lineNumber, tokens[0].column, "duplicate-problem-line", `second problem line (the first is on line ${problemLine})`);
        continue;
      }
      problemLine = lineNumber;
      if (tokens.length !== 4) {
        report(lineNumber, 1, "field-count", `problem line needs 4 fields "p max NODES ARCS" (got ${tokens.length})`);
        continue;
      }
      if (tokens[1].text !== "max") {
        report(lineNumber, tokens[1].column, "wrong-problem-type", `problem type must be "max" (got "${tokens[1].text}")`);
        continue;
      }
      const n = parseCount(tokens[2], 1, 0x7fffffff, "NODES", lineNumber, report);
      const m = parseCount(tokens[3], 0, 0x7fffffff, "ARCS", lineNumber, report);
      if (n !== undefined && m !== undefined) {
        nodeCount = n;
        declaredArcs = m;
      }
      continue;
    }
    if (kind !== "n" && kind !== "a") {
      report(lineNumber, tokens[0].column, "unknown-line", `unknown line type "${kind}" (expected c, p, n or a)`);
      continue;
    }
    if (problemLine === 0) {
      report(lineNumber, 1, "missing-problem-line", `"${kind}" line before the problem line "p max NODES ARCS"`);
      continue;
    }
    if (nodeCount === -1) continue; // the problem line was bad and is reported; node ids cannot be checked
    if (kind === "n") {
      if (tokens.length !== 3) {
        report(lineNumber, 1, "field-count", `node line needs 3 fields "n ID s|t" (got ${tokens.length})`);
        continue;
      }
      const id = parseNodeId(tokens[1], nodeCount, lineNumber, report);
      const role = tokens[2].text;
      if (role !== "s" && role !== "t") {
        report(lineNumber, tokens[2].column, "invalid-node-role", `node role must be "s" or "t" (got "${role}")`);
        continue;
      }
      if (id === undefined) continue;
      if (role === "s") {
        if (source !== -1) report(lineNumber, 1, "duplicate-source", `second source (the first is on line ${sourceLine})`);
        else {
          source = id;
          sourceLine = lineNumber;
        }
      } else if (sink !== -1) {
        report(lineNumber, 1, "duplicate-sink", `second sink (the first is on line ${sinkLine})`);
      } else {
        sink = id;
        sinkLine = lineNumber;
      }
      continue;
    }
    // kind === "a"
    arcLines++;
    if (tokens.length !== 4) {
      report(lineNumber, 1, "field-count", `arc line needs 4 fields "a SRC DST CAP" (got ${tokens.length})`);
      continue;
    }
    const u = parseNodeId(tokens[1], nodeCount, lineNumber, report);
    const v = parseNodeId(tokens[2], nodeCount, lineNumber, report);
    const capToken = tokens[3];
    const c = NON_NEGATIVE_NUMBER.test(capToken.text) ? Number(capToken.text) : NaN;
    if (!Number.isFinite(c)) {
      report(lineNumber, capToken.column, "invalid-capacity", `capacity must be a finite number ≥ 0 (got "${capToken.text}")`);
      continue;
    }
    if (u === undefined || v === undefined) continue;
    if (arcCount === fromIndex.length) {
      const grown = Math.max(16, fromIndex.length * 2);
      fromIndex = grow(fromIndex, new Int32Array(grown));
      toIndex = grow(toIndex, new Int32Array(grown));
      capacity = grow(capacity, new Float64Array(grown));
    }
    fromIndex[arcCount] = u;
    toIndex[arcCount] = v;
    capacity[arcCount] = c;
    arcCount++;
  }

  const endLine = Math.max(1, lines.length - (lines[lines.length - 1] === "" ? 1 : 0));
  if (problemLine === 0) {
    report(endLine, 1, "missing-problem-line", `no problem line "p max NODES ARCS" in the file`);
  } else if (nodeCount !== -1) {
    if (source === -1) report(endLine, 1, "missing-source", `no source line "n ID s"`);
    if (sink === -1) report(endLine, 1, "missing-sink", `no sink line "n ID t"`);
    if (source !== -1 && source === sink) {
      report(sinkLine, 1, "source-is-sink", `node ${sink + 1} is both source (line ${sourceLine}) and sink`);
    }
    if (arcLines !== declaredArcs) {
      report(problemLine, 1, "count-mismatch", `problem line declares ${declaredArcs} arcs, the file has ${arcLines}`);
    }
  }
  issues.throwIfAny("invalid-dimacs-maxflow");
  return {
    nodeCount,
    fromIndex: fromIndex.slice(0, arcCount),
    toIndex: toIndex.slice(0, arcCount),
    capacity: capacity.slice(0, arcCount),
    source,
    sink,
  };
}

/**
 * Reads and parses a DIMACS max-flow file from disk ({@link parseDimacsMaxFlow} with the path as file name).
 * @param path file path, as given by the user (it appears in error messages).
 * @throws InputError code `invalid-dimacs-maxflow` (see {@link parseDimacsMaxFlow}); `unreadable-file` when the file
 *   cannot be read (one issue naming the file and the system error).
 * @example readDimacsMaxFlowFile("../shared/data/reference/maxflow/max_flow.dat").nodeCount // 8
 */
export function readDimacsMaxFlowFile(path: string): DimacsMaxFlowProblem {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InputError(
      { file: path, code: "unreadable-file", message: `cannot read file: ${(error as Error).message}` },
      "unreadable-file",
    );
  }
  return parseDimacsMaxFlow(text, path);
}

interface Token {
  text: string;
  /** 1-based column of the token's first character. */
  column: number;
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const re = /[^ \t]+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) tokens.push({ text: m[0], column: m.index + 1 });
  return tokens;
}

type Reporter = (line: number, column: number, code: string, message: string) => void;

function parseCount(token: Token, min: number, max: number, name: string, line: number, report: Reporter): number | undefined {
  const n = UNSIGNED_INTEGER.test(token.text) ? Number(token.text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    report(line, token.column, "not-an-integer", `${name} must be an integer in ${min}..${max} (got "${token.text}")`);
    return undefined;
  }
  return n;
}

/** 1-based node id → 0-based index, or undefined (reported) when not an integer in 1..nodeCount. */
function parseNodeId(token: Token, nodeCount: number, line: number, report: Reporter): number | undefined {
  if (!UNSIGNED_INTEGER.test(token.text)) {
    report(line, token.column, "not-an-integer", `node id must be an integer in 1..${nodeCount} (got "${token.text}")`);
    return undefined;
  }
  const id = Number(token.text);
  if (id < 1 || id > nodeCount) {
    report(line, token.column, "node-out-of-range", `node id ${token.text} is not in 1..${nodeCount}`);
    return undefined;
  }
  return id - 1;
}

function grow<T extends Int32Array | Float64Array>(old: T, fresh: T): T {
  fresh.set(old as never);
  return fresh;
}
