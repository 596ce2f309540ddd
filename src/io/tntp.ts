/**
 * TNTP reader: the `_net` and `_trips` files of the Transportation Networks for Research collection
 * (github.com/bstabler/TransportationNetworks), validated line by line into plain typed data, plus the link table
 * that `engine/assign` runs user-equilibrium assignment on. A folder's `_node` (coordinates) and `_flow` (published
 * solution) files are not inputs of an assignment and are not read here (the tests and benches read them with
 * bench/support/tntp-reference.ts).
 *
 * Format (as documented by the collection and read by Boyles' TAP-B `fileio.c`):
 * - A metadata block of `<TAG> value` lines ending at `<END OF METADATA>`. `_net` tags: `NUMBER OF ZONES`,
 *   `NUMBER OF NODES`, `NUMBER OF LINKS` (required), `FIRST THRU NODE` (default 1, with a warning, as TAP-B does),
 *   `TOLL FACTOR`, `DISTANCE FACTOR` (default 0), `ORIGINAL HEADER` (ignored). `_trips` tags: `NUMBER OF ZONES`
 *   (required), `TOTAL OD FLOW` (checked against the sum, a mismatch is a warning), `DEMAND MULTIPLIER` (default 1).
 *   Other tags are kept as warnings, never silently dropped.
 * - `~` starts a comment (to the end of the line); data rows end with `;` (optional); fields are separated by any
 *   whitespace.
 * - `_net` rows: init node, term node, capacity, length, free-flow time, B, power[, speed, toll, link type]. The last
 *   three may be missing (toll then counts as 0 unless a toll factor is set, which makes a missing toll an error).
 * - `_trips`: `Origin <zone>` headers followed by `<destination> : <demand>;` entries, any number per line.
 *
 * Conventions (TNTP does not declare units): free-flow time is read as **minutes** (Sioux Falls' README: "the units of
 * free flow travel times are 0.01 hours, but they are often viewed as if they were minutes"); capacity and demand as
 * veh/h; length, toll and speed stay in the file's units (used only through the generalised cost
 * t + tollFactor·toll + distanceFactor·length, whose factors the file gives in time per unit). Nodes are numbered
 * 1 … NUMBER OF NODES; zones are nodes 1 … NUMBER OF ZONES; nodes numbered below FIRST THRU NODE are zones that paths
 * may start or end at but never pass through. Zero free-flow time, power 0 (constant cost t0·(1 + B)) and tiny
 * capacities (Braess: 1) are accepted; capacity ≤ 0, negative time/length/B/power and non-numbers are InputErrors
 * with file, line, column and link.
 * Licence of the data: "academic research purposes only; users must indicate the source" — files are read from
 * where the user keeps them, never copied into this repository.
 * @see Transportation Networks for Research Core Team, Transportation Networks for Research,
 *   https://github.com/bstabler/TransportationNetworks; S. Boyles, TAP-B `src/fileio.c` (reader conventions).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { InputError, type Issue, IssueList } from "../errors.ts";
import type { LinkTable, LinkTableLink } from "../model/link-table.ts";

/** A `<TAG> value` line that the reader does not use, reported as a warning. */
export interface TntpUnknownTag {
  tag: string;
  value: string;
  line: number;
}

/** One `_net` row, values as read (units: see the module header). */
export interface TntpLink {
  /** 1-based line number in the file. */
  line: number;
  /** Tail node number, 1 … nodeCount. */
  initNode: number;
  /** Head node number, 1 … nodeCount. */
  termNode: number;
  /** Capacity, veh/h, > 0. */
  capacity: number;
  /** Length, file units, ≥ 0. */
  length: number;
  /** Free-flow time, minutes by convention, ≥ 0. */
  freeFlowTime: number;
  /** BPR B (alpha), ≥ 0. */
  b: number;
  /** BPR power (beta), ≥ 0. */
  power: number;
  /** Speed limit, file units; undefined when the column is missing. */
  speed?: number;
  /** Toll, file units, ≥ 0; undefined when the column is missing. */
  toll?: number;
  /** Link type code (a number; not used by the assignment); undefined when the column is missing. */
  linkType?: number;
}

