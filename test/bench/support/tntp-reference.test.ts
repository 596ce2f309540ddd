/**
 * Tests of bench/support/tntp-reference.ts: the `_node` and `_flow` files of the Transportation Networks for Research
 * collection (https://github.com/bstabler/TransportationNetworks, read from ../shared, not copied) — rows after a
 * header, bad rows refused with line and code, and the Sioux Falls files' row counts.
 */
import { describe, expect, test } from "vitest";
import { InputError } from "../../../src/errors.ts";
import { parseTntpFlows, parseTntpNodes, readTntpFlows, readTntpNodes } from "../../../bench/support/tntp-reference.ts";
import { describeShared, sharedPath } from "../../support/shared-data.ts";
import { issuesOf } from "../../support/issues-of.ts";

describe("parseTntpNodes / parseTntpFlows", () => {
  test("read rows after a header line", () => {
    expect(parseTntpNodes("Node\tX\tY\t;\n1\t-96.77\t43.61\t;\n2\t1\t2\n", "n")).toEqual([{ node: 1, x: -96.77, y: 43.61 }, { node: 2, x: 1, y: 2 }]);
    expect(parseTntpFlows("From \tTo \tVolume \tCost \n1 \t2 \t4494.6 \t6.0008 \n", "f")).toEqual([{ line: 2, from: 1, to: 2, volume: 4494.6, cost: 6.0008 }]);
  });

  test("refuse a duplicate node, a wrong column count and a negative volume", () => {
    expect(issuesOf(() => parseTntpNodes("Node X Y\n1 0 0\n1 1 1\n", "n"))[0]).toMatchObject({ code: "duplicate-id", line: 3 });
    expect(issuesOf(() => parseTntpNodes("Node X Y\n1 0\n", "n"))[0]).toMatchObject({ code: "column-count", line: 2 });
    expect(issuesOf(() => parseTntpFlows("From To Volume Cost\n1 2 -5 1\n", "f"))[0]).toMatchObject({ code: "invalid-value", line: 2 });
  });
});

describeShared("TNTP reference files (../shared)", () => {
  test("SiouxFalls: 24 nodes with coordinates and 76 published link flows", () => {
    expect(readTntpNodes(sharedPath("data/reference/tntp/SiouxFalls/SiouxFalls_node.tntp"))).toHaveLength(24);
    expect(readTntpFlows(sharedPath("data/reference/tntp/SiouxFalls/SiouxFalls_flow.tntp"))).toHaveLength(76);
  });
});
