/**
 * The worker-pool entry (workerpool worker script): registers the what-if kernel's tasks. Workers receive a
 * {@link WhatIfDescriptor} (plain data + one SharedArrayBuffer, never a graphology graph) with every task and keep
 * the opened model for the next task on the same model, so the network is neither copied nor re-opened per task.
 *
 * Loaded through worker-bootstrap.mjs, which registers the tsx loader first (workers are plain Node threads and do
 * not inherit the main thread's TypeScript loader, neither under `node bin/deltanet.js` nor under vitest).
 */
import workerpool from "workerpool";
import {
  capacityFlows,
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

let cached: WhatIfRuntime | undefined;

/** The opened model for `descriptor`, reusing the last one when the id matches. */
function runtimeFor(descriptor: WhatIfDescriptor): WhatIfRuntime {
  if (cached === undefined || cached.descriptor.id !== descriptor.id) cached = openWhatIfRuntime(descriptor);
  return cached;
}

/** Testing only: the injected fault of a task (see `ScenarioTask.fault`). */
function injectFault(task: ScenarioTask): void {
  if (task.fault === "throw") throw new Error(`injected fault: task ${task.scenarioId} throws`);
  if (task.fault === "exit") process.exit(70);
  if (task.fault === "hang") {
    // Busy loop, not a timer: a timeout must also stop a task that never yields to the event loop.
    for (;;) {
      /* hang */
    }
  }
}

/**
 * Tells the pool that the task has started on this (ready) worker: its timeout clock starts now, not while the task
 * waited for a worker to start up. Posted before the work, so it arrives even if the task then blocks.
 */
function started(): void {
  workerpool.workerEmit(TASK_STARTED);
}

/** The task methods a pool can call, by name (engine/pool.ts). Never import this file from the main thread. */
const workerMethods = {
  /** Empty task (the pool's round-trip overhead). @returns its argument */
  ping: (payload: number): number => payload,
  /** Zone times of an origin batch. */
  zoneTimes: (descriptor: WhatIfDescriptor, originZones: Int32Array, perturbation?: ScenarioPerturbation): ZoneTimesResult => {
    started();
    return zoneTimesBatch(runtimeFor(descriptor), originZones, perturbation);
  },
  /** Max-flow of every capacity query. */
  capacityFlows: (descriptor: WhatIfDescriptor, perturbation?: ScenarioPerturbation): Float64Array => {
    started();
    return capacityFlows(runtimeFor(descriptor), perturbation);
  },
  /** Metric vector of one scenario. */
  scenarioMetrics: (descriptor: WhatIfDescriptor, task: ScenarioTask): Float64Array => {
    started();
    injectFault(task);
    return scenarioMetrics(runtimeFor(descriptor), task);
  },
};

workerpool.worker(workerMethods);