/** A parsed `_net` file. */
export interface TntpNet {
  file: string;
  zoneCount: number;
  nodeCount: number;
  /** Nodes numbered below this are zones that paths may not pass through; 1 = every node is a through node. */
  firstThruNode: number;
  /** Generalised-cost weight of the toll column, time per toll unit (0 when not given). */
  tollFactor: number;
  /** Generalised-cost weight of the length column, time per length unit (0 when not given). */
  distanceFactor: number;
  links: TntpLink[];
  /** Defaulted or unknown metadata (severity warning). */
  warnings: Issue[];
}

/** A parsed `_trips` file. */
export interface TntpTrips {
  file: string;
  zoneCount: number;
  /** `<TOTAL OD FLOW>` when given. */
  totalOdFlow?: number;
  /** `<DEMAND MULTIPLIER>`, 1 when not given (already applied to `demandVehPerHour`). */
  demandMultiplier: number;
  /** Float64Array(zoneCount²), row = origin zone − 1, veh/h; pairs not listed are 0. */
  demandVehPerHour: Float64Array;
  warnings: Issue[];
}

/** A TNTP network folder. */
export interface TntpFolder {
  /** Name shared by the files, e.g. `SiouxFalls`. */
  name: string;
  net: TntpNet;
  trips: TntpTrips;
}

/** One link of {@link TntpLinkTable}: the model's assignment link (src/model/link-table.ts). */
export type TntpTableLink = LinkTableLink;

/** A TNTP network as an assignment link table. */
export type TntpLinkTable = LinkTable & { nodeIds: string[]; zoneNodeIds: string[]; blockedNodeIds: string[]; links: TntpTableLink[] };

/** A decimal number as TNTP files write it (optional sign, fraction and exponent). */
export const TNTP_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER = TNTP_NUMBER;
const INTEGER = /^[+-]?\d+$/;

/** One whitespace-separated token of a TNTP line and its 1-based column. */
export interface TntpToken {
  text: string;
  column: number;
}
type Token = TntpToken;

/**
 * Splits a TNTP line into whitespace-separated tokens (`;` is a token of its own) with 1-based columns, after
 * removing a `~` comment.
 * @example tntpTokens("1 2 ; ~ note") // [{ text: "1", column: 1 }, { text: "2", column: 3 }, { text: ";", column: 5 }]
 */
export function tntpTokens(line: string): TntpToken[] {
  const tilde = line.indexOf("~");
  const body = tilde >= 0 ? line.slice(0, tilde) : line;
  const out: Token[] = [];
  const re = /[^\s;]+|;/g;
  for (let match = re.exec(body); match !== null; match = re.exec(body)) out.push({ text: match[0], column: match.index + 1 });
  return out;
}

function lines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

interface Metadata {
  tags: Map<string, { value: string; line: number }>;
  /** Index of the first line after `<END OF METADATA>`. */
  bodyStart: number;
}

function readMetadata(all: string[], file: string): Metadata {
  const tags = new Map<string, { value: string; line: number }>();
  for (let i = 0; i < all.length; i++) {
    const trimmed = all[i].trim();
    if (trimmed === "" || trimmed.startsWith("~")) continue;
    const match = /^<([^>]+)>(.*)$/.exec(trimmed);
    if (!match) {
      throw new InputError({ file, line: i + 1, column: 1, code: "tntp-metadata", message: `expected a <TAG> value line or <END OF METADATA> (got ${JSON.stringify(trimmed.slice(0, 40))})` });
    }
    const tag = match[1].trim().toUpperCase();
    if (tag === "END OF METADATA") return { tags, bodyStart: i + 1 };
    if (tags.has(tag)) throw new InputError({ file, line: i + 1, column: 1, code: "tntp-duplicate-tag", message: `<${tag}> given twice (first on line ${tags.get(tag)?.line})` });
    tags.set(tag, { value: match[2].trim(), line: i + 1 });
  }
  throw new InputError({ file, code: "tntp-metadata", message: "no <END OF METADATA> line" });
}

