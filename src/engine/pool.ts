/**
 * The engine pool: runs what-if kernel tasks (origin batches, capacity flows, whole scenarios) on a workerpool of
 * worker threads that share the compiled model's memory, or in the calling thread (`workers: 0`). Task failures
 * come back as a typed {@link TaskFailedError} saying whether the task threw, its worker died, or it timed out.
 *
 * Design
 * - Workers are worker_threads started from worker-bootstrap.mjs (tsx, then worker.ts; compiled: worker.js), `minWorkers`
 *   = `maxWorkers`, so all start at once. A worker that dies is replaced by workerpool on the next task.
 * - Every task carries the model descriptor (one SharedArrayBuffer handle + layout: shared, not copied); workers
 *   cache the opened model by id. So a replaced worker needs no set-up message and one pool can serve many models.
 * - A task over `taskTimeoutMs` is rejected and its worker terminated (workerpool `cancel()`, which also stops a
 *   busy loop: worker_threads' terminate interrupts JavaScript). The clock starts when the worker reports the task
 *   started (a `workerEmit` event), so neither queueing nor a replacement worker's start-up counts against it.
 * - Results are typed arrays through structured clone: `Infinity` and NaN arrive unchanged (JSON would turn them into
 *   null), so an unreachable zone can never come back as reachable.
 * - `workers: 0` runs the same kernel functions in this thread, one task per macrotask (so timers, signals and the
 *   progress bar still run); it cannot enforce timeouts or survive a task that kills its thread.
 *
 * Its overhead per task and its speed-up are measured by `bench/pool.ts` (figures in bench/README.md).
 */
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import workerpool from "workerpool";
import { DeltanetError, UsageError } from "../errors.ts";
import { writeWhatIfBase, type WhatIfModel } from "./what-if-model.ts";
import {
  capacityFlows,
  linkWordCount,
  openWhatIfRuntime,
  scenarioMetrics,
  TASK_STARTED,
  zoneTimesBatch,
  type ScenarioPerturbation,
  type ScenarioTask,
  type WhatIfDescriptor,
  type WhatIfRuntime,
  type ZoneTimesResult,
} from "./what-if-kernel.ts";
import type { TaskFailureKind } from "../model/what-if-result.ts";

/** Options of {@link createEnginePool}. */
export interface EnginePoolOptions {
  /**
   * Worker threads, integer ≥ 0. 0 runs every task in the calling thread. Default: the number of cores
   * (`os.availableParallelism()`).
   */
  workers?: number;
  /** A task running longer is killed with its worker, milliseconds, > 0. Default: no limit (`Infinity`). */
  taskTimeoutMs?: number;
}

export type { TaskFailureKind };

/** A pool task that did not complete. `kind` says how; `message` carries the task's own error message. */
export class TaskFailedError extends DeltanetError {
  readonly kind: TaskFailureKind;
  constructor(kind: TaskFailureKind, message: string) {
    super(message, `task-${kind}`, 1);
    this.kind = kind;
  }
}

/** A pool of kernel workers (or the in-thread stand-in). Every method resolves with fresh arrays. */
export interface EnginePool {
  /** Worker threads (0 = in the calling thread). */
  readonly workerCount: number;
  /** The task timeout in force, milliseconds (Infinity with 0 workers: not enforced). */
  readonly taskTimeoutMs: number;
  /** Empty task: resolves with `payload` (measures the round trip). */
  ping(payload: number): Promise<number>;
  /** Zone times of an origin batch (engine/what-if-kernel `zoneTimesBatch`). */
  zoneTimes(descriptor: WhatIfDescriptor, originZones: Int32Array, perturbation?: ScenarioPerturbation): Promise<ZoneTimesResult>;
  /** Max-flows of the capacity queries (engine/what-if-kernel `capacityFlows`). */
  capacityFlows(descriptor: WhatIfDescriptor, perturbation?: ScenarioPerturbation): Promise<Float64Array>;
  /** Metric vector of one scenario (engine/what-if-kernel `scenarioMetrics`). */
  scenarioMetrics(descriptor: WhatIfDescriptor, task: ScenarioTask): Promise<Float64Array>;
  /** Stops every worker (running tasks are killed) and resolves when they are gone. Idempotent. */
  terminate(): Promise<void>;
}

/**
 * The worker script. Compiled (dist/engine/pool.js): the compiled worker.js beside this file. From the TypeScript
 * sources: worker-bootstrap.mjs, which registers tsx, then loads engine/worker.ts.
 */
