/**
 * Tests of src/engine/compile.ts: index spaces (node and link order, layer filter), cost validation by code and
 * link id, the closed mask, id ↔ index helpers, and searches on the compiled network against graphology.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { dijkstra } from "graphology-shortest-path";
import { describe, expect, it } from "vitest";
import { singleSourceCosts } from "../../src/algorithms/dijkstra.ts";
import { createShortestPathSearch } from "../../src/algorithms/shortest-path-search.ts";
import {
  collectNodeValues,
  collectPath,
  compileNetwork,
  DEFAULT_COMPILE_LAYERS,
  nodeIndexOf,
  setLinkClosed,
} from "../../src/engine/compile.ts";
import { InputError, UsageError } from "../../src/errors.ts";
import { addLink, addNode, createNetwork, LAYERS, type LinkAttributes, type Network } from "../../src/model/network.ts";
import { readNetworkFolder } from "../../src/io/network-file.ts";
import { REPO_ROOT } from "../support/shared-data.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

const NET = `
road:A <-> road:B 10min
road:B -> road:C 5min
power:P -> power:Q 500mw
zone:1 -> road:A 2min
rail:X -> rail:Y 3min closed=true
node road:A lon=121.47 lat=31.23
`;

/** The InputError thrown by `f`. */
function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

describe("compileNetwork(network, options?)", () => {
  const network = tinyNetwork(NET);
  const compiled = compileNetwork(network);

  it("indexes every node in the network's node order, with NaN coordinates where missing", () => {
    expect(compiled.nodeIds).toEqual(["road:A", "road:B", "road:C", "power:P", "power:Q", "zone:1", "rail:X", "rail:Y"]);
    expect(compiled.nodeIndex.get("road:C")).toBe(2);
    expect(Array.from(compiled.lon.subarray(0, 2))).toEqual([121.47, NaN]);
    expect(compiled.lat[0]).toBe(31.23);
  });

  it("indexes links in the network's link order, leaving out power by default", () => {
    // "All layers except power", whatever the model's layer list holds.
    expect(DEFAULT_COMPILE_LAYERS).toEqual(LAYERS.filter((layer) => layer !== "power"));
    expect(DEFAULT_COMPILE_LAYERS).not.toContain("power");
    expect(compiled.linkIds).toEqual(["road:A-B:ab", "road:A-B:ba", "road:B-C", "access:zone:1-road:A", "rail:X-Y"]);
    expect(compiled.linkIndex.get("road:B-C")).toBe(2);
    expect(Array.from(compiled.csr.linkCosts)).toEqual([10, 10, 5, 2, 3]);
    // fromIndex/toIndex are the link-space end arrays (A=0, B=1, C=2, zone:1=5, X=6, Y=7).
    expect(Array.from(compiled.fromIndex)).toEqual([0, 1, 1, 5, 6]);
    expect(Array.from(compiled.toIndex)).toEqual([1, 0, 2, 0, 7]);
    expect(compiled.costName).toBe("timeMin");
  });

  it("initialises the closed mask from the links' closed attribute (the same array as csr.closed)", () => {
    expect(Array.from(compiled.closed)).toEqual([0, 0, 0, 0, 1]);
    expect(compiled.closed).toBe(compiled.csr.closed);
  });

  it("with layers compiles only those layers' links (but every node)", () => {
    const road = compileNetwork(network, { layers: ["road"] });
    expect(road.linkIds).toEqual(["road:A-B:ab", "road:A-B:ba", "road:B-C"]);
    expect(road.nodeIds.length).toBe(8);
    expect(compileNetwork(network, { layers: [] }).linkIds).toEqual([]);
  });

  it("with a cost function uses its values, Infinity meaning impassable", () => {
    const c = compileNetwork(network, { layers: ["road"], cost: (a) => (a.id === "road:B-C" ? Infinity : (a.timeMin ?? 0) * 2) });
    expect(Array.from(c.csr.linkCosts)).toEqual([20, 20, Infinity]);
    expect(c.costName).toBe("custom");
    expect(singleSourceCosts(c.csr, 0).costs[2]).toBe(Infinity);
  });

  it("refuses negative, NaN, string and missing costs with InputError invalid-cost naming each link", () => {
    const bad = (value: unknown) => () => compileNetwork(network, { layers: ["road"], cost: (a) => (a.id === "road:B-C" ? (value as number) : 1) });
    for (const value of [-1, NaN, "12", undefined, null]) {
      const e = inputErrorOf(bad(value));
      expect(e.code).toBe("invalid-cost");
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]).toMatchObject({ code: "invalid-cost", path: 'links["road:B-C"].cost' });
      expect(e.issues[0].message).toContain('"road:B-C"');
    }
    // The default cost: timeMin missing on a non-power link (power layer forced in).
    const e = inputErrorOf(() => compileNetwork(network, { layers: ["power"] }));
    expect(e.issues[0]).toMatchObject({ code: "invalid-cost", path: 'links["power:P-Q"].timeMin' });
  });

  it("collects every bad link (up to 20, then a count) in one InputError", () => {
    const net = createNetwork("many");
    for (let i = 0; i <= 25; i++) addNode(net, { id: `n${i}`, kind: "road-junction", layer: "road", name: `n${i}`, source: "test" });
    for (let i = 0; i < 25; i++) {
      const link: LinkAttributes = { id: `l${i}`, facilityId: `l${i}`, fromNodeId: `n${i}`, toNodeId: `n${i + 1}`, layer: "road", linkType: "expressway", status: "existing", timeMin: -i - 1, source: "test" };
      addLink(net, link);
    }
    const e = inputErrorOf(() => compileNetwork(net));
    expect(e.issues).toHaveLength(21);
    expect(e.issues[20].code).toBe("too-many-issues");
    expect(e.issues[20].message).toContain("5 more");
  });

  it("refuses unknown layers and cost options with UsageError invalid-option", () => {
    expect(() => compileNetwork(network, { layers: ["rail", "raod" as "road"] })).toThrowError(expect.objectContaining({ code: "invalid-option" }));
    expect(() => compileNetwork(network, { cost: "lengthKm" as "timeMin" })).toThrow(UsageError);
  });
});

