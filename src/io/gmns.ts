/**
 * GMNS import and export: reads and writes the General Modeling Network Specification's `node.csv`, `link.csv` (and
 * `config.csv` for units) — the field's network exchange format — to and from deltanet networks and assignment tables.
 *
 * Fields used (GMNS `Specification/node.schema.json`, `link.schema.json`, `config.schema.json`):
 * - node.csv: `node_id` (required), `x_coord`, `y_coord` (required; read as longitude/latitude, degrees, `crs`
 *   EPSG:4326 on export), `name`, `node_type`, `zone_id`.
 * - link.csv: `link_id`, `from_node_id`, `to_node_id`, `directed` (required), `name`, `length` (config `long_length`
 *   units), `facility_type`, `capacity` (veh/h **per lane**), `free_speed` (config `speed` units), `lanes` (in the
 *   direction of travel), `toll`; the AequilibraE/DTALite VDF fields `vdf_fftt` (free-flow time, minutes),
 *   `vdf_alpha`, `vdf_beta`; and one deltanet extension, `capacity_veh_per_hour` (total capacity of the link in its
 *   direction), written on export so that capacities without a lane count survive a round trip.
 * - config.csv: `long_length` (km, m, mi, ft) and `speed` (kph, mph); required when any link has a length or a free
 *   speed (units are never guessed), unless the caller declares them (`options.units`). Conversion to km and km/h
 *   happens here, once, with the factors of src/units.ts.
 *
 * Mapping to deltanet (`gmnsToNetwork`): a node is a centroid when `node_type` is `centroid`, or when `node_type` is
 * blank and `zone_id` is set (the TAPLite/osm2gmns convention: zone centroids carry their zone id, physical nodes
 * none); its zone id is `zone_id` (else `node_id`). Links touching a centroid become `access` links of type
 * `centroid-connector`; all others `road` links of type `facility_type` (default `road`). An undirected link becomes
 * two links `<link_id>:ab` and `<link_id>:ba` sharing the facility id `<link_id>`. timeMin = `vdf_fftt` when given,
 * else length / free_speed × 60. capacityVehPerHour = `capacity_veh_per_hour` when given, else capacity × lanes.
 * deltanet `lanes` counts both directions (networks/yrd), so it is 2 × GMNS `lanes` (and GMNS lanes = deltanet
 * lanes / 2 on export). VDF parameters and tolls have no place in a deltanet network: values other than the deltanet
 * defaults are reported as warnings, never dropped silently; `gmnsLinkTable` keeps them for assignment.
 * @see Zephyr Foundation, General Modeling Network Specification, https://github.com/zephyr-data-specs/GMNS.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { InputError, UsageError, type Issue, IssueList } from "../errors.ts";
import { type CsvCell, formatCsv } from "../model/format-csv.ts";
import { addLink, addNode, createNetwork, type Layer, type LinkAttributes, type Network, type NodeAttributes } from "../model/network.ts";
import { KM_PER_FOOT, KM_PER_MILE, M_PER_KM, MIN_PER_HOUR } from "../units.ts";
import type { LinkTable, LinkTableLink } from "../model/link-table.ts";

/** Length units accepted in config.csv `long_length`, with km per unit. */
export const GMNS_LENGTH_UNITS: Readonly<Record<string, number>> = { km: 1, m: 1 / M_PER_KM, mi: KM_PER_MILE, ft: KM_PER_FOOT };
/** Speed units accepted in config.csv `speed`, with km/h per unit. */
export const GMNS_SPEED_UNITS: Readonly<Record<string, number>> = { kph: 1, "km/h": 1, mph: KM_PER_MILE };

/** One node.csv row (values converted: coordinates as read). */
export interface GmnsNode {
  /** 1-based line in node.csv. */
  line: number;
  nodeId: string;
  name?: string;
  /** x_coord, degrees of longitude when the crs is geographic. */
  x: number;
  /** y_coord, degrees of latitude. */
  y: number;
  nodeType?: string;
  zoneId?: string;
}

