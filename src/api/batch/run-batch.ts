/**
 * Batch what-if runs (`deltanet batch`): reads a batch file, builds the what-if model of its base scenario once,
 * expands the generator into scenarios, and runs them on the engine pool, writing one row per (scenario, metric) in
 * scenario order as results arrive, resumable, shardable and interruptible.
 *
 * Long-run behaviour
 * - Resume: with an output file, complete scenario blocks already in it are kept and skipped; the rest is computed.
 * - Shards: `shard i/n` takes the contiguous slice [⌊(i−1)·S/n⌋, ⌊i·S/n⌋) of the S scenarios; only shard 1 writes
 *   the CSV header, so `cat` of the shard files in order equals the unsharded file byte for byte.
 * - Faults: a scenario whose task throws or whose worker dies is reported and retried once
 *   ({@link BATCH_MAX_ATTEMPTS}); a timeout is reported and not retried (the same work would time out again). Failed
 *   scenarios leave no rows, the batch goes on, and the summary lists them (the CLI exits 5).
 * - Interrupt (`signal`): no new task starts, running ones are killed, every finished block is written in order
 *   and the file is closed: it holds complete rows only, and a rerun resumes it.
 */
import { BATCH_CUTOFFS_MIN, BATCH_MAX_ATTEMPTS, DEFAULT_CAPACITY_QUERIES, PASSENGER_LAYERS } from "../../defaults.ts";
import { DeltanetError, UsageError } from "../../errors.ts";
import { readBatchFile, type BatchFormat, type BatchSpec } from "../../io/batch-file.ts";
import { formatPath, positionOf } from "../../io/positions.ts";
import { applyScenario } from "../../scenario/apply-scenario.ts";
import { computeWhatIfBase, createEnginePool, TaskFailedError, type EnginePool, type TaskFailureKind } from "../../engine/pool.ts";
import type { ScenarioTask } from "../../engine/what-if-kernel.ts";
import type { BatchFailure } from "../../model/what-if-result.ts";
import { buildWhatIfModel, type WhatIfModel } from "../../engine/what-if-model.ts";
import { BATCH_CSV_HEADER, formatBlock, openFileSink, OrderedBlockWriter, readCompletedBlocks, type BlockSink } from "./batch-output.ts";
import { generateScenarios, type BatchScenario, type IssueLocator } from "./generate-scenarios.ts";

/** A batch ready to run: the model of its base scenario and every scenario, in order. */
export interface PreparedBatch {
  name: string;
  /** Base scenario name and checksum of its network (sha256). */
  baseScenario: { name: string; file: string; networkChecksum: string };
  model: WhatIfModel;
  scenarios: BatchScenario[];
}

/**
 * Applies the base scenario, builds its what-if model (passenger network, capacity queries of the generator's
 * layer, cutoffs of the batch) and generates the scenarios.
 * @param spec a parsed batch file, or the same fields without a file (`locate` then places issues)
 * @throws ScenarioError / InputError (exit 3) for a bad base scenario or network, and the generator issues of
 *   `generateScenarios` (`no-facilities`, `too-many-failures`, `no-effect`) at their line in the batch file.
 * @example prepareBatch(readBatchFile("scenarios/batches/road-n-1.yaml")).scenarios.length // 72
 */
export function prepareBatch(spec: Pick<BatchSpec, "name" | "scenarioPath" | "generator" | "cutoffsMin"> & Partial<Pick<BatchSpec, "file" | "source">>, locate?: IssueLocator): PreparedBatch {
  const applied = applyScenario(spec.scenarioPath);
  const capacityQueries = DEFAULT_CAPACITY_QUERIES.filter((q) => q.layer === spec.generator.layer);
  const model = buildWhatIfModel(applied.network, { cutoffsMin: spec.cutoffsMin ?? BATCH_CUTOFFS_MIN, passengerLayers: PASSENGER_LAYERS, capacityQueries });
  const { file, source } = spec;
  const where: IssueLocator | undefined =
    locate ??
    (file !== undefined && source !== undefined
      ? (path) => ({ file, ...positionOf(source, ["generator", ...path]), path: formatPath(["generator", ...path]) })
      : undefined);
  const scenarios = generateScenarios(model, spec.generator, where);
  return {
    name: spec.name,
    baseScenario: { name: applied.scenario.name, file: spec.scenarioPath, networkChecksum: applied.resultChecksum },
    model,
    scenarios,
  };
}

