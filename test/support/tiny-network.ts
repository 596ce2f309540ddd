/**
 * Tiny networks for tests: a text DSL with one link per line that a reviewer can check by eye (after ngraph.path's
 * graphFromAscii), plus a writer to the network folder format so fixtures can be read by `readNetworkFolder`.
 *
 * Grammar (one statement per line; `#` starts a comment):
 *   A -> B  <tokens>      one directed link; id = facility id
 *   A <-> B <tokens>      two links `<facility>:ab` (A→B) and `<facility>:ba` (B→A)
 *   node <id> key=value…  extra node attributes (kind, zoneId, populationPersons, province, yangtzeBank, name, nameZh)
 *   project <id> <nameZh> <status> [opened=YYYY-MM-DD] : <facilityId> <facilityId> …
 *   assumption <name>=<number>…  network assumptions (graph attribute `assumptions`, network.json `assumptions`),
 *                        e.g. `assumption roadSpeedKph=100 laneCapacityPcuPerHour=2000`
 * Link tokens: `10min` timeMin, `84km` lengthKm, `100kph` speedKph, `6000vph` capacityVehPerHour, `500mw`
 * capacityMw, `80tpd` trainsPerDay, `6lanes` lanes; a layer word (road, rail, water, power, access, transit; when
 * absent it comes from the node ids: the same `<layer>:` prefix on both ends, `access` when one end is a `zone:`,
 * `transit` when one end is a `svc:` stop node); a
 * status word (existing (default), planned, under-construction); `key=value` for any other attribute, with shorthands
 * `id=` (facility id), `type=` (linkType), `opened=` (openedDate, also sets openedYear), `project=a,b` (projectIds).
 * Values of numeric attributes (timeMin, borderDelayMin, populationPersons, …) are numbers, of true/false attributes
 * (crossesProvincialBorder, crossesYangtze, estimate, closed) booleans, all others strings. Defaults: facility id `<layer>:<a>-<b>` where a/b
 * are the node ids without a leading `<layer>:`; linkType expressway / rail-leg / channel / ac-line /
 * centroid-connector / rail-ride by layer (give `type=rail-board` / `type=rail-alight` for station ↔ stop links); timeMin = lengthKm / speedKph × 60 + borderDelayMin + waitMin when not given (all
 * layers but power need one or the other); source "test fixture". Nodes are created on first use; kind from the id
 * prefix (`zone:` centroid, `rail:` station, `road:` road-junction, `water:` port, `power:` grid-node, `svc:`
 * service-stop of layer transit).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  addLink,
  addNode,
  createNetwork,
  LAYERS,
  STATUSES,
  type Layer,
  type LinkAttributes,
  type Network,
  type NodeAttributes,
  type NodeKind,
  type Project,
  type Status,
} from "../../src/model/network.ts";

const UNIT_FIELDS: Record<string, keyof LinkAttributes> = {
  min: "timeMin",
  km: "lengthKm",
  kph: "speedKph",
  vph: "capacityVehPerHour",
  mw: "capacityMw",
  tpd: "trainsPerDay",
  lanes: "lanes",
};

const DEFAULT_LINK_TYPE: Record<Layer, string> = {
  road: "expressway",
  rail: "rail-leg",
  water: "channel",
  power: "ac-line",
  access: "centroid-connector",
  transit: "rail-ride",
};

const KIND_BY_PREFIX: [string, NodeKind, NodeAttributes["layer"]][] = [
  ["zone:", "centroid", "zone"],
  ["rail:", "station", "rail"],
  ["road:", "road-junction", "road"],
  ["water:", "port", "water"],
  ["power:", "grid-node", "power"],
  ["svc:", "service-stop", "transit"],
];

const NUMBER_KEYS = new Set([
  "timeMin", "lengthKm", "speedKph", "borderDelayMin", "waitMin", "capacityVehPerHour", "lanes", "capacityMw",
  "trainsPerDay", "openedYear", "lon", "lat", "populationPersons",
]);
const BOOLEAN_KEYS = new Set(["crossesProvincialBorder", "crossesYangtze", "estimate", "closed"]);

/** Typed value of `key=text`: numbers and booleans for the keys that hold them, strings otherwise. */
function parseValue(key: string, text: string): unknown {
  if (BOOLEAN_KEYS.has(key)) {
    if (text !== "true" && text !== "false") throw new Error(`tiny-network: ${key} must be true or false, got ${text}`);
    return text === "true";
  }
  if (NUMBER_KEYS.has(key)) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`tiny-network: ${key} must be a number, got ${text}`);
    return Number(text);
  }
  return text;
}

