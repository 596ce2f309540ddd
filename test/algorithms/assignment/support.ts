/**
 * Test support for the assignment tests: a compact way to build assignment networks from link rows, and a
 * fast-check arbitrary of small random networks whose zones can all reach each other (a two-way ring of through
 * nodes with every zone connected to it), with random BPR links and a random OD matrix.
 */
import { fc } from "@fast-check/vitest";
import { createAssignmentNetwork, type AssignmentNetwork } from "../../../src/algorithms/assignment/assignment-network.ts";

/** One link: from, to, t0 (min), capacity (veh/h), alpha, beta, fixed cost (min, default 0). */
export type LinkRow = [from: number, to: number, t0: number, capacity: number, alpha: number, beta: number, fixed?: number];

/** Builds an assignment network from rows; zones are `zoneNodes`; all zone nodes blocked unless `blocked` is false. */
export function networkOf(nodeCount: number, zoneNodes: number[], rows: LinkRow[], options: { blocked?: boolean; closed?: number[] } = {}): AssignmentNetwork {
  const blockedNodes = new Uint8Array(nodeCount);
  if (options.blocked !== false) for (const z of zoneNodes) blockedNodes[z] = 1;
  const closed = new Uint8Array(rows.length);
  for (const i of options.closed ?? []) closed[i] = 1;
  return createAssignmentNetwork({
    nodeCount,
    linkFromNodes: Int32Array.from(rows, (r) => r[0]),
    linkToNodes: Int32Array.from(rows, (r) => r[1]),
    freeFlowTimeMin: Float64Array.from(rows, (r) => r[2]),
    capacityVehPerHour: Float64Array.from(rows, (r) => r[3]),
    alpha: Float64Array.from(rows, (r) => r[4]),
    beta: Float64Array.from(rows, (r) => r[5]),
    fixedCostMin: Float64Array.from(rows, (r) => r[6] ?? 0),
    zoneNodes: Int32Array.from(zoneNodes),
    blockedNodes,
    closed,
  });
}

/** A random connected assignment problem (plain data, so fast-check can print and shrink it). */
export interface RandomProblem {
  nodeCount: number;
  zoneCount: number;
  rows: LinkRow[];
  demand: number[];
}

const bpr = fc.record({
  t0: fc.integer({ min: 1, max: 20 }),
  capacity: fc.integer({ min: 100, max: 2000 }),
  alpha: fc.constantFrom(0, 0.15, 0.5, 1),
  beta: fc.constantFrom(1, 2, 4),
});

/**
 * Zones 0 … z−1 (2–5), through nodes z … z+k−1 (2–6) on a two-way ring; zone i has a link to and from a random ring
 * node; 0–12 extra random links between any nodes (zone ↔ zone included); OD entries 0–300 veh/h (diagonal too).
 */
export const randomProblem: fc.Arbitrary<RandomProblem> = fc
  .record({ zoneCount: fc.integer({ min: 2, max: 5 }), ringCount: fc.integer({ min: 2, max: 6 }) })
  .chain(({ zoneCount, ringCount }) => {
    const nodeCount = zoneCount + ringCount;
    const ringNode = fc.integer({ min: zoneCount, max: nodeCount - 1 });
    const anyNode = fc.integer({ min: 0, max: nodeCount - 1 });
    return fc.record({
      nodeCount: fc.constant(nodeCount),
      zoneCount: fc.constant(zoneCount),
      ring: fc.array(bpr, { minLength: 2 * ringCount, maxLength: 2 * ringCount }),
      connectors: fc.array(fc.tuple(ringNode, ringNode, bpr, bpr), { minLength: zoneCount, maxLength: zoneCount }),
      extra: fc.array(fc.tuple(anyNode, anyNode, bpr), { maxLength: 12 }),
      demand: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: zoneCount * zoneCount, maxLength: zoneCount * zoneCount }),
    });
  })
  .map(({ nodeCount, zoneCount, ring, connectors, extra, demand }) => {
    const rows: LinkRow[] = [];
    const k = nodeCount - zoneCount;
    for (let i = 0; i < k; i++) {
      const a = zoneCount + i;
      const b = zoneCount + ((i + 1) % k);
      const f = ring[2 * i];
      const r = ring[2 * i + 1];
      rows.push([a, b, f.t0, f.capacity, f.alpha, f.beta], [b, a, r.t0, r.capacity, r.alpha, r.beta]);
    }
    connectors.forEach(([out, back, f, r], zone) => {
      rows.push([zone, out, f.t0, f.capacity, f.alpha, f.beta], [back, zone, r.t0, r.capacity, r.alpha, r.beta]);
    });
    for (const [a, b, p] of extra) if (a !== b) rows.push([a, b, p.t0, p.capacity, p.alpha, p.beta]);
    return { nodeCount, zoneCount, rows, demand };
  });

/** Net flow out of each node (out − in) for link flows on `rows`. */
export function netOutflow(nodeCount: number, rows: LinkRow[], flows: Float64Array): Float64Array {
  const net = new Float64Array(nodeCount);
  rows.forEach(([from, to], i) => {
    net[from] += flows[i];
    net[to] -= flows[i];
  });
  return net;
}
