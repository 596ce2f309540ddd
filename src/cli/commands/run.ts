/**
 * `deltanet run <scenario> [--rules FILE]`: applies one scenario and prints its isochrones, connectivity and capacity;
 * with `--rules`, also the rules file's capacity queries and cutoffs (a baseline to save for `deltanet check`).
 */
import type { CommandModule } from "yargs";
import { checkOutputPaths, writeOutput } from "../output.ts";
import { withOutputOptions, type OutputArgs } from "./shared-options.ts";

interface RunArgs extends OutputArgs {
  scenario: string;
  rules?: string;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: "run <scenario>",
  describe: "Analyse one scenario file: commute isochrones, connectivity and capacity",
  builder: (y) =>
    withOutputOptions(
      y
        .positional("scenario", { type: "string", demandOption: true, describe: "scenario YAML file" })
        .option("rules", {
          type: "string",
          describe: "rules file (YAML) of a later `deltanet check`: adds its capacity queries and population-reach cutoffs, so this run can be its saved baseline",
        }),
    ) as never,
  handler: async (argv) => {
    const [{ runScenario }, { formatJson, formatMarkdown, formatTable }, { runSections }] = await Promise.all([
      import("../../api/run.ts"),
      import("../../report/format.ts"),
      import("../../report/sections.ts"),
    ]);
    checkOutputPaths(argv.out);
    process.stderr.write(`deltanet: running ${argv.scenario}\n`);
    const result = runScenario({ scenario: argv.scenario, cutoffsMin: argv["cutoff-min"], ...(argv.rules !== undefined ? { rules: argv.rules } : {}) });
    for (const w of result.scenario.warnings) process.stderr.write(`deltanet: warning: ${w.message}\n`);
    const sections = runSections(result);
    const text =
      argv.format === "json"
        ? formatJson(result)
        : argv.format === "markdown"
          ? formatMarkdown(sections, `deltanet run: ${result.scenario.name}`)
          : formatTable(sections);
    writeOutput(text, argv.out);
  },
};
