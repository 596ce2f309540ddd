/**
 * DIMACS graph files: reads the 9th DIMACS Challenge shortest-path format (`p sp n m`, arcs `a u v w`) and the
 * PACE 2016 edge-list format (`p tw n m`, edges `u v`) into typed arrays with 0-based node indexes.
 *
 * The parser works on bytes (no string split) and allocates only the result arrays, sized from the `p` line. A fast
 * single pass handles well-formed files; at the first irregularity the file is re-read by a careful token-by-token
 * parser that collects bad lines (up to {@link MAX_DIMACS_ISSUES}) into one InputError with line and column.
 *
 * Bench and test support, not part of deltanet: the benches and the shortest-path tests read the reference graphs of
 * `../shared/data/reference/dimacs` with it; no deltanet input is a DIMACS file.
 * @see http://www.diag.uniroma1.it/challenge9/format.shtml (9th DIMACS Implementation Challenge, file formats)
 * @see https://pacechallenge.org/2016/treewidth/ (PACE 2016 track A input format `p tw`)
 */
import { readFileSync } from "node:fs";
import { InputError, type Issue, IssueList } from "../../src/errors.ts";

/** Most issues listed in one InputError; further ones are summarised in a final `too-many-issues` issue. */
export const MAX_DIMACS_ISSUES = 20;

