/**
 * Indexed binary min-heap of node indexes with their keys stored in heap order: the priority queue of deltanet's
 * Dijkstra, bidirectional and A* searches (push, decrease-key, pop; no allocation after construction).
 *
 * Order: by key, ties by smaller node index, so the pop order is a function of keys and indexes only, never of the
 * order nodes were pushed. Keys live in a heap-ordered Float64Array beside the node array, so a sift reads one
 * contiguous array instead of chasing `costs[node]` at random.
 *
 * Why this queue (single-source on DIMACS NY with seeded weights; see bench/README.md): the "bottom-up" pop below
 * made the whole search about 6 % faster than the textbook sift-down in paired runs against the C++ reference
 * (deltanet / C++ 1.27–1.28 vs 1.35, two runs each); a 4-ary heap and keys read through `costs[node]` instead of
 * stored beside the items were within run-to-run noise; a lazy heap without decrease-key (duplicates, as the C++
 * reference's std::priority_queue) was 10–20 % slower. A bucket or radix queue would need integer costs (deltanet's
 * are float minutes) or give up the (cost, node index) tie order.
 */

/** An indexed min-heap over node indexes 0 … capacity − 1. Fields are public for the search kernels. */
export class IndexedMinHeap {
  /** Int32Array(capacity): entries 0 … size − 1 are node indexes in heap order. */
  readonly items: Int32Array;
  /** Float64Array(capacity): `keys[i]` is the key of `items[i]`. */
  readonly keys: Float64Array;
  /** Int32Array(capacity): position of each node in `items`, or −1 when the node is not in the heap. */
  readonly positions: Int32Array;
  /** Number of nodes in the heap. */
  size = 0;

  /**
   * Creates an empty heap for nodes 0 … capacity − 1.
   * @param capacity node count, integer ≥ 0
   * @example const h = new IndexedMinHeap(3); h.push(0, 5); h.push(1, 1); h.pop() // 1
   */
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.positions = new Int32Array(capacity).fill(-1);
  }

  /** True when `node` is in the heap. O(1). @example new IndexedMinHeap(1).has(0) // false */
  has(node: number): boolean {
    return this.positions[node] >= 0;
  }

  /**
   * Inserts `node` (which must not be in the heap) with `key`. O(log size).
   * @example const h = new IndexedMinHeap(2); h.push(1, 2); h.push(0, 2); h.pop() // 0 (equal keys → smaller index)
   */
  push(node: number, key: number): void {
    this.siftUp(this.size++, node, key);
  }

  /**
   * Lowers the key of `node` (which must be in the heap) to `key` (≤ its current key). O(log size).
   * @example const h = new IndexedMinHeap(2); h.push(0, 5); h.push(1, 1); h.decrease(0, 0); h.pop() // 0
   */
  decrease(node: number, key: number): void {
    this.siftUp(this.positions[node], node, key);
  }

  /** Smallest key in the heap; `Infinity` when empty. O(1). @example new IndexedMinHeap(1).peekKey() // Infinity */
  peekKey(): number {
    return this.size > 0 ? this.keys[0] : Infinity;
  }

  /**
   * Removes and returns the node with the smallest key (ties: smallest index); −1 when empty. O(log size).
   * @example new IndexedMinHeap(1).pop() // -1
   */
  pop(): number {
    if (this.size === 0) return -1;
    const items = this.items;
    const keys = this.keys;
    const positions = this.positions;
    const top = items[0];
    positions[top] = -1;
    const size = --this.size;
    if (size > 0) {
      // Bottom-up: move the hole from the root down along the smaller children to a leaf (one comparison per level),
      // then sift the former last item up from there; it usually belongs near the bottom, so this saves about half
      // the comparisons of the textbook sift-down.
      const node = items[size];
      const key = keys[size];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        let childNode = items[child];
        let childKey = keys[child];
        const right = child + 1;
        if (right < size) {
          const rightKey = keys[right];
          const rightNode = items[right];
          if (rightKey < childKey || (rightKey === childKey && rightNode < childNode)) {
            child = right;
            childNode = rightNode;
            childKey = rightKey;
          }
        }
        items[i] = childNode;
        keys[i] = childKey;
        positions[childNode] = i;
        i = child;
      }
      this.siftUp(i, node, key);
    }
    return top;
  }

  /** Empties the heap in O(size) (resets the positions of the nodes still in it). */
  clear(): void {
    resetPositions(this.positions, this.items, this.size);
    this.size = 0;
  }

  private siftUp(start: number, node: number, key: number): void {
    const items = this.items;
    const keys = this.keys;
    const positions = this.positions;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent];
      const parentNode = items[parent];
      if (parentKey < key || (parentKey === key && parentNode < node)) break;
      items[i] = parentNode;
      keys[i] = parentKey;
      positions[parentNode] = i;
      i = parent;
    }
    items[i] = node;
    keys[i] = key;
    positions[node] = i;
  }
}

/**
 * Marks items[0 … count − 1] as absent. A free function so that no property access follows the loop: V8 compiles a
 * long loop by on-stack replacement before code after it has run, and such code then deoptimises on every call.
 */
function resetPositions(positions: Int32Array, items: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) positions[items[i]] = -1;
}
