/**
 * `npm run bench`: times deltanet's shortest-path core against a C++ reference, graphology-shortest-path and
 * ngraph.path on the same graphs and the same seeded queries, checks they agree first, prints and saves the results.
 *
 * Usage: tsx bench/main.ts [--smoke] [--only ny,rome,grid,yrd] [--no-libraries]
 *   --smoke         each bench once on the smallest inputs (Rome + a 60 × 60 grid), a few seconds; for CI
 *   --only          run only the named graphs
 *   --no-libraries  skip graphology / ngraph (they take minutes on NY)
 * Output: a table on stdout, progress on stderr, and bench/results/<date>-node<major>.{json,md} (smoke runs:
 * bench/.build/results/<date>-node<major>-smoke.{json,md}, git-ignored) (rewritten
 * after every graph, so a failure keeps what was measured).
 * Timing: process.hrtime.bigint() around each query after warm-up runs (the C++ side times itself with
 * steady_clock). TypeScript and C++ answer the same query one after the other, alternating which goes first, both
 * pinned to one CPU with taskset, so that load from other processes hits both alike; a full GC runs before each
 * timed section. Median and p90 over all rounds (R-7 quantiles, simple-statistics). Every implementation's answers
 * are checked against deltanet's before (or while) it is timed; a disagreement stops the bench.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { relative, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Csr } from "../src/algorithms/csr.ts";
import { createLandmarks } from "../src/algorithms/landmarks.ts";
import { createShortestPathSearch, type ShortestPathSearch } from "../src/algorithms/shortest-path-search.ts";
import { compileReference, ReferenceServer, referenceMemory, type MemoryReport } from "./support/cpp.ts";
import { gridGraph, loadGraph, nyGraph, REPO_ROOT, romeGraph, yrdGraph, type BenchGraph } from "./support/graphs.ts";
import { graphologyBidirectional, graphologySingleSource, ngraphFinders, nodePathCost, toGraphology } from "./support/libraries.ts";
import { mulberry32, randomInt } from "./support/random.ts";
import { msSince, summarize, type Summary } from "./support/stats.ts";

interface Config {
  smoke: boolean;
  /** Landmarks for the ALT point-to-point search. */
  landmarkCount: number;
  rounds: number;
  origins: number;
  pairs: number;
  libraries: boolean;
  /** Time budget per library method per graph, ms: queries beyond it are left out (the same subset is compared). */
  libraryBudgetMs: number;
}

interface Row extends Summary {
  task: string;
  implementation: string;
  note?: string;
}

interface Ratio {
  name: string;
  value: number;
  target?: string;
  met?: boolean;
}

interface GraphResult {
  name: string;
  description: string;
  nodeCount: number;
  linkCount: number;
  cutoff: number;
  rows: Row[];
  ratios: Ratio[];
  memory: { deltanet?: MemoryReport; cpp?: MemoryReport };
  notices: string[];
}

const argv = process.argv.slice(2);
const KNOWN_GRAPHS = ["ny", "rome", "grid", "yrd"];
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === "--only" && argv[i + 1]?.split(",").every((g) => KNOWN_GRAPHS.includes(g))) i++;
  else if (arg !== "--smoke" && arg !== "--no-libraries") {
    process.stderr.write(`bench: unknown or bad argument "${arg}"; usage: tsx bench/main.ts [--smoke] [--only ${KNOWN_GRAPHS.join(",")}] [--no-libraries]\n`);
    process.exit(2);
  }
}
const smoke = argv.includes("--smoke");
const onlyIndex = argv.indexOf("--only");
const only = onlyIndex >= 0 ? new Set(argv[onlyIndex + 1]?.split(",")) : undefined;
const config: Config = {
  smoke,
  landmarkCount: 8,
  rounds: smoke ? 1 : 3,
  origins: smoke ? 3 : 11,
  pairs: smoke ? 10 : 100,
  libraries: !argv.includes("--no-libraries"),
  libraryBudgetMs: smoke ? 5_000 : 60_000,
};
const log = (message: string) => process.stderr.write(`${message}\n`);

// A full garbage collection before each timed section, so that garbage from an earlier section (graphology's and
// ngraph's object graphs of NY are hundreds of MB) is not collected in the middle of later timings.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/**
 * Pins this process to the last CPU with `taskset` (Linux), and the C++ reference to the same CPU, so both sides of
 * a paired timing run on one core under the same cache and frequency conditions. `undefined` when taskset is missing.
 */