/** One link.csv row, lengths and speeds converted to km and km/h. */
export interface GmnsLink {
  /** 1-based line in link.csv. */
  line: number;
  linkId: string;
  fromNodeId: string;
  toNodeId: string;
  directed: boolean;
  name?: string;
  lengthKm?: number;
  facilityType?: string;
  /** Capacity per lane, veh/h. */
  capacityPerLaneVehPerHour?: number;
  /** Total capacity in the direction of travel, veh/h (deltanet extension `capacity_veh_per_hour`). */
  capacityVehPerHour?: number;
  freeSpeedKph?: number;
  /** Lanes in the direction of travel. */
  lanes?: number;
  toll?: number;
  /** vdf_fftt: free-flow time, minutes. */
  freeFlowTimeMin?: number;
  vdfAlpha?: number;
  vdfBeta?: number;
}

/** A GMNS network as read. */
export interface GmnsNetwork {
  /** Name from config.csv `dataset_name`, else the folder name. */
  name: string;
  /** Files read (for messages). */
  nodeFile: string;
  linkFile: string;
  nodes: GmnsNode[];
  links: GmnsLink[];
}

/** Options of {@link readGmnsFolder} / {@link parseGmns}. */
export interface GmnsReadOptions {
  /** Units when the folder has no config.csv (or it lacks them): `long_length` and `speed` codes. */
  units?: { length: string; speed: string };
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

interface CsvRecords {
  file: string;
  header: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

function parseCsv(text: string, file: string, required: readonly string[], issues: IssueList): CsvRecords | undefined {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    issues.add({ file, code: "malformed-csv", message: `malformed CSV: ${(e as Error).message}` });
    return undefined;
  }
  if (records.length === 0) {
    issues.add({ file, line: 1, code: "empty-file", message: "no header row" });
    return undefined;
  }
  const header = records[0].record.map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  for (const c of missing) issues.add({ file, line: 1, path: c, code: "missing-column", message: `missing required column "${c}" (header: ${header.join(",")})` });
  if (missing.length > 0) return undefined;
  const rows: CsvRecords["rows"] = [];
  let previousEnd = records[0].info.lines;
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length !== header.length) {
      issues.add({ file, line, code: "ragged-row", message: `row has ${record.length} cells, the header ${header.length}` });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => (cells[h] = record[i].trim()));
    rows.push({ line, cells });
  }
  return { file, header, rows };
}

class RowReader {
  constructor(
    private readonly file: string,
    private readonly header: string[],
    private readonly line: number,
    private readonly cells: Record<string, string>,
    private readonly issues: IssueList,
  ) {}

  private where(column: string) {
    const index = this.header.indexOf(column);
    return { file: this.file, line: this.line, column: index >= 0 ? index + 1 : undefined, path: column };
  }

  text(column: string): string | undefined {
    const v = this.cells[column];
    return v === undefined || v === "" ? undefined : v;
  }

  required(column: string): string {
    const v = this.text(column);
    if (v === undefined) this.issues.add({ ...this.where(column), code: "missing-value", message: `${column} is blank` });
    return v ?? "";
  }

  number(column: string, check: (v: number) => boolean, expected: string, integer = false): number | undefined {
    const v = this.text(column);
    if (v === undefined || v.toLowerCase() === "nan") return undefined; // GMNS missingValues: "" and "NaN"
    if (!NUMBER.test(v) || (integer && !Number.isInteger(Number(v)))) {
      this.issues.add({ ...this.where(column), code: "not-a-number", message: `${column} must be ${integer ? "an integer" : "a number"} (got ${JSON.stringify(v)})` });
      return undefined;
    }
    const n = Number(v);
    if (!check(n)) {
      this.issues.add({ ...this.where(column), code: "invalid-value", message: `${column} must be ${expected} (got ${n})` });
      return undefined;
    }
    return n;
  }

  boolean(column: string): boolean {
    const v = this.required(column).toLowerCase();
    if (v === "true" || v === "1") return true;
    if (v === "false" || v === "0") return false;
    if (v !== "") this.issues.add({ ...this.where(column), code: "not-a-boolean", message: `${column} must be true or false (got ${JSON.stringify(v)})` });
    return true;
  }
}

