/**
 * deltanet's library entry: the use cases of `src/api/` (each takes one options object; the analyses return a JSON-safe
 * document whose `parameters` are the effective values, `importGmns` a network), the types of what they return, and
 * the errors they throw. Re-exports only.
 */
export { runScenario, runOptionsForRules, type RunOptions } from "./api/run.ts";
export { compareScenarios, type CompareOptions } from "./api/compare.ts";
export { diffScenarios, type DiffOptions } from "./api/diff.ts";
export { checkScenarios, defaultRuleSet, type CheckOptions } from "./api/check.ts";
export { validateScenario, type ValidateOptions, type ValidationResult } from "./api/validate.ts";
export { assign, ASSIGNMENT_ALGORITHMS, type AssignOptions, type AssignResult, type AssignmentAlgorithm } from "./api/assign.ts";
export { runBatch, parseShard, BatchFailedError, BatchInterruptedError, type BatchOptions, type BatchSummary, type Shard } from "./api/batch.ts";
export { rankCriticality, type RankCriticalityOptions } from "./api/criticality.ts";
export type { AnalysisOptions } from "./api/inputs.ts";
export type * from "./api/result-types.ts";

export type { CapacityQuery, NodeSelector } from "./model/capacity-query.ts";
export type { CheckRule, RuleSet } from "./model/check-rule.ts";
export type { Layer } from "./model/network.ts";

export { DeltanetError, InputError, ScenarioError, UsageError, NotConvergedError, RegressionFoundError, formatIssue, type Issue, type SourcePosition } from "./errors.ts";
export { DELTANET_VERSION } from "./version.ts";
export { exportGmns, importGmns, type ExportGmnsOptions, type ExportGmnsResult, type ImportGmnsOptions, type ImportGmnsResult } from "./api/gmns.ts";
export type { LinkAttributes, Network, NodeAttributes } from "./model/network.ts";