function metadataNumber(meta: Metadata, tag: string, file: string, integer: boolean, issues: IssueList): number | undefined {
  const entry = meta.tags.get(tag);
  if (!entry) return undefined;
  const text = entry.value.split(/\s+/)[0] ?? "";
  if (!(integer ? INTEGER : NUMBER).test(text)) {
    issues.add({ file, line: entry.line, path: `<${tag}>`, code: "not-a-number", message: `<${tag}> must be ${integer ? "an integer" : "a number"} (got ${JSON.stringify(entry.value)})` });
    return undefined;
  }
  return Number(text);
}

/**
 * Parses the text of a TNTP `_net` file.
 * @param text file content; `file` is used in messages
 * @returns metadata, links in file order (each with its line) and warnings for defaulted/unknown tags
 * @throws InputError listing every problem with file, line, column and path `links[<i>].<column>`: codes
 *   `tntp-metadata` (missing/duplicate tags), `not-a-number`, `missing-column`, `invalid-node`
 *   (outside 1 … nodeCount), `invalid-capacity` (≤ 0), `invalid-value` (negative time, length, B, power, toll),
 *   `missing-toll` (toll factor set, toll column missing), `link-count-mismatch`. Columns after the 10th are
 *   ignored with one `extra-column` warning.
 * @example
 * parseTntpNet("<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 1\n<END OF METADATA>\n1 2 100 1 5 0.15 4 0 0 1 ;\n", "x_net.tntp")
 * // { zoneCount: 2, nodeCount: 2, firstThruNode: 1, tollFactor: 0, distanceFactor: 0, links: [{ line: 6, initNode: 1, termNode: 2, capacity: 100, … }], … }
 */
