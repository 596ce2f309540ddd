/**
 * Link criticality (`deltanet criticality <scenario> --layer road`): runs the N-1 batch of a layer on the engine pool
 * (the same model, generator and kernel as `deltanet batch` with `generator: { type: n-minus-1 }`) and ranks the
 * facilities by how much their single closure hurts.
 *
 * Ranking (most critical first): more OD pairs disconnected; then a larger population-weighted mean increase in
 * door-to-door time; then a larger loss of max-flow summed over the layer's capacity queries (units differ between
 * layers, never within one); then facility id (code units), so ties are deterministic.
 */
import { CRITICALITY_TOP_COUNT } from "../defaults.ts";
import { UsageError } from "../errors.ts";
import { LAYERS, type Layer } from "../model/network.ts";
import { computeWhatIfBase, createEnginePool, type EnginePool } from "../engine/pool.ts";
import type { MetricInfo } from "../engine/what-if-kernel.ts";
import { formatMetricValue } from "./batch-output.ts";
import { prepareBatch, runWhatIfScenarios, type BatchFailure, type BatchProgress, type InjectedFault } from "./run-batch.ts";
import { millions, type Section } from "../report/sections.ts";

/** One ranked facility. */
export interface CriticalityRow {
  /** 1 = most critical. */
  rank: number;
  facilityId: string;
  name?: string;
  /** Metric name → value (rounded as in batch output; `null` = undefined, e.g. no OD pair left connected). */
  metrics: Record<string, number | null>;
}

/** Result of {@link criticality}. */
export interface CriticalityResult {
  kind: "deltanet-criticality";
  scenario: { name: string; file: string; networkChecksum: string };
  layer: Layer;
  /** Metric names and units, in column order. */
  metrics: MetricInfo[];
  /** Every open facility of the layer, most critical first (failed ones left out: see `failures`). */
  rows: CriticalityRow[];
  failures: BatchFailure[];
  interrupted: boolean;
}

/** Options of {@link criticality}. */
export interface CriticalityOptions {
  layer: Layer;
  /** Isochrone cutoffs of the metrics, minutes (default 60, 120). */
  cutoffsMin?: number[];
  workers?: number;
  taskTimeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  log?: (line: string) => void;
  /** Testing only. */
  faults?: Readonly<Record<string, InjectedFault>>;
}

/**
 * Ranks every open facility of a layer by the effect of closing it alone (both directions) on the scenario's
 * network.
 * @param scenarioPath base scenario file
 * @throws UsageError code `invalid-layer` for an unknown layer; InputError (exit 3) for a bad scenario or a layer
 *   with no facility to close (`no-facilities`); TaskFailedError when a base task fails.
 * @example (await criticality("scenarios/baseline-2019.yaml", { layer: "road" })).rows[0].facilityId
 */
export async function criticality(scenarioPath: string, options: CriticalityOptions): Promise<CriticalityResult> {
  if (!LAYERS.includes(options.layer)) throw new UsageError(`unknown layer "${String(options.layer)}" (expected one of ${LAYERS.join(", ")})`, "invalid-layer");
  const prepared = prepareBatch(
    { name: `criticality-${options.layer}`, scenarioPath, generator: { type: "n-minus-1", layer: options.layer }, ...(options.cutoffsMin ? { cutoffsMin: options.cutoffsMin } : {}) },
    (path) => ({ path: path[0] === "layer" ? "--layer" : path.join(".") }),
  );
  const { model, scenarios } = prepared;
  const values = new Map<number, Float64Array>();
  let pool: EnginePool | undefined;
  const progress: BatchProgress = { done: 0, failed: 0, total: scenarios.length };
  try {
    pool = createEnginePool({ ...(options.workers !== undefined ? { workers: options.workers } : {}), ...(options.taskTimeoutMs !== undefined ? { taskTimeoutMs: options.taskTimeoutMs } : {}) });
    await computeWhatIfBase(model, pool);
    const run = await runWhatIfScenarios(model, scenarios, pool, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
      onResult: (s, v) => {
        values.set(s.index, v);
        progress.done++;
        options.onProgress?.({ ...progress });
      },
      onFailure: () => {
        progress.failed++;
        options.onProgress?.({ ...progress });
      },
    });
    const metrics = model.metrics;
    const idx = (name: string) => metrics.findIndex((m) => m.name === name);
    const disconnected = idx("odPairsDisconnected");
    const meanIncrease = idx("meanTimeIncreaseMin");
    const flowIdx = metrics.map((m, k) => (m.name.startsWith("maxFlowChange:") ? k : -1)).filter((k) => k >= 0);
    const ranked = scenarios
      .filter((s) => values.has(s.index))
      .map((s) => {
        const v = values.get(s.index)!;
        const flowLoss = flowIdx.reduce((sum, k) => sum - (Number.isFinite(v[k]!) ? v[k]! : 0), 0);
        return { s, v, key: [v[disconnected]!, Number.isFinite(v[meanIncrease]!) ? v[meanIncrease]! : -Infinity, flowLoss] };
      })
      .sort((a, b) => b.key[0]! - a.key[0]! || b.key[1]! - a.key[1]! || b.key[2]! - a.key[2]! || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0));
    const rows: CriticalityRow[] = ranked.map(({ s, v }, i) => {
      const facilityId = s.closedFacilityIds[0]!;
      const name = model.facilities.get(facilityId)?.name;
      return {
        rank: i + 1,
        facilityId,
        ...(name !== undefined ? { name } : {}),
        metrics: Object.fromEntries(metrics.map((m, k) => [m.name, formatMetricValue(v[k]!)])),
      };
    });
    return { kind: "deltanet-criticality", scenario: prepared.baseScenario, layer: options.layer, metrics, rows, failures: run.failures, interrupted: run.interrupted };
  } finally {
    await pool?.terminate();
  }
}

