/**
 * Use case `validate`: a scenario file and every file it extends parsed and resolved against their network without
 * running anything; every problem is reported at once.
 */
import type { Issue } from "../errors.ts";
import { validateScenario as validateScenarioChain } from "../scenario/apply-scenario.ts";

/** Options of {@link validateScenario}. */
export interface ValidateOptions {
  /** The scenario file. */
  scenario: string;
}

/** What {@link validateScenario} found. */
export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  valid: boolean;
  /** Problems that make the scenario unusable, each with file, line, column and path. */
  errors: Issue[];
  /** Problems reported while the scenario stays usable (e.g. `partial-match`). */
  warnings: Issue[];
}

/**
 * Validates a scenario file (schema, ids, `extends` chain) without running it.
 * @returns the errors and warnings; never throws for a bad scenario (the CLI turns errors into exit code 3)
 * @example validateScenario({ scenario: "scenarios/plan-2025.yaml" }).valid // true
 */
export function validateScenario(options: ValidateOptions): ValidationResult {
  const { issues } = validateScenarioChain(options.scenario);
  const errors = issues.filter((i) => i.severity !== "warning");
  const warnings = issues.filter((i) => i.severity === "warning");
  return { valid: errors.length === 0, errors, warnings };
}
