/**
 * Tests of src/algorithms/heap.ts: pop order (key, then node index) against a sort oracle under random push,
 * decrease-key and pop sequences.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { IndexedMinHeap } from "../../src/algorithms/heap.ts";

describe("IndexedMinHeap", () => {
  it("pop() returns the smallest key, ties by smaller node index, -1 when empty (docs examples)", () => {
    const h = new IndexedMinHeap(4);
    h.push(3, 2);
    h.push(1, 2);
    h.push(2, 1);
    h.push(0, 5);
    expect([h.pop(), h.pop(), h.pop(), h.pop(), h.pop()]).toEqual([2, 1, 3, 0, -1]);
  });

  it("decrease(node, key) moves a node up; has() and peekKey() follow", () => {
    const h = new IndexedMinHeap(2);
    h.push(0, 5);
    h.push(1, 1);
    expect(h.peekKey()).toBe(1);
    h.decrease(0, 0);
    expect(h.peekKey()).toBe(0);
    expect(h.pop()).toBe(0);
    expect(h.has(0)).toBe(false);
    expect(h.has(1)).toBe(true);
    h.clear();
    expect(h.size).toBe(0);
    expect(h.has(1)).toBe(false);
    expect(h.peekKey()).toBe(Infinity);
  });

  type Op = { kind: "push" | "decrease" | "pop"; node: number; key: number };
  const ops = fc.array(
    fc.record({
      kind: fc.constantFrom<Op["kind"]>("push", "decrease", "pop"),
      node: fc.integer({ min: 0, max: 15 }),
      key: fc.integer({ min: 0, max: 8 }),
    }),
    { maxLength: 200 },
  );

  test.prop([ops], { seed: 11, numRuns: 300 })("matches a sorted-list oracle under push / decrease / pop", (sequence) => {
    const h = new IndexedMinHeap(16);
    const oracle = new Map<number, number>();
    for (const op of sequence) {
      if (op.kind === "push" && !oracle.has(op.node)) {
        h.push(op.node, op.key);
        oracle.set(op.node, op.key);
      } else if (op.kind === "decrease" && oracle.has(op.node) && op.key <= oracle.get(op.node)!) {
        h.decrease(op.node, op.key);
        oracle.set(op.node, op.key);
      } else if (op.kind === "pop") {
        const sorted = [...oracle.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
        const expected = sorted.length > 0 ? sorted[0][0] : -1;
        expect(h.pop()).toBe(expected);
        oracle.delete(expected);
      }
      expect(h.size).toBe(oracle.size);
    }
  });
});