/**
 * Short column header of a what-if metric for the table and markdown output (the CSV and JSON keep the metric names):
 * two or three short lines with the unit; persons are shown in millions ("M").
 * @example metricHeader({ name: "populationWithin120MinChangePersons", unit: "persons" }) // "Δ persons\n≤ 120 min (M)"
 * @example metricHeader({ name: "maxFlowChange:road-north-to-south", unit: "veh/h" }) // "Δ max flow\nroad-north-to-south\n(veh/h)"
 */
export function metricHeader(metric: MetricInfo): string {
  const { name, unit } = metric;
  const shownUnit = unit === "persons" ? "M" : unit;
  let m: RegExpExecArray | null;
  if (name === "meanTimeIncreaseMin") return `Mean time\nincrease (${shownUnit})`;
  if (name === "odPairsDisconnected") return "OD pairs\ncut";
  if (name === "populationDisconnectedPersons") return `Persons\ncut off (${shownUnit})`;
  if ((m = /^odPairsBeyond(\d+)Min$/.exec(name))) return `OD pairs\n> ${m[1]} min`;
  if ((m = /^populationWithin(\d+)MinChangePersons$/.exec(name))) return `Δ persons\n≤ ${m[1]} min (${shownUnit})`;
  if (name.startsWith("maxFlowChange:")) return `Δ max flow\n${name.slice("maxFlowChange:".length)}\n(${shownUnit})`;
  return `${name}\n(${shownUnit})`;
}

/**
 * The criticality table for the terminal/markdown formatters: the top `top` rows, one column per metric with a short
 * two-line header ({@link metricHeader}); the facility's name and id share a cell. Persons are shown in millions
 * (2 decimals, header "(M)"), minutes with 2 decimals, other counts exactly; a metric that could not be computed shows "–".
 * @example criticalitySections(result, 10)[0].headers.slice(0, 3) // ["Rank", "Facility", "Mean time\nincrease (min)"]
 */
export function criticalitySections(result: CriticalityResult, top = CRITICALITY_TOP_COUNT): Section[] {
  const cell = (v: number | null, unit: string) =>
    v === null ? "–" : unit === "persons" ? millions(v) : unit === "min" || !Number.isInteger(v) ? v.toFixed(2) : v.toLocaleString("en-US");
  return [
    {
      title: `Criticality of ${result.layer} facilities (N-1) on ${result.scenario.name}`,
      note:
        `Each facility closed alone (both directions), compared with the unclosed network; most critical first ` +
        `(${Math.min(top, result.rows.length)} of ${result.rows.length}). Δ = closed − unclosed.`,
      headers: ["Rank", "Facility", ...result.metrics.map(metricHeader)],
      align: ["right", "left", ...result.metrics.map(() => "right" as const)],
      rows: result.rows
        .slice(0, top)
        .map((r) => [String(r.rank), r.name ? `${r.name}\n${r.facilityId}` : r.facilityId, ...result.metrics.map((m) => cell(r.metrics[m.name] ?? null, m.unit))]),
    },
  ];
}

/**
 * The whole ranking as CSV (every row), columns `rank,facilityId,name,<metric>…`.
 * @example criticalityCsv(result).split("\n")[0] // "rank,facilityId,name,meanTimeIncreaseMin,…"
 */
export function criticalityCsv(result: CriticalityResult): string {
  const q = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const lines = [["rank", "facilityId", "name", ...result.metrics.map((m) => m.name)].map(q).join(",")];
  for (const r of result.rows) {
    lines.push([String(r.rank), q(r.facilityId), q(r.name ?? ""), ...result.metrics.map((m) => (r.metrics[m.name] === null ? "" : String(r.metrics[m.name])))].join(","));
  }
  return `${lines.join("\n")}\n`;
}