const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;

/**
 * Parses GMNS node.csv, link.csv and (optional) config.csv texts.
 * @throws InputError listing every problem with file, line, column and column name: `missing-column`,
 *   `missing-value`, `not-a-number`, `invalid-value` (negative length, capacity, speed, lanes, fftt, alpha, beta),
 *   `not-a-boolean` (directed), `duplicate-id`, `unknown-node` (a link end not in node.csv), `missing-units` (lengths
 *   or speeds without declared units), `unknown-unit`.
 * @example
 * parseGmns({ node: "node_id,x_coord,y_coord\n1,121.4,31.2\n2,120.6,31.3\n", link: "link_id,from_node_id,to_node_id,directed,vdf_fftt\na,1,2,true,55\n" }).links[0]
 * // { line: 2, linkId: "a", fromNodeId: "1", toNodeId: "2", directed: true, freeFlowTimeMin: 55 }
 */
export function parseGmns(
  texts: { node: string; link: string; config?: string },
  files: { node: string; link: string; config?: string } = { node: "node.csv", link: "link.csv", config: "config.csv" },
  options: GmnsReadOptions = {},
  name = "gmns",
): GmnsNetwork {
  const issues = new IssueList();
  let lengthUnit = options.units?.length;
  let speedUnit = options.units?.speed;
  let datasetName = name;
  if (texts.config !== undefined) {
    const config = parseCsv(texts.config, files.config ?? "config.csv", [], issues);
    const row = config?.rows[0];
    if (row) {
      lengthUnit = row.cells.long_length || lengthUnit;
      speedUnit = row.cells.speed || speedUnit;
      datasetName = row.cells.dataset_name || datasetName;
    }
  }
  const nodeCsv = parseCsv(texts.node, files.node, ["node_id", "x_coord", "y_coord"], issues);
  const linkCsv = parseCsv(texts.link, files.link, ["link_id", "from_node_id", "to_node_id", "directed"], issues);
  if (!nodeCsv || !linkCsv) throw new InputError(issues.list());

  const nodes: GmnsNode[] = [];
  const nodeIds = new Set<string>();
  for (const { line, cells } of nodeCsv.rows) {
    const r = new RowReader(files.node, nodeCsv.header, line, cells, issues);
    const nodeId = r.required("node_id");
    const x = r.number("x_coord", Number.isFinite, "finite");
    const y = r.number("y_coord", Number.isFinite, "finite");
    if (x === undefined && r.text("x_coord") === undefined) issues.add({ file: files.node, line, path: "x_coord", code: "missing-value", message: "x_coord is blank" });
    if (y === undefined && r.text("y_coord") === undefined) issues.add({ file: files.node, line, path: "y_coord", code: "missing-value", message: "y_coord is blank" });
    if (nodeIds.has(nodeId)) issues.add({ file: files.node, line, path: "node_id", code: "duplicate-id", message: `duplicate node_id "${nodeId}"` });
    nodeIds.add(nodeId);
    nodes.push({ line, nodeId, name: r.text("name"), x: x ?? Number.NaN, y: y ?? Number.NaN, nodeType: r.text("node_type"), zoneId: r.text("zone_id") });
  }

  const lengthFactor = lengthUnit !== undefined ? GMNS_LENGTH_UNITS[lengthUnit.toLowerCase()] : undefined;
  const speedFactor = speedUnit !== undefined ? GMNS_SPEED_UNITS[speedUnit.toLowerCase()] : undefined;
  if (lengthUnit !== undefined && lengthFactor === undefined) {
    issues.add({ file: files.config, path: "long_length", code: "unknown-unit", message: `long_length "${lengthUnit}" is not one of ${Object.keys(GMNS_LENGTH_UNITS).join(", ")}` });
  }
  if (speedUnit !== undefined && speedFactor === undefined) {
    issues.add({ file: files.config, path: "speed", code: "unknown-unit", message: `speed "${speedUnit}" is not one of ${Object.keys(GMNS_SPEED_UNITS).join(", ")}` });
  }
  const links: GmnsLink[] = [];
  const linkIds = new Set<string>();
  let unitIssue = false;
  for (const { line, cells } of linkCsv.rows) {
    const r = new RowReader(files.link, linkCsv.header, line, cells, issues);
    const linkId = r.required("link_id");
    const fromNodeId = r.required("from_node_id");
    const toNodeId = r.required("to_node_id");
    const directed = r.boolean("directed");
    if (linkIds.has(linkId)) issues.add({ file: files.link, line, path: "link_id", code: "duplicate-id", message: `duplicate link_id "${linkId}"` });
    linkIds.add(linkId);
    for (const [column, id] of [["from_node_id", fromNodeId], ["to_node_id", toNodeId]] as const) {
      if (id !== "" && !nodeIds.has(id)) issues.add({ file: files.link, line, path: column, code: "unknown-node", message: `link "${linkId}" refers to node "${id}", not in ${files.node}` });
    }
    const length = r.number("length", nonNegative, "≥ 0");
    const speed = r.number("free_speed", (v) => Number.isFinite(v) && v > 0, "> 0");
    if ((length !== undefined && lengthFactor === undefined) || (speed !== undefined && speedFactor === undefined)) {
      if (!unitIssue && lengthUnit === undefined && length !== undefined) {
        issues.add({ file: files.link, line, path: "length", code: "missing-units", message: "lengths need config.csv long_length (km, m, mi or ft): units are never guessed" });
      }
      if (!unitIssue && speedUnit === undefined && speed !== undefined) {
        issues.add({ file: files.link, line, path: "free_speed", code: "missing-units", message: "speeds need config.csv speed (kph or mph): units are never guessed" });
      }
      unitIssue = true;
    }
    const link: GmnsLink = { line, linkId, fromNodeId, toNodeId, directed };
    const assign = <K extends keyof GmnsLink>(key: K, value: GmnsLink[K] | undefined) => {
      if (value !== undefined) link[key] = value;
    };
    assign("name", r.text("name"));
    assign("lengthKm", length !== undefined && lengthFactor !== undefined ? length * lengthFactor : undefined);
    assign("facilityType", r.text("facility_type"));
    assign("capacityPerLaneVehPerHour", r.number("capacity", (v) => Number.isFinite(v) && v > 0, "> 0"));
    assign("capacityVehPerHour", r.number("capacity_veh_per_hour", (v) => Number.isFinite(v) && v > 0, "> 0"));
    assign("freeSpeedKph", speed !== undefined && speedFactor !== undefined ? speed * speedFactor : undefined);
    assign("lanes", r.number("lanes", (v) => v > 0, "> 0", true));
    assign("toll", r.number("toll", Number.isFinite, "finite"));
    assign("freeFlowTimeMin", r.number("vdf_fftt", nonNegative, "≥ 0"));
    assign("vdfAlpha", r.number("vdf_alpha", nonNegative, "≥ 0"));
    assign("vdfBeta", r.number("vdf_beta", nonNegative, "≥ 0"));
    links.push(link);
  }
  issues.throwIfAny();
  return { name: datasetName, nodeFile: files.node, linkFile: files.link, nodes, links };
}

