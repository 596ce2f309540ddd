/**
 * Source positions: maps a path inside a YAML or JSON document (e.g. `modifications[2].links[0]`) to its
 * 1-based line and column, using the `yaml` package's CST ranges (JSON is parsed as YAML 1.2, its superset).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Issue } from "../errors.ts";

/** A parsed document that can answer "where is this path?". */
export interface PositionedDocument {
  /** The parsed document (the `yaml` package's `Document`). */
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Path segments: object keys (strings) and array indexes (numbers). */
export type PathSegments = readonly (string | number)[];

/** Formats path segments as `a.b[2].c`. @example formatPath(["modifications", 2, "type"]) // "modifications[2].type" */
export function formatPath(path: PathSegments): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}

/** Parses text keeping positions. Parse errors are in `doc.errors` (callers turn them into InputErrors). */
export function parsePositioned(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, prettyErrors: false, uniqueKeys: true });
  return { doc, lineCounter };
}

/**
 * The first syntax error of a parsed YAML/JSON document as an issue (code `malformed-yaml`, or `malformed-json` for a
 * file named `*.json`; empty path, severity
 * `error`, at the error's 1-based line and column), saying how many more errors follow; `undefined` when the text
 * parsed. Only the first is reported: the ones after it are usually its consequences.
 * @example yamlSyntaxIssue(parsePositioned("a: [1, 2\n"), "s.yaml", "a: [1, 2\n") // { line: 1, column: 9, code: "malformed-yaml", … }
 */
export function yamlSyntaxIssue(pd: PositionedDocument, file: string, text: string): Issue & { severity: "error" } | undefined {
  const errors = pd.doc.errors;
  if (errors.length === 0) return undefined;
  const err = errors[0]!;
  let { line, col } = pd.lineCounter.linePos(err.pos[0]);
  // An error at the very end of a file that ends with a newline (e.g. an unclosed "[") is placed after the last
  // character of the last line, not on a line past the end of the file.
  if (err.pos[0] >= text.length && line > 1 && text.endsWith("\n")) {
    const starts = pd.lineCounter.lineStarts;
    line -= 1;
    col = text.length - starts[line - 1]!;
  }
  const more = errors.length > 1 ? ` (${errors.length - 1} more YAML error(s) after it not shown)` : "";
  // JSON is read with the YAML parser (its superset); a .json file's error is named as JSON.
  const format = /\.json$/i.test(file) ? "JSON" : "YAML";
  return { file, line, column: col, path: "", code: `malformed-${format.toLowerCase()}`, message: `malformed ${format}: ${err.message.split("\n")[0]}${more}`, severity: "error" };
}

/**
 * 1-based line/column of the node at `path` (or of the deepest ancestor that exists). With `preferKey`, the position
 * of the last segment's key rather than its value (an unknown key whose value is a block starts on the next line).
 * Returns `{}` when nothing is found.
 */
export function positionOf(
  pd: PositionedDocument,
  path: PathSegments,
  options: { preferKey?: boolean } = {},
): { line?: number; column?: number } {
  let node: unknown = pd.doc.contents;
  let best: [number, number, number] | undefined = (node as Node | null)?.range ?? undefined;
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (options.preferKey && i === path.length - 1 && keyRange) {
        best = keyRange;
        break;
      }
      node = pair.value;
      const valueRange = (pair.value as Node | null)?.range;
      best = valueRange ?? keyRange ?? best;
      if (keyRange && !isMap(pair.value) && !isSeq(pair.value)) best = valueRange ?? keyRange;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      node = item;
      best = item.range ?? best;
    } else break;
  }
  if (!best) return {};
  const pos = pd.lineCounter.linePos(best[0]);
  return { line: pos.line, column: pos.col };
}

/** 1-based line/column of a character offset. */
export function positionOfOffset(pd: PositionedDocument, offset: number): { line: number; column: number } {
  const pos = pd.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
