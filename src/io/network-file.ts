/**
 * Network files: reads a bundled network folder (`network.json` manifest + one JSON file per layer + `projects.json`)
 * into a validated {@link Network}; every bad value is refused with file, line and JSON path, never coerced.
 *
 * Folder format (formatVersion 1):
 * - `network.json`: `{ "format": "deltanet-network", "formatVersion": 1, "name", "description", "layers": ["zones.json", …],
 *   "projects": "projects.json", "assumptions": { "roadCircuity": 1.25, "roadSpeedKph": 100, … } }`; `projects` and
 *   `assumptions` are optional. `assumptions` holds the modelling constants the network was built with, by
 *   lower-camelCase name with the unit in it, each a finite number ≥ 0; it becomes the graph attribute `assumptions`
 *   (src/model/network-assumptions.ts).
 * - each layer file: `{ "format": "deltanet-network-layer", "formatVersion": 1, "layer", "description", "nodes": [...],
 *   "links": [...] }` with node and link objects as {@link NodeAttributes} / {@link LinkAttributes}.
 * - `projects.json`: `{ "format": "deltanet-projects", "formatVersion": 1, "projects": [Project, …] }`.
 */
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { InputError, type Issue } from "../errors.ts";
import {
  addLink,
  addNode,
  createNetwork,
  type LinkAttributes,
  type Network,
  type NodeAttributes,
  type Project,
} from "../model/network.ts";
import { formatPath, parsePositioned, positionOf, type PathSegments } from "./positions.ts";

const finiteNonNeg = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const dateString = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a date YYYY, YYYY-MM or YYYY-MM-DD");

/** Zod schema of a node object in a layer file (unknown keys refused). */
export const nodeSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(["centroid", "station", "road-junction", "port", "grid-node", "service-stop"]),
  layer: z.enum(["rail", "road", "water", "power", "access", "transit", "zone"]),
  name: z.string().min(1),
  nameZh: z.string().optional(),
  lon: z.number().finite().min(-180).max(180).optional(),
  lat: z.number().finite().min(-90).max(90).optional(),
  zoneId: z.string().optional(),
  populationPersons: finiteNonNeg.int().optional(),
  province: z.string().optional(),
  yangtzeBank: z.enum(["north", "south"]).optional(),
  source: z.string().min(1),
});

/** Zod schema of a link object in a layer file (unknown keys refused). */
export const linkSchema = z.strictObject({
  id: z.string().min(1),
  facilityId: z.string().min(1),
  fromNodeId: z.string().min(1),
  toNodeId: z.string().min(1),
  layer: z.enum(["rail", "road", "water", "power", "access", "transit"]),
  linkType: z.string().min(1),
  name: z.string().optional(),
  nameZh: z.string().optional(),
  status: z.enum(["existing", "under-construction", "planned"]),
  openedDate: dateString.optional(),
  openedYear: z.number().int().min(1800).max(2100).optional(),
  projectIds: z.array(z.string().min(1)).optional(),
  timeMin: finiteNonNeg.optional(),
  lengthKm: finiteNonNeg.optional(),
  speedKph: positive.optional(),
  borderDelayMin: finiteNonNeg.optional(),
  waitMin: finiteNonNeg.optional(),
  capacityVehPerHour: positive.optional(),
  lanes: z.number().int().positive().optional(),
  capacityMw: positive.optional(),
  trainsPerDay: finiteNonNeg.optional(),
  vesselClass: z.string().optional(),
  crossesProvincialBorder: z.boolean().optional(),
  crossesYangtze: z.boolean().optional(),
  crossingId: z.string().optional(),
  estimate: z.boolean().optional(),
  estimateNote: z.string().optional(),
  railLinkId: z.string().min(1).optional(),
  closed: z.boolean().optional(),
  source: z.string().min(1),
});

const layerFileSchema = z.strictObject({
  format: z.literal("deltanet-network-layer"),
  formatVersion: z.literal(1),
  layer: z.enum(["rail", "road", "water", "power", "access", "transit", "zone"]),
  description: z.string(),
  nodes: z.array(z.unknown()),
  links: z.array(z.unknown()),
});

const manifestSchema = z.strictObject({
  format: z.literal("deltanet-network"),
  formatVersion: z.literal(1),
  name: z.string().min(1),
  description: z.string(),
  layers: z.array(z.string().min(1)).min(1),
  projects: z.string().min(1).optional(),
  assumptions: z
    .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), finiteNonNeg, {
      error: (issue) => (issue.code === "invalid_key" ? "expected an assumption name in lowerCamelCase with its unit, e.g. roadSpeedKph" : undefined),
    })
    .optional(),
});

/** Zod schema of a plan project. */
export const projectSchema = z.strictObject({
  id: z.string().min(1),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  category: z.string().min(1),
  status: z.enum(["existing", "under-construction", "planned"]),
  openedDate: dateString.optional(),
  facilityIds: z.array(z.string().min(1)),
  source: z.string().min(1),
  note: z.string().optional(),
});

const projectsFileSchema = z.strictObject({
  format: z.literal("deltanet-projects"),
  formatVersion: z.literal(1),
  projects: z.array(z.unknown()),
});

interface LoadedJson {
  file: string;
  value: unknown;
  text: string;
}

function readJson(file: string): LoadedJson {
  if (!existsSync(file)) throw new InputError({ file, code: "file-not-found", message: "file not found" });
  const text = readFileSync(file, "utf8");
  try {
    return { file, value: JSON.parse(text), text };
  } catch (e) {
    const pd = parsePositioned(text);
    const err = pd.doc.errors[0];
    const pos = err ? pd.lineCounter.linePos(err.pos[0]) : undefined;
    throw new InputError({
      file,
      line: pos?.line,
      column: pos?.col,
      code: "malformed-json",
      message: `malformed JSON: ${(e as Error).message}`,
    });
  }
}

