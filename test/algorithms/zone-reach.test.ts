/**
 * Tests of src/algorithms/zone-reach.ts: the per-origin reach kernel against hand-derived values and the
 * Floyd–Warshall brute force, and the path-link bitset's promise (closing an unmarked link changes nothing).
 */
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { buildCsr } from "../../src/algorithms/csr.ts";
import { createDijkstraWorkspace } from "../../src/algorithms/dijkstra.ts";
import { createZoneReachOutput, zonePathLinks, zoneReach, type ZoneReachNetwork } from "../../src/algorithms/zone-reach.ts";
import { csrOf, floydWarshall, linkListArbitrary, type LinkList } from "./oracles.ts";

const SEED = 20261129;

describe("zoneReach(ws, network, originZone, out)", () => {
  // zones 0, 1, 2 at nodes 0, 1, 2 (+ node 3 off-zone); links 0 →(10) 1 →(30) 2, 1 →(5) 3; populations 100, 20, 3.
  const csr = buildCsr(4, Int32Array.of(0, 1, 1), Int32Array.of(1, 2, 3), Float64Array.of(10, 30, 5));
  const network: ZoneReachNetwork = {
    csr,
    closed: csr.closed,
    zoneNodes: Int32Array.of(0, 1, 2),
    zonePopulation: Float64Array.of(100, 20, 3),
    cutoffsMin: [10, 60],
    searchCutoffMin: Infinity,
  };
  test("times, zones and population per cutoff, cutoffs inclusive and the origin counted", () => {
    const ws = createDijkstraWorkspace(4);
    const out = createZoneReachOutput(3, 2);
    zoneReach(ws, network, 0, out);
    // times 0, 10, 10 + 30 = 40; ≤ 10 min: zones 0 and 1 (10 is inclusive); ≤ 60: all three.
    expect(Array.from(out.timeMin)).toEqual([0, 10, 40]);
    expect(Array.from(out.zonesReached)).toEqual([2, 3]);
    expect(Array.from(out.populationReachedPersons)).toEqual([120, 123]);
    // nodes: 0 (0), 1 (10) within 10; plus 3 (15) and 2 (40) within 60.
    expect(Array.from(out.nodesReached)).toEqual([2, 4]);
  });
  test("an unreachable zone is Infinity, never 0; from zone 2 only zone 2 is reached", () => {
    const ws = createDijkstraWorkspace(4);
    const out = createZoneReachOutput(3, 2);
    zoneReach(ws, network, 2, out);
    expect(Array.from(out.timeMin)).toEqual([Infinity, Infinity, 0]);
    expect(Array.from(out.populationReachedPersons)).toEqual([3, 3]);
  });
  test("searchCutoffMin = the largest cutoff makes farther zones read Infinity (the isochrone mode)", () => {
    const ws = createDijkstraWorkspace(4);
    const out = createZoneReachOutput(3, 2);
    zoneReach(ws, { ...network, searchCutoffMin: 20 }, 0, out);
    expect(Array.from(out.timeMin)).toEqual([0, 10, Infinity]);
  });
  test("a closed link is impassable", () => {
    const ws = createDijkstraWorkspace(4);
    const out = createZoneReachOutput(3, 2);
    zoneReach(ws, { ...network, closed: Uint8Array.of(0, 1, 0) }, 0, out);
    expect(Array.from(out.timeMin)).toEqual([0, 10, Infinity]);
  });
});

/** A link list plus a choice of zone nodes (1 … 5 of its nodes). */
const withZones = linkListArbitrary({ zero: true, closures: true, maxNodes: 10, maxLinks: 30 }).chain((list) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: list.nodeCount - 1 }), { minLength: 1, maxLength: Math.min(5, list.nodeCount) })
    .map((zones) => ({ list, zones })),
);

function reachNetwork(list: LinkList, zones: number[], closed?: Uint8Array): ZoneReachNetwork {
  const csr = csrOf(list);
  return {
    csr,
    closed: closed ?? csr.closed,
    zoneNodes: Int32Array.from(zones),
    zonePopulation: Float64Array.from(zones, (_z, i) => 10 ** i),
    cutoffsMin: [15, 40],
    searchCutoffMin: Infinity,
  };
}

describe("zoneReach — properties", () => {
  test.prop([withZones], { seed: SEED, numRuns: 200 })("zone times equal the Floyd–Warshall brute force, reach counts follow from them", ({ list, zones }) => {
    const net = reachNetwork(list, zones);
    const truth = floydWarshall(list);
    const ws = createDijkstraWorkspace(list.nodeCount);
    const out = createZoneReachOutput(zones.length, 2);
    zones.forEach((originNode, i) => {
      zoneReach(ws, net, i, out);
      const expected = zones.map((z) => truth[originNode]![z]!);
      expect(Array.from(out.timeMin)).toEqual(expected);
      [15, 40].forEach((c, k) => {
        expect(out.zonesReached[k]).toBe(expected.filter((t) => t <= c).length);
        expect(out.populationReachedPersons[k]).toBe(expected.reduce((s, t, j) => s + (t <= c ? 10 ** j : 0), 0));
        expect(out.nodesReached[k]).toBe(truth[originNode]!.filter((t) => t <= c).length);
      });
    });
  });
});

describe("zonePathLinks(ws, csr, zoneNodes, bits, bitOffset)", () => {
  test("marks the links of the shortest paths to the zones only", () => {
    // 0 →(10) 1 →(30) 2 (links 0, 1) and 0 →(50) 2 (link 2, longer): zones at nodes 0, 1, 2.
    const csr = buildCsr(3, Int32Array.of(0, 1, 0), Int32Array.of(1, 2, 2), Float64Array.of(10, 30, 50));
    const ws = createDijkstraWorkspace(3);
    const net: ZoneReachNetwork = { csr, closed: csr.closed, zoneNodes: Int32Array.of(0, 1, 2), zonePopulation: Float64Array.of(1, 1, 1), cutoffsMin: [60], searchCutoffMin: Infinity };
    zoneReach(ws, net, 0, createZoneReachOutput(3, 1));
    const bits = new Int32Array(2);
    zonePathLinks(ws, csr, net.zoneNodes, bits, 1);
    expect(bits[0]).toBe(0); // another origin's word, untouched
    expect(bits[1]).toBe(0b011);
  });

  test.prop([withZones, fc.nat()], { seed: SEED, numRuns: 200 })(
    "closing any one link not marked for an origin leaves all its zone times unchanged, bit for bit",
    ({ list, zones }, pick) => {
      const net = reachNetwork(list, zones);
      const words = Math.ceil(list.from.length / 32) || 1;
      const ws = createDijkstraWorkspace(list.nodeCount);
      const base = createZoneReachOutput(zones.length, 2);
      const after = createZoneReachOutput(zones.length, 2);
      zones.forEach((_z, i) => {
        zoneReach(ws, net, i, base);
        const bits = new Int32Array(words);
        zonePathLinks(ws, net.csr, net.zoneNodes, bits, 0);
        const unmarked = list.from.map((_f, l) => l).filter((l) => (bits[l >>> 5]! & (1 << (l & 31))) === 0 && list.closed[l] === 0);
        if (unmarked.length === 0) return;
        const closed = Uint8Array.from(list.closed);
        closed[unmarked[pick % unmarked.length]!] = 1;
        zoneReach(ws, { ...net, closed }, i, after);
        expect(Array.from(after.timeMin)).toEqual(Array.from(base.timeMin));
      });
    },
  );
});
