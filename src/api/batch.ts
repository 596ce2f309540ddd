/**
 * Use case `batch`: the what-if scenarios of a batch file (N-1, Monte Carlo, sweeps) run on the worker pool, one row
 * per (scenario, metric), resumable, shardable and interruptible (see `api/batch/run-batch.ts`).
 */
import { availableParallelism } from "node:os";
import { DEFAULT_TASK_TIMEOUT_S } from "../defaults.ts";
import { runBatchFile, type BatchSummary, type RunBatchOptions } from "./batch/run-batch.ts";

export { BATCH_FORMATS, type BatchFormat } from "../io/batch-file.ts";
export { BatchFailedError, BatchInterruptedError, parseShard, type BatchSummary, type InjectedFault, type Shard } from "./batch/run-batch.ts";

/** Options of {@link runBatch}. */
export interface BatchOptions extends RunBatchOptions {
  /** The batch file (YAML). */
  batch: string;
}

/**
 * Runs a batch file.
 * @param options the batch file; `workers` (default: the number of cores), `taskTimeoutMs` (default
 *   `DEFAULT_TASK_TIMEOUT_S` × 1000), `out` (resumable output file), `format`, `shard`, `signal`, progress and log
 *   callbacks
 * @returns the summary; failures and interruption are data here (the CLI turns them into exit codes 5 and 130)
 * @throws InputError (exit 3) for a bad batch file, base scenario or network, or an output file of another batch
 *   (`resume-mismatch`); UsageError (exit 2) for bad options; TaskFailedError when a base task fails
 * @example (await runBatch({ batch: "scenarios/batches/road-n-1.yaml", out: "road-n-1.csv" })).totalScenarioCount // 72
 */
export function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const { batch, ...rest } = options;
  return runBatchFile(batch, { workers: availableParallelism(), taskTimeoutMs: DEFAULT_TASK_TIMEOUT_S * 1000, ...rest });
}