/** Turns zod issues into deltanet issues with file, line, column and path. */
export function zodIssues(file: string, text: string | undefined, basePath: PathSegments, error: z.ZodError): Issue[] {
  const pd = text !== undefined ? parsePositioned(text) : undefined;
  return error.issues.map((zi) => {
    const path = [...basePath, ...(zi.path as (string | number)[])];
    const pos = pd ? positionOf(pd, path) : {};
    let message = zi.message;
    if (zi.code === "unrecognized_keys") message = `unknown key(s) ${zi.keys.map((k) => `"${k}"`).join(", ")}`;
    return { file, ...pos, path: formatPath(path), code: `schema-${zi.code}`, message };
  });
}

function parseWith<T>(schema: z.ZodType<T>, loaded: LoadedJson, value: unknown, path: PathSegments, issues: Issue[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  issues.push(...zodIssues(loaded.file, loaded.text, path, r.error));
  return undefined;
}

/**
 * Reads a network folder into a {@link Network}.
 * @param dir folder holding `network.json`
 * @throws InputError (code `invalid-input`, exit 3) listing every schema problem, duplicate id, dangling link end,
 *   unknown project facility, `railLinkId` that is not a rail link (code `unknown-link`), with file, line and JSON
 *   path.
 */
export function readNetworkFolder(dir: string): Network {
  const manifestFile = join(dir, "network.json");
  const manifestJson = readJson(manifestFile);
  const issues: Issue[] = [];
  const manifest = parseWith(manifestSchema, manifestJson, manifestJson.value, [], issues);
  if (!manifest) throw new InputError(issues);
  const network = createNetwork(manifest.name);
  if (manifest.assumptions !== undefined) network.setAttribute("assumptions", manifest.assumptions);
  const linkPositions: { loaded: LoadedJson; index: number; link: LinkAttributes }[] = [];

  for (const layerName of manifest.layers) {
    const loaded = readJson(resolve(dir, layerName));
    const header = parseWith(layerFileSchema, loaded, loaded.value, [], issues);
    if (!header) continue;
    header.nodes.forEach((raw, i) => {
      const node = parseWith(nodeSchema, loaded, raw, ["nodes", i], issues) as NodeAttributes | undefined;
      if (!node) return;
      if (network.hasNode(node.id)) {
        const pd = parsePositioned(loaded.text);
        issues.push({ file: loaded.file, ...positionOf(pd, ["nodes", i, "id"]), path: `nodes[${i}].id`, code: "duplicate-id", message: `duplicate node id "${node.id}"` });
        return;
      }
      addNode(network, node);
    });
    header.links.forEach((raw, i) => {
      const link = parseWith(linkSchema, loaded, raw, ["links", i], issues) as LinkAttributes | undefined;
      if (link) linkPositions.push({ loaded, index: i, link });
    });
  }
  const seen = new Set<string>();
  for (const { loaded, index, link } of linkPositions) {
    const where = (key: string) => {
      const pd = parsePositioned(loaded.text);
      return { file: loaded.file, ...positionOf(pd, ["links", index, key]), path: `links[${index}].${key}` };
    };
    if (seen.has(link.id)) {
      issues.push({ ...where("id"), code: "duplicate-id", message: `duplicate link id "${link.id}"` });
      continue;
    }
    seen.add(link.id);
    let ok = true;
    for (const end of ["fromNodeId", "toNodeId"] as const) {
      if (!network.hasNode(link[end])) {
        issues.push({ ...where(end), code: "unknown-node", message: `link "${link.id}" refers to unknown node "${link[end]}"` });
        ok = false;
      }
    }
    if (link.layer !== "power" && link.timeMin === undefined) {
      issues.push({ ...where("timeMin"), code: "missing-value", message: `link "${link.id}" on layer ${link.layer} has no timeMin` });
      ok = false;
    }
    if (ok && link.fromNodeId !== link.toNodeId) addLink(network, link);
  }
  // A ride's rail link must be a rail link of this network (checked once every layer is read).
  const railLinkIds = new Set(linkPositions.filter(({ link }) => link.layer === "rail").map(({ link }) => link.id));
  for (const { loaded, index, link } of linkPositions) {
    if (link.railLinkId === undefined || railLinkIds.has(link.railLinkId)) continue;
    const pd = parsePositioned(loaded.text);
    issues.push({
      file: loaded.file,
      ...positionOf(pd, ["links", index, "railLinkId"]),
      path: `links[${index}].railLinkId`,
      code: "unknown-link",
      message: `link "${link.id}" runs over rail link "${link.railLinkId}", which is not a rail link of this network`,
    });
  }

  if (manifest.projects) {
    const loaded = readJson(resolve(dir, manifest.projects));
    const header = parseWith(projectsFileSchema, loaded, loaded.value, [], issues);
    const facilities = new Set<string>();
    network.forEachEdge((_k, a) => facilities.add(a.facilityId));
    const projects: Record<string, Project> = {};
    header?.projects.forEach((raw, i) => {
      const p = parseWith(projectSchema, loaded, raw, ["projects", i], issues) as Project | undefined;
      if (!p) return;
      p.facilityIds.forEach((f, j) => {
        if (!facilities.has(f)) {
          const pd = parsePositioned(loaded.text);
          issues.push({ file: loaded.file, ...positionOf(pd, ["projects", i, "facilityIds", j]), path: `projects[${i}].facilityIds[${j}]`, code: "unknown-facility", message: `project "${p.id}" names unknown facility "${f}"` });
        }
      });
      projects[p.id] = p;
    });
    network.setAttribute("projects", projects);
  }
  if (issues.length > 0) throw new InputError(issues);
  return network;
}
