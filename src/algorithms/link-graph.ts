/**
 * Link-list graphs: argument checks and adjacency (CSR) building shared by the connectivity and max-flow kernels,
 * whose input is `nodeCount` plus parallel `fromIndex`/`toIndex` arrays of directed links and an optional closed mask.
 */
import { UsageError } from "../errors.ts";

/**
 * Checks a link-list graph once at the entry of a kernel, so the hot loops need no checks.
 *
 * Contract
 * - `nodeCount`: integer, 0 ≤ nodeCount ≤ 2^31 − 1.
 * - `fromIndex`, `toIndex`: `Int32Array`s of equal length `linkCount`, indexed by compiled link index; every value is
 *   a node index in `[0, nodeCount)`. Self-loops and parallel links are allowed.
 * - `closed` (optional): `Uint8Array` of length `linkCount`; a non-zero entry means the link is ignored.
 *
 * @returns `linkCount` (the length of `fromIndex`).
 * @throws UsageError code `invalid-node-count` (not a non-negative integer), `invalid-argument` (not Int32Arrays),
 *   `length-mismatch` (array lengths differ), `node-index-out-of-range` (names the link index and the bad end).
 * @example validateLinkGraph(2, Int32Array.of(0), Int32Array.of(1)) // returns 1 (the link count)
 */
export function validateLinkGraph(
  nodeCount: number,
  fromIndex: Int32Array,
  toIndex: Int32Array,
  closed?: Uint8Array,
): number {
  if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > 0x7fffffff) {
    throw new UsageError(`nodeCount must be a non-negative integer (got ${String(nodeCount)})`, "invalid-node-count");
  }
  if (!(fromIndex instanceof Int32Array) || !(toIndex instanceof Int32Array)) {
    throw new UsageError("fromIndex and toIndex must be Int32Arrays", "invalid-argument");
  }
  const linkCount = fromIndex.length;
  if (toIndex.length !== linkCount) {
    throw new UsageError(
      `toIndex has length ${toIndex.length}, expected ${linkCount} (the length of fromIndex)`,
      "length-mismatch",
    );
  }
  if (closed !== undefined && (!(closed instanceof Uint8Array) || closed.length !== linkCount)) {
    throw new UsageError(`closed must be a Uint8Array of length ${linkCount}`, "length-mismatch");
  }
  for (let i = 0; i < linkCount; i++) {
    const u = fromIndex[i];
    const v = toIndex[i];
    if (u < 0 || u >= nodeCount || v < 0 || v >= nodeCount) {
      const which = u < 0 || u >= nodeCount ? `fromIndex[${i}] = ${u}` : `toIndex[${i}] = ${v}`;
      throw new UsageError(
        `link ${i}: ${which} is not a node index in [0, ${nodeCount})`,
        "node-index-out-of-range",
      );
    }
  }
  return linkCount;
}

/**
 * Checks an optional node mask (`Uint8Array` of length `nodeCount`, non-zero = node included).
 * @throws UsageError code `length-mismatch` when the mask has the wrong type or length.
 * @example validateNodeMask(2, Uint8Array.of(1, 0)) // no throw
 */
export function validateNodeMask(nodeCount: number, nodeMask: Uint8Array | undefined): void {
  if (nodeMask !== undefined && (!(nodeMask instanceof Uint8Array) || nodeMask.length !== nodeCount)) {
    throw new UsageError(`nodeMask must be a Uint8Array of length ${nodeCount}`, "length-mismatch");
  }
}

/** Compressed adjacency: the entries of node `v` are `targets[offsets[v] .. offsets[v + 1])`. */
export interface Adjacency {
  /** Length `nodeCount + 1`, non-decreasing, `offsets[0] = 0`. */
  offsets: Int32Array;
  /** Neighbour node index per entry. */
  targets: Int32Array;
  /** Compiled link index of each entry (same length as `targets`). */
  links: Int32Array;
}

/**
 * Out-adjacency of the open links, in ascending link order within each node (so traversals are deterministic).
 * A link is kept when it is open (`closed?.[i]` is 0 or absent) and both ends pass `nodeMask` (when given).
 * O(nodeCount + linkCount) time and memory. Never throws: callers validate first ({@link validateLinkGraph}).
 * @example outAdjacency(3, Int32Array.of(0, 0), Int32Array.of(2, 1)).targets // Int32Array [2, 1]
 */
export function outAdjacency(
  nodeCount: number,
  fromIndex: Int32Array,
  toIndex: Int32Array,
  closed?: Uint8Array,
  nodeMask?: Uint8Array,
): Adjacency {
  const linkCount = fromIndex.length;
  const offsets = new Int32Array(nodeCount + 1);
  let kept = 0;
  for (let i = 0; i < linkCount; i++) {
    if (!keep(i, fromIndex, toIndex, closed, nodeMask)) continue;
    offsets[fromIndex[i] + 1]++;
    kept++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
  const targets = new Int32Array(kept);
  const links = new Int32Array(kept);
  const fill = offsets.slice(0, nodeCount);
  for (let i = 0; i < linkCount; i++) {
    if (!keep(i, fromIndex, toIndex, closed, nodeMask)) continue;
    const k = fill[fromIndex[i]]++;
    targets[k] = toIndex[i];
    links[k] = i;
  }
  return { offsets, targets, links };
}

function keep(
  i: number,
  fromIndex: Int32Array,
  toIndex: Int32Array,
  closed: Uint8Array | undefined,
  nodeMask: Uint8Array | undefined,
): boolean {
  if (closed !== undefined && closed[i] !== 0) return false;
  if (nodeMask !== undefined && (nodeMask[fromIndex[i]] === 0 || nodeMask[toIndex[i]] === 0)) return false;
  return true;
}