function ensureNode(network: Network, id: string, layer: Layer): void {
  if (network.hasNode(id)) return;
  const known = KIND_BY_PREFIX.find(([p]) => id.startsWith(p));
  const kind: NodeKind = known ? known[1] : layer === "rail" ? "station" : layer === "water" ? "port" : layer === "power" ? "grid-node" : "road-junction";
  const nodeLayer = known ? known[2] : layer;
  addNode(network, { id, kind, layer: nodeLayer, name: id, source: "test fixture" });
}

/** Layer from the node ids when no layer word is given: same `<layer>:` prefix on both ends, or `zone:` on one. */
function inferLayer(from: string, to: string): Layer | undefined {
  const prefix = (id: string) => id.slice(0, Math.max(0, id.indexOf(":")));
  const a = prefix(from);
  const b = prefix(to);
  if (a === "zone" || b === "zone") return "access";
  if (a === "svc" || b === "svc") return "transit";
  if (a === b && (LAYERS as readonly string[]).includes(a)) return a as Layer;
  return undefined;
}

/**
 * Builds a network from the DSL above.
 * @param text DSL text
 * @param name network name (graph attribute)
 * @throws Error naming the line for anything it does not understand
 * @example tinyNetwork("A <-> B 10min road").size // 2 (links road:A-B:ab, road:A-B:ba)
 */
