/**
 * The output formats of the report commands, in a module of its own so that the command line can list them without
 * loading the formatters.
 */

/** Output formats of `run` and `compare`. */
export type OutputFormat = "table" | "json" | "markdown";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["table", "json", "markdown"];
