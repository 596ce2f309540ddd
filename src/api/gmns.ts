/**
 * Use cases `exportGmns` and `importGmns`: a scenario's road assignment network written as, and a network read from,
 * the General Modeling Network Specification (GMNS) — the open exchange format of road networks that AequilibraE,
 * DTALite/TAPLite and osm2gmns read and write. The column mapping, units and refusals are those of `io/gmns.ts`.
 * @see Zephyr Foundation, General Modeling Network Specification (v0.96), https://github.com/zephyr-data-specs/GMNS
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_BPR_ALPHA, DEFAULT_BPR_BETA } from "../defaults.ts";
import { UsageError, type Issue } from "../errors.ts";
import { gmnsToNetwork, readGmnsFolder, writeGmnsFolder } from "../io/gmns.ts";
import type { LinkAttributes, Network } from "../model/network.ts";
import { applyScenario } from "../scenario/apply-scenario.ts";

/** Options of {@link exportGmns}. */
export interface ExportGmnsOptions {
  /** The scenario file whose network is exported. */
  scenario: string;
  /** Folder the GMNS files are written into; created (with its parents) when missing. */
  out: string;
}

/** What {@link exportGmns} wrote. */
export interface ExportGmnsResult {
  /** Paths of the files written: `node.csv`, `link.csv`, `config.csv` inside `out`. */
  files: { node: string; link: string; config: string };
  /** The scenario exported: its name (written as config.csv `dataset_name`) and the sha256 of its network. */
  scenario: { name: string; networkChecksum: string };
  /** The values used: the scenario file, the output folder and the BPR parameters written on road links. */
  parameters: { scenario: string; out: string; bprAlpha: number; bprBeta: number };
}

/** Options of {@link importGmns}. */
export interface ImportGmnsOptions {
  /** Folder holding `node.csv` and `link.csv`, and `config.csv` when lengths or speeds are given. */
  folder: string;
  /**
   * Units of `length` and `free_speed` when the folder has no config.csv (or it lacks `long_length`/`speed`):
   * length `km`, `m`, `mi` or `ft`; speed `kph`, `km/h` or `mph`. Units are never guessed.
   */
  units?: { length: string; speed: string };
}

/** What {@link importGmns} read. */
export interface ImportGmnsResult {
  /**
   * The deltanet network (a graphology MultiDirectedGraph of `NodeAttributes` and `LinkAttributes`, src/model): road
   * links (`layer: "road"`) and centroid connectors (`layer: "access"`, `linkType: "centroid-connector"`), times in
   * minutes, lengths in km, speeds in km/h, capacities in veh/h per direction, `lanes` counting both directions. An
   * undirected GMNS link becomes two links `<link_id>:ab` and `<link_id>:ba`.
   */
  network: Network;
  /**
   * Values the network cannot hold, one issue (severity `warning`, file and line) each: VDF parameters other than
   * deltanet's BPR, tolls, self-loops, coordinates that are not degrees.
   */
  warnings: Issue[];
  /** The values used: the folder, and the BPR parameters the links' vdf_alpha/vdf_beta are compared with. */
  parameters: { folder: string; bprAlpha: number; bprBeta: number };
}

/** Road links and centroid connectors still in service: the network a road assignment of the scenario loads. */
function inAssignmentNetwork(link: LinkAttributes): boolean {
  if (link.closed === true) return false;
  return link.layer === "road" || (link.layer === "access" && link.linkType === "centroid-connector");
}

