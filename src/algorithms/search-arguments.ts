/**
 * Argument checks shared by the shortest-path searches: node indexes, cutoffs and closed masks are validated once
 * at entry (fail fast, UsageError with a code), so the search loops themselves never check.
 */
import { UsageError } from "../errors.ts";
import type { Csr } from "./csr.ts";

/** Options every search over a {@link Csr} accepts. */
export interface SearchOptions {
  /**
   * Cost bound of the search, in the network's cost unit (minutes for deltanet networks), ≥ 0. Nodes whose
   * least cost exceeds it are reported unreachable (`Infinity`). `undefined` (the default) or `Infinity` = unbounded.
   * `0` means "the origin and whatever is reachable at zero cost", which is only the origin when all costs are
   * positive; it never means "no cutoff".
   */
  cutoff?: number;
  /**
   * Closed-link mask, Uint8Array(linkCount) indexed by link index, 1 = closed (impassable), 0 = open. Replaces
   * `csr.closed` for this call; `undefined` (the default) uses `csr.closed`.
   */
  closed?: Uint8Array;
}

/**
 * Checks that `node` is a node index of `csr` and returns it.
 * @throws UsageError code `invalid-node-index` unless `node` is an integer in 0 … nodeCount − 1.
 * @example checkNodeIndex(csr, 0, "origin") // 0 (for any csr with ≥ 1 node)
 */
export function checkNodeIndex(csr: Csr, node: number, what: string): number {
  if (!Number.isInteger(node) || node < 0 || node >= csr.nodeCount) {
    throw new UsageError(
      `${what} must be a node index, an integer in 0 … ${csr.nodeCount - 1} (got ${String(node)})`,
      "invalid-node-index",
    );
  }
  return node;
}

/**
 * Resolves the cutoff option: `undefined` → `Infinity`; otherwise it must be a number ≥ 0 (Infinity allowed).
 * @throws UsageError code `invalid-cutoff` for NaN, negative or non-number cutoffs (a string "30" is refused).
 * @example resolveCutoff(undefined) // Infinity
 * @example resolveCutoff(0) // 0
 */
export function resolveCutoff(cutoff: number | undefined): number {
  if (cutoff === undefined) return Infinity;
  if (typeof cutoff !== "number" || !(cutoff >= 0)) {
    throw new UsageError(
      `cutoff must be a number ≥ 0, or undefined for no cutoff (got ${typeof cutoff === "string" ? JSON.stringify(cutoff) : String(cutoff)})`,
      "invalid-cutoff",
    );
  }
  return cutoff;
}

/**
 * Resolves the closed option: `undefined` → `csr.closed`; otherwise a Uint8Array of length linkCount.
 * @throws UsageError code `invalid-closed-mask` when it is not a Uint8Array of length `csr.linkCount`.
 * @example resolveClosed(csr, undefined) === csr.closed // true
 */
export function resolveClosed(csr: Csr, closed: Uint8Array | undefined): Uint8Array {
  if (closed === undefined) return csr.closed;
  if (!(closed instanceof Uint8Array) || closed.length !== csr.linkCount) {
    throw new UsageError(
      `closed must be a Uint8Array of length linkCount = ${csr.linkCount} (got ${closed instanceof Uint8Array ? `length ${closed.length}` : typeof closed})`,
      "invalid-closed-mask",
    );
  }
  return closed;
}

/**
 * Checks a list of node indexes (origins or destinations) and returns it as an Int32Array.
 * @throws UsageError code `invalid-node-index` naming the first bad entry.
 * @example checkNodeList(csr, [0, 1], "origins") // Int32Array [0, 1]
 */
export function checkNodeList(csr: Csr, nodes: ArrayLike<number>, what: string): Int32Array {
  const out = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) out[i] = checkNodeIndex(csr, nodes[i], `${what}[${i}]`);
  return out;
}
