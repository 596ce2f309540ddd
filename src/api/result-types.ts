/**
 * The types of the documents the library API returns (run, compare, diff, check, criticality), re-exported from the
 * layers that define them so that `src/index.ts` exports everything from `api/`.
 */
export type { RunResult, CityIsochrone, ReachAtCutoff, LayerConnectivity, CapacityResult, RunProvenance, CityReachability, RunAssignment } from "../model/run-result.ts";
export type { ComparisonResult, CityComparison, ConnectivityComparison, CapacityComparison, AssignmentComparison, RunMismatch } from "../report/compare.ts";
export type { ScenarioDiff, DiffSide } from "../report/scenario-diff.ts";
export type { CheckResult, CheckCase, RuleOutcome, CheckStatus } from "../report/check.ts";
export type { CriticalityResult, CriticalityRow } from "../report/criticality.ts";