describe("setLinkClosed(compiled, link, closed)", () => {
  it("closes and reopens a link by id or index without a rebuild; searches see it", () => {
    const c = compileNetwork(tinyNetwork(NET));
    const search = createShortestPathSearch(c.csr);
    const a = nodeIndexOf(c, "road:A");
    const cNode = nodeIndexOf(c, "road:C");
    expect(search.path(a, cNode)!.cost).toBe(15); // A →(10) B →(5) C
    setLinkClosed(c, "road:B-C", true);
    expect(c.closed[2]).toBe(1);
    expect(search.path(a, cNode)).toBeUndefined();
    setLinkClosed(c, 2, false);
    expect(search.path(a, cNode)!.cost).toBe(15);
  });

  it("refuses unknown ids and bad indexes", () => {
    const c = compileNetwork(tinyNetwork(NET));
    expect(() => setLinkClosed(c, "power:P-Q", true)).toThrowError(expect.objectContaining({ code: "unknown-link" }));
    expect(() => setLinkClosed(c, 99, true)).toThrowError(expect.objectContaining({ code: "invalid-link-index" }));
    expect(() => nodeIndexOf(c, "nowhere")).toThrowError(expect.objectContaining({ code: "unknown-node" }));
  });
});

describe("collectNodeValues(compiled, values, options?) and collectPath(compiled, path)", () => {
  const c = compileNetwork(tinyNetwork(NET), { layers: ["road"] });
  const costs = singleSourceCosts(c.csr, 0).costs;

  it("maps costs back to node ids, keeping unreachable nodes at Infinity (or leaving them out)", () => {
    expect(collectNodeValues(c, costs)).toEqual({
      "road:A": 0, "road:B": 10, "road:C": 15, "power:P": Infinity, "power:Q": Infinity, "zone:1": Infinity, "rail:X": Infinity, "rail:Y": Infinity,
    });
    expect(collectNodeValues(c, costs, { reachedOnly: true })).toEqual({ "road:A": 0, "road:B": 10, "road:C": 15 });
    expect(() => collectNodeValues(c, new Float64Array(2))).toThrowError(expect.objectContaining({ code: "invalid-argument" }));
  });

  it("maps a path to link and node ids origin → destination", () => {
    const p = createShortestPathSearch(c.csr).path(0, 2)!;
    expect(collectPath(c, p)).toEqual({ cost: 15, linkIds: ["road:A-B:ab", "road:B-C"], nodeIds: ["road:A", "road:B", "road:C"] });
  });
});