export function parseTntpNet(text: string, file: string): TntpNet {
  const all = lines(text);
  const meta = readMetadata(all, file);
  const issues = new IssueList();
  const warnings: Issue[] = [];
  const zoneCount = metadataNumber(meta, "NUMBER OF ZONES", file, true, issues);
  const nodeCount = metadataNumber(meta, "NUMBER OF NODES", file, true, issues);
  const linkCount = metadataNumber(meta, "NUMBER OF LINKS", file, true, issues);
  let firstThruNode = metadataNumber(meta, "FIRST THRU NODE", file, true, issues);
  const tollFactor = metadataNumber(meta, "TOLL FACTOR", file, false, issues) ?? 0;
  const distanceFactor = metadataNumber(meta, "DISTANCE FACTOR", file, false, issues) ?? 0;
  for (const [tag, value] of [["NUMBER OF ZONES", zoneCount], ["NUMBER OF NODES", nodeCount], ["NUMBER OF LINKS", linkCount]] as const) {
    if (value === undefined && !meta.tags.has(tag)) issues.add({ file, code: "tntp-metadata", path: `<${tag}>`, message: `<${tag}> is missing` });
  }
  if (firstThruNode === undefined && !meta.tags.has("FIRST THRU NODE")) {
    firstThruNode = 1;
    warnings.push({ file, severity: "warning", code: "tntp-default", path: "<FIRST THRU NODE>", message: "<FIRST THRU NODE> is missing: every node is a through node (1)" });
  }
  for (const [tag, { value, line }] of meta.tags) {
    if (["NUMBER OF ZONES", "NUMBER OF NODES", "NUMBER OF LINKS", "FIRST THRU NODE", "TOLL FACTOR", "DISTANCE FACTOR", "ORIGINAL HEADER"].includes(tag)) continue;
    warnings.push({ file, line, severity: "warning", code: "tntp-unknown-tag", path: `<${tag}>`, message: `unknown metadata tag <${tag}> ${value} ignored` });
  }
  for (const [name, value] of [["TOLL FACTOR", tollFactor], ["DISTANCE FACTOR", distanceFactor]] as const) {
    if (!(value >= 0)) issues.add({ file, line: meta.tags.get(name)?.line, path: `<${name}>`, code: "invalid-value", message: `<${name}> must be ≥ 0 (got ${value})` });
  }
  if (zoneCount !== undefined && nodeCount !== undefined && (zoneCount < 0 || zoneCount > nodeCount || nodeCount < 0)) {
    issues.add({ file, line: meta.tags.get("NUMBER OF ZONES")?.line, path: "<NUMBER OF ZONES>", code: "invalid-value", message: `zones (${zoneCount}) must be between 0 and the node count (${nodeCount})` });
  }
  issues.throwIfAny();
  const n = nodeCount as number;

  const links: TntpLink[] = [];
  let extraColumnRows = 0;
  const columns = ["initNode", "termNode", "capacity", "length", "freeFlowTime", "b", "power", "speed", "toll", "linkType"] as const;
  for (let i = meta.bodyStart; i < all.length; i++) {
    const fields = tntpTokens(all[i]).filter((t) => t.text !== ";");
    if (fields.length === 0) continue;
    const line = i + 1;
    const index = links.length;
    const at = (column: string, token?: Token) => ({ file, line, column: token?.column, path: `links[${index}].${column}` });
    if (fields.length < 7) {
      issues.add({ ...at(columns[fields.length]), code: "missing-column", message: `a link row needs at least 7 columns (init node … power), got ${fields.length}` });
      continue;
    }
    if (fields.length > 10) {
      extraColumnRows++;
      if (extraColumnRows === 1) {
        warnings.push({ ...at("row", fields[10]), severity: "warning", code: "extra-column", message: `link rows have ${fields.length} columns; columns after the 10th (link type) are ignored` });
      }
      fields.length = 10;
    }
    const values: number[] = [];
    let ok = true;
    fields.forEach((token, c) => {
      const integer = c < 2;
      if (!(integer ? INTEGER : NUMBER).test(token.text)) {
        issues.add({ ...at(columns[c], token), code: "not-a-number", message: `${columns[c]} must be ${integer ? "an integer" : "a number"} (got ${JSON.stringify(token.text)})` });
        ok = false;
      }
      values.push(Number(token.text));
    });
    if (!ok) continue;
    const [initNode, termNode, capacity, length, freeFlowTime, b, power, speed, toll, linkType] = values;
    const id = `${initNode}-${termNode}`;
    for (const [c, node] of [[0, initNode], [1, termNode]] as const) {
      if (node < 1 || node > n) {
        issues.add({ ...at(columns[c], fields[c]), code: "invalid-node", message: `link ${id}: node ${node} is outside 1 … ${n}` });
        ok = false;
      }
    }
    if (!(capacity > 0)) {
      issues.add({ ...at("capacity", fields[2]), code: "invalid-capacity", message: `link ${id}: capacity must be > 0 (got ${capacity})` });
      ok = false;
    }
    for (const c of [3, 4, 5, 6] as const) {
      if (!(values[c] >= 0)) {
        issues.add({ ...at(columns[c], fields[c]), code: "invalid-value", message: `link ${id}: ${columns[c]} must be ≥ 0 (got ${values[c]})` });
        ok = false;
      }
    }
    if (toll !== undefined && !(toll >= 0)) {
      issues.add({ ...at("toll", fields[8]), code: "invalid-value", message: `link ${id}: toll must be ≥ 0 (got ${toll})` });
      ok = false;
    }
    if (toll === undefined && tollFactor !== 0) {
      issues.add({ ...at("toll"), code: "missing-toll", message: `link ${id}: <TOLL FACTOR> is ${tollFactor} but the row has no toll column` });
      ok = false;
    }
    if (!ok) continue;
    links.push({ line, initNode, termNode, capacity, length, freeFlowTime, b, power, speed, toll, linkType });
  }
  if (issues.count === 0 && links.length !== linkCount) {
    issues.add({ file, line: meta.tags.get("NUMBER OF LINKS")?.line, path: "<NUMBER OF LINKS>", code: "link-count-mismatch", message: `<NUMBER OF LINKS> is ${linkCount} but the file has ${links.length} link rows` });
  }
  issues.throwIfAny();
  return { file, zoneCount: zoneCount as number, nodeCount: n, firstThruNode: firstThruNode as number, tollFactor, distanceFactor, links, warnings };
}