function pinToOneCpu(): number | undefined {
  const cpu = cpus().length - 1;
  const pinned = spawnSync("taskset", ["-pc", String(cpu), String(process.pid)], { encoding: "utf8" });
  return pinned.status === 0 ? cpu : undefined;
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const cpp = compileReference();
  const pinnedCpu = pinToOneCpu();
  if (pinnedCpu !== undefined) ReferenceServer.cpu = pinnedCpu;
  const meta = {
    date: new Date().toISOString(),
    mode: smoke ? "smoke" : "full",
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
      loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    },
    node: process.version,
    v8: process.versions.v8,
    cppReference: cpp.ok ? `${cpp.compiler}, -O2` : `skipped: ${cpp.reason}`,
    pinnedCpu: pinnedCpu ?? "not pinned (taskset unavailable)",
    config,
  };
  const header = [
    `deltanet shortest-path bench (${meta.mode}) — ${meta.date}`,
    `machine: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memoryGb} GB, ${meta.machine.os}; load average at start ${meta.machine.loadAverageAtStart.join(" / ")} (1 / 5 / 15 min)`,
    `node ${meta.node} (V8 ${meta.v8}); C++ reference: ${meta.cppReference}; ${pinnedCpu === undefined ? "processes not pinned" : `bench and C++ reference pinned to CPU ${pinnedCpu} (taskset)`}`,
    `queries: ${config.origins} seeded origins × ${config.rounds} round(s) for single-source and cutoff searches, ${config.pairs} seeded point-to-point pairs × ${config.rounds} round(s)`,
  ];
  console.log(header.join("\n"));
  if (!cpp.ok) console.log(`notice: C++ reference skipped (${cpp.reason}); no C++ ratios this run`);

  const candidates: [string, () => BenchGraph | undefined, string][] = smoke
    ? [
        ["rome", romeGraph, "../shared/data/reference/dimacs/rome99.gr not found"],
        ["grid", () => gridGraph(60, 60), ""],
      ]
    : [
        ["ny", nyGraph, "../shared/data/reference/dimacs/NY.gr not found"],
        ["rome", romeGraph, "../shared/data/reference/dimacs/rome99.gr not found"],
        ["grid", () => gridGraph(1000, 1000), ""],
        ["yrd", yrdGraph, "networks/yrd/network.json not found (the YRD network is not built yet)"],
      ];
  const results: GraphResult[] = [];
  const skipped: string[] = [];
  for (const [name, make, why] of candidates) {
    if (only && !only.has(name)) continue;
    log(`[${name}] preparing input`);
    const graph = make();
    if (graph === undefined) {
      const notice = `notice: ${name} skipped: ${why}`;
      console.log(notice);
      skipped.push(notice);
      continue;
    }
    results.push(await benchGraph(graph, cpp.ok ? cpp.binary : undefined));
    save(false); // after every graph, so a later failure keeps what was measured
  }
  const markdown = save(true);
  console.log(`\n${markdown}`);

  /** Writes the JSON and markdown results; `complete` false marks a partial file. Returns the markdown. */
  function save(complete: boolean): string {
    const totalSeconds = msSince(started) / 1000;
    const markdown = toMarkdown(header, results, skipped, totalSeconds, complete);
    // Smoke runs (CI) write under the git-ignored bench/.build, so they never overwrite committed results.
    const dir = resolve(REPO_ROOT, smoke ? "bench/.build/results" : "bench/results");
    mkdirSync(dir, { recursive: true });
    const stem = `${meta.date.slice(0, 10)}-node${process.versions.node.split(".")[0]}${smoke ? "-smoke" : ""}`;
    writeFileSync(resolve(dir, `${stem}.json`), `${JSON.stringify({ meta, complete, totalSeconds, skipped, graphs: results }, replacer, 2)}\n`);
    writeFileSync(resolve(dir, `${stem}.md`), `${markdown}\n`);
    if (complete) console.log(`saved ${relative(REPO_ROOT, dir)}/${stem}.json and .md (${totalSeconds.toFixed(0)} s)`);
    return markdown;
  }
}

/** JSON has no Infinity: write it as the string "Infinity". */
function replacer(_key: string, value: unknown): unknown {
  return value === Infinity ? "Infinity" : value;
}

