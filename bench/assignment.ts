/**
 * Assignment bench (`npx tsx bench/assignment.ts [--smoke]`): iterations and wall time for FW, CFW and BFW to reach
 * relative gaps 1e-4 and 1e-5 on TNTP Sioux Falls and on the YRD road layer (baseline-2019, gravity demand), in one run.
 *
 * Method: each (network, algorithm, target) is solved from scratch `REPEATS` times and the median / p90 wall time is
 * reported (the iteration count is deterministic). Timing covers link-table validation, graph build and the
 * equilibrium loop; the YRD gravity demand is computed once beforehand and passed in, so both networks time the
 * assignment alone. Results are printed as a table and written to bench/results/assignment-<yyyy-mm-dd>.json with
 * the machine, Node version and inputs. `--smoke` runs one repetition on the hand-written TwoRoutes TNTP fixture and
 * the tiny test delta (test/fixtures) instead, to keep the script from rotting; it writes no results file.
 *
 * Tie-break sensitivity (Sioux Falls only): Sioux Falls' free-flow times are integers, so the first all-or-nothing
 * loadings meet many equal-cost shortest paths, and which one Dijkstra keeps (deltanet: the smallest link index)
 * steers the whole FW/CFW/BFW trajectory. The bench re-solves to 1e-4 with every free-flow time multiplied by
 * (1 + 1e-12·u), u uniform in [0, 1) from a seeded generator (`TIE_BREAK_SEEDS` draws): the equilibrium is the same to
 * 1e-12, only ties are broken differently. The spread of iteration counts says how much one count means.
 * Data: Sioux Falls from Transportation Networks for Research (https://github.com/bstabler/TransportationNetworks),
 * read from ../shared (academic research use; not copied).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AssignmentAlgorithm } from "../src/algorithms/assignment/user-equilibrium.ts";
import { resolveGravityParameters, resolveRoadAssignmentParameters, resolveRoadLinkTableParameters } from "../src/api/assignment-parameters.ts";
import { assignLinkTable, assignRoad } from "../src/engine/assign.ts";
import { roadGravityDemand, type OdDemand } from "../src/engine/gravity-demand.ts";
import { roadLinkTable } from "../src/engine/road-link-table.ts";
import type { LinkTable } from "../src/model/link-table.ts";
import { readTntpFolder, tntpLinkTable } from "../src/io/tntp.ts";
import type { Network } from "../src/model/network.ts";
import { applyScenario } from "../src/scenario/apply-scenario.ts";
import { mulberry32 } from "./support/random.ts";
import { msSince, summarize } from "./support/stats.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SMOKE = process.argv.includes("--smoke");
const REPEATS = SMOKE ? 1 : 5;
const TARGETS = [1e-4, 1e-5] as const;
const ALGORITHMS: AssignmentAlgorithm[] = ["fw", "cfw", "bfw"];
/** High enough for FW to reach 1e-5 on Sioux Falls (≈ 10,000 iterations). */
const MAX_ITERATIONS = 50_000;
/** Seeded tie-break draws per algorithm (module header); FW is slow, so fewer. */
const TIE_BREAK_SEEDS: Record<AssignmentAlgorithm, number> = { fw: 5, cfw: 10, bfw: 40 };
const TIE_BREAK_JITTER = 1e-12;
const TIE_BREAK_TARGET = 1e-4;

/** Iterations to {@link TIE_BREAK_TARGET} per algorithm over seeded free-flow-time jitters (module header). */
interface TieBreakSpread {
  network: string;
  algorithm: AssignmentAlgorithm;
  relativeGapTarget: number;
  relativeJitter: number;
  seeds: number;
  minIterations: number;
  medianIterations: number;
  maxIterations: number;
  iterations: number[];
}

