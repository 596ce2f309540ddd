/**
 * Test support for the connectivity and max-flow kernels: tiny link-list graph builders, fast-check arbitraries of
 * random multigraphs, and brute-force oracles (plain-array BFS, transitive closure, Edmonds–Karp) independent of src/.
 */
import { fc } from "@fast-check/vitest";

/** A link-list graph as the kernels take it. */
export interface LinkGraph {
  nodeCount: number;
  fromIndex: Int32Array;
  toIndex: Int32Array;
}

/**
 * Builds a graph from `"u>v"` (one directed link) and `"u-v"` (two links u→v, v→u, same facility) tokens.
 * Links are numbered in token order (a `u-v` token gives two consecutive links); facilities in token order.
 * @example graphOf(3, "0-1 1>2") // links 0: 0→1, 1: 1→0, 2: 1→2; facilities [0, 0, 1]
 */
export function graphOf(nodeCount: number, spec: string): LinkGraph & { facilityOfLink: Int32Array } {
  const from: number[] = [];
  const to: number[] = [];
  const facility: number[] = [];
  let f = 0;
  for (const token of spec.split(/\s+/).filter((t) => t !== "")) {
    const m = /^(\d+)([->])(\d+)$/.exec(token);
    if (m === null) throw new Error(`bad link token ${token}`);
    const u = Number(m[1]);
    const v = Number(m[3]);
    from.push(u);
    to.push(v);
    facility.push(f);
    if (m[2] === "-") {
      from.push(v);
      to.push(u);
      facility.push(f);
    }
    f++;
  }
  return {
    nodeCount,
    fromIndex: Int32Array.from(from),
    toIndex: Int32Array.from(to),
    facilityOfLink: Int32Array.from(facility),
  };
}

/** Closed mask of length `linkCount` with the given links closed. */
export function closedMask(linkCount: number, closedLinks: readonly number[]): Uint8Array {
  const mask = new Uint8Array(linkCount);
  for (const i of closedLinks) mask[i] = 1;
  return mask;
}

/** Random directed multigraph (self-loops and parallel links included) with a random closed mask. */
export const randomGraph = (maxNodes = 9, maxLinks = 20) =>
  fc
    .integer({ min: 1, max: maxNodes })
    .chain((nodeCount) =>
      fc.record({
        nodeCount: fc.constant(nodeCount),
        links: fc.array(fc.tuple(fc.nat(nodeCount - 1), fc.nat(nodeCount - 1), fc.boolean()), { maxLength: maxLinks }),
        nodeMask: fc.option(fc.array(fc.boolean(), { minLength: nodeCount, maxLength: nodeCount }), { nil: undefined }),
      }),
    )
    .map(({ nodeCount, links, nodeMask }) => ({
      nodeCount,
      fromIndex: Int32Array.from(links.map((l) => l[0])),
      toIndex: Int32Array.from(links.map((l) => l[1])),
      closed: Uint8Array.from(links.map((l) => (l[2] ? 1 : 0))),
      nodeMask: nodeMask === undefined ? undefined : Uint8Array.from(nodeMask, (b) => (b ? 1 : 0)),
    }));

/**
 * Random undirected multigraph as facilities: each facility joins two nodes (self-loops and parallel facilities
 * included) and becomes one link (random direction) or two (both directions); facility ids are sparse and unordered
 * (`facilityId = 7 · k + 3` for the k-th facility, then the link order is shuffled), closed links random.
 */
export const randomFacilityGraph = (maxNodes = 9, maxFacilities = 14) =>
  fc
    .integer({ min: 1, max: maxNodes })
    .chain((nodeCount) =>
      fc.record({
        nodeCount: fc.constant(nodeCount),
        facilities: fc.array(
          fc.record({
            u: fc.nat(nodeCount - 1),
            v: fc.nat(nodeCount - 1),
            directions: fc.constantFrom("ab", "ba", "both"),
            closedA: fc.boolean(),
            closedB: fc.boolean(),
          }),
          { maxLength: maxFacilities },
        ),
        shuffleSeed: fc.nat(),
      }),
    )
    .map(({ nodeCount, facilities, shuffleSeed }) => {
      const links: { u: number; v: number; f: number; closed: number }[] = [];
      facilities.forEach((fa, k) => {
        const f = 7 * k + 3;
        if (fa.directions !== "ba") links.push({ u: fa.u, v: fa.v, f, closed: fa.closedA ? 1 : 0 });
        if (fa.directions !== "ab") links.push({ u: fa.v, v: fa.u, f, closed: fa.closedB ? 1 : 0 });
      });
      // Deterministic shuffle (LCG) so facility links are not adjacent in link order.
      let s = shuffleSeed >>> 0;
      for (let i = links.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const j = s % (i + 1);
        [links[i], links[j]] = [links[j], links[i]];
      }
      return {
        nodeCount,
        fromIndex: Int32Array.from(links.map((l) => l.u)),
        toIndex: Int32Array.from(links.map((l) => l.v)),
        facilityOfLink: Int32Array.from(links.map((l) => l.f)),
        closed: Uint8Array.from(links.map((l) => l.closed)),
      };
    });

