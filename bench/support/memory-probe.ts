/**
 * Memory probe, run in a fresh Node process by the bench: loads one graph the TypeScript way, runs one single-source
 * search and prints peak RSS over the post-import baseline as JSON (the counterpart of `dijkstra --memory`).
 *
 * Usage: node --expose-gc --import tsx bench/support/memory-probe.ts '<LoadSpec JSON>' <origin>
 */
import { csrByteLength } from "../../src/algorithms/csr.ts";
import { createShortestPathSearch } from "../../src/algorithms/shortest-path-search.ts";
import { loadGraph, type LoadSpec } from "./graphs.ts";

const spec = JSON.parse(process.argv[2]) as LoadSpec;
const origin = Number(process.argv[3]);
(globalThis as { gc?: () => void }).gc?.();
const baselineRssKb = Math.round(process.memoryUsage().rss / 1024);
const { csr } = loadGraph(spec);
const view = createShortestPathSearch(csr).singleSource(origin);
let reached = 0;
let sum = 0;
for (const c of view.costs) if (c < Infinity) (reached++, (sum += c));
const peakRssKb = process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify({ baselineRssKb, peakRssKb, structureBytes: csrByteLength(csr), reached, sum })}\n`);
