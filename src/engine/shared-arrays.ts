/**
 * Shared typed arrays: packs named typed arrays into one `SharedArrayBuffer` with a layout table, and opens views on
 * it in any thread, so worker-pool tasks read the compiled network without copying it.
 *
 * Design: one buffer per model instead of one per array, so a task message carries one shared handle (structured
 * clone of a SharedArrayBuffer shares memory, it does not copy) plus a small layout object. Arrays start at
 * 8-byte boundaries so every Float64Array view is aligned.
 */
import { UsageError } from "../errors.ts";

/** Element types a shared array can have. */
export type SharedArrayKind = "f64" | "i32" | "u8";

/** A typed array that can live in a shared buffer. */
export type SharedTypedArray = Float64Array | Int32Array | Uint8Array;

/** Where one named array sits in the buffer. */
export interface SharedArraySlot {
  kind: SharedArrayKind;
  /** Byte offset of element 0, a multiple of 8. */
  byteOffset: number;
  /** Number of elements. */
  length: number;
}

/** A set of named arrays in one shared buffer (plain data: safe to post to a worker). */
export interface SharedArrays {
  /** The memory; shared, not copied, when posted to a worker. */
  buffer: SharedArrayBuffer;
  /** Name → slot, in packing order. */
  layout: Record<string, SharedArraySlot>;
}

const BYTES: Record<SharedArrayKind, number> = { f64: 8, i32: 4, u8: 1 };

function kindOf(array: SharedTypedArray): SharedArrayKind {
  if (array instanceof Float64Array) return "f64";
  if (array instanceof Int32Array) return "i32";
  if (array instanceof Uint8Array) return "u8";
  throw new UsageError("packSharedArrays: arrays must be Float64Array, Int32Array or Uint8Array", "invalid-argument");
}

/**
 * Copies named typed arrays into one new `SharedArrayBuffer`.
 * @param arrays name → Float64Array | Int32Array | Uint8Array (any length, 0 allowed)
 * @returns the buffer and its layout; names keep their insertion order
 * @throws UsageError code `invalid-argument` for another array type.
 * @example
 * const shared = packSharedArrays({ costs: Float64Array.of(1, Infinity), nodes: Int32Array.of(4) });
 * shared.layout.nodes // { kind: "i32", byteOffset: 16, length: 1 }
 */
export function packSharedArrays(arrays: Record<string, SharedTypedArray>): SharedArrays {
  const layout: Record<string, SharedArraySlot> = {};
  let byteLength = 0;
  for (const [name, array] of Object.entries(arrays)) {
    const kind = kindOf(array);
    layout[name] = { kind, byteOffset: byteLength, length: array.length };
    byteLength += Math.ceil((array.length * BYTES[kind]) / 8) * 8;
  }
  const buffer = new SharedArrayBuffer(byteLength);
  const shared = { buffer, layout };
  const views = openSharedArrays(shared);
  for (const [name, array] of Object.entries(arrays)) views[name]!.set(array as never);
  return shared;
}

/**
 * Typed-array views on every named array of `shared` (no copy: writes through a view are seen by every thread).
 * @returns name → view of the slot's kind and length
 * @throws UsageError code `invalid-argument` when a slot lies outside the buffer or is misaligned.
 * @example openSharedArrays(packSharedArrays({ a: Float64Array.of(2) })).a // Float64Array [2]
 */
export function openSharedArrays(shared: SharedArrays): Record<string, SharedTypedArray> {
  const out: Record<string, SharedTypedArray> = {};
  for (const [name, slot] of Object.entries(shared.layout)) {
    if (slot.byteOffset % 8 !== 0 || slot.byteOffset + slot.length * BYTES[slot.kind] > shared.buffer.byteLength) {
      throw new UsageError(`shared array "${name}" lies outside its buffer or is misaligned`, "invalid-argument");
    }
    out[name] =
      slot.kind === "f64"
        ? new Float64Array(shared.buffer, slot.byteOffset, slot.length)
        : slot.kind === "i32"
          ? new Int32Array(shared.buffer, slot.byteOffset, slot.length)
          : new Uint8Array(shared.buffer, slot.byteOffset, slot.length);
  }
  return out;
}