export function tinyNetwork(text: string, name = "tiny"): Network {
  const network = createNetwork(name);
  const projects: Record<string, Project> = {};
  const nodeExtras: [number, string, Record<string, unknown>][] = [];
  let assumptions: Record<string, number> | undefined;
  text.split("\n").forEach((rawLine, i) => {
    const lineNo = i + 1;
    const line = rawLine.replace(/#.*$/, "").trim();
    if (line === "") return;
    const fail = (why: string): never => {
      throw new Error(`tiny-network line ${lineNo}: ${why}: "${rawLine.trim()}"`);
    };
    const tokens = line.split(/\s+/);
    if (tokens[0] === "node") {
      const extras: Record<string, unknown> = {};
      for (const t of tokens.slice(2)) {
        const eq = t.indexOf("=");
        if (eq < 0) fail(`expected key=value, got ${t}`);
        extras[t.slice(0, eq)] = parseValue(t.slice(0, eq), t.slice(eq + 1));
      }
      nodeExtras.push([lineNo, tokens[1] ?? fail("node id missing"), extras]);
      return;
    }
    if (tokens[0] === "assumption") {
      if (tokens.length < 2) fail("expected assumption <name>=<number>");
      for (const t of tokens.slice(1)) {
        const m = /^([a-z][A-Za-z0-9]*)=(\d+(?:\.\d+)?)$/.exec(t) ?? fail(`expected <name>=<number ≥ 0>, got ${t}`);
        assumptions = { ...assumptions, [m[1]!]: Number(m[2]) };
      }
      return;
    }
    if (tokens[0] === "project") {
      const colon = tokens.indexOf(":");
      if (colon < 0) fail('expected ":" before the facility ids');
      const [, id, nameZh, status, ...rest] = tokens.slice(0, colon);
      if (!id || !nameZh || !status || !(STATUSES as readonly string[]).includes(status)) fail("expected project <id> <nameZh> <status>");
      const project: Project = { id: id!, nameZh: nameZh!, nameEn: id!, category: "test", status: status as Status, facilityIds: tokens.slice(colon + 1), source: "test fixture" };
      for (const t of rest) {
        if (t.startsWith("opened=")) project.openedDate = t.slice("opened=".length);
        else fail(`unknown project token ${t}`);
      }
      projects[project.id] = project;
      return;
    }
    const [from, arrow, to, ...rest] = tokens;
    if (!from || !to || (arrow !== "->" && arrow !== "<->")) fail("expected A -> B or A <-> B");
    const attrs: Record<string, unknown> = {};
    let layer: Layer | undefined;
    let status: Status = "existing";
    let facilityId: string | undefined;
    for (const t of rest) {
      const unit = /^(-?\d+(?:\.\d+)?)(min|km|kph|vph|mw|tpd|lanes)$/.exec(t);
      if (unit) {
        attrs[UNIT_FIELDS[unit[2]!]!] = Number(unit[1]);
      } else if ((LAYERS as readonly string[]).includes(t)) {
        layer = t as Layer;
      } else if ((STATUSES as readonly string[]).includes(t)) {
        status = t as Status;
      } else if (t.includes("=")) {
        const eq = t.indexOf("=");
        const key = t.slice(0, eq);
        const value = t.slice(eq + 1);
        if (key === "id") facilityId = value;
        else if (key === "type") attrs.linkType = value;
        else if (key === "opened") {
          attrs.openedDate = value;
          attrs.openedYear = Number(value.slice(0, 4));
        } else if (key === "project") attrs.projectIds = value.split(",");
        else attrs[key] = parseValue(key, value);
      } else fail(`unknown token ${t}`);
    }
    if (!layer) layer = inferLayer(from!, to!) ?? fail("no layer word (road, rail, water, power, access, transit)");
    const strip = (id: string) => (id.startsWith(`${layer}:`) ? id.slice(layer!.length + 1) : id);
    const facility = facilityId ?? `${layer}:${strip(from!)}-${strip(to!)}`;
    if (attrs.timeMin === undefined && layer !== "power") {
      if (attrs.lengthKm === undefined || attrs.speedKph === undefined) fail("give a time (10min) or length and speed (84km 100kph)");
      attrs.timeMin =
        ((attrs.lengthKm as number) / (attrs.speedKph as number)) * 60 + ((attrs.borderDelayMin as number) ?? 0) + ((attrs.waitMin as number) ?? 0);
    }
    ensureNode(network, from!, layer);
    ensureNode(network, to!, layer);
    const common = { linkType: DEFAULT_LINK_TYPE[layer], ...attrs, layer, status, facilityId: facility, source: "test fixture" } as Omit<
      LinkAttributes,
      "id" | "fromNodeId" | "toNodeId"
    >;
    if (arrow === "->") {
      addLink(network, { ...common, id: facility, fromNodeId: from!, toNodeId: to! });
    } else {
      addLink(network, { ...common, id: `${facility}:ab`, fromNodeId: from!, toNodeId: to! });
      addLink(network, { ...common, id: `${facility}:ba`, fromNodeId: to!, toNodeId: from! });
    }
  });
  for (const [lineNo, id, extras] of nodeExtras) {
    if (!network.hasNode(id)) throw new Error(`tiny-network line ${lineNo}: node ${id} is on no link`);
    network.mergeNodeAttributes(id, extras as Partial<NodeAttributes>);
  }
  network.setAttribute("projects", projects);
  if (assumptions !== undefined) network.setAttribute("assumptions", assumptions);
  return network;
}

const LAYER_FILE: Record<NodeAttributes["layer"], string> = {
  zone: "zones.json",
  rail: "rail.json",
  road: "road.json",
  water: "water.json",
  power: "power.json",
  access: "access.json",
  transit: "transit.json",
};

/**
 * Writes a network in the folder format of `src/io/network-file.ts` (manifest with the network's assumptions, one file
 * per layer in which it has nodes or links, projects.json), 2-space JSON, elements in id order.
 * @example writeNetworkFolder(tinyNetwork(text), "test/fixtures/networks/tiny-delta")
 */
export function writeNetworkFolder(network: Network, dir: string, description = "test fixture"): void {
  mkdirSync(dir, { recursive: true });
  const byLayer = new Map<NodeAttributes["layer"], { nodes: NodeAttributes[]; links: LinkAttributes[] }>();
  const bucket = (l: NodeAttributes["layer"]) => {
    let b = byLayer.get(l);
    if (!b) byLayer.set(l, (b = { nodes: [], links: [] }));
    return b;
  };
  const cmp = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  network.forEachNode((_id, a) => bucket(a.layer).nodes.push(a));
  network.forEachEdge((_id, a) => bucket(a.layer).links.push(a));
  const layers = (["zone", "rail", "road", "water", "power", "access", "transit"] as const).filter((l) => byLayer.has(l));
  const write = (file: string, value: unknown) => writeFileSync(join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  const projects = Object.values(network.getAttribute("projects") ?? {}).sort(cmp);
  write("network.json", {
    format: "deltanet-network",
    formatVersion: 1,
    name: network.getAttribute("name"),
    description,
    layers: layers.map((l) => LAYER_FILE[l]),
    ...(projects.length > 0 ? { projects: "projects.json" } : {}),
    ...(network.getAttribute("assumptions") !== undefined ? { assumptions: network.getAttribute("assumptions") } : {}),
  });
  for (const l of layers) {
    const b = byLayer.get(l)!;
    write(LAYER_FILE[l], { format: "deltanet-network-layer", formatVersion: 1, layer: l, description, nodes: b.nodes.sort(cmp), links: b.links.sort(cmp) });
  }
  if (projects.length > 0) write("projects.json", { format: "deltanet-projects", formatVersion: 1, projects });
}