/**
 * Oracle: undirected components by breadth-first search over plain arrays, numbered by smallest node.
 * `useLink(i)` and `useNode(v)` filter links and nodes; filtered-out nodes get −1 and are not counted.
 */
export function undirectedComponentsOracle(
  g: LinkGraph,
  useLink: (i: number) => boolean = () => true,
  useNode: (v: number) => boolean = () => true,
): { count: number; componentOfNode: number[] } {
  const adjacency: number[][] = Array.from({ length: g.nodeCount }, () => []);
  for (let i = 0; i < g.fromIndex.length; i++) {
    const u = g.fromIndex[i];
    const v = g.toIndex[i];
    if (!useLink(i) || !useNode(u) || !useNode(v)) continue;
    adjacency[u].push(v);
    adjacency[v].push(u);
  }
  const componentOfNode = new Array<number>(g.nodeCount).fill(-1);
  let count = 0;
  for (let start = 0; start < g.nodeCount; start++) {
    if (!useNode(start) || componentOfNode[start] !== -1) continue;
    const queue = [start];
    componentOfNode[start] = count;
    while (queue.length > 0) {
      const v = queue.shift()!;
      for (const w of adjacency[v]) {
        if (componentOfNode[w] === -1) {
          componentOfNode[w] = count;
          queue.push(w);
        }
      }
    }
    count++;
  }
  return { count, componentOfNode };
}

/**
 * Oracle: strong components from the transitive closure (Floyd–Warshall style boolean closure, O(n³)): u and v share a
 * component iff each reaches the other. Numbered by smallest node; nodes outside the mask get −1.
 */
export function strongComponentsOracle(
  g: LinkGraph,
  useLink: (i: number) => boolean = () => true,
  useNode: (v: number) => boolean = () => true,
): { count: number; componentOfNode: number[] } {
  const n = g.nodeCount;
  const reach = Array.from({ length: n }, (_, v) => Array.from({ length: n }, (_, w) => v === w));
  for (let i = 0; i < g.fromIndex.length; i++) {
    const u = g.fromIndex[i];
    const v = g.toIndex[i];
    if (useLink(i) && useNode(u) && useNode(v)) reach[u][v] = true;
  }
  for (let k = 0; k < n; k++) for (let a = 0; a < n; a++) if (reach[a][k]) for (let b = 0; b < n; b++) if (reach[k][b]) reach[a][b] = true;
  const componentOfNode = new Array<number>(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (!useNode(v) || componentOfNode[v] !== -1) continue;
    for (let w = v; w < n; w++) if (useNode(w) && reach[v][w] && reach[w][v]) componentOfNode[w] = count;
    count++;
  }
  return { count, componentOfNode };
}

/** Result of the Edmonds–Karp oracle. */
export interface EdmondsKarpResult {
  value: number;
  /** Nodes reachable from the super source in the final residual graph (excluding the super nodes). */
  sourceSide: boolean[];
}

/**
 * Oracle: Edmonds–Karp (shortest augmenting paths by BFS) on a dense residual matrix with a super source S and super
 * sink T joined to the sources/sinks by infinite arcs. Parallel links add up; closed links and self-loops are skipped.
 * Returns `Infinity` when an augmenting path has infinite bottleneck.
 * @see J. Edmonds, R. M. Karp (1972), "Theoretical improvements in algorithmic efficiency for network flow problems",
 *   J. ACM 19(2):248–264.
 */
export function edmondsKarpOracle(
  g: LinkGraph,
  capacity: ArrayLike<number>,
  sources: readonly number[],
  sinks: readonly number[],
  closed?: Uint8Array,
): EdmondsKarpResult {
  const n = g.nodeCount + 2;
  const S = g.nodeCount;
  const T = g.nodeCount + 1;
  const cap = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < g.fromIndex.length; i++) {
    if (closed?.[i] || g.fromIndex[i] === g.toIndex[i]) continue;
    cap[g.fromIndex[i]][g.toIndex[i]] += capacity[i];
  }
  for (const s of sources) cap[S][s] = Infinity;
  for (const t of sinks) cap[t][T] = Infinity;
  let value = 0;
  for (;;) {
    const parent = new Array<number>(n).fill(-1);
    parent[S] = S;
    const queue = [S];
    while (queue.length > 0 && parent[T] === -1) {
      const v = queue.shift()!;
      for (let w = 0; w < n; w++) {
        if (parent[w] === -1 && cap[v][w] > 0) {
          parent[w] = v;
          queue.push(w);
        }
      }
    }
    if (parent[T] === -1) {
      const sourceSide = parent.slice(0, g.nodeCount).map((p) => p !== -1);
      return { value, sourceSide };
    }
    let bottleneck = Infinity;
    for (let w = T; w !== S; w = parent[w]) bottleneck = Math.min(bottleneck, cap[parent[w]][w]);
    if (bottleneck === Infinity) return { value: Infinity, sourceSide: [] };
    for (let w = T; w !== S; w = parent[w]) {
      cap[parent[w]][w] -= bottleneck;
      cap[w][parent[w]] += bottleneck;
    }
    value += bottleneck;
  }
}
