/**
 * Tests of bench/support/csr-size.ts: csrByteLength on the hand-counted docs example, and against an independent
 * count of every typed array a CSR holds (so an array added to the CSR and not counted fails here).
 */
import { describe, expect, test } from "vitest";
import { buildCsr } from "../../../src/algorithms/csr.ts";
import { csrByteLength } from "../../../bench/support/csr-size.ts";

describe("csrByteLength(csr)", () => {
  test("counts every array (docs example)", () => {
    // offsets 3 × 4 + targets, arcLinks, linkFrom, linkTo 4 × 4 + arcCosts, linkCosts 2 × 8 + closed 1 = 12 + 16 + 16 + 1
    expect(csrByteLength(buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(4)))).toBe(45);
  });

  test("equals the byte length of all the CSR's typed arrays", () => {
    const csr = buildCsr(4, Int32Array.of(0, 1, 2, 0, 3), Int32Array.of(1, 2, 3, 3, 0), Float64Array.of(1, 2, 3, 4, 5));
    const arrays = Object.values(csr).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
    expect(csrByteLength(csr)).toBe(arrays.reduce((sum, a) => sum + a.byteLength, 0));
    // 5 × 4 offsets + 4 × 5 × 4 (targets, arcLinks, linkFrom, linkTo) + 2 × 5 × 8 costs + 5 closed
    expect(csrByteLength(csr)).toBe(20 + 80 + 80 + 5);
  });
});