/**
 * Reads `node.csv`, `link.csv` and, when present, `config.csv` from a folder.
 * @throws InputError code `file-not-found` for a missing node.csv or link.csv, and the errors of {@link parseGmns}.
 * @example readGmnsFolder("out/yrd-gmns").nodes.length // 90 (41 centroids + 49 road nodes) for the exported YRD road layer
 */
export function readGmnsFolder(dir: string, options: GmnsReadOptions = {}): GmnsNetwork {
  const files = { node: join(dir, "node.csv"), link: join(dir, "link.csv"), config: join(dir, "config.csv") };
  for (const f of [files.node, files.link]) if (!existsSync(f)) throw new InputError({ file: f, code: "file-not-found", message: "file not found" });
  const config = existsSync(files.config) ? readFileSync(files.config, "utf8") : undefined;
  const name = dir.replace(/[\\/]+$/, "").split(/[\\/]/).pop() ?? "gmns";
  return parseGmns({ node: readFileSync(files.node, "utf8"), link: readFileSync(files.link, "utf8"), config }, files, options, name);
}

function isCentroid(node: GmnsNode): boolean {
  const type = node.nodeType?.toLowerCase();
  return type === "centroid" || (type === undefined && node.zoneId !== undefined);
}

/** Per-direction capacity of a GMNS link, veh/h: capacity_veh_per_hour, else capacity × lanes, else undefined. */
function linkCapacity(link: GmnsLink): number | undefined {
  if (link.capacityVehPerHour !== undefined) return link.capacityVehPerHour;
  if (link.capacityPerLaneVehPerHour !== undefined && link.lanes !== undefined) return link.capacityPerLaneVehPerHour * link.lanes;
  return undefined;
}

