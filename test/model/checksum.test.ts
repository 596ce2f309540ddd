/**
 * Tests of src/model/checksum.ts: the canonical form checked against a hand-written string hashed by node:crypto,
 * independence from insertion order, sensitivity to every attribute.
 */
import { createHash } from "node:crypto";
import { fc, test as propTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { networkChecksum } from "../../src/model/checksum.ts";
import { addLink, addNode, createNetwork, type LinkAttributes, type NodeAttributes } from "../../src/model/network.ts";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("networkChecksum(network)", () => {
  test("equals sha256 of the documented canonical text (nodes then links, id order, sorted keys)", () => {
    const n = createNetwork("x");
    // Inserted out of order, keys in a non-sorted order, one undefined attribute (dropped).
    addNode(n, { id: "b", kind: "port", layer: "water", name: "B", source: "s", nameZh: undefined });
    addNode(n, { id: "a", kind: "port", layer: "water", name: "A", source: "s" });
    addLink(n, { id: "w:a-b", facilityId: "w:a-b", fromNodeId: "a", toNodeId: "b", layer: "water", linkType: "channel", status: "existing", timeMin: 1.5, source: "s" });
    // Written by hand from the rule in the module header.
    const canonical =
      '{"nodes":[' +
      '{"id":"a","kind":"port","layer":"water","name":"A","source":"s"},' +
      '{"id":"b","kind":"port","layer":"water","name":"B","source":"s"}' +
      '],"links":[' +
      '{"facilityId":"w:a-b","fromNodeId":"a","id":"w:a-b","layer":"water","linkType":"channel","source":"s","status":"existing","timeMin":1.5,"toNodeId":"b"}' +
      "]}";
    expect(networkChecksum(n)).toBe(sha256(canonical));
  });

  test("of an empty network is sha256 of {\"nodes\":[],\"links\":[]}", () => {
    expect(networkChecksum(createNetwork("empty"))).toBe(sha256('{"nodes":[],"links":[]}'));
  });

  test("sorts ids by code units, not locale (\"B\" < \"a\")", () => {
    const n = createNetwork("x");
    addNode(n, { id: "a", kind: "port", layer: "water", name: "a", source: "s" });
    addNode(n, { id: "B", kind: "port", layer: "water", name: "B", source: "s" });
    const canonical =
      '{"nodes":[{"id":"B","kind":"port","layer":"water","name":"B","source":"s"},{"id":"a","kind":"port","layer":"water","name":"a","source":"s"}],"links":[]}';
    expect(networkChecksum(n)).toBe(sha256(canonical));
  });

  const nodeIds = ["p", "q", "r", "s", "t"];
  const linkArb = fc.record({
    from: fc.integer({ min: 0, max: 4 }),
    to: fc.integer({ min: 0, max: 4 }),
    timeMin: fc.double({ min: 0, max: 1000, noNaN: true }),
  });
  const netArb = fc.array(linkArb, { maxLength: 12 }).map((links) => links.filter((l) => l.from !== l.to));

  function build(links: { from: number; to: number; timeMin: number }[], nodeOrder: number[], linkOrder: number[]) {
    const n = createNetwork("p");
    for (const i of nodeOrder) addNode(n, { id: nodeIds[i]!, kind: "road-junction", layer: "road", name: nodeIds[i]!, source: "gen" } as NodeAttributes);
    for (const j of linkOrder) {
      const l = links[j]!;
      addLink(n, { id: `l${j}`, facilityId: `l${j}`, fromNodeId: nodeIds[l.from]!, toNodeId: nodeIds[l.to]!, layer: "road", linkType: "expressway", status: "existing", timeMin: l.timeMin, source: "gen" } as LinkAttributes);
    }
    return n;
  }

  propTest.prop([netArb], { seed: 20240601, numRuns: 100 })(
    "does not depend on the order nodes and links were inserted",
    (links) => {
      const forward = build(links, [0, 1, 2, 3, 4], links.map((_l, j) => j));
      const backward = build(links, [4, 3, 2, 1, 0], links.map((_l, j) => j).reverse());
      expect(networkChecksum(backward)).toBe(networkChecksum(forward));
    },
  );

  propTest.prop([netArb.filter((l) => l.length > 0), fc.nat()], { seed: 7, numRuns: 100 })(
    "changes when one link's timeMin changes",
    (links, pick) => {
      const n = build(links, [0, 1, 2, 3, 4], links.map((_l, j) => j));
      const before = networkChecksum(n);
      const id = `l${pick % links.length}`;
      n.setEdgeAttribute(id, "timeMin", n.getEdgeAttribute(id, "timeMin")! + 1);
      expect(networkChecksum(n)).not.toBe(before);
    },
  );

  test("changes when a link is closed, a node renamed or a link removed", () => {
    const make = () => {
      const n = createNetwork("x");
      addNode(n, { id: "a", kind: "port", layer: "water", name: "a", source: "s" });
      addNode(n, { id: "b", kind: "port", layer: "water", name: "b", source: "s" });
      addLink(n, { id: "w", facilityId: "w", fromNodeId: "a", toNodeId: "b", layer: "water", linkType: "channel", status: "existing", timeMin: 1, source: "s" });
      return n;
    };
    const base = networkChecksum(make());
    const closed = make();
    closed.setEdgeAttribute("w", "closed", true);
    const renamed = make();
    renamed.setNodeAttribute("a", "name", "A");
    const removed = make();
    removed.dropEdge("w");
    const sums = [base, networkChecksum(closed), networkChecksum(renamed), networkChecksum(removed)];
    expect(new Set(sums).size).toBe(4);
  });
});