/**
 * Parses the text of a TNTP `_trips` file into a dense OD matrix.
 * @param expectedZoneCount when given (the `_net` file's zone count), `<NUMBER OF ZONES>` must equal it
 * @returns `demandVehPerHour` Float64Array(z²), row = origin − 1, multiplied by `<DEMAND MULTIPLIER>`
 * @throws InputError with file, line, column: `tntp-metadata`, `zone-count-mismatch`, `not-a-number`,
 *   `invalid-zone` (origin/destination outside 1 … z), `invalid-demand` (negative), `duplicate-entry` (a pair listed
 *   twice), `missing-origin` (an entry before any `Origin` line), `malformed-entry`.
 * @example
 * parseTntpTrips("<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n 2 : 6.0;\n", "x_trips.tntp").demandVehPerHour
 * // Float64Array [0, 6, 0, 0]
 */
export function parseTntpTrips(text: string, file: string, expectedZoneCount?: number): TntpTrips {
  const all = lines(text);
  const meta = readMetadata(all, file);
  const issues = new IssueList();
  const warnings: Issue[] = [];
  const zoneCount = metadataNumber(meta, "NUMBER OF ZONES", file, true, issues);
  const totalOdFlow = metadataNumber(meta, "TOTAL OD FLOW", file, false, issues);
  const demandMultiplier = metadataNumber(meta, "DEMAND MULTIPLIER", file, false, issues) ?? 1;
  if (zoneCount === undefined && !meta.tags.has("NUMBER OF ZONES")) issues.add({ file, code: "tntp-metadata", path: "<NUMBER OF ZONES>", message: "<NUMBER OF ZONES> is missing" });
  if (zoneCount !== undefined && expectedZoneCount !== undefined && zoneCount !== expectedZoneCount) {
    issues.add({ file, line: meta.tags.get("NUMBER OF ZONES")?.line, path: "<NUMBER OF ZONES>", code: "zone-count-mismatch", message: `<NUMBER OF ZONES> is ${zoneCount} but the network has ${expectedZoneCount} zones` });
  }
  if (!(demandMultiplier >= 0)) issues.add({ file, path: "<DEMAND MULTIPLIER>", code: "invalid-value", message: `<DEMAND MULTIPLIER> must be ≥ 0 (got ${demandMultiplier})` });
  for (const [tag, { value, line }] of meta.tags) {
    if (["NUMBER OF ZONES", "TOTAL OD FLOW", "DEMAND MULTIPLIER"].includes(tag)) continue;
    warnings.push({ file, line, severity: "warning", code: "tntp-unknown-tag", path: `<${tag}>`, message: `unknown metadata tag <${tag}> ${value} ignored` });
  }
  issues.throwIfAny();
  const z = zoneCount as number;
  const demand = new Float64Array(z * z);
  const seen = new Uint8Array(z * z);
  let origin = -1;
  let sum = 0;
  for (let i = meta.bodyStart; i < all.length && issues.count < 50; i++) {
    const line = i + 1;
    const fields = tntpTokens(all[i]);
    if (fields.length === 0) continue;
    if (/^origin$/i.test(fields[0].text)) {
      const token = fields[1];
      if (!token || !INTEGER.test(token.text) || Number(token.text) < 1 || Number(token.text) > z) {
        issues.add({ file, line, column: token?.column ?? fields[0].column, path: "origin", code: "invalid-zone", message: `Origin must be a zone number 1 … ${z} (got ${JSON.stringify(token?.text ?? "")})` });
        origin = -1;
        continue;
      }
      origin = Number(token.text) - 1;
      continue;
    }
    // Entries: <destination> : <demand> ; (the colon may touch either number)
    const body = fields.map((f) => f.text).join(" ").replace(/:/g, " : ");
    const parts = body.split(";").map((p) => p.trim()).filter((p) => p !== "");
    for (const part of parts) {
      const match = /^(\S+)\s*:\s*(\S+)$/.exec(part);
      const column = fields[0].column;
      if (!match) {
        issues.add({ file, line, column, path: "entry", code: "malformed-entry", message: `expected "<destination> : <demand>;" (got ${JSON.stringify(part)})` });
        continue;
      }
      if (origin < 0) {
        issues.add({ file, line, column, path: "entry", code: "missing-origin", message: "a demand entry before any valid Origin line" });
        continue;
      }
      const [, destText, valueText] = match;
      if (!INTEGER.test(destText) || Number(destText) < 1 || Number(destText) > z) {
        issues.add({ file, line, column, path: `origin ${origin + 1}`, code: "invalid-zone", message: `destination must be a zone number 1 … ${z} (got ${JSON.stringify(destText)})` });
        continue;
      }
      if (!NUMBER.test(valueText)) {
        issues.add({ file, line, column, path: `origin ${origin + 1} → ${destText}`, code: "not-a-number", message: `demand must be a number (got ${JSON.stringify(valueText)})` });
        continue;
      }
      const value = Number(valueText);
      if (!(value >= 0)) {
        issues.add({ file, line, column, path: `origin ${origin + 1} → ${destText}`, code: "invalid-demand", message: `demand must be ≥ 0 (got ${value})` });
        continue;
      }
      const index = origin * z + Number(destText) - 1;
      if (seen[index] !== 0) {
        issues.add({ file, line, column, path: `origin ${origin + 1} → ${destText}`, code: "duplicate-entry", message: `the pair ${origin + 1} → ${destText} is listed twice` });
        continue;
      }
      seen[index] = 1;
      demand[index] = value * demandMultiplier;
      sum += value;
    }
  }
  issues.throwIfAny();
  if (totalOdFlow !== undefined && Math.abs(sum - totalOdFlow) > 1e-6 * Math.max(1, Math.abs(totalOdFlow))) {
    warnings.push({ file, line: meta.tags.get("TOTAL OD FLOW")?.line, severity: "warning", code: "total-mismatch", path: "<TOTAL OD FLOW>", message: `<TOTAL OD FLOW> is ${totalOdFlow} but the entries sum to ${sum}` });
  }
  return { file, zoneCount: z, totalOdFlow, demandMultiplier, demandVehPerHour: demand, warnings };
}