/** A deterministic share of a batch: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Parses `i/n` (1 ≤ i ≤ n, integers).
 * @throws UsageError code `invalid-shard` otherwise.
 * @example parseShard("2/4") // { index: 2, count: 4 }
 */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index >= 1) || index > count) {
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n (got "${text}")`, "invalid-shard");
  }
  return { index, count };
}

/**
 * The contiguous slice [start, end) of `total` scenarios that shard `shard` runs.
 * @example shardRange(10, { index: 2, count: 3 }) // [3, 6]
 */
export function shardRange(total: number, shard: Shard | undefined): [number, number] {
  if (shard === undefined) return [0, total];
  return [Math.floor(((shard.index - 1) * total) / shard.count), Math.floor((shard.index * total) / shard.count)];
}

/** Testing only: make the first `attempts` attempts (default 1) of a scenario fail this way. */
export interface InjectedFault {
  kind: "throw" | "exit" | "hang";
  attempts?: number;
}

export type { BatchFailure };

/** Progress of a run: scenarios of this run (shard) done so far, resumed ones included. */
export interface BatchProgress {
  done: number;
  failed: number;
  total: number;
}

/** Options of {@link runWhatIfScenarios}. */
export interface ScenarioRunOptions {
  /** Stop starting tasks and kill running ones when aborted. */
  signal?: AbortSignal;
  /** Testing only: injected faults by scenario id. */
  faults?: Readonly<Record<string, InjectedFault>>;
  /** Warnings and failures, one line each (no newline). */
  log?: (line: string) => void;
  /** Called once per scenario that completed, in completion order. */
  onResult?: (scenario: BatchScenario, values: Float64Array) => void;
  /** Called once per scenario that failed for good. */
  onFailure?: (scenario: BatchScenario, failure: BatchFailure) => void;
  /** Tasks in flight at once. Default 4 × workers (at least 2). */
  window?: number;
}

/**
 * Runs scenarios on the pool (the model's base must be computed): each scenario is one task; a task that throws or
 * whose worker dies is retried once, a timeout is not. Completion order is arbitrary; callers order the results.
 * @returns the failures (ascending by index) and whether the run was interrupted
 * @example const { failures } = await runWhatIfScenarios(model, scenarios, pool, { onResult: (s, v) => rows.set(s.index, v) });
 */
export async function runWhatIfScenarios(
  model: WhatIfModel,
  scenarios: readonly BatchScenario[],
  pool: EnginePool,
  options: ScenarioRunOptions = {},
): Promise<{ failures: BatchFailure[]; interrupted: boolean }> {
  if (!model.baseReady) throw new UsageError("runWhatIfScenarios: compute the base first (computeWhatIfBase)", "base-not-ready");
  const { signal, faults, log } = options;
  const failures: BatchFailure[] = [];
  const onAbort = () => void pool.terminate();
  signal?.addEventListener("abort", onAbort, { once: true });
  let next = 0;
  const runOne = async (scenario: BatchScenario): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) return;
      const fault = faults?.[scenario.id];
      const task: ScenarioTask = {
        scenarioId: scenario.id,
        ...scenario.perturbation,
        ...(fault && attempt <= (fault.attempts ?? 1) ? { fault: fault.kind } : {}),
      };
      try {
        const values = await pool.scenarioMetrics(model.descriptor, task);
        if (signal?.aborted) return;
        options.onResult?.(scenario, values);
        return;
      } catch (err) {
        if (signal?.aborted) return; // killed by the interrupt: neither a failure nor done
        const failure = err instanceof TaskFailedError ? err : new TaskFailedError("error", `scenario ${scenario.id}: ${err instanceof Error ? err.message : String(err)}`);
        if (failure.kind !== "timeout" && attempt < BATCH_MAX_ATTEMPTS) {
          log?.(`scenario #${scenario.index} ${failure.message} [${failure.code}]; retrying (attempt ${attempt + 1} of ${BATCH_MAX_ATTEMPTS})`);
          continue;
        }
        const record: BatchFailure = { index: scenario.index, scenarioId: scenario.id, kind: failure.kind, message: failure.message, attempts: attempt };
        log?.(`scenario #${scenario.index} failed after ${attempt} attempt(s): ${failure.message} [${failure.code}]`);
        failures.push(record);
        options.onFailure?.(scenario, record);
        return;
      }
    }
  };
  const window = Math.max(2, options.window ?? 4 * pool.workerCount);
  const lanes: Promise<void>[] = [];
  for (let lane = 0; lane < window; lane++) {
    lanes.push(
      (async () => {
        while (!signal?.aborted && next < scenarios.length) await runOne(scenarios[next++]!);
      })(),
    );
  }
  try {
    await Promise.all(lanes);
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  failures.sort((a, b) => a.index - b.index);
  return { failures, interrupted: signal?.aborted === true };
}

/** Options of {@link runBatch}. */
export interface RunBatchOptions {
  /** Worker threads (0 = in this thread). Default: the number of cores. */
  workers?: number;
  /** Task timeout, ms. Default DEFAULT_TASK_TIMEOUT_S × 1000. */
  taskTimeoutMs?: number;
  /** Output file: resumable. Without it, rows go to `write` (default stdout) and nothing is resumed. */
  out?: string;
  /** Rows to this function when `out` is not given (default `process.stdout.write`). */
  write?: (text: string) => void;
  /** Output format; overrides the batch file's `output.format` (default csv). */
  format?: BatchFormat;
  /** Run only this shard. */
  shard?: Shard;
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  /** Warnings and failures, one line each. */
  log?: (line: string) => void;
  /** Testing only: injected faults by scenario id (see {@link InjectedFault}). */
  faults?: Readonly<Record<string, InjectedFault>>;
}

