/**
 * Compiles a {@link LinkTable} (ids) into the algorithms' {@link AssignmentNetwork} (indexes), validating it on the
 * way: the one place where a link table's problems are reported with link and node ids. The assignment run
 * (engine/assign.ts) and the gravity demand (engine/gravity-demand.ts) both start here, so a table is checked the same
 * way whichever of them reads it; the algorithms below only check indexes.
 * @see AequilibraE `paths/graph.py` (`prepare_graph`: ids → compact indexes, checked once before assignment).
 */
import { createAssignmentNetwork, type AssignmentNetwork } from "../algorithms/assignment/assignment-network.ts";
import { IssueList, type Issue } from "../errors.ts";
import type { LinkTable } from "../model/link-table.ts";

/** Most problems listed for one link table (or road layer, or demand matrix); the rest are counted in one line. */
export const MAX_LINK_TABLE_ISSUES = 20;

/**
 * A value as messages quote it: strings in JSON quotes (so `"4000"` reads as text), everything else as `String` does.
 * @example describeLinkValue("4000") // '"4000"'
 * @example describeLinkValue(Number.NaN) // "NaN"
 */
export function describeLinkValue(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * Validates a link table (every problem, with the link id) and builds its assignment graph.
 * @param table nodes, zones, blocked nodes and links by id (TNTP: `tntpLinkTable`; deltanet road layer: `roadLinkTable`)
 * @returns the index-space network of `createAssignmentNetwork`, in table order (link i = `table.links[i]`)
 * @throws InputError (exit 3) listing up to {@link MAX_LINK_TABLE_ISSUES} problems, each with `file` = `table.file`
 *   and a path naming the node, zone or link: `duplicate-id`, `unknown-node`, `invalid-capacity` (0, negative, NaN
 *   or not a number), `invalid-time`, `invalid-vdf`, `invalid-cost`; more problems are counted in one
 *   `too-many-issues` line.
 * @example compileLinkTable(tntpLinkTable(net)).linkCount // the _net file's link count
 */
export function compileLinkTable(table: LinkTable): AssignmentNetwork {
  const issues = new IssueList({
    max: MAX_LINK_TABLE_ISSUES,
    omitted: (count) => ({ file: table.file, code: "too-many-issues", message: `${count} more problem(s) in the network` }),
  });
  const add = (issue: Issue) => issues.add({ file: table.file, ...issue });
  const nodeIndex = new Map<string, number>();
  table.nodeIds.forEach((id, i) => {
    if (nodeIndex.has(id)) add({ path: `nodes[${i}]`, code: "duplicate-id", message: `duplicate node id "${id}"` });
    else nodeIndex.set(id, i);
  });
  const n = table.nodeIds.length;
  const zoneNodes = new Int32Array(table.zoneNodeIds.length);
  table.zoneNodeIds.forEach((id, z) => {
    const v = nodeIndex.get(id);
    if (v === undefined) add({ path: `zones[${z}]`, code: "unknown-node", message: `zone node "${id}" is not a node of the network` });
    zoneNodes[z] = v ?? 0;
  });
  if (new Set(table.zoneNodeIds).size !== table.zoneNodeIds.length) add({ path: "zones", code: "duplicate-id", message: "two zones share a node" });
  const blocked = new Uint8Array(n);
  for (const id of table.blockedNodeIds) {
    const v = nodeIndex.get(id);
    if (v === undefined) add({ path: "blockedNodeIds", code: "unknown-node", message: `blocked node "${id}" is not a node of the network` });
    else blocked[v] = 1;
  }
  const m = table.links.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const t0 = new Float64Array(m);
  const capacity = new Float64Array(m);
  const alpha = new Float64Array(m);
  const beta = new Float64Array(m);
  const fixed = new Float64Array(m);
  const closed = new Uint8Array(m);
  const linkIds = new Set<string>();
  table.links.forEach((link, i) => {
    const path = (field: string) => `links[${JSON.stringify(link.id)}].${field}`;
    if (linkIds.has(link.id)) add({ path: path("id"), code: "duplicate-id", message: `duplicate link id "${link.id}"` });
    linkIds.add(link.id);
    for (const [field, id, out] of [["fromNodeId", link.fromNodeId, from], ["toNodeId", link.toNodeId, to]] as const) {
      const v = nodeIndex.get(id);
      if (v === undefined) add({ path: path(field), code: "unknown-node", message: `link "${link.id}" refers to unknown node "${id}"` });
      out[i] = v ?? 0;
    }
    const c = link.capacityVehPerHour;
    if (typeof c !== "number" || !(c > 0)) {
      add({ path: path("capacityVehPerHour"), code: "invalid-capacity", message: `link "${link.id}" has capacityVehPerHour ${describeLinkValue(c)}; expected a number > 0` });
    }
    capacity[i] = c;
    const finite = (field: "freeFlowTimeMin" | "alpha" | "beta" | "fixedCostMin", code: string, out: Float64Array) => {
      const value = link[field];
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        add({ path: path(field), code, message: `link "${link.id}" has ${field} ${describeLinkValue(value)}; expected a finite number ≥ 0` });
      }
      out[i] = value;
    };
    finite("freeFlowTimeMin", "invalid-time", t0);
    finite("alpha", "invalid-vdf", alpha);
    finite("beta", "invalid-vdf", beta);
    finite("fixedCostMin", "invalid-cost", fixed);
    closed[i] = link.closed === true ? 1 : 0;
  });
  issues.throwIfAny();
  return createAssignmentNetwork({
    nodeCount: n,
    linkFromNodes: from,
    linkToNodes: to,
    freeFlowTimeMin: t0,
    capacityVehPerHour: capacity,
    alpha,
    beta,
    fixedCostMin: fixed,
    zoneNodes,
    blockedNodes: blocked,
    closed,
  });
}