const WORKER_SCRIPT = fileURLToPath(new URL(import.meta.url.endsWith(".js") ? "./worker.js" : "./worker-bootstrap.mjs", import.meta.url));

/** Grace period for a timed-out worker to clean up before it is terminated, ms. */
const WORKER_TERMINATE_TIMEOUT_MS = 250;

/**
 * Validates pool options and fills defaults.
 * @throws UsageError code `invalid-workers` (not an integer ≥ 0) or `invalid-task-timeout` (not a number > 0).
 * @example resolvePoolOptions({ workers: 2, taskTimeoutMs: 600_000 }) // { workers: 2, taskTimeoutMs: 600000 }
 */
export function resolvePoolOptions(options: EnginePoolOptions = {}): { workers: number; taskTimeoutMs: number } {
  const workers = options.workers ?? availableParallelism();
  if (typeof workers !== "number" || !Number.isInteger(workers) || workers < 0) {
    throw new UsageError(`workers must be an integer ≥ 0 (got ${String(workers)}); 0 runs tasks in the calling thread`, "invalid-workers");
  }
  const taskTimeoutMs = options.taskTimeoutMs ?? Infinity;
  if (typeof taskTimeoutMs !== "number" || !(taskTimeoutMs > 0)) {
    throw new UsageError(`taskTimeoutMs must be a number > 0 (got ${String(taskTimeoutMs)})`, "invalid-task-timeout");
  }
  return { workers, taskTimeoutMs };
}

/**
 * Classifies a rejection from workerpool as a {@link TaskFailedError}.
 * @example classifyTaskError(Object.assign(new Error("x"), { name: "TimeoutError" }), "t").kind // "timeout"
 */
export function classifyTaskError(err: unknown, label: string, timeoutMs?: number): TaskFailedError {
  if (err instanceof TaskFailedError) return err;
  const e = err instanceof Error ? err : new Error(String(err));
  if (e.name === "TimeoutError") {
    return new TaskFailedError("timeout", `${label}: killed after the task timeout of ${timeoutMs === undefined ? "?" : timeoutMs / 1000} s`);
  }
  if (err instanceof workerpool.TerminateError || /Workerpool Worker (terminated|error)/.test(e.message)) {
    const exit = /exitCode: `(-?\d+)`/.exec(e.message);
    return new TaskFailedError("worker-exit", `${label}: its worker died${exit ? ` (exit code ${exit[1]})` : ""}`);
  }
  return new TaskFailedError("error", `${label}: ${e.message}`);
}

/**
 * Creates an engine pool.
 * @param options `workers` (default: cores; 0 = in this thread), `taskTimeoutMs` (default: no limit)
 * @returns the pool; call `terminate()` when done (worker threads keep the process alive)
 * @throws UsageError as {@link resolvePoolOptions}.
 * @example
 * const pool = createEnginePool({ workers: 2 });
 * await pool.ping(7); // 7
 * await pool.terminate();
 */
export function createEnginePool(options: EnginePoolOptions = {}): EnginePool {
  const { workers, taskTimeoutMs } = resolvePoolOptions(options);
  return workers === 0 ? createInThreadPool() : createWorkerPool(workers, taskTimeoutMs);
}

function createWorkerPool(workers: number, taskTimeoutMs: number): EnginePool {
  const pool = workerpool.pool(WORKER_SCRIPT, {
    workerType: "thread",
    minWorkers: workers,
    maxWorkers: workers,
    workerTerminateTimeout: WORKER_TERMINATE_TIMEOUT_MS,
  });
  let terminated: Promise<void> | undefined;
  const run = <T>(method: string, params: unknown[], label: string): Promise<T> => {
    if (terminated) return Promise.reject(new UsageError("the engine pool is terminated", "pool-terminated"));
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      // The clock starts when the worker reports the task started (worker.ts), not when it was queued or while a
      // replacement worker was still loading; on expiry, cancel() terminates the worker (workerpool).
      const promise = pool.exec(method, params, {
        on: (event: unknown) => {
          // An unlimited task needs no timer (setTimeout would read Infinity as 1 ms).
          if (event !== TASK_STARTED || timer !== undefined || !Number.isFinite(taskTimeoutMs)) return;
          timer = setTimeout(() => {
            timedOut = true;
            promise.cancel();
          }, taskTimeoutMs);
        },
      });
      promise.then(
        (value: T) => {
          clearTimeout(timer);
          resolve(value);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(timedOut ? new TaskFailedError("timeout", `${label}: killed after the task timeout of ${taskTimeoutMs / 1000} s`) : classifyTaskError(err, label));
        },
      );
    });
  };
  return {
    workerCount: workers,
    taskTimeoutMs,
    ping: (payload) => run("ping", [payload], "ping"),
    zoneTimes: (descriptor, originZones, perturbation) => run("zoneTimes", [descriptor, originZones, perturbation], "zone times"),
    capacityFlows: (descriptor, perturbation) => run("capacityFlows", [descriptor, perturbation], "capacity flows"),
    scenarioMetrics: (descriptor, task) => run("scenarioMetrics", [descriptor, task], `scenario ${task.scenarioId}`),
    terminate: () => {
      terminated ??= pool.terminate(true).then(() => undefined);
      return terminated;
    },
  };
}

