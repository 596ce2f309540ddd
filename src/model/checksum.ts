/**
 * Network checksum: a stable sha256 content hash of a {@link Network}'s nodes and links, used to prove that applying a
 * scenario left the base network unchanged (R5's VERIFY_BASE_NETWORK_UNCHANGED) and to label results.
 *
 * Canonical form (documented so another tool can reproduce it): the UTF-8 text
 * `{"nodes":[N1,N2,…],"links":[L1,L2,…]}` where nodes are sorted by node id and links by link id (UTF-16 code-unit
 * order, i.e. JavaScript `<` on strings, never locale order), and each Ni/Li is the JSON of that element's attribute
 * object with keys sorted the same way at every depth, attributes whose value is `undefined` left out, arrays kept in
 * their order, and numbers as `JSON.stringify` writes them. Link objects carry their id and end node ids as
 * attributes, so a link moved to other ends changes the hash. Graph-level attributes (name, projects) are not part of
 * it. Hashing is streamed one element at a time (its cost is in bench/README.md, "Evidence behind design choices").
 */
import { createHash } from "node:crypto";
import type { Network } from "./network.ts";
import { compareCodeUnits } from "./compare-code-units.ts";

/**
 * The canonical JSON of deltanet: JSON text with object keys sorted by code units at every depth and `undefined`
 * members dropped (as JSON.stringify drops them; an `undefined` array member becomes `null`). The one form hashed for
 * checksums and compared for value equality.
 * @example canonicalJson({ b: 1, a: [undefined, "x"] }) // '{"a":[null,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const s = JSON.stringify(value);
    return s === undefined ? "null" : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareCodeUnits);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
}

/**
 * sha256 (lower-case hex, 64 characters) of the canonical serialisation of the network's nodes and links (see the
 * module header for the exact form). Independent of insertion order; changes when any node or link attribute changes.
 *
 * Never throws for a network built through `createNetwork`/`addNode`/`addLink`.
 * @param network the network to hash (not modified)
 * @returns 64 hex characters
 * @example
 * const n = createNetwork("x");
 * addNode(n, { id: "a", kind: "port", layer: "water", name: "a", source: "s" });
 * networkChecksum(n)
 * // sha256 of '{"nodes":[{"id":"a","kind":"port","layer":"water","name":"a","source":"s"}],"links":[]}'
 */
export function networkChecksum(network: Network): string {
  const hash = createHash("sha256");
  hash.update('{"nodes":[');
  network
    .nodes()
    .sort(compareCodeUnits)
    .forEach((id, i) => {
      if (i > 0) hash.update(",");
      hash.update(canonicalJson(network.getNodeAttributes(id)));
    });
  hash.update('],"links":[');
  network
    .edges()
    .sort(compareCodeUnits)
    .forEach((id, i) => {
      if (i > 0) hash.update(",");
      hash.update(canonicalJson(network.getEdgeAttributes(id)));
    });
  hash.update("]}");
  return hash.digest("hex");
}

/**
 * sha256 (lower-case hex, 64 characters) of a JSON-safe value in the canonical form of the module header: object
 * keys sorted by code units at every depth, `undefined` members left out, arrays kept in order. Used for the
 * `parametersSha256` of a run's provenance, so two runs with the same effective parameters get the same hash whatever
 * order their options were written in.
 *
 * Never throws for JSON-safe values (numbers are written as `JSON.stringify` writes them, so NaN/±Infinity hash as
 * `null`: callers validate numbers before).
 * @param value plain data (objects, arrays, strings, finite numbers, booleans, null)
 * @returns 64 hex characters
 * @example contentSha256({ b: 1, a: [2] }) === contentSha256({ a: [2], b: 1 }) // true
 * @example contentSha256({}) // sha256 of "{}" = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
 */
export function contentSha256(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
