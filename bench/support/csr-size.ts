/**
 * Memory of deltanet's compiled graph, for the bench's comparison with the C++ reference (`dijkstra --memory`, which
 * counts its offsets, targets, arc links and arc costs the same way).
 */
import type { Csr } from "../../src/algorithms/csr.ts";

/**
 * Total byte length of the typed arrays a CSR holds (link-space and arc-space arrays plus the closed mask).
 * @example csrByteLength(buildCsr(2, Int32Array.of(0), Int32Array.of(1), Float64Array.of(4))) // 12 + 4·4 + 8·2 + 1 = 45
 */
export function csrByteLength(csr: Csr): number {
  return (
    csr.offsets.byteLength +
    csr.targets.byteLength +
    csr.arcLinks.byteLength +
    csr.arcCosts.byteLength +
    csr.linkFromNodes.byteLength +
    csr.linkToNodes.byteLength +
    csr.linkCosts.byteLength +
    csr.closed.byteLength
  );
}
