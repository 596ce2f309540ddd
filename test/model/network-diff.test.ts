/**
 * Tests of src/model/network-diff.ts on tiny DSL networks whose differences are read off the text by eye, plus
 * properties: a network equals itself, and swapping the arguments swaps added/removed and closed/reopened.
 */
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { diffCounts, diffNetworks } from "../../src/model/network-diff.ts";
import { tinyNetwork } from "../support/tiny-network.ts";

const A = `
  road:a <-> road:b 10min id=road:ab
  road:b <-> road:c 20min id=road:bc
  road:c -> road:d 5min id=road:cd
`;
// b: road:ab closed both ways, road:bc 20 → 15 min (one direction only), road:cd removed (and road:d with it),
// road:c -> road:e added.
const B = `
  road:a <-> road:b 10min id=road:ab closed=true
  road:b -> road:c 15min id=road:bc:ab
  road:c -> road:b 20min id=road:bc:ba
  road:c -> road:e 7min id=road:ce
`;

describe("diffNetworks(a, b)", () => {
  const d = diffNetworks(tinyNetwork(A), tinyNetwork(B));

  test("lists links added, removed and closed by id, with their facility and ends", () => {
    expect(d.linksAdded.map((l) => l.linkId)).toEqual(["road:ce"]);
    expect(d.linksRemoved).toEqual([{ linkId: "road:cd", facilityId: "road:cd", layer: "road", fromNodeId: "road:c", toNodeId: "road:d" }]);
    expect(d.linksClosed.map((l) => [l.linkId, l.facilityId])).toEqual([["road:ab:ab", "road:ab"], ["road:ab:ba", "road:ab"]]);
    expect(d.linksReopened).toEqual([]);
  });

  test("lists attribute changes with before and after, not `closed`", () => {
    // road:bc:ab: timeMin 20 → 15 and its facility id differs (the DSL gives a one-way link its own facility id).
    expect(d.linksChanged.map((l) => [l.linkId, l.changes])).toEqual([
      ["road:bc:ab", [{ attribute: "facilityId", before: "road:bc", after: "road:bc:ab" }, { attribute: "timeMin", before: 20, after: 15 }]],
      ["road:bc:ba", [{ attribute: "facilityId", before: "road:bc", after: "road:bc:ba" }]],
    ]);
  });

  test("lists nodes added and removed", () => {
    expect(d.nodesAdded.map((n) => n.nodeId)).toEqual(["road:e"]);
    expect(d.nodesRemoved.map((n) => n.nodeId)).toEqual(["road:d"]);
    expect(d.nodesChanged).toEqual([]);
  });

  test("reports an attribute present on one side only without the other value", () => {
    const x = diffNetworks(tinyNetwork("road:a -> road:b 10min id=x"), tinyNetwork("road:a -> road:b 10min id=x borderDelayMin=5"));
    expect(x.linksChanged[0]!.changes).toEqual([{ attribute: "borderDelayMin", after: 5 }]);
  });

  test("diffCounts(d) counts every list and the total", () => {
    expect(diffCounts(d)).toEqual({ nodesAdded: 1, nodesRemoved: 1, nodesChanged: 0, linksAdded: 1, linksRemoved: 1, linksClosed: 2, linksReopened: 0, linksChanged: 2, total: 8 });
  });
});

describe("diffNetworks(a, b) properties", () => {
  const times = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 3 });
  const closedFlags = fc.array(fc.boolean(), { minLength: 3, maxLength: 3 });
  const net = (t: number[], closed: boolean[], keep: boolean[]) =>
    tinyNetwork(
      ["a", "b", "c"]
        .map((n, i) => (keep[i] ? `road:${n} -> road:${"bca"[i]} ${t[i]}min id=road:${n}${closed[i] ? " closed=true" : ""}` : ""))
        .join("\n"),
    );
  propTest.prop([times, closedFlags, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })], { seed: 6, numRuns: 100 })(
    "a network equals itself: every list is empty",
    (t, closed, keep) => {
      const n = net(t, closed, keep);
      expect(diffCounts(diffNetworks(n, n)).total).toBe(0);
    },
  );
  propTest.prop([times, closedFlags, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), times, closedFlags, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })], {
    seed: 7,
    numRuns: 100,
  })("swapping a and b swaps added ↔ removed and closed ↔ reopened, and before ↔ after", (t1, c1, k1, t2, c2, k2) => {
    const a = net(t1, c1, k1);
    const b = net(t2, c2, k2);
    const ab = diffNetworks(a, b);
    const ba = diffNetworks(b, a);
    expect(ba.linksAdded).toEqual(ab.linksRemoved);
    expect(ba.nodesAdded).toEqual(ab.nodesRemoved);
    expect(ba.linksClosed.map((l) => l.linkId)).toEqual(ab.linksReopened.map((l) => l.linkId));
    expect(ba.linksChanged.map((l) => l.changes.map((c) => ({ attribute: c.attribute, before: c.after, after: c.before })))).toEqual(
      ab.linksChanged.map((l) => l.changes.map((c) => ({ attribute: c.attribute, before: c.before, after: c.after }))),
    );
  });
});
