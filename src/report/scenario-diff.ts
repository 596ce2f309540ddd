/**
 * Scenario diff report: the document `deltanet diff <a> <b>` writes (what changed between two scenarios' networks)
 * and its rendering as report sections (table and markdown), links grouped by facility so a two-way change is one row.
 */
import { diffCounts, type AttributeChange, type LinkRef, type NetworkDiff } from "../model/network-diff.ts";

const TRANSIT_LAYER = "transit";
import type { Section } from "./sections.ts";
import { compareCodeUnits } from "../model/compare-code-units.ts";

/** One side of a diff: the scenario and the checksums of its base and resulting networks. */
export interface DiffSide {
  name: string;
  /** Scenario files of the `extends` chain, root first. */
  files: string[];
  /** sha256 of the base network (before the scenario). */
  baseChecksum: string;
  /** sha256 of the network after the scenario. */
  networkChecksum: string;
}

/** The document `deltanet diff --format json` writes (`kind: "deltanet-diff"`, schemaVersion 1). */
export interface ScenarioDiff {
  schemaVersion: number;
  kind: "deltanet-diff";
  deltanetVersion: string;
  a: DiffSide;
  b: DiffSide;
  /** Number of entries of each list of `diff`, and their `total` (0 = the two networks are equal). */
  counts: ReturnType<typeof diffCounts>;
  diff: NetworkDiff;
}


/**
 * A value for a table cell: numbers to at most 4 decimals (JSON keeps them exact), lists joined, absent as "—".
 * @example formatValue(50.400000001) // "50.4"
 * @example formatValue(undefined) // "—"
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "number") return String(Number(value.toFixed(4)));
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

interface Group<T extends LinkRef> {
  facilityId: string;
  links: T[];
}

/** Groups links by facility, keeping the first-seen (id) order of facilities. */
function groupByFacility<T extends LinkRef>(links: readonly T[], key: (l: T) => string = (l) => l.facilityId): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const l of links) {
    const k = key(l);
    let g = groups.get(k);
    if (!g) {
      g = { facilityId: l.facilityId, links: [] };
      groups.set(k, g);
    }
    g.links.push(l);
  }
  return [...groups.values()];
}

/** "a ↔ b" when the group holds both directions of one pair of nodes, else "a → b" of the first link (+ "…"). */
function ends(links: readonly LinkRef[]): string {
  const first = links[0]!;
  if (links.length === 2 && links[1]!.fromNodeId === first.toNodeId && links[1]!.toNodeId === first.fromNodeId) {
    return `${first.fromNodeId} ↔ ${first.toNodeId}`;
  }
  return `${first.fromNodeId} → ${first.toNodeId}${links.length > 1 ? " …" : ""}`;
}

/** The facility id with a link count, or the link id when the group is one link. */
function what(group: Group<LinkRef>): string {
  return group.links.length === 1 ? group.links[0]!.linkId : `${group.facilityId} (${group.links.length} links)`;
}

function linkSection(title: string, links: readonly LinkRef[]): Section {
  return {
    title: `${title} (${links.length})`,
    headers: ["Facility / link", "Layer", "Name", "Between"],
    align: ["left", "left", "left", "left"],
    rows: groupByFacility(links).map((g) => [what(g), g.links[0]!.layer, g.links[0]!.name ?? "", ends(g.links)]),
  };
}

/**
 * Sections of a scenario diff: a count summary (all layers), the transit layer's changes as counts (train services
 * follow their rail legs and projects; ids in the JSON), then (only when not empty) the other links added, removed,
 * closed and reopened, link attribute changes (one row per facility and attribute when both directions changed alike), and
 * nodes added, removed and changed.
 * @param d the diff document
 * @returns sections for `formatTable`/`formatMarkdown`; the first is always the summary
 * @example diffSections(diffOfSutongClosure)[1].rows // [["road:crossing:sutong (2 links)", "road", "Sutong …", "… ↔ …"]]
 */
