/**
 * TNTP reference files beside a network: the `_node` file (node coordinates) and the `_flow` file (a published
 * link-flow solution, e.g. Sioux Falls' best-known user equilibrium) of the Transportation Networks for Research
 * collection. Test and bench support, not part of deltanet: an assignment reads only `_net` and `_trips`
 * (src/io/tntp.ts); the tests compare deltanet's equilibrium with these solutions.
 *
 * Format: a header line, then `node x y [;]` rows (`_node`) or `from to volume [cost]` rows (`_flow`); `~` starts a
 * comment, `;` ends a row (optional), fields are separated by any whitespace — the tokenisation of src/io/tntp.ts.
 * Every bad row is refused with file, line and column (InputError), never skipped.
 * @see Transportation Networks for Research Core Team, Transportation Networks for Research,
 *   https://github.com/bstabler/TransportationNetworks (files read from where the user keeps them, never copied).
 */
import { existsSync, readFileSync } from "node:fs";
import { InputError, IssueList } from "../../src/errors.ts";
import { TNTP_NUMBER, tntpTokens } from "../../src/io/tntp.ts";

/** A parsed `_node` file row. */
export interface TntpNode {
  node: number;
  x: number;
  y: number;
}

/** A parsed `_flow` file row (a published solution). */
export interface TntpFlow {
  line: number;
  from: number;
  to: number;
  /** Link flow, veh/h. */
  volume: number;
  /** Link cost at that flow, minutes by convention; undefined when the column is missing. */
  cost?: number;
}

const NUMBER = TNTP_NUMBER;
const tokens = tntpTokens;

/** Parses numeric rows of `_node`/`_flow` files (a first non-numeric line is the header). */
function numericRows(text: string, file: string, minColumns: number, maxColumns: number, names: readonly string[]): { line: number; values: number[] }[] {
  const issues = new IssueList();
  const rows: { line: number; values: number[] }[] = [];
  const all = text.split(/\r\n|\n|\r/);
  let headerSeen = false;
  for (let i = 0; i < all.length; i++) {
    const fields = tokens(all[i]).filter((t) => t.text !== ";");
    if (fields.length === 0) continue;
    if (!headerSeen && rows.length === 0 && !NUMBER.test(fields[0].text)) {
      headerSeen = true;
      continue;
    }
    const line = i + 1;
    if (fields.length < minColumns || fields.length > maxColumns) {
      issues.add({ file, line, column: fields[0].column, path: `row`, code: "column-count", message: `expected ${minColumns === maxColumns ? minColumns : `${minColumns}–${maxColumns}`} columns (${names.join(", ")}), got ${fields.length}` });
      continue;
    }
    const bad = fields.find((f) => !NUMBER.test(f.text));
    if (bad) {
      issues.add({ file, line, column: bad.column, path: names[fields.indexOf(bad)], code: "not-a-number", message: `${names[fields.indexOf(bad)]} must be a number (got ${JSON.stringify(bad.text)})` });
      continue;
    }
    rows.push({ line, values: fields.map((f) => Number(f.text)) });
  }
  issues.throwIfAny();
  return rows;
}

/**
 * Parses a TNTP `_node` file (node coordinates; their unit/datum is the collection's, often artificial).
 * @throws InputError codes `column-count`, `not-a-number`, `invalid-node` (not a positive integer), `duplicate-id`.
 * @example parseTntpNodes("Node\tX\tY\t;\n1\t-96.77\t43.61\t;\n", "x_node.tntp") // [{ node: 1, x: -96.77, y: 43.61 }]
 */
export function parseTntpNodes(text: string, file: string): TntpNode[] {
  const rows = numericRows(text, file, 3, 3, ["node", "x", "y"]);
  const seen = new Set<number>();
  const issues = new IssueList();
  const nodes: TntpNode[] = [];
  for (const { line, values } of rows) {
    const [node, x, y] = values;
    if (!Number.isInteger(node) || node < 1) issues.add({ file, line, path: "node", code: "invalid-node", message: `node must be an integer ≥ 1 (got ${node})` });
    else if (seen.has(node)) issues.add({ file, line, path: "node", code: "duplicate-id", message: `node ${node} listed twice` });
    else {
      seen.add(node);
      nodes.push({ node, x, y });
    }
  }
  issues.throwIfAny();
  return nodes;
}

/**
 * Parses a TNTP `_flow` file (a published link-flow solution): `from to volume [cost]` rows after a header.
 * @throws InputError codes `column-count`, `not-a-number`, `invalid-value` (negative volume or cost).
 * @example parseTntpFlows("From\tTo\tVolume\tCost\n1\t2\t4494.66\t6.0008\n", "x_flow.tntp")
 * // [{ line: 2, from: 1, to: 2, volume: 4494.66, cost: 6.0008 }]
 */
export function parseTntpFlows(text: string, file: string): TntpFlow[] {
  const rows = numericRows(text, file, 3, 4, ["from", "to", "volume", "cost"]);
  const issues = new IssueList();
  const flows = rows.map(({ line, values }) => {
    const [from, to, volume, cost] = values;
    if (!(volume >= 0) || (cost !== undefined && !(cost >= 0))) {
      issues.add({ file, line, path: "volume", code: "invalid-value", message: `volume and cost must be ≥ 0 (got ${volume}, ${cost})` });
    }
    return { line, from, to, volume, cost };
  });
  issues.throwIfAny();
  return flows;
}

function readText(file: string): string {
  if (!existsSync(file)) throw new InputError({ file, code: "file-not-found", message: "file not found" });
  return readFileSync(file, "utf8");
}

/** Reads a `_node` file. @throws InputError as {@link parseTntpNodes}. @example readTntpNodes("SiouxFalls_node.tntp").length // 24 */
export function readTntpNodes(file: string): TntpNode[] {
  return parseTntpNodes(readText(file), file);
}

/** Reads a `_flow` file. @throws InputError as {@link parseTntpFlows}. @example readTntpFlows("SiouxFalls_flow.tntp").length // 76 */
export function readTntpFlows(file: string): TntpFlow[] {
  return parseTntpFlows(readText(file), file);
}