/** Free-flow time of a GMNS link, minutes: vdf_fftt, else length / free_speed × 60, else undefined. */
function linkTimeMin(link: GmnsLink): number | undefined {
  if (link.freeFlowTimeMin !== undefined) return link.freeFlowTimeMin;
  if (link.lengthKm !== undefined && link.freeSpeedKph !== undefined) return (link.lengthKm / link.freeSpeedKph) * MIN_PER_HOUR;
  return undefined;
}

/**
 * The BPR volume-delay parameters of the deltanet road links a GMNS file is exchanged with (t = t0·(1 + alpha·(v/c)^beta),
 * dimensionless): what the exporter writes as vdf_alpha/vdf_beta and what the importer compares with. The caller
 * passes them (deltanet's own road links use `DEFAULT_BPR_ALPHA`/`DEFAULT_BPR_BETA` of src/defaults.ts); none is
 * assumed here.
 */
export interface GmnsBpr {
  /** BPR alpha, ≥ 0. */
  alpha: number;
  /** BPR beta (power), ≥ 0. */
  beta: number;
}

/** Result of {@link gmnsToNetwork}. */
export interface GmnsImport {
  network: Network;
  /** Values the deltanet network cannot hold (VDF parameters other than the defaults, tolls, …), one per link. */
  warnings: Issue[];
}

/**
 * Converts a GMNS network into a deltanet network (mapping in the module header).
 * @throws InputError code `missing-time` naming the link when it has neither vdf_fftt nor length and free_speed;
 *   `missing-capacity-lanes` when `capacity` (per lane) is given without `lanes` and without capacity_veh_per_hour.
 * @param bpr the BPR parameters of deltanet road links: VDF parameters that differ are reported (`vdf-not-kept`)
 * @example gmnsToNetwork(readGmnsFolder("out/yrd-gmns"), { alpha: 0.15, beta: 4 }).network.size // 238 links (156 road + 82 centroid connectors)
 */