/** Distinct seeded node indexes. */
function pickNodes(next: () => number, nodeCount: number, count: number): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, nodeCount)) picked.add(randomInt(next, 0, nodeCount - 1));
  return [...picked];
}

/** Times `f` on every item, once per call, returning ms per call. */
function timeEach<T>(items: readonly T[], f: (item: T) => void): number[] {
  return items.map((item) => {
    const start = process.hrtime.bigint();
    f(item);
    return msSince(start);
  });
}

/** Reached count and cost sum (in node-index order, as the C++ reference sums) of a single-source result. */
function checksum(costs: Float64Array): { reached: number; sum: number } {
  let reached = 0;
  let sum = 0;
  for (let v = 0; v < costs.length; v++) {
    if (costs[v] < Infinity) {
      reached++;
      sum += costs[v];
    }
  }
  return { reached, sum };
}

/**
 * Cost agreement: exact, or within 1e-9 relative. Searches other than Dijkstra may return another of several
 * equal-cost paths whose left-to-right float sum differs by rounding with fractional costs (YRD minutes); the
 * integer-cost graphs (NY, Rome, grid) agree exactly in practice.
 */
function agrees(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * b;
}

function fail(message: string): never {
  throw new Error(`bench agreement check failed: ${message}`);
}

async function benchGraph(graph: BenchGraph, cppBinary: string | undefined): Promise<GraphResult> {
  const tag = graph.name;
  const notices: string[] = [];
  const rows: Row[] = [];
  const ratios: Ratio[] = [];

  // Load / compile (TypeScript), repeated once per round.
  const loadMs: number[] = [];
  let csr: Csr | undefined;
  for (let r = 0; r < config.rounds; r++) {
    collectGarbage();
    const start = process.hrtime.bigint();
    csr = loadGraph(graph.load).csr;
    loadMs.push(msSince(start));
  }
  const net = csr!;
  log(`[${tag}] ${net.nodeCount} nodes, ${net.linkCount} links, load ${loadMs.map((x) => x.toFixed(0)).join("/")} ms`);
  log(`[${tag}] landmark preprocessing (${config.landmarkCount} landmarks)`);
  const landmarkMs: number[] = [];
  let landmarks = createLandmarks(net, Math.min(config.landmarkCount, net.nodeCount));
  for (let r = 0; r < Math.min(config.rounds, 2); r++) {
    const start = process.hrtime.bigint();
    landmarks = createLandmarks(net, Math.min(config.landmarkCount, net.nodeCount));
    landmarkMs.push(msSince(start));
  }
  let coordinates = graph.coordinates?.(net);
  let search = createShortestPathSearch(net, { ...(coordinates ?? {}), landmarks });
  if (coordinates) {
    try {
      search.pathAStar(0, 0);
    } catch (e) {
      notices.push(`A* (great-circle bound) skipped: ${(e as Error).message}`);
      coordinates = undefined;
      search = createShortestPathSearch(net, { landmarks });
    }
  }

  // Seeded queries.
  const next = mulberry32([...tag].reduce((h, ch) => Math.imul(h, 31) + ch.charCodeAt(0), 7));
  const origins = pickNodes(next, net.nodeCount, config.origins);
  const pairs: [number, number][] = Array.from({ length: config.pairs }, () => [randomInt(next, 0, net.nodeCount - 1), randomInt(next, 0, net.nodeCount - 1)]);

  // Warm-up (JIT) and checksums; cutoff = 10th percentile of the first origin's finite costs.
  const sorted = Float64Array.from(search.singleSource(origins[0]).costs.filter((c) => c < Infinity)).sort();
  const cutoff = sorted[Math.floor(0.1 * (sorted.length - 1))];
  for (const o of origins.slice(0, 3)) search.singleSource(o);
  const singleSourceCheck = origins.map((o) => checksum(search.singleSource(o).costs));
  const cutoffCheck = origins.map((o) => checksum(search.singleSource(o, { cutoff }).costs));
  const pairCosts = pairs.map(([o, d]) => search.path(o, d)?.cost ?? Infinity);
  pairs.forEach(([o, d], i) => {
    const bi = search.pathBidirectional(o, d)?.cost ?? Infinity;
    if (!agrees(bi, pairCosts[i])) fail(`${tag}: bidirectional ${bi} ≠ dijkstra ${pairCosts[i]} for pair ${o} → ${d}`);
    if (coordinates) {
      const a = search.pathAStar(o, d)?.cost ?? Infinity;
      if (!agrees(a, pairCosts[i])) fail(`${tag}: A* ${a} ≠ dijkstra ${pairCosts[i]} for pair ${o} → ${d}`);
    }
    const alt = search.pathLandmarks(o, d)?.cost ?? Infinity;
    if (!agrees(alt, pairCosts[i])) fail(`${tag}: ALT ${alt} ≠ dijkstra ${pairCosts[i]} for pair ${o} → ${d}`);
  });
  log(`[${tag}] cutoff ${cutoff} (p10 of origin ${origins[0]}'s costs); deltanet variants agree on ${pairs.length} pairs`);

  // Paired timings: TypeScript and C++ run the same query one after the other (which goes first alternates), so that
  // load from other processes on the machine hits both alike. One C++ server process (one load sample) per round.
  const ts = { ss: [] as number[], cut: [] as number[], p2p: [] as number[], bi: [] as number[], astar: [] as number[], alt: [] as number[] };
  const cppTimes = { load: [] as number[], ss: [] as number[], cut: [] as number[], p2p: [] as number[] };
  const timeOne = (f: () => void): number => {
    const start = process.hrtime.bigint();
    f();
    return msSince(start);
  };
  /** Runs the TypeScript query and the C++ query in alternating order; returns [typescriptMs, cppAnswer]. */
  const paired = async (i: number, jsQuery: () => void, server: ReferenceServer | undefined, cppQuery: string): Promise<[number, number[] | undefined]> => {
    if (server === undefined) return [timeOne(jsQuery), undefined];
    if (i % 2 === 0) {
      const jsMs = timeOne(jsQuery);
      return [jsMs, await server.query(cppQuery)];
    }
    const answer = await server.query(cppQuery);
    return [timeOne(jsQuery), answer];
  };
  for (let r = 0; r < config.rounds; r++) {
    log(`[${tag}] round ${r + 1} of ${config.rounds}`);
    collectGarbage();
    const server = cppBinary ? await ReferenceServer.start(cppBinary, graph.grFile) : undefined;
    if (server) {
      if (server.nodeCount !== net.nodeCount) fail(`${tag}: C++ read ${server.nodeCount} nodes, TypeScript ${net.nodeCount}`);
      cppTimes.load.push(server.loadMs);
    }
    for (const [i, o] of origins.entries()) {
      const [jsMs, answer] = await paired(i + r, () => search.singleSource(o), server, `ss ${o}`);
      ts.ss.push(jsMs);
      if (answer) {
        if (answer[1] !== singleSourceCheck[i].reached || answer[2] !== singleSourceCheck[i].sum) {
          fail(`${tag}: single-source from ${o}: C++ ${answer[1]} nodes / ${answer[2]}, TypeScript ${singleSourceCheck[i].reached} / ${singleSourceCheck[i].sum}`);
        }
        cppTimes.ss.push(answer[0]);
      }
    }
    for (const [i, o] of origins.entries()) {
      const [jsMs, answer] = await paired(i + r, () => search.singleSource(o, { cutoff }), server, `cut ${o} ${cutoff.toPrecision(17)}`);
      ts.cut.push(jsMs);
      if (answer) {
        if (answer[1] !== cutoffCheck[i].reached || answer[2] !== cutoffCheck[i].sum) {
          fail(`${tag}: cutoff search from ${o}: C++ ${answer[1]} / ${answer[2]}, TypeScript ${cutoffCheck[i].reached} / ${cutoffCheck[i].sum}`);
        }
        cppTimes.cut.push(answer[0]);
      }
    }
    for (const [i, [o, d]] of pairs.entries()) {
      const [jsMs, answer] = await paired(i + r, () => search.path(o, d), server, `p2p ${o} ${d}`);
      ts.p2p.push(jsMs);
      if (answer) {
        if ((answer[1] < 0 ? Infinity : answer[1]) !== pairCosts[i]) fail(`${tag}: pair ${o} → ${d}: C++ ${answer[1]}, TypeScript ${pairCosts[i]}`);
        cppTimes.p2p.push(answer[0]);
      }
      ts.bi.push(timeOne(() => search.pathBidirectional(o, d)));
      if (coordinates) ts.astar.push(timeOne(() => search.pathAStar(o, d)));
      ts.alt.push(timeOne(() => search.pathLandmarks(o, d)));
    }
    await server?.close();
  }
  const row = (task: string, implementation: string, samples: number[], note?: string): Summary => {
    const s = summarize(samples);
    rows.push({ task, implementation, ...s, ...(note ? { note } : {}) });
    return s;
  };
  const loadTs = row("load + compile", graph.load.kind === "yrd" ? "deltanet (readNetworkFolder + compileNetwork)" : "deltanet (parse .gr + buildCsr)", loadMs);
  const ssTs = row("single-source, all nodes", "deltanet", ts.ss);
  const cutTs = row(`cutoff-bounded (cutoff ${cutoff})`, "deltanet", ts.cut);
  row("point-to-point", "deltanet Dijkstra early exit", ts.p2p);
  const biTs = row("point-to-point", "deltanet bidirectional", ts.bi);
  if (coordinates) row("point-to-point", "deltanet A* (great-circle bound)", ts.astar);
  const altTs = row("point-to-point", `deltanet A* with ${landmarks.count} landmarks (ALT)`, ts.alt);
  row(`landmark preprocessing (${landmarks.count} landmarks)`, "deltanet createLandmarks", landmarkMs,
    `${(2 * landmarks.fromLandmark.byteLength / 2 ** 20).toFixed(1)} MB; once per network and cost set, valid under any closures`);
  if (cppBinary) {
    const loadCpp = row("load + compile", "C++ (parse .gr + CSR)", cppTimes.load);
    const ssCpp = row("single-source, all nodes", "C++ std::priority_queue", cppTimes.ss);
    const cutCpp = row(`cutoff-bounded (cutoff ${cutoff})`, "C++ std::priority_queue", cppTimes.cut);
    row("point-to-point", "C++ Dijkstra early exit", cppTimes.p2p);
    ratios.push({ name: "single-source: deltanet / C++ (median)", value: ssTs.medianMs / ssCpp.medianMs, target: "≤ 1.3 on NY" });
    ratios.push({ name: "cutoff-bounded: deltanet / C++ (median)", value: cutTs.medianMs / cutCpp.medianMs, target: "≤ 1.3 on NY" });
    ratios.push({ name: "load + compile: deltanet / C++ (median)", value: loadTs.medianMs / loadCpp.medianMs });
  }

  // Reference libraries, on the same queries, after an agreement check.
  if (config.libraries && net.nodeCount > 500_000) {
    notices.push(
      "graphology-shortest-path and ngraph.path skipped on this graph: graphology's singleSource keeps one path array per node " +
        "(≈ nodes × mean hop count entries, ~10⁹ here) and both libraries' object graphs of 4M links need GBs",
    );
  } else if (config.libraries) {
    collectGarbage();
    benchLibraries(tag, net, search, origins, pairs, pairCosts, ssTs, biTs, altTs, rows, ratios, notices);
  }

  collectGarbage();
  // Peak memory: load + one single-source search in fresh processes.
  const memory: GraphResult["memory"] = {};
  log(`[${tag}] memory probes`);
  const probe = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", resolve(REPO_ROOT, "bench/support/memory-probe.ts"), JSON.stringify(graph.load), String(origins[0])],
    { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (probe.status === 0) memory.deltanet = JSON.parse(probe.stdout.trim().split("\n").pop()!) as MemoryReport;
  else notices.push(`deltanet memory probe failed: ${probe.stderr.split("\n")[0]}`);
  if (cppBinary) memory.cpp = referenceMemory(cppBinary, graph.grFile, origins[0]);
  if (memory.deltanet && memory.cpp) {
    const ts = memory.deltanet.peakRssKb - memory.deltanet.baselineRssKb;
    const c = memory.cpp.peakRssKb - memory.cpp.baselineRssKb;
    ratios.push({ name: "peak memory over baseline (load + 1 search): deltanet / C++", value: ts / c, target: "≤ 2.5 on NY" });
    ratios.push({ name: "compiled-graph arrays: deltanet / C++", value: memory.deltanet.structureBytes / memory.cpp.structureBytes });
  }
  for (const r of ratios) {
    if (r.target && tag === "ny") {
      const bound = Number(r.target.match(/[\d.]+/)![0]);
      r.met = r.target.startsWith("≤") ? r.value <= bound : r.value >= bound;
    }
  }
  for (const n of notices) log(`[${tag}] notice: ${n}`);
  return { name: tag, description: graph.description, nodeCount: net.nodeCount, linkCount: net.linkCount, cutoff, rows, ratios, memory, notices };
}

function benchLibraries(
  tag: string,
  net: Csr,
  search: ShortestPathSearch,
  origins: number[],
  pairs: [number, number][],
  pairCosts: number[],
  ssTs: Summary,
  biTs: Summary,
  altTs: Summary,
  rows: Row[],
  ratios: Ratio[],
  notices: string[],
): void {
  const budget = config.libraryBudgetMs;
  const add = (task: string, implementation: string, samples: number[], note?: string) => {
    const s = summarize(samples);
    rows.push({ task, implementation, ...s, ...(note ? { note } : {}) });
    return s;
  };
  /** Runs f on items in order until the time budget is spent (at least `min`), returning the times. */
  const withinBudget = <T>(items: readonly T[], min: number, f: (item: T) => void): number[] => {
    const times: number[] = [];
    let spent = 0;
    for (const item of items) {
      if (times.length >= min && spent > budget) break;
      const start = process.hrtime.bigint();
      f(item);
      const ms = msSince(start);
      times.push(ms);
      spent += ms;
    }
    return times;
  };
  /** deltanet's times on the first `count` items (for like-for-like ratios on a budget-limited subset). */
  const oursOn = <T>(items: readonly T[], count: number, f: (item: T) => void): Summary =>
    summarize(Array.from({ length: 3 }, () => timeEach(items.slice(0, count), f)).flat());

  // graphology-shortest-path
  log(`[${tag}] graphology: building the graph`);
  let start = process.hrtime.bigint();
  const graph = toGraphology(net);
  const graphologyBuildMs = msSince(start);
  log(`[${tag}] graphology: agreement check (singleSource from ${origins[0]})`);
  start = process.hrtime.bigint();
  const paths = graphologySingleSource(graph, origins[0]);
  const firstMs = msSince(start);
  const ours = search.singleSource(origins[0]).costs;
  for (let v = 0; v < net.nodeCount; v++) {
    const path = paths[String(v)];
    const cost = path === undefined ? Infinity : nodePathCost(net, path.map(Number));
    if (!agrees(cost, ours[v])) fail(`${tag}: graphology singleSource cost of node ${v} is ${cost}, deltanet ${ours[v]}`);
  }
  const ssOrigins = origins.slice(0, Math.max(1, Math.min(origins.length, Math.floor(budget / Math.max(firstMs, 1)))));
  log(`[${tag}] graphology: singleSource on ${ssOrigins.length} origin(s) (first took ${firstMs.toFixed(0)} ms)`);
  const gSs = add("single-source, all nodes", "graphology-shortest-path dijkstra.singleSource", timeEach(ssOrigins, (o) => graphologySingleSource(graph, o)),
    `${ssOrigins.length} of ${origins.length} origins (time budget); graph build ${graphologyBuildMs.toFixed(0)} ms not included`);
  const oursSs = ssOrigins.length === origins.length ? ssTs : oursOn(ssOrigins, ssOrigins.length, (o) => search.singleSource(o));
  ratios.push({ name: `single-source: graphology singleSource / deltanet (median, same ${ssOrigins.length} origins)`, value: gSs.medianMs / oursSs.medianMs, target: "≥ 30 on NY" });

  log(`[${tag}] graphology: bidirectional`);
  const biTimes = withinBudget(pairs, 3, ([o, d]) => {
    const path = graphologyBidirectional(graph, o, d);
    const i = pairs.findIndex((p) => p[0] === o && p[1] === d);
    const cost = path.length === 0 ? Infinity : nodePathCost(net, path);
    if (!agrees(cost, pairCosts[i])) fail(`${tag}: graphology bidirectional ${o} → ${d} costs ${cost}, deltanet ${pairCosts[i]}`);
  });
  const gBi = add("point-to-point", "graphology-shortest-path bidirectional", biTimes,
    `${biTimes.length} of ${pairs.length} pairs${biTimes.length < pairs.length ? " (time budget)" : ""}; checked against deltanet while timed (check cost included, < 1%)`);
  const oursBi = biTimes.length === pairs.length ? biTs : oursOn(pairs, biTimes.length, ([o, d]) => search.pathBidirectional(o, d));
  ratios.push({ name: `point-to-point: graphology bidirectional / deltanet bidirectional (median, same ${biTimes.length} pairs)`, value: gBi.medianMs / oursBi.medianMs });

  // ngraph.path
  log(`[${tag}] ngraph.path: building the graph`);
  const finders = ngraphFinders(net);
  for (const method of ["aStar", "nba"] as const) {
    log(`[${tag}] ngraph.path ${method}: agreement pass`);
    const find = finders[method];
    const check = withinBudget(pairs, 3, ([o, d]) => {
      const path = find(o, d);
      // aStar returns [destination] when the destination is unreachable but adjacent only through impassable links.
      const cost = path.length === 0 || path[0] !== o ? Infinity : nodePathCost(net, path);
      const i = pairs.findIndex((p) => p[0] === o && p[1] === d);
      if (!agrees(cost, pairCosts[i])) fail(`${tag}: ngraph.path ${method} ${o} → ${d} costs ${cost}, deltanet ${pairCosts[i]}`);
    });
    const subset = pairs.slice(0, check.length);
    log(`[${tag}] ngraph.path ${method}: timed pass on ${subset.length} pairs`);
    const times = timeEach(subset, ([o, d]) => find(o, d));
    const s = add("point-to-point", `ngraph.path ${method} (oriented)`, times, `${subset.length} of ${pairs.length} pairs${subset.length < pairs.length ? " (time budget)" : ""}; no heuristic (h = 0)`);
    // Totals per pass over the same pairs (deltanet's samples cover `rounds` passes).
    const perPass = (x: Summary, count: number) => (x.totalMs * count) / x.samples;
    const oursBi = subset.length === pairs.length ? biTs : oursOn(pairs, subset.length, ([o, d]) => search.pathBidirectional(o, d));
    const oursAlt = subset.length === pairs.length ? altTs : oursOn(pairs, subset.length, ([o, d]) => search.pathLandmarks(o, d));
    ratios.push({
      name: `point-to-point: ngraph.path ${method} / deltanet bidirectional, like for like, no heuristic (total over the same ${subset.length} pairs)`,
      value: s.totalMs / perPass(oursBi, subset.length),
    });
    ratios.push({
      name: `point-to-point: ngraph.path ${method} / deltanet ALT (total over the same ${subset.length} pairs, preprocessing excluded)`,
      value: s.totalMs / perPass(oursAlt, subset.length),
      ...(method === "nba" ? { target: "≥ 10 on NY" } : {}),
    });
  }
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

function toMarkdown(header: string[], results: GraphResult[], skipped: string[], totalSeconds: number, complete: boolean): string {
  const out: string[] = header.map((h) => `${h}  `);
  out.push("");
  for (const g of results) {
    out.push(`### ${g.name}: ${g.nodeCount.toLocaleString("en")} nodes, ${g.linkCount.toLocaleString("en")} links`, "", g.description, "");
    out.push("| task | implementation | queries | median ms | p90 ms | total ms | note |", "| --- | --- | ---: | ---: | ---: | ---: | --- |");
    for (const r of g.rows) out.push(`| ${r.task} | ${r.implementation} | ${r.samples} | ${fmt(r.medianMs)} | ${fmt(r.p90Ms)} | ${fmt(r.totalMs)} | ${r.note ?? ""} |`);
    out.push("");
    if (g.memory.deltanet || g.memory.cpp) {
      const m = (r?: MemoryReport) => (r ? `${((r.peakRssKb - r.baselineRssKb) / 1024).toFixed(1)} MB over a ${(r.baselineRssKb / 1024).toFixed(1)} MB baseline; graph arrays ${(r.structureBytes / 2 ** 20).toFixed(1)} MB` : "n/a");
      out.push(`Peak memory (load + one single-source search, fresh process): deltanet ${m(g.memory.deltanet)}; C++ ${m(g.memory.cpp)}.`, "");
    }
    for (const r of g.ratios) {
      const verdict = r.met === undefined ? "" : r.met ? " — target met" : " — target NOT met";
      out.push(`- ${r.name}: **${r.value.toFixed(2)}**${r.target ? ` (target ${r.target})` : ""}${verdict}`);
    }
    for (const n of g.notices) out.push(`- notice: ${n}`);
    out.push("");
  }
  for (const s of skipped) out.push(`- ${s}`);
  out.push(complete ? `Total bench time: ${totalSeconds.toFixed(0)} s.` : `(partial: run still in progress or failed after ${totalSeconds.toFixed(0)} s)`);
  return out.join("\n");
}

await main();