function tieBreakSpread(dir: string): TieBreakSpread[] {
  const folder = readTntpFolder(dir);
  const table: LinkTable = tntpLinkTable(folder.net, folder.name);
  const out: TieBreakSpread[] = [];
  for (const algorithm of ALGORITHMS) {
    const iterations: number[] = [];
    for (let seed = 1; seed <= TIE_BREAK_SEEDS[algorithm]; seed++) {
      const next = mulberry32(seed);
      const jittered: LinkTable = { ...table, links: table.links.map((l) => ({ ...l, freeFlowTimeMin: l.freeFlowTimeMin * (1 + TIE_BREAK_JITTER * next()) })) };
      const run = assignLinkTable(jittered, folder.trips.demandVehPerHour, { algorithm, relativeGapTarget: TIE_BREAK_TARGET, maxIterations: MAX_ITERATIONS });
      iterations.push(run.iterations);
    }
    const sorted = [...iterations].sort((a, b) => a - b);
    out.push({
      network: folder.name,
      algorithm,
      relativeGapTarget: TIE_BREAK_TARGET,
      relativeJitter: TIE_BREAK_JITTER,
      seeds: iterations.length,
      minIterations: sorted[0]!,
      medianIterations: sorted[Math.floor((sorted.length - 1) / 2)]!,
      maxIterations: sorted[sorted.length - 1]!,
      iterations,
    });
  }
  return out;
}

interface Row {
  network: string;
  algorithm: AssignmentAlgorithm;
  relativeGapTarget: number;
  converged: boolean;
  iterations: number;
  relativeGap: number;
  objective: number;
  medianMs: number;
  p90Ms: number;
  samples: number;
}

interface Case {
  name: string;
  description: string;
  inputs: Record<string, number | string>;
  solve: (algorithm: AssignmentAlgorithm, target: number) => { converged: boolean; iterations: number; relativeGap: number; objective: number };
}

function tntpCase(dir: string, description: string): Case {
  const folder = readTntpFolder(dir);
  const table: LinkTable = tntpLinkTable(folder.net, folder.name);
  const demand = folder.trips.demandVehPerHour;
  return {
    name: folder.name,
    description,
    inputs: {
      nodes: folder.net.nodeCount,
      links: folder.net.links.length,
      zones: folder.net.zoneCount,
      demandVehPerHour: demand.reduce((a, b) => a + b, 0),
    },
    solve: (algorithm, target) => assignLinkTable(table, demand, { algorithm, relativeGapTarget: target, maxIterations: MAX_ITERATIONS }),
  };
}

function roadCase(name: string, scenario: string, description: string): Case {
  const network: Network = applyScenario(join(REPO_ROOT, scenario)).network;
  const gravity = roadGravityDemand(network, resolveGravityParameters(), resolveRoadLinkTableParameters());
  const demand: OdDemand = { zoneIds: gravity.zoneIds, demandVehPerHour: gravity.demandVehPerHour };
  const table = roadLinkTable(network, resolveRoadLinkTableParameters());
  return {
    name,
    description,
    inputs: {
      scenario,
      nodes: table.nodeIds.length,
      roadLinks: table.links.filter((l) => l.capacityVehPerHour !== Infinity).length,
      centroidConnectors: table.links.filter((l) => l.capacityVehPerHour === Infinity).length,
      zones: table.zoneNodeIds.length,
      demandVehPerHour: demand.demandVehPerHour.reduce((a, b) => a + b, 0),
    },
    solve: (algorithm, target) => {
      const { run } = assignRoad(network, { parameters: resolveRoadAssignmentParameters({ algorithm, relativeGapTarget: target, maxIterations: MAX_ITERATIONS }), demand });
      return run;
    },
  };
}

function measure(c: Case): Row[] {
  const rows: Row[] = [];
  for (const algorithm of ALGORITHMS) {
    for (const target of TARGETS) {
      const samples: number[] = [];
      let result = c.solve(algorithm, target); // warm-up run, also the reported result (deterministic)
      for (let r = 0; r < REPEATS; r++) {
        const start = process.hrtime.bigint();
        result = c.solve(algorithm, target);
        samples.push(msSince(start));
      }
      const s = summarize(samples);
      rows.push({
        network: c.name,
        algorithm,
        relativeGapTarget: target,
        converged: result.converged,
        iterations: result.iterations,
        relativeGap: result.relativeGap,
        objective: result.objective,
        medianMs: s.medianMs,
        p90Ms: s.p90Ms,
        samples: s.samples,
      });
    }
  }
  return rows;
}

