/**
 * Bench inputs: the DIMACS New York graph with seeded random weights, DIMACS Rome, a seeded ~1M-node grid and the
 * bundled YRD network, each written once as a DIMACS `p sp` file under bench/.build/ so the TypeScript core and the
 * C++ reference parse the very same text.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCsr, type Csr } from "../../src/algorithms/csr.ts";
import { compileNetwork, type CompiledNetwork } from "../../src/engine/compile.ts";
import { readDimacsFile } from "./dimacs.ts";
import { readNetworkFolder } from "../../src/io/network-file.ts";
import { mulberry32, randomInt } from "./random.ts";

/** Repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Scratch folder for generated inputs and the compiled C++ reference (git-ignored). */
export const BUILD_DIR = resolve(REPO_ROOT, "bench/.build");
/** The shared reference data folder beside the repository. */
export const SHARED_DIMACS = resolve(REPO_ROOT, "../shared/data/reference/dimacs");

/** Seed of every generated input. */
export const INPUT_SEED = 20_240_611;

/** How the TypeScript side loads a graph (also used by the memory probe in a child process). */
export type LoadSpec = { kind: "dimacs"; file: string } | { kind: "yrd"; dir: string };

/** One bench graph. */
export interface BenchGraph {
  /** Short name used in tables and file names (`ny`, `rome`, `grid`, `yrd`). */
  name: string;
  /** What it is, where it comes from, and what its costs are. */
  description: string;
  /** DIMACS `p sp` file the C++ reference reads. */
  grFile: string;
  /** How the TypeScript side loads it. */
  load: LoadSpec;
  /** Node coordinates (degrees) for A*, computed from the node index; undefined when there are none. */
  coordinates?: (csr: Csr) => { lon: Float64Array; lat: Float64Array } | undefined;
}

/** Loads a graph the TypeScript way: DIMACS text → CSR, or network folder → compileNetwork. */
export function loadGraph(spec: LoadSpec): { csr: Csr; compiled?: CompiledNetwork } {
  if (spec.kind === "dimacs") {
    const g = readDimacsFile(spec.file);
    return { csr: buildCsr(g.nodeCount, g.fromNodes, g.toNodes, g.costs!) };
  }
  const compiled = compileNetwork(readNetworkFolder(spec.dir));
  return { csr: compiled.csr, compiled };
}

/** Writes a DIMACS sp file in chunks (arcs with integer or decimal weights) with a comment header. */
function writeGr(file: string, comments: string[], nodeCount: number, linkCount: number, arc: (i: number) => string): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, "w");
  try {
    writeSync(fd, comments.map((c) => `c ${c}\n`).join("") + `p sp ${nodeCount} ${linkCount}\n`);
    const chunk: string[] = [];
    for (let i = 0; i < linkCount; i++) {
      chunk.push(arc(i));
      if (chunk.length === 65536) {
        writeSync(fd, chunk.join(""));
        chunk.length = 0;
      }
    }
    writeSync(fd, chunk.join(""));
  } finally {
    closeSync(fd);
  }
}

/** True when `file` exists and its sidecar `<file>.json` records exactly `params` (so it need not be regenerated). */
function upToDate(file: string, params: object): boolean {
  const side = `${file}.json`;
  return existsSync(file) && existsSync(side) && readFileSync(side, "utf8") === JSON.stringify(params);
}

/**
 * DIMACS NY (PACE 2016 `p tw`, 264,346 nodes, 365,050 undirected edges, no weights) made weighted: each edge gets a
 * seeded uniform integer weight 1 … 1000 (no unit), used in both directions ⇒ 730,100 links (edge i → links 2i, 2i+1).
 */
export function nyGraph(): BenchGraph | undefined {
  const source = resolve(SHARED_DIMACS, "NY.gr");
  if (!existsSync(source)) return undefined;
  const grFile = resolve(BUILD_DIR, "ny-weighted.gr");
  const params = { source: "NY.gr", seed: INPUT_SEED, weights: "uniform integer 1..1000 per edge, both directions" };
  if (!upToDate(grFile, params)) {
    const g = readDimacsFile(source);
    const next = mulberry32(INPUT_SEED);
    const m = g.fromNodes.length;
    const weights = Int32Array.from({ length: m }, () => randomInt(next, 1, 1000));
    writeGr(grFile, ["DIMACS NY (PACE 2016 NY.gr) with seeded random weights", JSON.stringify(params)], g.nodeCount, 2 * m, (i) => {
      const e = i >> 1;
      const [u, v] = i & 1 ? [g.toNodes[e], g.fromNodes[e]] : [g.fromNodes[e], g.toNodes[e]];
      return `a ${u + 1} ${v + 1} ${weights[e]}\n`;
    });
    writeFileSync(`${grFile}.json`, JSON.stringify(params));
  }
  return {
    name: "ny",
    description:
      "DIMACS New York road topology (PACE 2016 NY.gr: 264,346 nodes, 365,050 undirected edges), unweighted in the source; " +
      `given seeded random integer weights 1–1000 (seed ${INPUT_SEED}, same weight both ways) ⇒ 730,100 links`,
    grFile,
    load: { kind: "dimacs", file: grFile },
  };
}