export function gmnsToNetwork(gmns: GmnsNetwork, bpr: GmnsBpr): GmnsImport {
  const issues = new IssueList();
  const warnings: Issue[] = [];
  const network = createNetwork(gmns.name);
  const centroids = new Set<string>();
  for (const node of gmns.nodes) {
    const centroid = isCentroid(node);
    if (centroid) centroids.add(node.nodeId);
    const attributes: NodeAttributes = {
      id: node.nodeId,
      kind: centroid ? "centroid" : "road-junction",
      layer: centroid ? "zone" : "road",
      name: node.name ?? node.nodeId,
      source: `${gmns.nodeFile}:${node.line}`,
    };
    if (node.x >= -180 && node.x <= 180 && node.y >= -90 && node.y <= 90) {
      attributes.lon = node.x;
      attributes.lat = node.y;
    } else warnings.push({ file: gmns.nodeFile, line: node.line, severity: "warning", code: "not-geographic", path: "x_coord", message: `node "${node.nodeId}": coordinates (${node.x}, ${node.y}) are not degrees; not kept as lon/lat` });
    if (centroid || node.zoneId !== undefined) attributes.zoneId = node.zoneId ?? node.nodeId;
    addNode(network, attributes);
  }
  for (const link of gmns.links) {
    const where = { file: gmns.linkFile, line: link.line };
    const timeMin = linkTimeMin(link);
    if (timeMin === undefined) {
      issues.add({ ...where, path: "vdf_fftt", code: "missing-time", message: `link "${link.linkId}" has neither vdf_fftt nor length and free_speed` });
      continue;
    }
    const capacity = linkCapacity(link);
    if (capacity === undefined && link.capacityPerLaneVehPerHour !== undefined) {
      issues.add({ ...where, path: "lanes", code: "missing-capacity-lanes", message: `link "${link.linkId}" has a per-lane capacity but no lanes` });
      continue;
    }
    if ((link.vdfAlpha !== undefined && link.vdfAlpha !== bpr.alpha) || (link.vdfBeta !== undefined && link.vdfBeta !== bpr.beta)) {
      warnings.push({ ...where, severity: "warning", code: "vdf-not-kept", path: "vdf_alpha", message: `link "${link.linkId}": vdf_alpha/vdf_beta ${link.vdfAlpha}/${link.vdfBeta} differ from the deltanet BPR defaults ${bpr.alpha}/${bpr.beta} and are not kept (use gmnsLinkTable to assign with them)` });
    }
    if (link.toll !== undefined && link.toll !== 0) {
      warnings.push({ ...where, severity: "warning", code: "toll-not-kept", path: "toll", message: `link "${link.linkId}": toll ${link.toll} is not kept (deltanet links have no toll)` });
    }
    const connector = centroids.has(link.fromNodeId) || centroids.has(link.toNodeId);
    const layer: Layer = connector ? "access" : "road";
    const base: LinkAttributes = {
      id: link.linkId,
      facilityId: link.linkId,
      fromNodeId: link.fromNodeId,
      toNodeId: link.toNodeId,
      layer,
      linkType: connector ? "centroid-connector" : (link.facilityType ?? "road"),
      status: "existing",
      timeMin,
      source: `${gmns.linkFile}:${link.line}`,
    };
    if (link.name !== undefined) base.name = link.name;
    if (link.lengthKm !== undefined) base.lengthKm = link.lengthKm;
    if (link.freeSpeedKph !== undefined) base.speedKph = link.freeSpeedKph;
    if (capacity !== undefined) base.capacityVehPerHour = capacity;
    if (link.lanes !== undefined) base.lanes = 2 * link.lanes;
    if (link.fromNodeId === link.toNodeId) {
      warnings.push({ ...where, severity: "warning", code: "self-loop", path: "to_node_id", message: `link "${link.linkId}" is a self-loop; not kept` });
      continue;
    }
    if (link.directed) addLink(network, base);
    else {
      addLink(network, { ...base, id: `${link.linkId}:ab` });
      addLink(network, { ...base, id: `${link.linkId}:ba`, fromNodeId: link.toNodeId, toNodeId: link.fromNodeId });
    }
  }
  issues.throwIfAny();
  return { network, warnings };
}

/** One link of {@link GmnsLinkTable}: the model's assignment link (src/model/link-table.ts). */
export type GmnsTableLink = LinkTableLink;

/** A GMNS network as an assignment link table. */
export type GmnsLinkTable = LinkTable & { nodeIds: string[]; zoneNodeIds: string[]; blockedNodeIds: string[]; links: GmnsTableLink[] };

/**
 * The assignment link table of a GMNS network: zones = centroid nodes (module header) in file order, all blocked;
 * t0 from vdf_fftt or length/free_speed; capacity per direction (links without one are uncongested: Infinity);
 * alpha/beta from vdf_alpha/vdf_beta, which a link with a capacity must have (the volume-delay function is never
 * guessed; an uncongested link without capacity needs none); undirected links in both directions.
 * Tolls are not converted to time (no value of time is declared): a non-zero toll is an InputError.
 * @throws InputError `missing-time`, `missing-vdf`, `toll-without-value-of-time`.
 * @example gmnsLinkTable(gmns).zoneNodeIds // ["zone:310100", …]
 */
