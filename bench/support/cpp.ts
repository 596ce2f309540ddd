/**
 * The C++ reference: compiles bench/reference/dijkstra.cpp with `g++ -O2` into bench/.build/ when g++ is present,
 * writes the query file, runs it and reads its JSON (per-query times, checksums, peak memory).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { BUILD_DIR, REPO_ROOT } from "./graphs.ts";

/** The compiled reference, or why it is not available. */
export type CppReference = { ok: true; binary: string; compiler: string } | { ok: false; reason: string };

/**
 * Compiles the reference (`g++ -O2 -std=c++17`); returns `{ ok: false, reason }` when g++ is missing or fails.
 * @example compileReference() // { ok: true, binary: ".../bench/.build/dijkstra", compiler: "g++ (Debian 12.2.0-14) 12.2.0" }
 */
export function compileReference(): CppReference {
  const version = spawnSync("g++", ["--version"], { encoding: "utf8" });
  if (version.error || version.status !== 0) return { ok: false, reason: "g++ not found" };
  const binary = resolve(BUILD_DIR, "dijkstra");
  const source = resolve(REPO_ROOT, "bench/reference/dijkstra.cpp");
  const build = spawnSync("g++", ["-O2", "-std=c++17", "-o", binary, source], { encoding: "utf8" });
  if (build.status !== 0) return { ok: false, reason: `g++ failed: ${build.stderr.trim().split("\n")[0]}` };
  return { ok: true, binary, compiler: version.stdout.split("\n")[0] };
}

/** Queries given to the reference (0-based node indexes). */
export interface CppQueries {
  rounds: number;
  origins: readonly number[];
  cutoff: number;
  cutoffOrigins: readonly number[];
  pairs: readonly (readonly [number, number])[];
}

/** What one reference run reports. Costs of unreachable pairs are −1 (JSON has no Infinity). */
export interface CppRun {
  nodeCount: number;
  linkCount: number;
  loadMs: number;
  singleSourceMs: number[];
  singleSourceReached: number[];
  singleSourceSum: number[];
  cutoffMs: number[];
  cutoffReached: number[];
  cutoffSum: number[];
  pointToPointMs: number[];
  pointToPointCost: number[];
}

/** Runs the reference on a graph file and queries. @throws Error when the binary fails. */
export function runReference(binary: string, grFile: string, queries: CppQueries, tag: string): CppRun {
  const queryFile = resolve(BUILD_DIR, `queries-${tag}.txt`);
  const text = [
    `rounds ${queries.rounds}`,
    `origins ${queries.origins.length} ${queries.origins.join(" ")}`,
    `cutoff ${queries.cutoff.toPrecision(17)}`,
    `cutoff-origins ${queries.cutoffOrigins.length} ${queries.cutoffOrigins.join(" ")}`,
    `pairs ${queries.pairs.length} ${queries.pairs.map(([o, d]) => `${o} ${d}`).join(" ")}`,
  ].join("\n");
  writeFileSync(queryFile, `${text}\n`);
  const out = execFileSync(binary, [grFile, queryFile], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as CppRun;
}

/** Peak memory of the reference: load + one single-source search, in a fresh process. */
export interface MemoryReport {
  baselineRssKb: number;
  peakRssKb: number;
  /** Bytes of the compiled graph arrays (C++: offsets, targets, arc links, arc costs; TS: csrByteLength). */
  structureBytes: number;
  reached: number;
  sum: number;
}

/** Runs `dijkstra --memory <gr> <origin>`. */
export function referenceMemory(binary: string, grFile: string, origin: number): MemoryReport {
  return JSON.parse(execFileSync(binary, ["--memory", grFile, String(origin)], { encoding: "utf8" })) as MemoryReport;
}