export function diffSections(d: ScenarioDiff): Section[] {
  const c = d.counts;
  const sections: Section[] = [
    {
      title: `Network diff: ${d.a.name} → ${d.b.name}`,
      note:
        d.a.baseChecksum === d.b.baseChecksum
          ? `Both scenarios apply to the same base network (sha256 ${d.a.baseChecksum.slice(0, 12)}…).`
          : `The scenarios apply to different base networks (sha256 ${d.a.baseChecksum.slice(0, 12)}… vs ${d.b.baseChecksum.slice(0, 12)}…).`,
      headers: ["", "Added", "Removed", "Closed", "Reopened", "Changed"],
      align: ["left", "right", "right", "right", "right", "right"],
      rows: [
        ["Links", String(c.linksAdded), String(c.linksRemoved), String(c.linksClosed), String(c.linksReopened), String(c.linksChanged)],
        ["Nodes", String(c.nodesAdded), String(c.nodesRemoved), "", "", String(c.nodesChanged)],
      ],
    },
  ];
  // Train-service (transit layer) changes follow the rail legs and projects they belong to and can run to hundreds
  // of rides, boardings and stop nodes: they are counted in one section; every id stays in the JSON document.
  const isTransit = (x: { layer: string }) => x.layer === TRANSIT_LAYER;
  const transit = {
    added: d.diff.linksAdded.filter(isTransit).length,
    removed: d.diff.linksRemoved.filter(isTransit).length,
    closed: d.diff.linksClosed.filter(isTransit).length,
    reopened: d.diff.linksReopened.filter(isTransit).length,
    changed: d.diff.linksChanged.filter(isTransit).length,
    nodesAdded: d.diff.nodesAdded.filter(isTransit).length,
    nodesRemoved: d.diff.nodesRemoved.filter(isTransit).length,
    nodesChanged: d.diff.nodesChanged.filter(isTransit).length,
  };
  const diff: NetworkDiff = {
    linksAdded: d.diff.linksAdded.filter((x) => !isTransit(x)),
    linksRemoved: d.diff.linksRemoved.filter((x) => !isTransit(x)),
    linksClosed: d.diff.linksClosed.filter((x) => !isTransit(x)),
    linksReopened: d.diff.linksReopened.filter((x) => !isTransit(x)),
    linksChanged: d.diff.linksChanged.filter((x) => !isTransit(x)),
    nodesAdded: d.diff.nodesAdded.filter((x) => !isTransit(x)),
    nodesRemoved: d.diff.nodesRemoved.filter((x) => !isTransit(x)),
    nodesChanged: d.diff.nodesChanged.filter((x) => !isTransit(x)),
  };
  if (Object.values(transit).some((n) => n > 0)) {
    sections.push({
      title: "Train services (transit layer)",
      note:
        "Rides, boardings, alightings and stop nodes of the train patterns, changed with the rail legs they run over or " +
        "the projects they belong to; counted here, listed with their ids in `--format json`.",
      headers: ["", "Added", "Removed", "Closed", "Reopened", "Changed"],
      align: ["left", "right", "right", "right", "right", "right"],
      rows: [
        ["Links", String(transit.added), String(transit.removed), String(transit.closed), String(transit.reopened), String(transit.changed)],
        ["Stop nodes", String(transit.nodesAdded), String(transit.nodesRemoved), "", "", String(transit.nodesChanged)],
      ],
    });
  }
  if (diff.linksAdded.length > 0) sections.push(linkSection("Links added", diff.linksAdded));
  if (diff.linksRemoved.length > 0) sections.push(linkSection("Links removed", diff.linksRemoved));
  if (diff.linksClosed.length > 0) sections.push(linkSection("Links closed", diff.linksClosed));
  if (diff.linksReopened.length > 0) sections.push(linkSection("Links reopened", diff.linksReopened));
  if (diff.linksChanged.length > 0) {
    const perAttribute: (LinkRef & { change: AttributeChange })[] = [];
    for (const l of diff.linksChanged) for (const change of l.changes) perAttribute.push({ ...l, change });
    const key = (x: LinkRef & { change: AttributeChange }) =>
      `${x.facilityId}\u0000${x.change.attribute}\u0000${JSON.stringify(x.change.before)}\u0000${JSON.stringify(x.change.after)}`;
    const groups = groupByFacility(perAttribute, key).sort(
      (x, y) => compareCodeUnits(x.facilityId, y.facilityId) || compareCodeUnits(x.links[0]!.change.attribute, y.links[0]!.change.attribute) || compareCodeUnits(x.links[0]!.linkId, y.links[0]!.linkId),
    );
    sections.push({
      title: `Link attribute changes (${diff.linksChanged.length} links)`,
      headers: ["Facility / link", "Layer", "Name", "Attribute", "Before", "After"],
      align: ["left", "left", "left", "left", "right", "right"],
      rows: groups.map((g) => {
        const x = g.links[0]!;
        return [what(g), x.layer, x.name ?? "", x.change.attribute, formatValue(x.change.before), formatValue(x.change.after)];
      }),
    });
  }
  const nodeRows = [
    ...diff.nodesAdded.map((n) => [n.nodeId, n.layer, n.name, "added", "", "", ""]),
    ...diff.nodesRemoved.map((n) => [n.nodeId, n.layer, n.name, "removed", "", "", ""]),
    ...diff.nodesChanged.flatMap((n) => n.changes.map((ch) => [n.nodeId, n.layer, n.name, "changed", ch.attribute, formatValue(ch.before), formatValue(ch.after)])),
  ];
  if (nodeRows.length > 0) {
    sections.push({
      title: `Nodes (${diff.nodesAdded.length} added, ${diff.nodesRemoved.length} removed, ${diff.nodesChanged.length} changed)`,
      headers: ["Node", "Layer", "Name", "What", "Attribute", "Before", "After"],
      align: ["left", "left", "left", "left", "left", "right", "right"],
      rows: nodeRows,
    });
  }
  return sections;
}
