/**
 * Memory probe, run in a fresh Node process by the bench: loads one graph the TypeScript way, runs one single-source
 * search and prints the peak RSS of that work and the post-import baseline as JSON (the counterpart of
 * `dijkstra --memory`, which measures the same way).
 *
 * Usage: node --expose-gc --import tsx bench/support/memory-probe.ts '<LoadSpec JSON>' <origin>
 */
import { readFileSync, writeFileSync } from "node:fs";
import { csrByteLength } from "./csr-size.ts";
import { createShortestPathSearch } from "../../src/algorithms/shortest-path-search.ts";
import { loadGraph, type LoadSpec } from "./graphs.ts";

const spec = JSON.parse(process.argv[2]) as LoadSpec;
const origin = Number(process.argv[3]);
(globalThis as { gc?: () => void }).gc?.();
const baselineRssKb = Math.round(process.memoryUsage().rss / 1024);
// Reset the kernel's peak-RSS mark (VmHWM) to the current RSS, so that the peak read below covers load + search only,
// not the start-up peak of tsx compiling TypeScript (Linux ≥ 4.0; otherwise fall back to the process-lifetime peak).
let peakReset = true;
try {
  writeFileSync("/proc/self/clear_refs", "5");
} catch {
  peakReset = false;
}
const { csr } = loadGraph(spec);
const view = createShortestPathSearch(csr).singleSource(origin);
let reached = 0;
let sum = 0;
for (const c of view.costs) if (c < Infinity) (reached++, (sum += c));
const hwm = peakReset ? /VmHWM:\s*(\d+)/.exec(readFileSync("/proc/self/status", "utf8")) : null;
const peakRssKb = hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify({ baselineRssKb, peakRssKb, peakReset, structureBytes: csrByteLength(csr), reached, sum })}\n`);