export function gmnsLinkTable(gmns: GmnsNetwork): GmnsLinkTable {
  const issues = new IssueList();
  const links: GmnsTableLink[] = [];
  for (const link of gmns.links) {
    const where = { file: gmns.linkFile, line: link.line };
    const t0 = linkTimeMin(link);
    if (t0 === undefined) {
      issues.add({ ...where, path: "vdf_fftt", code: "missing-time", message: `link "${link.linkId}" has neither vdf_fftt nor length and free_speed` });
      continue;
    }
    if (link.toll !== undefined && link.toll !== 0) {
      issues.add({ ...where, path: "toll", code: "toll-without-value-of-time", message: `link "${link.linkId}" has toll ${link.toll}; GMNS declares no value of time to turn it into minutes` });
      continue;
    }
    const capacityVehPerHour = linkCapacity(link) ?? Infinity;
    const congestible = Number.isFinite(capacityVehPerHour);
    if (congestible && (link.vdfAlpha === undefined || link.vdfBeta === undefined)) {
      const missing = [link.vdfAlpha === undefined ? "vdf_alpha" : undefined, link.vdfBeta === undefined ? "vdf_beta" : undefined].filter((c) => c !== undefined);
      issues.add({ ...where, path: missing[0], code: "missing-vdf", message: `link "${link.linkId}" has a capacity but no ${missing.join(" and ")}: the volume-delay function is never guessed` });
      continue;
    }
    const row: GmnsTableLink = {
      id: link.directed ? link.linkId : `${link.linkId}:ab`,
      fromNodeId: link.fromNodeId,
      toNodeId: link.toNodeId,
      freeFlowTimeMin: t0,
      capacityVehPerHour,
      // Without a capacity the link never congests: v/c is 0, so the BPR term vanishes whatever alpha and beta are.
      alpha: link.vdfAlpha ?? 0,
      beta: link.vdfBeta ?? 1,
      fixedCostMin: 0,
    };
    links.push(row);
    if (!link.directed) links.push({ ...row, id: `${link.linkId}:ba`, fromNodeId: link.toNodeId, toNodeId: link.fromNodeId });
  }
  issues.throwIfAny();
  const zoneNodeIds = gmns.nodes.filter(isCentroid).map((n) => n.nodeId);
  return { name: gmns.name, nodeIds: gmns.nodes.map((n) => n.nodeId), zoneNodeIds, blockedNodeIds: zoneNodeIds, links };
}

/** Options of {@link networkToGmns}. */
export interface GmnsExportOptions {
  /** Which links to export. Default: road links and centroid connectors (the assignment network). */
  include?: (link: LinkAttributes) => boolean;
  /** Dataset name for config.csv. Default: the network's name. */
  datasetName?: string;
  /** BPR parameters written as vdf_alpha/vdf_beta of the road links (deltanet's road-link BPR). */
  bpr: GmnsBpr;
}

/** The three GMNS files as CSV text (written by formatCsv: RFC 4180 quoting, `\n` line ends, an empty cell for no value). */
export interface GmnsFiles {
  node: string;
  link: string;
  config: string;
}

const NODE_COLUMNS = ["node_id", "name", "x_coord", "y_coord", "node_type", "zone_id"] as const;
const LINK_COLUMNS = [
  "link_id", "name", "from_node_id", "to_node_id", "directed", "length", "facility_type", "capacity", "free_speed", "lanes",
  "allowed_uses", "vdf_fftt", "vdf_alpha", "vdf_beta", "capacity_veh_per_hour",
] as const;