/** A graph read from a DIMACS file, in 0-based node indexes (file id k → index k − 1). */
export interface DimacsGraph {
  /** `sp`: directed arcs with costs (9th DIMACS Challenge). `tw`: undirected unweighted edges (PACE 2016). */
  readonly format: "sp" | "tw";
  /** Number of nodes n from the `p` line; node indexes 0 … n − 1. */
  readonly nodeCount: number;
  /**
   * Int32Array(m): from-node index of each arc (`sp`) or first end of each edge (`tw`), in file order.
   * For `sp` these are directed links; for `tw` each entry is one undirected edge.
   */
  readonly fromNodes: Int32Array;
  /** Int32Array(m): to-node index of each arc (`sp`) or second end of each edge (`tw`), in file order. */
  readonly toNodes: Int32Array;
  /** Float64Array(m) of arc costs, integers ≥ 0 in the file's unit (Rome: metres), for `sp`; `undefined` for `tw`. */
  readonly costs: Float64Array | undefined;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const ZERO = 48;
const NINE = 57;

/**
 * Fast path of {@link parseDimacs}: one pass over well-formed input with no per-token function calls. Returns
 * `undefined` at the first irregularity of any kind; the caller then re-parses with the careful parser, which
 * reports every issue with its position. Accepts exactly what the careful parser accepts without issues.
 */
function parseWellFormed(bytes: Uint8Array): DimacsGraph | undefined {
  const len = bytes.length;
  let p = 0;
  let format: "sp" | "tw" | undefined;
  let n = 0;
  let m = 0;
  let count = 0;
  let fromNodes = new Int32Array(0);
  let toNodes = new Int32Array(0);
  let costs: Float64Array | undefined;
  while (p < len) {
    // Skip leading blanks.
    let b = bytes[p];
    while (b === 32 || b === 9) b = bytes[++p];
    if (p >= len) break;
    if (b === 10) { p++; continue; } // blank line
    if (b === 13 && bytes[p + 1] === 10) { p += 2; continue; }
    const next = p + 1 < len ? bytes[p + 1] : 10;
    const endsToken = next === 32 || next === 9 || next === 10 || next === 13;
    if (b === 99 /* c */ && endsToken) {
      const eol = bytes.indexOf(10, p);
      if (eol < 0) break;
      p = eol + 1;
      continue;
    }
    let x = 0;
    let digits = 0;
    let u = 0;
    let v = 0;
    let w = 0;
    if (format === "sp") {
      if (b !== 97 /* a */ || !endsToken) return undefined;
      p++;
    } else if (format === "tw") {
      if (b < 48 || b > 57) return undefined;
    } else {
      // Problem line "p sp n m" / "p tw n m".
      if (b !== 112 /* p */ || !endsToken) return undefined;
      b = bytes[++p];
      if (b !== 32 && b !== 9) return undefined;
      while (b === 32 || b === 9) b = bytes[++p];
      const k0 = b;
      const k1 = bytes[p + 1];
      if (k0 === 115 && k1 === 112) format = "sp";
      else if (k0 === 116 && k1 === 119) format = "tw";
      else return undefined;
      p += 2;
      b = bytes[p];
      const counts = [0, 0];
      for (let t = 0; t < 2; t++) {
        if (b !== 32 && b !== 9) return undefined;
        while (b === 32 || b === 9) b = bytes[++p];
        x = 0; digits = 0;
        while (b >= 48 && b <= 57) { x = x * 10 + (b - 48); digits++; b = bytes[++p]; }
        if (digits === 0 || digits > 10 || x > 0x7fffffff) return undefined;
        counts[t] = x;
      }
      while (b === 32 || b === 9) b = bytes[++p];
      if (b === 13) b = bytes[++p];
      if (p < len && b !== 10) return undefined;
      p++;
      n = counts[0];
      m = counts[1];
      fromNodes = new Int32Array(m);
      toNodes = new Int32Array(m);
      costs = format === "sp" ? new Float64Array(m) : undefined;
      continue;
    }
    // First id.
    b = bytes[p];
    while (b === 32 || b === 9) b = bytes[++p];
    x = 0; digits = 0;
    while (b >= 48 && b <= 57) { x = x * 10 + (b - 48); digits++; b = bytes[++p]; }
    if (digits === 0 || digits > 16 || x < 1 || x > n) return undefined;
    u = x;
    if (b !== 32 && b !== 9) return undefined;
    while (b === 32 || b === 9) b = bytes[++p];
    x = 0; digits = 0;
    while (b >= 48 && b <= 57) { x = x * 10 + (b - 48); digits++; b = bytes[++p]; }
    if (digits === 0 || digits > 16 || x < 1 || x > n) return undefined;
    v = x;
    if (format === "sp") {
      if (b !== 32 && b !== 9) return undefined;
      while (b === 32 || b === 9) b = bytes[++p];
      x = 0; digits = 0;
      while (b >= 48 && b <= 57) { x = x * 10 + (b - 48); digits++; b = bytes[++p]; }
      if (digits === 0 || digits > 16 || x > Number.MAX_SAFE_INTEGER) return undefined;
      w = x;
    }
    while (b === 32 || b === 9) b = bytes[++p];
    if (b === 13) b = bytes[++p];
    if (p < len && b !== 10) return undefined;
    p++;
    if (count >= m) return undefined;
    fromNodes[count] = u - 1;
    toNodes[count] = v - 1;
    if (costs !== undefined) costs[count] = w;
    count++;
  }
  if (format === undefined || count !== m) return undefined;
  return { format, nodeCount: n, fromNodes, toNodes, costs };
}

/**
 * Parses DIMACS text (bytes or string) into typed arrays.
 *
 * Accepted lines: `c …` comments anywhere, blank lines, exactly one `p sp n m` or `p tw n m` line before any arc,
 * then exactly m arc lines: `a u v w` for `sp` (u, v in 1 … n; w an integer ≥ 0, at most 2^53 − 1) or `u v` for `tw`
 * (u, v in 1 … n). Tokens are separated by spaces or tabs; `\r\n` line ends are accepted.
 *
 * @param text file content (UTF-8/ASCII bytes, or a string)
 * @param file file name used in error positions (default `"<dimacs>"`)
 * @returns arrays of length m (arc or edge count from the `p` line), ids mapped to 0-based indexes
 * @throws InputError code `invalid-dimacs`, one issue per bad line (file, 1-based line and column, issue codes
 *   `missing-problem-line`, `duplicate-problem-line`, `bad-problem-line`, `bad-line`, `not-an-integer`,
 *   `node-out-of-range`, `count-mismatch`, `too-many-issues`). Nothing is coerced: `3.5`, `-2` or `1e3` as a
 *   weight are refused.
 * @example
 * parseDimacs("p sp 3 2\na 1 2 7\na 2 3 0\n")
 * // { format: "sp", nodeCount: 3, fromNodes: [0, 1], toNodes: [1, 2], costs: [7, 0] }
 * @example
 * parseDimacs("p tw 3 2\n1 2\n2 3\n")
 * // { format: "tw", nodeCount: 3, fromNodes: [0, 1], toNodes: [1, 2], costs: undefined }
 */
export function parseDimacs(text: Uint8Array | string, file = "<dimacs>"): DimacsGraph {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return parseWellFormed(bytes) ?? parseDimacsCarefully(bytes, file);
}

/**
 * The careful parser alone: token by token, collecting every issue with line and column. Same contract and result
 * as {@link parseDimacs} (which tries a fast pass first and falls back to this one); exposed so tests can check
 * that both passes accept and return exactly the same.
 * @throws InputError code `invalid-dimacs`, as {@link parseDimacs}.
 * @example parseDimacsCarefully(new TextEncoder().encode("p sp 2 1\na 1 2 5\n")).costs // Float64Array [5]
 */
export function parseDimacsCarefully(bytes: Uint8Array, file = "<dimacs>"): DimacsGraph {
  const issues = new IssueList({ max: MAX_DIMACS_ISSUES, omitted: (count) => ({ file, code: "too-many-issues", message: `${count} more issue(s) omitted` }) });
  const fail = (line: number, column: number, code: string, message: string) => issues.add({ file, line, column, code, message });

  let format: "sp" | "tw" | undefined;
  let nodeCount = 0;
  let expected = 0;
  let count = 0;
  let problemLine = 0;
  let fromNodes = new Int32Array(0);
  let toNodes = new Int32Array(0);
  let costs: Float64Array | undefined;

  const len = bytes.length;
  let pos = 0;
  let line = 0;
  // Token scanner state for the current line.
  let lineStart = 0;
  let lineEnd = 0;
  let tokStart = 0;
  let tokEnd = 0;

  /** Advances to the next token of the current line; returns false at end of line. */
  const nextToken = (): boolean => {
    let p = tokEnd;
    while (p < lineEnd && (bytes[p] === SPACE || bytes[p] === TAB)) p++;
    if (p >= lineEnd) return false;
    tokStart = p;
    while (p < lineEnd && bytes[p] !== SPACE && bytes[p] !== TAB) p++;
    tokEnd = p;
    return true;
  };
  const column = () => tokStart - lineStart + 1;
  const tokenText = () => new TextDecoder().decode(bytes.subarray(tokStart, Math.min(tokEnd, tokStart + 40)));
  /** Parses the current token as an unsigned decimal integer ≤ 2^53 − 1, or returns -1. */
  const tokenUint = (): number => {
    let value = 0;
    if (tokEnd - tokStart > 16) return -1;
    for (let p = tokStart; p < tokEnd; p++) {
      const b = bytes[p];
      if (b < ZERO || b > NINE) return -1;
      value = value * 10 + (b - ZERO);
    }
    return value <= Number.MAX_SAFE_INTEGER ? value : -1;
  };
  /** Reads a node id token (1 … nodeCount) and returns its 0-based index, or -1 after recording an issue. */
  const readNode = (what: string): number => {
    if (!nextToken()) {
      fail(line, lineEnd - lineStart + 1, "bad-line", `missing ${what}`);
      return -1;
    }
    const id = tokenUint();
    if (id < 0) {
      fail(line, column(), "not-an-integer", `${what} must be a positive integer (got "${tokenText()}")`);
      return -1;
    }
    if (id < 1 || id > nodeCount) {
      fail(line, column(), "node-out-of-range", `${what} ${id} is outside 1 … ${nodeCount} (from the p line)`);
      return -1;
    }
    return id - 1;
  };

  while (pos < len) {
    line++;
    lineStart = pos;
    let end = pos;
    while (end < len && bytes[end] !== LF) end++;
    pos = end + 1;
    lineEnd = end > lineStart && bytes[end - 1] === CR ? end - 1 : end;
    tokEnd = lineStart;
    if (!nextToken()) continue; // blank line
    const first = bytes[tokStart];
    const firstLen = tokEnd - tokStart;
    if (first === 99 /* c */ && firstLen === 1) continue;
    if (first === 112 /* p */ && firstLen === 1) {
      if (format !== undefined) {
        fail(line, column(), "duplicate-problem-line", `second problem line (the first is on line ${problemLine})`);
        continue;
      }
      problemLine = line;
      const kindOk = nextToken();
      const kind = kindOk ? tokenText() : "";
      if (kind !== "sp" && kind !== "tw") {
        fail(line, kindOk ? column() : 1, "bad-problem-line", `expected "p sp n m" or "p tw n m" (got "${kind}")`);
        break;
      }
      const n = nextToken() ? tokenUint() : -1;
      const m = nextToken() ? tokenUint() : -1;
      const extra = nextToken();
      if (n < 0 || m < 0 || extra || n > 0x7fffffff || m > 0x7fffffff) {
        fail(line, 1, "bad-problem-line", `expected "p ${kind} <nodes> <${kind === "sp" ? "arcs" : "edges"}>" with integers`);
        break;
      }
      format = kind;
      nodeCount = n;
      expected = m;
      fromNodes = new Int32Array(m);
      toNodes = new Int32Array(m);
      costs = kind === "sp" ? new Float64Array(m) : undefined;
      continue;
    }
    if (format === undefined) {
      fail(line, column(), "missing-problem-line", `arc or edge before the "p" line`);
      break;
    }
    if (format === "sp") {
      if (first !== 97 /* a */ || firstLen !== 1) {
        fail(line, column(), "bad-line", `expected "a u v w", "c …" or a blank line (got "${tokenText()}")`);
        continue;
      }
    } else {
      tokEnd = tokStart; // the first token is the first node id
    }
    const from = readNode(format === "sp" ? "arc tail" : "edge end");
    if (from < 0) continue;
    const to = readNode(format === "sp" ? "arc head" : "edge end");
    if (to < 0) continue;
    let cost = 0;
    if (format === "sp") {
      if (!nextToken()) {
        fail(line, lineEnd - lineStart + 1, "bad-line", "missing arc weight");
        continue;
      }
      cost = tokenUint();
      if (cost < 0) {
        fail(line, column(), "not-an-integer", `arc weight must be an integer ≥ 0 (got "${tokenText()}")`);
        continue;
      }
    }
    if (nextToken()) {
      fail(line, column(), "bad-line", `unexpected extra token "${tokenText()}"`);
      continue;
    }
    if (count >= expected) {
      if (count === expected) {
        fail(line, 1, "count-mismatch", `more ${format === "sp" ? "arcs" : "edges"} than the ${expected} declared on line ${problemLine}`);
      }
      count++;
      continue;
    }
    fromNodes[count] = from;
    toNodes[count] = to;
    if (costs) costs[count] = cost;
    count++;
  }
  if (format === undefined && issues.count === 0) {
    fail(Math.max(line, 1), 1, "missing-problem-line", `no "p sp n m" or "p tw n m" line`);
  }
  if (format !== undefined && count < expected && issues.count === 0) {
    fail(problemLine, 1, "count-mismatch", `${count} ${format === "sp" ? "arcs" : "edges"} found, ${expected} declared`);
  }
  issues.throwIfAny("invalid-dimacs");
  return { format: format as "sp" | "tw", nodeCount, fromNodes, toNodes, costs };
}

/**
 * Reads a DIMACS `.gr` file (see {@link parseDimacs} for the accepted formats).
 * @param path file path
 * @throws InputError code `file-not-found` when the file cannot be read; code `invalid-dimacs` for bad content.
 * @example readDimacsFile("../shared/data/reference/dimacs/rome99.gr").nodeCount // 3353
 */
export function readDimacsFile(path: string): DimacsGraph {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError({ file: path, code: "file-not-found", message: `cannot read file: ${(e as Error).message}` }, "file-not-found");
  }
  return parseDimacs(bytes, path);
}
