/**
 * YRD builder, output: serialises the built layers, manifest and projects to the `networks/<name>/` format of
 * src/io/network-file.ts, deterministically (ids sorted by code point, keys in schema order, 2-space JSON, final newline).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LinkAttributes, NodeAttributes, Project } from "../../src/model/network.ts";
import type { LayerBuild } from "./types.ts";
import { compareCodeUnits } from "../../src/model/compare-code-units.ts";

/**
 * Key order of a node object in a layer file: the order of the node schema of src/io/network-file.ts (a test checks
 * that the two agree); `satisfies` makes the compiler refuse a missing or unknown attribute.
 */
export const NODE_KEY_ORDER = {
  id: true, kind: true, layer: true, name: true, nameZh: true, lon: true, lat: true, zoneId: true, populationPersons: true,
  province: true, yangtzeBank: true, source: true,
} as const satisfies Record<keyof NodeAttributes, true>;

/** Key order of a link object in a layer file (the link schema's order, as {@link NODE_KEY_ORDER}). */
export const LINK_KEY_ORDER = {
  id: true, facilityId: true, fromNodeId: true, toNodeId: true, layer: true, linkType: true, name: true, nameZh: true, status: true,
  openedDate: true, openedYear: true, projectIds: true, timeMin: true, lengthKm: true, speedKph: true, borderDelayMin: true,
  waitMin: true, capacityVehPerHour: true, lanes: true, capacityMw: true, trainsPerDay: true, vesselClass: true,
  crossesProvincialBorder: true, crossesYangtze: true, crossingId: true, estimate: true, estimateNote: true, railLinkId: true,
  closed: true, source: true,
} as const satisfies Record<keyof LinkAttributes, true>;

/** Key order of a project object in projects.json (the project schema's order, as {@link NODE_KEY_ORDER}). */
export const PROJECT_KEY_ORDER = {
  id: true, nameZh: true, nameEn: true, category: true, status: true, openedDate: true, facilityIds: true, source: true, note: true,
} as const satisfies Record<keyof Project, true>;

const NODE_KEYS = Object.keys(NODE_KEY_ORDER);
const LINK_KEYS = Object.keys(LINK_KEY_ORDER);
const PROJECT_KEYS = Object.keys(PROJECT_KEY_ORDER);

/** Copies `obj` with keys in `order`, dropping undefined values; refuses keys outside `order` (a programming error). */
function ordered<T extends object>(obj: T, order: readonly string[], what: string): Record<string, unknown> {
  const rec = obj as Record<string, unknown>;
  for (const k of Object.keys(rec)) if (!order.includes(k)) throw new TypeError(`${what}: key "${k}" is not in the schema`);
  const out: Record<string, unknown> = {};
  for (const k of order) if (rec[k] !== undefined) out[k] = rec[k];
  return out;
}


/**
 * Text of one layer file.
 * @param layer built layer
 * @returns JSON text, nodes and links sorted by id, 2-space indent, trailing newline
 * @example layerFileText({ layer: "zone", description: "", nodes: [], links: [], derived: [], notes: [] }).startsWith("{\n") // true
 */
export function layerFileText(layer: LayerBuild): string {
  const nodes = [...layer.nodes].sort((a, b) => compareCodeUnits(a.id, b.id)).map((n: NodeAttributes) => ordered(n, NODE_KEYS, `node ${n.id}`));
  const links = [...layer.links].sort((a, b) => compareCodeUnits(a.id, b.id)).map((l: LinkAttributes) => ordered(l, LINK_KEYS, `link ${l.id}`));
  return json({ format: "deltanet-network-layer", formatVersion: 1, layer: layer.layer, description: layer.description, nodes, links });
}

/** Text of projects.json (projects and their facility ids sorted by code point). @example projectsFileText([]) // "{\n  \"format\": \"deltanet-projects\", …" */
export function projectsFileText(projects: readonly Project[]): string {
  const list = [...projects].sort((a, b) => compareCodeUnits(a.id, b.id)).map((p) => ordered({ ...p, facilityIds: [...p.facilityIds].sort(compareCodeUnits) }, PROJECT_KEYS, `project ${p.id}`));
  return json({ format: "deltanet-projects", formatVersion: 1, projects: list });
}

/**
 * Text of network.json.
 * @param assumptions the `assumptions` block (name → value, see assumptionsBlock in assumptions.ts), written last
 * @example manifestText("yrd", "", ["zones.json"], "projects.json", { roadCircuity: 1.25 }).includes("\"roadCircuity\": 1.25") // true
 */
export function manifestText(
  name: string,
  description: string,
  layerFiles: readonly string[],
  projectsFile: string,
  assumptions: Readonly<Record<string, number>>,
): string {
  return json({ format: "deltanet-network", formatVersion: 1, name, description, layers: layerFiles, projects: projectsFile, assumptions });
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Writes `files` (name → text) into `dir`, creating it.
 * @throws Error from node:fs when the folder cannot be written
 * @example writeFiles("/tmp/yrd", new Map([["network.json", "{}\n"]])) // writes /tmp/yrd/network.json
 */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, textContent] of [...files].sort(([a], [b]) => compareCodeUnits(a, b))) writeFileSync(join(dir, name), textContent, "utf8");
}