/**
 * Exports a deltanet network as GMNS CSV texts: directed links (one row per deltanet link), lengths in km, speeds in
 * kph, crs EPSG:4326; nodes = the exported links' ends plus every centroid, in network order; `node_type` = the node
 * kind; `vdf_fftt` = timeMin (so border delays survive), `vdf_alpha`/`vdf_beta` = the deltanet BPR defaults on road
 * links (empty on connectors, which are uncongested); `capacity` per lane = capacityVehPerHour / (lanes / 2) when the
 * lane count is even, else empty, and `capacity_veh_per_hour` always.
 * @throws UsageError code `missing-coordinates` naming a node without lon/lat (GMNS requires x_coord, y_coord).
 * @example networkToGmns(network, { bpr: { alpha: 0.15, beta: 4 } }).link.split("\n")[0] // "link_id,name,from_node_id,to_node_id,directed,length,…"
 */
export function networkToGmns(network: Network, options: GmnsExportOptions): GmnsFiles {
  const include = options.include ?? ((l: LinkAttributes) => l.layer === "road" || (l.layer === "access" && l.linkType === "centroid-connector"));
  const linkRows: CsvCell[][] = [];
  const used = new Set<string>();
  network.forEachEdge((id, a, source, target) => {
    if (!include(a)) return;
    used.add(source);
    used.add(target);
    const road = a.layer === "road";
    const lanesPerDirection = a.lanes !== undefined && a.lanes % 2 === 0 ? a.lanes / 2 : undefined;
    const perLane = a.capacityVehPerHour !== undefined && lanesPerDirection !== undefined ? a.capacityVehPerHour / lanesPerDirection : undefined;
    const cells: Record<(typeof LINK_COLUMNS)[number], string | number | boolean | undefined> = {
      link_id: id,
      name: a.name,
      from_node_id: source,
      to_node_id: target,
      directed: true,
      length: a.lengthKm,
      facility_type: a.linkType,
      capacity: perLane,
      free_speed: a.speedKph,
      lanes: lanesPerDirection,
      allowed_uses: "auto",
      vdf_fftt: a.timeMin,
      vdf_alpha: road ? options.bpr.alpha : undefined,
      vdf_beta: road ? options.bpr.beta : undefined,
      capacity_veh_per_hour: a.capacityVehPerHour,
    };
    linkRows.push(LINK_COLUMNS.map((c) => cells[c]));
  });
  const nodeRows: CsvCell[][] = [];
  network.forEachNode((id, a) => {
    if (!used.has(id) && a.kind !== "centroid") return;
    if (a.lon === undefined || a.lat === undefined) throw new UsageError(`node "${id}" has no lon/lat; GMNS requires x_coord and y_coord`, "missing-coordinates");
    const cells: Record<(typeof NODE_COLUMNS)[number], string | number | undefined> = {
      node_id: id,
      name: a.name,
      x_coord: a.lon,
      y_coord: a.lat,
      node_type: a.kind,
      zone_id: a.kind === "centroid" ? (a.zoneId ?? id) : undefined,
    };
    nodeRows.push(NODE_COLUMNS.map((c) => cells[c]));
  });
  const config = formatCsv([[options.datasetName ?? network.getAttribute("name"), "m", "km", "kph", "EPSG:4326", "WKT", "CNY", "0.96"]], {
    header: ["dataset_name", "short_length", "long_length", "speed", "crs", "geometry_field_format", "currency", "version_number"],
  });
  return { node: formatCsv(nodeRows, { header: NODE_COLUMNS }), link: formatCsv(linkRows, { header: LINK_COLUMNS }), config };
}

/**
 * Writes {@link networkToGmns} as `node.csv`, `link.csv`, `config.csv` into `dir` (created if needed); each file is
 * written to a temporary name and renamed, so a failure leaves no partial file.
 * @throws UsageError as networkToGmns; filesystem errors as thrown by node:fs.
 * @example writeGmnsFolder("out/yrd-gmns", network, { bpr: { alpha: 0.15, beta: 4 } }) // writes out/yrd-gmns/{node,link,config}.csv
 */
export function writeGmnsFolder(dir: string, network: Network, options: GmnsExportOptions): void {
  const files = networkToGmns(network, options);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of [["node.csv", files.node], ["link.csv", files.link], ["config.csv", files.config]] as const) {
    const target = join(dir, name);
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    try {
      writeFileSync(tmp, text, "utf8");
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }
}
