/**
 * `deltanet batch <batch.yaml>`: runs the what-if scenarios of a batch file on the worker pool and writes one row per
 * (scenario, metric) as CSV or JSON Lines, flushed scenario by scenario; resumable with `--out`, shardable with
 * `--shard i/n`, interruptible with Ctrl-C (exit 130, complete rows kept), exit 5 when scenarios failed.
 *
 * Testing only: the environment variable `DELTANET_TEST_FAULTS` (JSON `{"<scenarioId>": {"kind": "throw" | "exit" |
 * "hang", "attempts": 1}}`) injects faults into those scenarios' tasks, so the CLI tests can exercise retries,
 * dying workers and timeouts end to end. It is never set in normal use.
 */
import { availableParallelism } from "node:os";
import type { CommandModule } from "yargs";
import { DEFAULT_TASK_TIMEOUT_S } from "../../defaults.ts";
import { UsageError } from "../../errors.ts";
import type { InjectedFault } from "../../api/batch.ts";
import { BATCH_FORMATS, type BatchFormat } from "../../api/choices.ts";
import { checkOutputPaths } from "../output.ts";
import { numberFlag } from "./shared-options.ts";

interface BatchArgs {
  batch: string;
  out?: string;
  format?: BatchFormat;
  workers: number;
  shard?: string;
  "task-timeout-s": number;
  quiet: boolean;
}

/**
 * Validates `--workers`: an integer ≥ 0 (0 = run in the main thread).
 * @throws Error (a yargs usage error, exit 2) otherwise.
 * @example checkWorkers(2) // 2
 */
export const checkWorkers = numberFlag("workers", (v) => Number.isInteger(v) && v >= 0, "an integer ≥ 0 (0 runs in the main thread)");

/**
 * Validates `--task-timeout-s`: seconds > 0 (0 is refused, never read as "no timeout").
 * @throws Error (a yargs usage error, exit 2) otherwise.
 * @example checkTaskTimeout(1.5) // 1.5
 */
export const checkTaskTimeout = numberFlag("task-timeout-s", (v) => Number.isFinite(v) && v > 0, "seconds > 0");

/**
 * Reads injected faults from `DELTANET_TEST_FAULTS` (testing only; see the module header).
 * @throws UsageError code `invalid-fault` when the variable is not the documented JSON.
 * @example faultsFromEnvironment({ DELTANET_TEST_FAULTS: '{"mc:1":{"kind":"throw"}}' }) // { "mc:1": { kind: "throw" } }
 */
export function faultsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, InjectedFault> | undefined {
  const text = env.DELTANET_TEST_FAULTS;
  if (text === undefined || text === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError("DELTANET_TEST_FAULTS is not JSON", "invalid-fault");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new UsageError("DELTANET_TEST_FAULTS must be an object", "invalid-fault");
  for (const [id, f] of Object.entries(parsed as Record<string, unknown>)) {
    const fault = f as Partial<InjectedFault> | null;
    if (!fault || !["throw", "exit", "hang"].includes(fault.kind as string) || (fault.attempts !== undefined && !(Number.isInteger(fault.attempts) && fault.attempts >= 1))) {
      throw new UsageError(`DELTANET_TEST_FAULTS["${id}"] must be { "kind": "throw" | "exit" | "hang", "attempts"?: integer ≥ 1 }`, "invalid-fault");
    }
  }
  return parsed as Record<string, InjectedFault>;
}

/** The `batch` command module (registered in commands/index.ts). */
export const batchCommand: CommandModule<object, BatchArgs> = {
  command: "batch <batch>",
  describe: "Run the what-if scenarios of a batch file (N-1, Monte Carlo, sweeps) on a worker pool; one row per scenario and metric",
  builder: (y) =>
    y
      .positional("batch", { type: "string", demandOption: true, describe: "batch YAML file (see scenarios/batches/)" })
      .option("out", { type: "string", describe: "write rows to this file; rerunning with the same file resumes it" })
      .option("format", { choices: BATCH_FORMATS, describe: "csv or jsonl (default: the batch file's output.format, else csv)" })
      .option("workers", { type: "number", default: availableParallelism(), defaultDescription: "number of cores", describe: "worker threads (0 = main thread)", coerce: checkWorkers })
      .option("shard", { type: "string", describe: "run only shard i of n (i/n, 1-based); shard outputs concatenate to the full output" })
      .option("task-timeout-s", { alias: "task-timeout", type: "number", default: DEFAULT_TASK_TIMEOUT_S, describe: "kill and report a scenario task running longer, seconds", coerce: checkTaskTimeout })
      .option("quiet", { type: "boolean", default: false, describe: "no progress bar (it is also off when stderr is not a terminal)" }) as never,
  handler: async (argv) => {
    const [{ BatchFailedError, BatchInterruptedError, parseShard, runBatch }, { createProgress }] = await Promise.all([import("../../api/batch.ts"), import("../progress.ts")]);
    checkOutputPaths(argv.out);
    const shard = argv.shard !== undefined ? parseShard(argv.shard) : undefined;
    const faults = faultsFromEnvironment();
    const progress = createProgress(`deltanet batch`, argv.quiet);
    const controller = new AbortController();
    const onSigint = () => {
      progress.log("interrupted: stopping; complete rows are kept (rerun the same command to resume)");
      controller.abort();
    };
    process.once("SIGINT", onSigint);
    // A closed stdout (`deltanet batch … | head`) stops the run like Ctrl-C instead of crashing on EPIPE.
    const onStdoutError = (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
      controller.abort();
    };
    process.stdout.on("error", onStdoutError);
    const started = process.hrtime.bigint();
    let summary;
    try {
      summary = await runBatch({
        batch: argv.batch,
        workers: argv.workers,
        taskTimeoutMs: argv["task-timeout-s"] * 1000,
        ...(argv.out !== undefined ? { out: argv.out } : {}),
        ...(argv.format !== undefined ? { format: argv.format } : {}),
        ...(shard ? { shard } : {}),
        ...(faults ? { faults } : {}),
        signal: controller.signal,
        onProgress: (p) => progress.update(p.done, p.total, p.failed),
        log: (line) => progress.log(line),
      });
    } finally {
      process.removeListener("SIGINT", onSigint);
      process.stdout.removeListener("error", onStdoutError);
      progress.stop();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const [start, end] = summary.range;
    process.stderr.write(
      `deltanet: batch ${summary.name}: scenarios ${start}…${end - 1} of ${summary.totalScenarioCount}` +
        ` (${summary.resumedCount} resumed, ${summary.completedCount} computed, ${summary.failures.length} failed)` +
        `${argv.out !== undefined ? ` → ${argv.out}` : ""} in ${seconds.toFixed(1)} s\n`,
    );
    if (summary.interrupted) throw new BatchInterruptedError("interrupted; the output holds complete rows only (rerun the same command to resume)");
    if (summary.failures.length > 0) throw new BatchFailedError(summary.failures);
  },
};