/** DIMACS Rome 1999 (`p sp 3353 8870`, metres), used as is. */
export function romeGraph(): BenchGraph | undefined {
  const grFile = resolve(SHARED_DIMACS, "rome99.gr");
  if (!existsSync(grFile)) return undefined;
  return {
    name: "rome",
    description: "DIMACS Rome road network 1999 (rome99.gr: 3,353 nodes, 8,870 links, metres), as published",
    grFile,
    load: { kind: "dimacs", file: grFile },
  };
}

/**
 * Seeded synthetic grid of rows × cols nodes, 4-neighbour, both directions with the same seeded integer weight
 * 1 … 100 per edge; node (r, c) = index r·cols + c at lon 120 + 0.001·c, lat 30 + 0.001·r (for A*, small grids only).
 */
export function gridGraph(rows: number, cols: number): BenchGraph {
  const grFile = resolve(BUILD_DIR, `grid-${rows}x${cols}.gr`);
  const params = { rows, cols, seed: INPUT_SEED, weights: "uniform integer 1..100 per edge, both directions" };
  const nodeCount = rows * cols;
  const edgeCount = rows * (cols - 1) + (rows - 1) * cols;
  if (!upToDate(grFile, params)) {
    const next = mulberry32(INPUT_SEED + rows * 31 + cols);
    const from = new Int32Array(edgeCount);
    const to = new Int32Array(edgeCount);
    let e = 0;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const v = r * cols + c;
      if (c + 1 < cols) (from[e] = v), (to[e++] = v + 1);
      if (r + 1 < rows) (from[e] = v), (to[e++] = v + cols);
    }
    const weights = Int32Array.from({ length: edgeCount }, () => randomInt(next, 1, 100));
    writeGr(grFile, [`seeded grid ${rows} x ${cols}`, JSON.stringify(params)], nodeCount, 2 * edgeCount, (i) => {
      const k = i >> 1;
      const [u, v] = i & 1 ? [to[k], from[k]] : [from[k], to[k]];
      return `a ${u + 1} ${v + 1} ${weights[k]}\n`;
    });
    writeFileSync(`${grFile}.json`, JSON.stringify(params));
  }
  return {
    name: rows * cols >= 100_000 ? "grid" : `grid-${rows}x${cols}`,
    description: `seeded synthetic grid ${rows} × ${cols} = ${nodeCount.toLocaleString("en")} nodes, ${(2 * edgeCount).toLocaleString("en")} links (4-neighbour, both ways), integer weights 1–100 (seed ${INPUT_SEED})`,
    grFile,
    load: { kind: "dimacs", file: grFile },
    // Coordinates (for the great-circle A*) only on small grids: the weights are random, not lengths, so the bound
    // is weak and A* is slower than Dijkstra here; on the 1M grid that would add minutes to the bench for no news.
    coordinates:
      nodeCount < 100_000
        ? () => ({
            lon: Float64Array.from({ length: nodeCount }, (_, v) => 120 + 0.001 * (v % cols)),
            lat: Float64Array.from({ length: nodeCount }, (_, v) => 30 + 0.001 * Math.floor(v / cols)),
          })
        : undefined,
  };
}

/**
 * The bundled YRD network (`networks/yrd`, read with readNetworkFolder, compiled with the default layers and
 * timeMin costs, minutes). For the C++ reference its open links are written as a DIMACS file with decimal weights.
 * Undefined (skipped) when networks/yrd/network.json does not exist.
 */
export function yrdGraph(): BenchGraph | undefined {
  const dir = resolve(REPO_ROOT, "networks/yrd");
  if (!existsSync(resolve(dir, "network.json"))) return undefined;
  const { csr, compiled } = loadGraph({ kind: "yrd", dir });
  const open: number[] = [];
  for (let i = 0; i < csr.linkCount; i++) if (csr.closed[i] === 0 && csr.linkCosts[i] < Infinity) open.push(i);
  const grFile = resolve(BUILD_DIR, "yrd.gr");
  writeGr(grFile, ["deltanet YRD network, compiled default layers, timeMin (minutes), open links only"], csr.nodeCount, open.length, (k) => {
    const i = open[k];
    return `a ${csr.linkFromNodes[i] + 1} ${csr.linkToNodes[i] + 1} ${csr.linkCosts[i].toPrecision(17)}\n`;
  });
  const lon = compiled!.lon;
  const lat = compiled!.lat;
  return {
    name: "yrd",
    description: `bundled YRD network (networks/yrd: ${csr.nodeCount} nodes, ${csr.linkCount} links of the rail, road, water and access layers), costs timeMin in minutes`,
    grFile,
    load: { kind: "yrd", dir },
    coordinates: () => ({ lon, lat }),
  };
}
