/**
 * What-if results as plain data: the metrics of a what-if scenario (name and unit) and how a scenario that did not
 * complete failed. Shared by the engine that computes them, the report that formats them and the API that runs them.
 */

/** One metric of a what-if scenario's metric vector: name and unit. */
export interface MetricInfo {
  /** e.g. `meanTimeIncreaseMin`, `populationWithin60MinChangePersons`, `maxFlowChange:road-north-to-south`. */
  name: string;
  /** e.g. `min`, `pairs`, `persons`, `veh/h`. */
  unit: string;
}

/** How a task failed: it threw, its worker died (e.g. `process.exit`, out of memory), or it ran over the timeout. */
export type TaskFailureKind = "error" | "worker-exit" | "timeout";

/** A what-if scenario that did not complete. */
export interface BatchFailure {
  /** The scenario's index in the batch, 0-based. */
  index: number;
  scenarioId: string;
  kind: TaskFailureKind;
  message: string;
  /** Attempts made (a throw or a dying worker is retried once, a timeout is not). */
  attempts: number;
}
