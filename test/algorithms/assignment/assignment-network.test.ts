/**
 * Tests of the assignment graph (src/algorithms/assignment/assignment-network.ts): splitting blocked nodes into a
 * departure node and an arrival copy, free-flow costs, in-place cost updates and argument errors.
 */
import { describe, expect, test } from "vitest";
import { createAssignmentNetwork, writeLinkCosts } from "../../../src/algorithms/assignment/assignment-network.ts";
import { UsageError } from "../../../src/errors.ts";
import { networkOf } from "./support.ts";

describe("createAssignmentNetwork(input)", () => {
  test("gives each blocked node an arrival copy that receives its in-links; zone destinations are the copies", () => {
    // zones on nodes 0 and 1 (blocked); links 0→2, 2→1, 1→2 ⇒ arrival copies 3 (of 0) and 4 (of 1); 2→1 now ends at 4
    const net = networkOf(3, [0, 1], [
      [0, 2, 1, 100, 0, 1],
      [2, 1, 1, 100, 0, 1],
      [1, 2, 1, 100, 0, 1],
    ]);
    expect(net.csr.nodeCount).toBe(5);
    expect(Array.from(net.originNodes)).toEqual([0, 1]);
    expect(Array.from(net.destinationNodes)).toEqual([3, 4]);
    expect(Array.from(net.csr.linkToNodes)).toEqual([2, 4, 2]);
    expect(Array.from(net.csr.linkFromNodes)).toEqual([0, 2, 1]);
  });

  test("keeps zone nodes as both origin and destination when nothing is blocked", () => {
    const net = networkOf(2, [0, 1], [[0, 1, 1, 100, 0, 1]], { blocked: false });
    expect(net.csr.nodeCount).toBe(2);
    expect(Array.from(net.destinationNodes)).toEqual([0, 1]);
  });

  test("starts from free-flow costs t0 · (1 + alpha · 0^beta) + fixed cost: power 0 costs t0 · (1 + alpha)", () => {
    const net = networkOf(2, [0, 1], [
      [0, 1, 10, 100, 0.15, 4, 2], // 10 + 2
      [0, 1, 10, 100, 1, 0, 0.5], // 10 · 2 + 0.5
    ]);
    expect(Array.from(net.csr.linkCosts)).toEqual([12, 20.5]);
  });

  test.each([
    ["capacity 0", { capacity: 0 }, /capacityVehPerHour\[0\] = 0/],
    ["negative capacity", { capacity: -5 }, /capacityVehPerHour\[0\] = -5/],
    ["NaN free-flow time", { t0: Number.NaN }, /freeFlowTimeMin\[0\] = NaN/],
    ["negative beta", { beta: -1 }, /beta\[0\] = -1/],
  ])("refuses %s with UsageError invalid-link-parameter naming the link index", (_name, change, message) => {
    const row = { t0: 1, capacity: 100, alpha: 0.15, beta: 4, ...change };
    const make = () => networkOf(2, [0, 1], [[0, 1, row.t0, row.capacity, row.alpha, row.beta]]);
    expect(make).toThrow(UsageError);
    expect(make).toThrow(message);
    expect(make).toThrow(expect.objectContaining({ code: "invalid-link-parameter" }));
  });

  test("refuses two zones on one node and a link outside the node range (invalid-argument)", () => {
    expect(() => networkOf(2, [0, 0], [[0, 1, 1, 100, 0, 1]])).toThrow(expect.objectContaining({ code: "invalid-argument" }));
    expect(() => networkOf(2, [0, 1], [[0, 5, 1, 100, 0, 1]])).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });

  test("accepts an infinite capacity (uncongested link)", () => {
    expect(() => networkOf(2, [0, 1], [[0, 1, 15, Infinity, 0, 1]])).not.toThrow();
  });
});

describe("writeLinkCosts(csr, linkCosts)", () => {
  test("rewrites link costs and the arc-ordered copy", () => {
    // links given out of from-node order, so arc order differs from link order: arcs [link 1 (0→1), link 0 (1→0)]
    const net = createAssignmentNetwork({
      nodeCount: 2,
      linkFromNodes: Int32Array.of(1, 0),
      linkToNodes: Int32Array.of(0, 1),
      freeFlowTimeMin: Float64Array.of(1, 2),
      capacityVehPerHour: Float64Array.of(1, 1),
      alpha: Float64Array.of(0, 0),
      beta: Float64Array.of(1, 1),
      fixedCostMin: Float64Array.of(0, 0),
      zoneNodes: Int32Array.of(0, 1),
    });
    expect(Array.from(net.csr.arcLinks)).toEqual([1, 0]);
    writeLinkCosts(net.csr, Float64Array.of(7, 9));
    expect(Array.from(net.csr.linkCosts)).toEqual([7, 9]);
    expect(Array.from(net.csr.arcCosts)).toEqual([9, 7]);
  });
});
