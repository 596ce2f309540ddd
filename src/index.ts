/**
 * deltanet's library entry (`import { … } from "deltanet"`): scenario runs, comparisons and diffs, and the error
 * classes they throw.
 */
export { compareScenarios, diffScenarios, runScenario } from "./run-scenario.ts";
export { DeltanetError, InputError, NotConvergedError, RegressionFoundError, ScenarioError, UsageError } from "./errors.ts";
