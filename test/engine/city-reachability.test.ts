/**
 * Tests of src/engine/city-reachability.ts: hand-checkable DSL networks (one-way links, closures), and agreement with
 * graphology-shortest-path (an independent oracle) on which city pairs have a path.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { bidirectional } from "graphology-shortest-path";
import { describe, expect, test } from "vitest";
import { cityReachability } from "../../src/engine/city-reachability.ts";
import { compileNetwork } from "../../src/engine/compile.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

const ZONES = `
  node zone:a zoneId=A
  node zone:b zoneId=B
  node zone:c zoneId=C
`;

describe("cityReachability(network, compiled)", () => {
  test("a one-way link makes B → A unreachable, not A → B; an isolated city reaches nobody", () => {
    // zone:a ↔ road:a → road:b ↔ zone:b; zone:c ↔ road:c, which links to nothing else.
    const net = tinyNetwork(`zone:a <-> road:a 5min\nzone:b <-> road:b 5min\nzone:c <-> road:c 5min\nroad:a -> road:b 10min\n${ZONES}`);
    const r = cityReachability(net, compileNetwork(net, { layers: ["road", "access"] }));
    expect(r.zoneIds).toEqual(["A", "B", "C"]);
    expect(r.unreachablePairs).toEqual([["A", "C"], ["B", "A"], ["B", "C"], ["C", "A"], ["C", "B"]]);
  });

  test("a closed link is impassable; with no time limit a 10,000-min trip still counts", () => {
    const net = tinyNetwork(`zone:a <-> road:a 5min\nzone:b <-> road:b 5min\nroad:a <-> road:b 10000min\nroad:a <-> road:x 1min closed=true\nnode zone:a zoneId=A\nnode zone:b zoneId=B`);
    expect(cityReachability(net, compileNetwork(net, { layers: ["road", "access"] })).unreachablePairs).toEqual([]);
    const closed = tinyNetwork(`zone:a <-> road:a 5min\nzone:b <-> road:b 5min\nroad:a <-> road:b 10min closed=true\nnode zone:a zoneId=A\nnode zone:b zoneId=B`);
    expect(cityReachability(closed, compileNetwork(closed, { layers: ["road", "access"] })).unreachablePairs).toEqual([["A", "B"], ["B", "A"]]);
  });
});

describe("cityReachability(network, compiled) agrees with graphology-shortest-path", () => {
  // Random one-way links among 3 road nodes, each city attached both ways to one road node.
  const pairs = [["a", "b"], ["b", "a"], ["b", "c"], ["c", "b"], ["a", "c"], ["c", "a"]] as const;
  propTest.prop([fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })], { seed: 12, numRuns: 64 })("on every subset of one-way links", (present) => {
    const lines = pairs.filter((_p, i) => present[i]).map(([x, y]) => `road:${x} -> road:${y} 10min id=road:${x}${y}`);
    const net = tinyNetwork(`zone:a <-> road:a 5min\nzone:b <-> road:b 5min\nzone:c <-> road:c 5min\n${lines.join("\n")}\n${ZONES}`);
    const expected: [string, string][] = [];
    for (const o of ["a", "b", "c"]) {
      for (const d of ["a", "b", "c"]) {
        if (o !== d && bidirectional(net, `zone:${o}`, `zone:${d}`) === null) expected.push([o.toUpperCase(), d.toUpperCase()]);
      }
    }
    expect(cityReachability(net, compileNetwork(net, { layers: ["road", "access"] })).unreachablePairs).toEqual(expected);
  });
});