function readText(file: string): string {
  if (!existsSync(file)) throw new InputError({ file, code: "file-not-found", message: "file not found" });
  return readFileSync(file, "utf8");
}

/** Reads a `_net` file. @throws InputError as {@link parseTntpNet}, code `file-not-found`. @example readTntpNet("SiouxFalls_net.tntp").links.length // 76 */
export function readTntpNet(file: string): TntpNet {
  return parseTntpNet(readText(file), file);
}

/** Reads a `_trips` file. @throws InputError as {@link parseTntpTrips}. @example readTntpTrips("SiouxFalls_trips.tntp").zoneCount // 24 */
export function readTntpTrips(file: string, expectedZoneCount?: number): TntpTrips {
  return parseTntpTrips(readText(file), file, expectedZoneCount);
}

/**
 * True when `path` is a folder holding exactly one `*_net.tntp` file (what `deltanet assign` treats as a TNTP input).
 * @example isTntpFolder("../shared/data/reference/tntp/SiouxFalls") // true
 */
export function isTntpFolder(path: string): boolean {
  if (!existsSync(path) || !statSync(path).isDirectory()) return false;
  return readdirSync(path).filter((f) => /_net\.tntp$/i.test(f)).length === 1;
}

/**
 * Reads a TNTP folder: exactly one `<name>_net.tntp` and one `<name>_trips.tntp` (required; same `<name>`; TNTP names
 * are case-sensitive, e.g. `SiouxFalls`). Other files of the folder (`_node`, `_flow`, READMEs) are not read.
 * @throws InputError code `tntp-folder` (missing/ambiguous files) or the parse errors of each file.
 * @example readTntpFolder("../shared/data/reference/tntp/SiouxFalls").name // "SiouxFalls"
 */