function main(): void {
  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGb: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  console.log(`deltanet assignment bench${SMOKE ? " (smoke)" : ""}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`);
  console.log(`repeats per cell: ${REPEATS} (+1 warm-up); targets: ${TARGETS.join(", ")}; maxIterations ${MAX_ITERATIONS}`);

  const cases: Case[] = [];
  if (SMOKE) {
    cases.push(tntpCase(join(REPO_ROOT, "test/fixtures/tntp/TwoRoutes"), "hand-written two-route fixture"));
    cases.push(roadCase("tiny-delta", "test/fixtures/scenarios/baseline-2019.yaml", "test fixture delta, gravity demand"));
  } else {
    const sioux = resolve(REPO_ROOT, "../shared/data/reference/tntp/SiouxFalls");
    if (existsSync(sioux)) cases.push(tntpCase(sioux, "TNTP Sioux Falls (LeBlanc et al. 1975)"));
    else console.warn(`skipping Sioux Falls: ${sioux} not found`);
    cases.push(roadCase("yrd-baseline-2019", "scenarios/baseline-2019.yaml", "YRD road layer + centroid connectors, gravity demand (src/defaults.ts)"));
  }

  const rows: Row[] = [];
  for (const c of cases) {
    console.log(`\n${c.name}: ${c.description}; ${Object.entries(c.inputs).map(([k, v]) => `${k} ${typeof v === "number" ? Number(v.toFixed(1)) : v}`).join(", ")}`);
    const caseRows = measure(c);
    rows.push(...caseRows);
    console.log("algorithm  target   iterations  converged  relativeGap  objective            median ms   p90 ms");
    for (const r of caseRows) {
      console.log(
        `${r.algorithm.padEnd(9)}  ${r.relativeGapTarget.toExponential(0).padEnd(7)}  ${String(r.iterations).padStart(10)}  ${String(r.converged).padEnd(9)}  ${r.relativeGap.toExponential(2).padStart(11)}  ${r.objective.toFixed(3).padStart(18)}  ${r.medianMs.toFixed(1).padStart(10)}  ${r.p90Ms.toFixed(1).padStart(7)}`,
      );
    }
    for (const target of TARGETS) {
      const fw = caseRows.find((r) => r.algorithm === "fw" && r.relativeGapTarget === target);
      const bfw = caseRows.find((r) => r.algorithm === "bfw" && r.relativeGapTarget === target);
      if (fw && bfw) console.log(`  ${target}: bfw/fw iterations = ${(bfw.iterations / fw.iterations).toFixed(3)}`);
    }
  }

  let tieBreak: TieBreakSpread[] = [];
  const siouxDir = resolve(REPO_ROOT, "../shared/data/reference/tntp/SiouxFalls");
  if (!SMOKE && existsSync(siouxDir)) {
    console.log(`\nTie-break sensitivity, Sioux Falls to ${TIE_BREAK_TARGET}: free-flow times × (1 + ${TIE_BREAK_JITTER}·u), seeded`);
    tieBreak = tieBreakSpread(siouxDir);
    console.log("algorithm  seeds  min iterations  median  max");
    for (const t of tieBreak) {
      console.log(`${t.algorithm.padEnd(9)}  ${String(t.seeds).padStart(5)}  ${String(t.minIterations).padStart(14)}  ${String(t.medianIterations).padStart(6)}  ${String(t.maxIterations).padStart(4)}`);
    }
  }

  if (SMOKE) return;
  const date = new Date().toISOString().slice(0, 10);
  const out = join(REPO_ROOT, "bench/results", `assignment-${date}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ kind: "deltanet-assignment-bench", date, machine, repeats: REPEATS, maxIterations: MAX_ITERATIONS, cases: cases.map((c) => ({ name: c.name, description: c.description, inputs: c.inputs })), rows, tieBreak }, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}

main();
