/**
 * `deltanet assign <scenario | TNTP folder>`: static user-equilibrium road assignment of a scenario's road layer
 * (gravity demand) or of a TNTP network; summary to stdout, link flows and the convergence trace to CSV files.
 */
import type { CommandModule } from "yargs";
import type { GravityParameters } from "../../api/assign.ts";
import { ASSIGNMENT_ALGORITHMS, type AssignmentAlgorithm } from "../../api/choices.ts";
import { DEFAULT_ASSIGNMENT_ALGORITHM, DEFAULT_MAX_ITERATIONS, DEFAULT_RELATIVE_GAP_TARGET } from "../../defaults.ts";
import { NotConvergedError } from "../../errors.ts";
import { OUTPUT_FORMATS, type OutputFormat } from "../../report/output-format.ts";
import { checkOutputPaths, writeOutput } from "../output.ts";
import { numberFlag } from "./shared-options.ts";

interface AssignArgs {
  input: string;
  algorithm: AssignmentAlgorithm;
  "relative-gap-target": number;
  "max-iterations": number;
  out?: string;
  trace?: string;
  format: OutputFormat;
  "require-convergence": boolean;
  "trip-rate-veh-per-hour-per-person"?: number;
  "gravity-beta-per-min"?: number;
  "gravity-constraint"?: "doubly" | "production";
}

export const assignCommand: CommandModule<object, AssignArgs> = {
  command: "assign <input>",
  describe: "User-equilibrium road assignment of a scenario (gravity demand) or a TNTP network folder",
  builder: (y) =>
    y
      .positional("input", { type: "string", demandOption: true, describe: "scenario YAML file, or a folder with <name>_net.tntp and <name>_trips.tntp" })
      .option("algorithm", { choices: ASSIGNMENT_ALGORITHMS, default: DEFAULT_ASSIGNMENT_ALGORITHM as AssignmentAlgorithm, describe: "fw (Frank-Wolfe), cfw (conjugate), bfw (bi-conjugate)" })
      .option("relative-gap-target", {
        type: "number",
        default: DEFAULT_RELATIVE_GAP_TARGET,
        describe: "stop when the relative gap is at or below this (≥ 0)",
        coerce: numberFlag("relative-gap-target", (v) => Number.isFinite(v) && v >= 0, "a number ≥ 0"),
      })
      .option("max-iterations", {
        type: "number",
        default: DEFAULT_MAX_ITERATIONS,
        describe: "most iterations (integer ≥ 1)",
        coerce: numberFlag("max-iterations", (v) => Number.isInteger(v) && v >= 1, "an integer ≥ 1"),
      })
      .option("out", { type: "string", describe: "write link flows (CSV) to this file" })
      .option("trace", { type: "string", describe: "write the convergence trace (CSV) to this file" })
      .option("format", { choices: OUTPUT_FORMATS, default: "table" as OutputFormat, describe: "summary format on stdout" })
      .option("require-convergence", { type: "boolean", default: false, describe: "exit with code 4 when the gap target is not reached" })
      .option("trip-rate-veh-per-hour-per-person", {
        type: "number",
        describe: "gravity model trip rate, veh/h per resident (scenarios only; default in src/defaults.ts)",
        coerce: numberFlag("trip-rate-veh-per-hour-per-person", (v) => Number.isFinite(v) && v >= 0, "a number ≥ 0"),
      })
      .option("gravity-beta-per-min", {
        type: "number",
        describe: "gravity model deterrence exp(-beta · minutes) (scenarios only)",
        coerce: numberFlag("gravity-beta-per-min", (v) => Number.isFinite(v) && v >= 0, "a number ≥ 0"),
      })
      .option("gravity-constraint", { choices: ["doubly", "production"] as const, describe: "gravity model constraint (scenarios only)" })
      .epilogue("Exit code 4: --require-convergence was given and the relative gap target was not reached.") as never,
  handler: async (argv) => {
    const [{ assign }, { formatJson, formatMarkdown, formatTable }, { assignmentSections, formatConvergenceCsv, formatLinkFlowsCsv, summarizeAssignmentRun }] = await Promise.all([
      import("../../api/assign.ts"),
      import("../../report/format.ts"),
      import("../../report/assignment.ts"),
    ]);
    checkOutputPaths(argv.out, argv.trace);
    const gravity: Partial<GravityParameters> = {};
    if (argv["trip-rate-veh-per-hour-per-person"] !== undefined) gravity.tripRateVehPerHourPerPerson = argv["trip-rate-veh-per-hour-per-person"];
    if (argv["gravity-beta-per-min"] !== undefined) gravity.betaPerMin = argv["gravity-beta-per-min"];
    if (argv["gravity-constraint"] !== undefined) gravity.constraint = argv["gravity-constraint"];
    const result = assign({
      input: argv.input,
      algorithm: argv.algorithm,
      relativeGapTarget: argv["relative-gap-target"],
      maxIterations: argv["max-iterations"],
      ...(Object.keys(gravity).length > 0 ? { gravity } : {}),
      log: (line) => process.stderr.write(`deltanet: ${line}\n`),
    });
    const { run } = result;
    for (const w of result.warnings) {
      process.stderr.write(result.input === "tntp" ? `deltanet: warning: ${w.file}${w.line ? `:${w.line}` : ""} ${w.message}\n` : `deltanet: warning: ${w.message}\n`);
    }
    const sections = assignmentSections(run, result.roadSummary);
    const summaryText =
      argv.format === "json"
        ? formatJson(result.roadSummary ?? summarizeAssignmentRun(run))
        : argv.format === "markdown"
          ? formatMarkdown(sections, `deltanet assign: ${result.name}`)
          : formatTable(sections);
    if (argv.out !== undefined) writeOutput(formatLinkFlowsCsv(run), argv.out);
    if (argv.trace !== undefined) writeOutput(formatConvergenceCsv(run), argv.trace);
    writeOutput(summaryText, undefined);
    if (!run.converged) {
      const message = `assignment did not converge: relative gap ${run.relativeGap.toExponential(3)} > target ${run.parameters.relativeGapTarget} after ${run.iterations} iteration(s)`;
      if (argv["require-convergence"]) throw new NotConvergedError(message);
      process.stderr.write(`deltanet: warning: ${message}\n`);
    }
  },
};