export function readTntpFolder(dir: string): TntpFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError({ file: dir, code: "tntp-folder", message: "not a folder" });
  const files = readdirSync(dir).sort();
  const nets = files.filter((f) => /_net\.tntp$/i.test(f));
  if (nets.length !== 1) {
    throw new InputError({ file: dir, code: "tntp-folder", message: `expected exactly one *_net.tntp file, found ${nets.length}${nets.length ? ` (${nets.join(", ")})` : ""}` });
  }
  const name = nets[0].replace(/_net\.tntp$/i, "");
  const find = (kind: string) => files.find((f) => f.toLowerCase() === `${name}_${kind}.tntp`.toLowerCase());
  const tripsFile = find("trips");
  if (!tripsFile) throw new InputError({ file: dir, code: "tntp-folder", message: `no ${name}_trips.tntp beside ${nets[0]}` });
  const net = readTntpNet(join(dir, nets[0]));
  const trips = readTntpTrips(join(dir, tripsFile), net.zoneCount);
  return { name: basename(name), net, trips };
}

/**
 * Link ids of a `_net` file's links, in file order: `"<init>-<term>"`, and `"<init>-<term>#2"`, `#3` … for the second
 * and later parallel links between the same nodes.
 * @example tntpLinkIds(net) // ["1-2", "1-3", "2-1", …] for Sioux Falls
 */
export function tntpLinkIds(net: TntpNet): string[] {
  const counts = new Map<string, number>();
  return net.links.map((l) => {
    const key = `${l.initNode}-${l.termNode}`;
    const k = (counts.get(key) ?? 0) + 1;
    counts.set(key, k);
    return k === 1 ? key : `${key}#${k}`;
  });
}

/**
 * The assignment link table of a `_net` file (the shape of engine/assign's `LinkTable`): node ids "1" … "N", zones
 * "1" … "Z", blocked nodes = zones numbered below FIRST THRU NODE, per link t0 = free-flow time (minutes by
 * convention), alpha = B, beta = power, capacity, and fixedCostMin = tollFactor·toll + distanceFactor·length.
 * Never throws (the net was validated by the parser).
 * @example tntpLinkTable(readTntpNet("SiouxFalls_net.tntp")).links[0]
 * // { id: "1-2", fromNodeId: "1", toNodeId: "2", freeFlowTimeMin: 6, capacityVehPerHour: 25900.20064, alpha: 0.15, beta: 4, fixedCostMin: 0 }
 */
export function tntpLinkTable(net: TntpNet, name = basename(net.file).replace(/_net\.tntp$/i, "")): TntpLinkTable {
  const ids = tntpLinkIds(net);
  const nodeIds = Array.from({ length: net.nodeCount }, (_, i) => String(i + 1));
  const zoneNodeIds = nodeIds.slice(0, net.zoneCount);
  const blockedNodeIds = zoneNodeIds.filter((_, i) => i + 1 < net.firstThruNode);
  return {
    name,
    nodeIds,
    zoneNodeIds,
    blockedNodeIds,
    links: net.links.map((l, i) => ({
      id: ids[i],
      fromNodeId: String(l.initNode),
      toNodeId: String(l.termNode),
      freeFlowTimeMin: l.freeFlowTime,
      capacityVehPerHour: l.capacity,
      alpha: l.b,
      beta: l.power,
      fixedCostMin: net.tollFactor * (l.toll ?? 0) + net.distanceFactor * l.length,
    })),
  };
}
