/**
 * Network diff: what differs between two networks (typically two scenarios applied to their base), node by node and
 * link by link — added, removed, closed, reopened, and every attribute change with its before and after value.
 *
 * Design: links and nodes are matched by id (ids are stable across scenarios: a scenario never renames). `closed` is
 * reported as closed/reopened, not as an attribute change, because it is what a reviewer looks for first. Attribute
 * values are compared by their canonical JSON (so `projectIds: ["a"]` equals a fresh `["a"]`), and an attribute
 * that is absent on one side is reported with `before`/`after` left out. Output lists are sorted by id (code-unit
 * order), attribute changes by attribute name: the same two networks always give the same diff.
 */
import type { Layer, LinkAttributes, Network, NodeAttributes } from "./network.ts";
import { canonicalJson } from "./checksum.ts";
import { compareCodeUnits } from "./compare-code-units.ts";

/** A node as listed in a diff. */
export interface NodeRef {
  nodeId: string;
  name: string;
  layer: NodeAttributes["layer"];
}

/** A link as listed in a diff. */
export interface LinkRef {
  linkId: string;
  facilityId: string;
  layer: Layer;
  fromNodeId: string;
  toNodeId: string;
  name?: string;
}

/** One attribute whose value differs; `before`/`after` absent = the attribute is absent on that side. */
export interface AttributeChange {
  attribute: string;
  before?: unknown;
  after?: unknown;
}

/** Everything that differs between network `a` (before) and `b` (after). */
export interface NetworkDiff {
  nodesAdded: NodeRef[];
  nodesRemoved: NodeRef[];
  /** Nodes in both networks with at least one attribute change. */
  nodesChanged: (NodeRef & { changes: AttributeChange[] })[];
  linksAdded: LinkRef[];
  linksRemoved: LinkRef[];
  /** Links in both networks, open in `a` and `closed: true` in `b`. */
  linksClosed: LinkRef[];
  /** Links in both networks, closed in `a` and open in `b`. */
  linksReopened: LinkRef[];
  /** Links in both networks with at least one attribute change other than `closed` (closed links included). */
  linksChanged: (LinkRef & { changes: AttributeChange[] })[];
}


function attributeChanges(a: object, b: object, ignore: ReadonlySet<string>): AttributeChange[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  const out: AttributeChange[] = [];
  for (const key of [...keys].sort(compareCodeUnits)) {
    if (ignore.has(key)) continue;
    const va = ra[key];
    const vb = rb[key];
    if (va === undefined && vb === undefined) continue;
    if (va !== undefined && vb !== undefined && canonicalJson(va) === canonicalJson(vb)) continue;
    out.push({ attribute: key, ...(va !== undefined ? { before: va } : {}), ...(vb !== undefined ? { after: vb } : {}) });
  }
  return out;
}

function nodeRef(network: Network, id: string): NodeRef {
  const a = network.getNodeAttributes(id);
  return { nodeId: id, name: a.name, layer: a.layer };
}

function linkRef(attrs: LinkAttributes, id: string): LinkRef {
  return {
    linkId: id,
    facilityId: attrs.facilityId,
    layer: attrs.layer,
    fromNodeId: attrs.fromNodeId,
    toNodeId: attrs.toNodeId,
    ...(attrs.name !== undefined ? { name: attrs.name } : {}),
  };
}

const IGNORED_LINK_ATTRIBUTES: ReadonlySet<string> = new Set(["closed"]);
const NO_IGNORED: ReadonlySet<string> = new Set();

/**
 * The differences between two networks, matched by node and link id (neither network is modified).
 *
 * - A node or link only in `b` is added, only in `a` removed.
 * - A link in both is closed when `closed` is false/absent in `a` and true in `b`, reopened the other way round.
 * - Every other attribute that differs (by canonical JSON value; absent = `undefined`) is an {@link AttributeChange}
 *   of a changed node or link. Graph attributes (name, projects) are not compared.
 * @param a the network before (e.g. the baseline scenario's)
 * @param b the network after
 * @returns lists sorted by id, changes sorted by attribute name; all empty when the networks are equal
 * @example
 * // a: road link x with timeMin 10; b: the same link with timeMin 8 and closed
 * diffNetworks(a, b) // { linksClosed: [{ linkId: "x", … }],
 * //   linksChanged: [{ linkId: "x", …, changes: [{ attribute: "timeMin", before: 10, after: 8 }] }], … rest [] }
 */
export function diffNetworks(a: Network, b: Network): NetworkDiff {
  const diff: NetworkDiff = {
    nodesAdded: [],
    nodesRemoved: [],
    nodesChanged: [],
    linksAdded: [],
    linksRemoved: [],
    linksClosed: [],
    linksReopened: [],
    linksChanged: [],
  };
  for (const id of a.nodes().sort(compareCodeUnits)) {
    if (!b.hasNode(id)) {
      diff.nodesRemoved.push(nodeRef(a, id));
      continue;
    }
    const changes = attributeChanges(a.getNodeAttributes(id), b.getNodeAttributes(id), NO_IGNORED);
    if (changes.length > 0) diff.nodesChanged.push({ ...nodeRef(b, id), changes });
  }
  for (const id of b.nodes().sort(compareCodeUnits)) if (!a.hasNode(id)) diff.nodesAdded.push(nodeRef(b, id));

  for (const id of a.edges().sort(compareCodeUnits)) {
    const la = a.getEdgeAttributes(id);
    if (!b.hasEdge(id)) {
      diff.linksRemoved.push(linkRef(la, id));
      continue;
    }
    const lb = b.getEdgeAttributes(id);
    const closedA = la.closed === true;
    const closedB = lb.closed === true;
    if (!closedA && closedB) diff.linksClosed.push(linkRef(lb, id));
    if (closedA && !closedB) diff.linksReopened.push(linkRef(lb, id));
    const changes = attributeChanges(la, lb, IGNORED_LINK_ATTRIBUTES);
    if (changes.length > 0) diff.linksChanged.push({ ...linkRef(lb, id), changes });
  }
  for (const id of b.edges().sort(compareCodeUnits)) if (!a.hasEdge(id)) diff.linksAdded.push(linkRef(b.getEdgeAttributes(id), id));
  return diff;
}

/**
 * Number of entries in each list of a diff, and whether it is empty.
 * @example diffCounts(diffNetworks(n, n)) // { nodesAdded: 0, …, linksChanged: 0, total: 0 }
 */
export function diffCounts(diff: NetworkDiff): Record<keyof NetworkDiff | "total", number> {
  const counts = {
    nodesAdded: diff.nodesAdded.length,
    nodesRemoved: diff.nodesRemoved.length,
    nodesChanged: diff.nodesChanged.length,
    linksAdded: diff.linksAdded.length,
    linksRemoved: diff.linksRemoved.length,
    linksClosed: diff.linksClosed.length,
    linksReopened: diff.linksReopened.length,
    linksChanged: diff.linksChanged.length,
  };
  return { ...counts, total: Object.values(counts).reduce((s, n) => s + n, 0) };
}
