/**
 * Link criticality (`deltanet criticality <scenario> --layer road`): runs the N-1 batch of a layer on the engine pool
 * (the same model, generator and kernel as `deltanet batch` with `generator: { type: n-minus-1 }`) and ranks the
 * facilities by how much their single closure hurts.
 *
 * Ranking (most critical first): more OD pairs disconnected; then a larger population-weighted mean increase in
 * door-to-door time; then a larger loss of max-flow summed over the layer's capacity queries (units differ between
 * layers, never within one); then facility id (code units), so ties are deterministic.
 */
import { UsageError } from "../../errors.ts";
import { LAYERS, type Layer } from "../../model/network.ts";
import { computeWhatIfBase, createEnginePool, type EnginePool } from "../../engine/pool.ts";
import { prepareBatch, runWhatIfScenarios, type BatchProgress, type InjectedFault } from "./run-batch.ts";
import { formatMetricValue, type CriticalityResult, type CriticalityRow } from "../../report/criticality.ts";

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