/**
 * Writes the road assignment network of a scenario — its road links and centroid connectors, closed links left out
 * (GMNS has no closure) — as GMNS `node.csv`, `link.csv` and `config.csv`. One directed row per deltanet link
 * (`directed` true, `link_id` = the deltanet link id); `length` in km, `free_speed` in kph (config.csv
 * `long_length` km, `speed` kph, `crs` EPSG:4326 with `x_coord`/`y_coord` = longitude/latitude in degrees);
 * `vdf_fftt` = timeMin, minutes (border delays included); `vdf_alpha`/`vdf_beta` = `DEFAULT_BPR_ALPHA`/
 * `DEFAULT_BPR_BETA` of src/defaults.ts (0.15/4) on road links, empty on the uncongested connectors; `capacity` veh/h
 * per lane when the lane count is even, `lanes` per direction, and the deltanet extension `capacity_veh_per_hour`
 * (veh/h per direction) always.
 * Centroids have `node_type` `centroid` and their `zone_id`. Each file is written whole or not at all.
 * @returns the files written, the scenario's name and network checksum, and the parameters used
 * @throws InputError / ScenarioError (exit 3) for a bad scenario; UsageError `missing-coordinates` (exit 2) naming a
 *   node without lon/lat; UsageError `bad-output-path` (exit 2) when `out` is a file or cannot be written
 * @example exportGmns({ scenario: "scenarios/baseline-2019.yaml", out: "out/yrd-gmns" }).files.link // "out/yrd-gmns/link.csv"
 */
export function exportGmns(options: ExportGmnsOptions): ExportGmnsResult {
  const { scenario, out } = options;
  if (existsSync(out) && !statSync(out).isDirectory()) {
    throw new UsageError(`cannot write GMNS files into ${out}: it is a file, not a folder`, "bad-output-path");
  }
  const applied = applyScenario(scenario);
  const bpr = { alpha: DEFAULT_BPR_ALPHA, beta: DEFAULT_BPR_BETA };
  try {
    writeGmnsFolder(out, applied.network, { include: inAssignmentNetwork, datasetName: applied.scenario.name, bpr });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write GMNS files into ${out}: ${(e as Error).message}`, "bad-output-path");
  }
  return {
    files: { node: join(out, "node.csv"), link: join(out, "link.csv"), config: join(out, "config.csv") },
    scenario: { name: applied.scenario.name, networkChecksum: applied.resultChecksum },
    parameters: { scenario, out, bprAlpha: bpr.alpha, bprBeta: bpr.beta },
  };
}

/**
 * Reads a GMNS network folder into a deltanet network. A node is a centroid when its `node_type` is `centroid`, or
 * when `node_type` is blank and `zone_id` is set; links touching a centroid become centroid connectors, all others
 * road links of type `facility_type`. Free-flow time = `vdf_fftt` (minutes), else `length` / `free_speed`; capacity =
 * `capacity_veh_per_hour`, else `capacity` (per lane) × `lanes`. Lengths and speeds are converted from the declared
 * units to km and km/h.
 * @returns the network, warnings for values it cannot hold (`vdf-not-kept` when vdf_alpha/vdf_beta differ from
 *   deltanet's BPR `DEFAULT_BPR_ALPHA`/`DEFAULT_BPR_BETA`, `toll-not-kept`, `self-loop`, `not-geographic`), and the
 *   parameters used
 * @throws InputError (exit 3) listing every problem with file, line, column and column name: `file-not-found` (no
 *   node.csv or link.csv), `missing-column`, `missing-value`, `not-a-number`, `invalid-value`, `not-a-boolean`,
 *   `duplicate-id`, `unknown-node`, `missing-units`, `unknown-unit`, `missing-time`, `missing-capacity-lanes`
 * @example importGmns({ folder: "out/yrd-gmns" }).network.size // 226 for baseline-2019 (144 road links, 82 connectors)
 */
export function importGmns(options: ImportGmnsOptions): ImportGmnsResult {
  const bpr = { alpha: DEFAULT_BPR_ALPHA, beta: DEFAULT_BPR_BETA };
  const gmns = readGmnsFolder(options.folder, options.units ? { units: options.units } : {});
  const { network, warnings } = gmnsToNetwork(gmns, bpr);
  return { network, warnings, parameters: { folder: options.folder, bprAlpha: bpr.alpha, bprBeta: bpr.beta } };
}