function createInThreadPool(): EnginePool {
  let cached: WhatIfRuntime | undefined;
  let terminated = false;
  const runtimeFor = (d: WhatIfDescriptor) => {
    if (cached === undefined || cached.descriptor.id !== d.id) cached = openWhatIfRuntime(d);
    return cached;
  };
  const run = <T>(label: string, fn: () => T): Promise<T> => {
    if (terminated) return Promise.reject(new UsageError("the engine pool is terminated", "pool-terminated"));
    return new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(fn());
        } catch (err) {
          reject(classifyTaskError(err, label));
        }
      });
    });
  };
  return {
    workerCount: 0,
    taskTimeoutMs: Infinity,
    ping: (payload) => run("ping", () => payload),
    zoneTimes: (d, origins, p) => run("zone times", () => zoneTimesBatch(runtimeFor(d), origins, p)),
    capacityFlows: (d, p) => run("capacity flows", () => capacityFlows(runtimeFor(d), p)),
    scenarioMetrics: (d, task) => {
      if (task.fault === "exit" || task.fault === "hang") {
        return Promise.reject(new UsageError(`fault "${task.fault}" needs worker threads (workers ≥ 1)`, "invalid-fault"));
      }
      return run(`scenario ${task.scenarioId}`, () => {
        if (task.fault === "throw") throw new Error(`injected fault: task ${task.scenarioId} throws`);
        return scenarioMetrics(runtimeFor(d), task);
      });
    },
    terminate: () => {
      terminated = true;
      cached = undefined;
      return Promise.resolve();
    },
  };
}

/**
 * Computes the base outcome of `model` (unbounded zone times by origin batches, capacity max-flows) on `pool` and
 * writes it into the model's shared memory, so scenario tasks can compare against it.
 * @param originBatchCount number of origin batches (default 2 × workers, at least 1); the result does not depend on it
 * @throws TaskFailedError when a base task fails (nothing can be compared without the base); UsageError code
 *   `base-ready` when the base was already computed.
 * @example await computeWhatIfBase(model, pool); model.baseReady // true
 */
export async function computeWhatIfBase(model: WhatIfModel, pool: EnginePool, originBatchCount?: number): Promise<void> {
  const d = model.descriptor;
  const batches = Math.max(1, Math.min(d.zoneCount, originBatchCount ?? 2 * pool.workerCount));
  const size = Math.ceil(d.zoneCount / batches);
  const parts: Promise<ZoneTimesResult>[] = [];
  for (let start = 0; start < d.zoneCount; start += size) {
    const origins = new Int32Array(Math.min(size, d.zoneCount - start));
    for (let i = 0; i < origins.length; i++) origins[i] = start + i;
    parts.push(pool.zoneTimes(d, origins));
  }
  const [results, maxFlow] = await Promise.all([Promise.all(parts), pool.capacityFlows(d)]);
  const cutoffCount = d.cutoffsMin.length;
  const words = linkWordCount(d.linkCount);
  const timeMin = new Float64Array(d.zoneCount * d.zoneCount);
  const populationReachedPersons = new Float64Array(d.zoneCount * cutoffCount);
  const pathLinkBits = new Int32Array(d.zoneCount * words);
  let row = 0;
  for (const r of results) {
    timeMin.set(r.timeMin, row * d.zoneCount);
    populationReachedPersons.set(r.populationReachedPersons, row * cutoffCount);
    pathLinkBits.set(r.pathLinkBits, row * words);
    row += r.timeMin.length / d.zoneCount;
  }
  writeWhatIfBase(model, { timeMin, populationReachedPersons, pathLinkBits, maxFlow });
}