/** What a batch run did. */
export interface BatchSummary {
  name: string;
  format: BatchFormat;
  /** Scenarios in the whole batch. */
  totalScenarioCount: number;
  /** This run's (shard's) slice [start, end) of them. */
  range: [number, number];
  /** Scenarios found complete in the output file and skipped. */
  resumedCount: number;
  /** Scenarios computed and written by this run. */
  completedCount: number;
  failures: BatchFailure[];
  interrupted: boolean;
  /** Metric names per scenario. */
  metricCount: number;
}

/**
 * Runs a batch file (see the module header).
 * @param batchPath batch YAML file
 * @returns the summary; failures and interruption are data here (the CLI turns them into exit codes 5 and 130)
 * @throws InputError (exit 3) for a bad batch file, base scenario or network, or an output file of another batch
 *   (`resume-mismatch`); UsageError for bad options; TaskFailedError when a base task fails.
 * @example
 * const summary = await runBatchFile("scenarios/batches/road-n-1.yaml", { out: "road-n-1.csv", workers: 2 });
 * summary.completedCount + summary.resumedCount // 72
 */
export async function runBatchFile(batchPath: string, options: RunBatchOptions = {}): Promise<BatchSummary> {
  const spec = readBatchFile(batchPath);
  const format = options.format ?? spec.format ?? "csv";
  const prepared = prepareBatch(spec);
  const { model } = prepared;
  const range = shardRange(prepared.scenarios.length, options.shard);
  const list = prepared.scenarios.slice(range[0], range[1]);
  const header = format === "csv" && (options.shard === undefined || options.shard.index === 1);
  const summary: BatchSummary = {
    name: prepared.name,
    format,
    totalScenarioCount: prepared.scenarios.length,
    range,
    resumedCount: 0,
    completedCount: 0,
    failures: [],
    interrupted: false,
    metricCount: model.metrics.length,
  };

  let sink: BlockSink;
  let start = 0;
  let later: ReadonlyMap<number, string> = new Map();
  if (options.out !== undefined) {
    const done = readCompletedBlocks(options.out, list, model.metrics, format, header);
    sink = openFileSink(options.out, done.prefixBytes);
    if (header && !done.hasHeader) sink.write(BATCH_CSV_HEADER);
    start = done.prefixCount;
    later = done.later;
  } else {
    const write = options.write ?? ((text: string) => void process.stdout.write(text));
    sink = { write, close: () => undefined };
    if (header) sink.write(BATCH_CSV_HEADER);
  }
  summary.resumedCount = start + later.size;
  const writer = new OrderedBlockWriter(sink, list.length, start, later);
  const todo = list.filter((_s, at) => at >= start && !later.has(at));
  const progress: BatchProgress = { done: summary.resumedCount, failed: 0, total: list.length };
  options.onProgress?.({ ...progress });

  let pool: EnginePool | undefined;
  let completed = false;
  try {
    if (todo.length > 0 && !options.signal?.aborted) {
      pool = createEnginePool({ ...(options.workers !== undefined ? { workers: options.workers } : {}), ...(options.taskTimeoutMs !== undefined ? { taskTimeoutMs: options.taskTimeoutMs } : {}) });
      await computeWhatIfBase(model, pool);
      const result = await runWhatIfScenarios(model, todo, pool, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.faults ? { faults: options.faults } : {}),
        ...(options.log ? { log: options.log } : {}),
        onResult: (scenario, values) => {
          writer.settle(scenario.index - range[0], formatBlock(format, scenario, model.metrics, values));
          summary.completedCount++;
          progress.done++;
          options.onProgress?.({ ...progress });
        },
        onFailure: (scenario) => {
          writer.settle(scenario.index - range[0], null);
          progress.failed++;
          options.onProgress?.({ ...progress });
        },
      });
      summary.failures = result.failures;
      summary.interrupted = result.interrupted;
    }
    summary.interrupted ||= options.signal?.aborted === true;
    writer.drain(); // interrupted: what finished past a gap; otherwise nothing is left
    completed = true;
  } finally {
    if (!completed) {
      // An error (e.g. a failed base task): still write the finished and resumed blocks, in order, so no work is lost;
      // the error being thrown matters more than a second one from the sink.
      try {
        writer.drain();
      } catch {
        /* keep the first error */
      }
    }
    sink.close();
    await pool?.terminate();
  }
  return summary;
}

/** Some batch scenarios failed (after their retry): exit code 5. The rows of every other scenario were written. */
export class BatchFailedError extends DeltanetError {
  readonly failures: BatchFailure[];
  constructor(failures: BatchFailure[]) {
    super(`${failures.length} scenario(s) failed: ${failures.map((f) => `#${f.index} ${f.scenarioId} (${f.kind})`).join(", ")}; rerun the same command to retry them`, "batch-failures", 5);
    this.failures = failures;
  }
}

/** The batch was interrupted (Ctrl-C): exit code 130. Complete rows were written; rerun to resume. */
export class BatchInterruptedError extends DeltanetError {
  constructor(message: string) {
    super(message, "interrupted", 130);
  }
}