describe("compileNetwork + singleSourceCosts on random networks", () => {
  const arb = fc.record({
    nodeCount: fc.integer({ min: 1, max: 10 }),
    links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), t: fc.integer({ min: 0, max: 40 }), road: fc.boolean(), closed: fc.boolean() }), { maxLength: 30 }),
  });

  test.prop([arb, fc.nat()], { seed: 99, numRuns: 150 })(
    "gives graphology-shortest-path's costs on the open links of the compiled layers, keyed by id",
    ({ nodeCount, links }, o) => {
      const net: Network = createNetwork("random");
      for (let i = 0; i < nodeCount; i++) addNode(net, { id: `n${i}`, kind: "road-junction", layer: "road", name: `n${i}`, source: "test" });
      links.forEach((l, i) => {
        const from = `n${l.a % nodeCount}`;
        const to = `n${l.b % nodeCount}`;
        if (from === to) return; // the model refuses self-loops
        addLink(net, { id: `l${i}`, facilityId: `l${i}`, fromNodeId: from, toNodeId: to, layer: l.road ? "road" : "rail", linkType: "x", status: "existing", timeMin: l.t, closed: l.closed, source: "test" });
      });
      const compiled = compileNetwork(net, { layers: ["road"] });
      const origin = `n${o % nodeCount}`;
      const ours = collectNodeValues(compiled, singleSourceCosts(compiled.csr, nodeIndexOf(compiled, origin)).costs);
      // Oracle: graphology on a copy holding only open road links; path costs summed with the cheapest parallel link.
      const open = net.copy();
      open.forEachEdge((id, a) => {
        if (a.layer !== "road" || a.closed) open.dropEdge(id);
      });
      const paths = dijkstra.singleSource(open, origin, "timeMin");
      const expected: Record<string, number> = {};
      open.forEachNode((id) => {
        const path = paths[id];
        let cost = path === undefined ? Infinity : 0;
        for (let i = 1; path !== undefined && i < path.length; i++) {
          cost += Math.min(...open.outEdges(path[i - 1], path[i]).map((e) => open.getEdgeAttribute(e, "timeMin") as number));
        }
        expected[id] = cost;
      });
      expect(ours).toEqual(expected);
    },
  );
});

const yrdDir = resolve(REPO_ROOT, "networks/yrd");
describe.skipIf(!existsSync(resolve(yrdDir, "network.json")))("compileNetwork on the bundled YRD network", () => {
  it("compiles every node and every non-power link, ids round-tripping through the index maps", () => {
    const network = readNetworkFolder(yrdDir);
    const compiled = compileNetwork(network);
    let nonPower = 0;
    network.forEachEdge((_id, a) => {
      if (a.layer !== "power") nonPower++;
    });
    expect(compiled.nodeIds.length).toBe(network.order);
    expect(compiled.linkIds.length).toBe(nonPower);
    compiled.linkIds.forEach((id, i) => {
      expect(compiled.linkIndex.get(id)).toBe(i);
      expect(compiled.nodeIds[compiled.fromIndex[i]]).toBe(network.source(id));
      expect(compiled.nodeIds[compiled.toIndex[i]]).toBe(network.target(id));
    });
  });
});
